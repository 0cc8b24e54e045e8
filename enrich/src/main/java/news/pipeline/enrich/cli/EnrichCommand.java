package news.pipeline.enrich.cli;

import java.time.Duration;
import java.util.List;
import news.pipeline.common.cli.StreamsServiceCommand;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.kafka.StreamsRunner;
import news.pipeline.enrich.EnrichService;
import news.pipeline.enrich.alert.WebhookDelivery;
import picocli.CommandLine.Command;

/**
 * {@code news-pipeline enrich}: runs the enrich service (and webhook delivery) until interrupted.
 */
@Command(
    name = "enrich",
    mixinStandardHelpOptions = true,
    description =
        "Runs the enrich service: news.articles.classified → entities, region, policies →"
            + " news.domain.<id> and news.alerts.policy, plus webhook delivery of alerts when"
            + " news.alerts.webhook.*.url is set, until interrupted.")
public final class EnrichCommand extends StreamsServiceCommand {
  @Override
  protected StreamsRunner start(PipelineConfig config, Duration readyWithin)
      throws InterruptedException {
    return EnrichService.start(config, readyWithin);
  }

  /** Webhook delivery runs on its own consumer, so an outage never blocks the stream. */
  @Override
  protected List<Companion> companions(PipelineConfig config) {
    if (!WebhookDelivery.configured(config)) {
      return List.of();
    }
    WebhookDelivery delivery = WebhookDelivery.fromConfig(config);
    new Thread(delivery, "webhook-delivery").start();
    return List.of(new Companion("webhook delivery", delivery));
  }
}
