package news.pipeline.enrich.alert;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import news.pipeline.common.config.PipelineConfig;

/** One receiver: where alerts are posted and in which format. */
public record WebhookTarget(WebhookFormat format, URI url) {

  static final String PREFIX = "news.alerts.webhook.";

  /** {@code news.alerts.webhook.<generic|dingtalk|wecom>.url}; blank means not configured. */
  public static List<WebhookTarget> fromConfig(PipelineConfig config) {
    List<WebhookTarget> targets = new ArrayList<>();
    for (WebhookFormat format : WebhookFormat.values()) {
      String key = PREFIX + format.name().toLowerCase(Locale.ROOT) + ".url";
      if (config.has(key)) {
        targets.add(new WebhookTarget(format, URI.create(config.get(key))));
      }
    }
    return List.copyOf(targets);
  }
}
