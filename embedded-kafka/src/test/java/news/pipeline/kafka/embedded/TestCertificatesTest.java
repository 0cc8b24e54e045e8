package news.pipeline.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The throwaway PKI is what TLS tests rely on: who signed what, for which names and uses. */
class TestCertificatesTest {
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  @TempDir static Path dir;

  private static TestCertificates pki;
  private static X509Certificate ca;

  @BeforeAll
  static void createPki() throws Exception {
    pki = TestCertificates.create(dir);
    KeyStore trust = load(pki.truststore());
    assertThat(Collections.list(trust.aliases())).hasSize(1);
    String alias = trust.aliases().nextElement();
    assertThat(trust.isCertificateEntry(alias)).as("only a trusted certificate, no key").isTrue();
    ca = (X509Certificate) trust.getCertificate(alias);
  }

  @Test
  void shouldTrustOnlyTheCaWhoseKeyIsGoneWhenCreated() throws Exception {
    assertThat(ca.getBasicConstraints()).as("a CA certificate").isGreaterThanOrEqualTo(0);
    ca.verify(ca.getPublicKey());
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("ca.p12", "broker.p12", "client.p12", "stranger.p12");
    }
  }

  @Test
  void shouldSignTheBrokerCertificateForLocalhostWhenCreated() throws Exception {
    X509Certificate[] chain = chain(pki.brokerKeystore());

    assertThat(chain).hasSize(2);
    assertThat(chain[1]).isEqualTo(ca);
    chain[0].verify(ca.getPublicKey());
    assertThat(chain[0].getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
    assertThat(chain[0].getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    assertThat(chain[0].getBasicConstraints()).as("not a CA").isEqualTo(-1);
  }

  @Test
  void shouldSignTheClientCertificateForClientAuthenticationWhenCreated() throws Exception {
    X509Certificate[] chain = chain(pki.clientKeystore());

    assertThat(chain).hasSize(2);
    chain[0].verify(ca.getPublicKey());
    assertThat(chain[0].getSubjectX500Principal().getName())
        .isEqualTo(TestCertificates.CLIENT_SUBJECT);
    assertThat(chain[0].getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
  }

  @Test
  void shouldLeaveTheStrangerUnsignedByTheCaWhenCreated() throws Exception {
    X509Certificate[] chain = chain(pki.strangerKeystore());

    assertThat(chain).hasSize(1);
    chain[0].verify(chain[0].getPublicKey());
    assertThat(catchThrowable(() -> chain[0].verify(ca.getPublicKey())))
        .isInstanceOf(SignatureException.class);
  }

  private static X509Certificate[] chain(Path keystore) throws Exception {
    KeyStore store = load(keystore);
    List<String> aliases = Collections.list(store.aliases());
    assertThat(aliases).hasSize(1);
    assertThat(store.isKeyEntry(aliases.get(0))).isTrue();
    return List.of(store.getCertificateChain(aliases.get(0))).toArray(X509Certificate[]::new);
  }

  private static KeyStore load(Path path) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(path)) {
      store.load(in, pki.password().toCharArray());
    }
    return store;
  }
}
