package news.pipeline.enrich;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.kafka.StreamsRunner;
import news.pipeline.common.kafka.StreamsSettings;
import news.pipeline.common.kafka.TopicProvisioner;
import news.pipeline.common.kafka.Topics;

/** Starts the enrich service: HanLP warmed up, topics ensured, streams RUNNING. */
public final class EnrichService {

  public static final String APPLICATION_ID = "news.enrich.application.id";

  /** Domains whose topics enrich makes sure exist; the taxonomy may add more. */
  public static final String DOMAINS = "news.enrich.domains";

  private EnrichService() {}

  public static StreamsRunner start(PipelineConfig config, Duration readyWithin)
      throws InterruptedException {
    // Loading and warming HanLP takes about a second; do it before joining the group.
    ArticleEnricher enricher = ArticleEnricher.fromConfig(config);
    TopicProvisioner.ensure(config, topicNames(config));
    return new StreamsRunner(
            "enrich",
            EnrichTopology.buildTopology(enricher),
            StreamsSettings.forApplication(config, config.get(APPLICATION_ID)))
        .start(readyWithin);
  }

  /** Every topic the service reads or writes for the configured domains. */
  public static List<String> topicNames(PipelineConfig config) {
    Set<String> names = new LinkedHashSet<>(Topics.allNames(domainIds(config)));
    return new ArrayList<>(names);
  }

  public static List<String> domainIds(PipelineConfig config) {
    return List.of(config.get(DOMAINS).split("\\s*,\\s*"));
  }
}
