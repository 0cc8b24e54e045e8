package news.pipeline.enrich.alert;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.model.PolicyAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one alert to one receiver, retrying with exponential backoff (initial, doubled, capped)
 * until it is accepted or the attempts run out. Connection errors, timeouts, 429/5xx and robot
 * {@code errcode}s are retried; other 4xx are not, since sending the same body again cannot help.
 */
public final class WebhookSender {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

  private final HttpClient http;
  private final Duration timeout;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;

  public WebhookSender(
      Duration timeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.timeout = timeout;
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
  }

  public static WebhookSender fromConfig(PipelineConfig config) {
    return new WebhookSender(
        config.getDuration(WebhookTarget.PREFIX + "timeout"),
        config.getInt(WebhookTarget.PREFIX + "max.attempts"),
        config.getDuration(WebhookTarget.PREFIX + "backoff.initial"),
        config.getDuration(WebhookTarget.PREFIX + "backoff.max"));
  }

  /** True when the receiver accepted the alert; false after the last attempt failed. */
  public boolean send(WebhookTarget target, PolicyAlert alert) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(target.url())
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(target.format().body(alert)))
            .build();
    Duration backoff = initialBackoff;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      String failure;
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 == 2 && target.format().accepted(response.body())) {
          return true;
        }
        failure = "HTTP " + status + " " + abbreviate(response.body());
        if (status / 100 == 4 && status != 408 && status != 429) {
          LOG.error(
              "webhook {} rejected alert《{}》: {}", target.url(), alert.policyTitle(), failure);
          return false;
        }
      } catch (IOException e) {
        failure = e.toString();
      }
      if (attempt == maxAttempts) {
        LOG.error(
            "webhook {} failed {} times for《{}》, giving up: {}",
            target.url(),
            attempt,
            alert.policyTitle(),
            failure);
        return false;
      }
      LOG.warn(
          "webhook {} attempt {} failed ({}), retrying in {}",
          target.url(),
          attempt,
          failure,
          backoff);
      Thread.sleep(backoff.toMillis());
      backoff =
          backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
    }
    return false;
  }

  private static String abbreviate(String body) {
    return body == null || body.length() <= 200 ? body : body.substring(0, 200) + "…";
  }
}
