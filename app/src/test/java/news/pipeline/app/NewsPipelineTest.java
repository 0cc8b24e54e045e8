package news.pipeline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertPathBuilderException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.Test;

class NewsPipelineTest {
  @Test
  void shouldEndTheErrorLineWithTheInnermostCauseWhenTheTopMessageDoesNotSayWhy() {
    SSLHandshakeException untrusted =
        new SSLHandshakeException(
            "PKIX path building failed: unable to find valid certification path to requested"
                + " target");
    untrusted.initCause(
        new CertPathBuilderException(
            "unable to find valid certification path to requested target"));
    Exception error =
        new IllegalStateException(
            "cannot list topics: SSL handshake failed",
            new ExecutionException(
                new SslAuthenticationException("SSL handshake failed", untrusted)));

    assertThat(NewsPipeline.oneLine(error))
        .isEqualTo(
            "cannot list topics: SSL handshake failed:"
                + " unable to find valid certification path to requested target");
  }

  @Test
  void shouldKeepTheMessageWhenItAlreadySaysWhatTheInnermostCauseSays() {
    String refused =
        "Authentication failed during authentication due to invalid credentials with SASL"
            + " mechanism SCRAM-SHA-512";
    Exception error =
        new IllegalStateException(
            "cannot list topics: " + refused,
            new ExecutionException(new SaslAuthenticationException(refused)));

    assertThat(NewsPipeline.oneLine(error)).isEqualTo("cannot list topics: " + refused);
  }

  @Test
  void shouldKeepTheMessageWhenThereIsNoCause() {
    assertThat(NewsPipeline.oneLine(new IllegalArgumentException("missing configuration: x")))
        .isEqualTo("missing configuration: x");
  }
}
