package news.pipeline.classify;

import java.time.Duration;
import java.util.List;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.kafka.StreamsRunner;
import news.pipeline.common.kafka.StreamsSettings;
import news.pipeline.common.kafka.TopicProvisioner;
import news.pipeline.common.kafka.Topics;

/** Runs the classify topology against the configured cluster. */
public final class ClassifyService {
  public static final String APPLICATION_ID = "news.classify.application.id";

  private ClassifyService() {}

  /** Creates missing topics, starts the service and waits until it is RUNNING. */
  public static StreamsRunner start(PipelineConfig config, Duration readyWithin)
      throws InterruptedException {
    TopicProvisioner.ensure(
        config,
        List.of(
            Topics.RAW_ARTICLES.name(),
            Topics.CLASSIFIED_ARTICLES.name(),
            Topics.DEAD_LETTERS.name()));
    return new StreamsRunner(
            "classify",
            ClassifyTopology.buildTopology(config),
            StreamsSettings.forApplication(config, config.get(APPLICATION_ID)))
        .start(readyWithin);
  }

  /** Every domain id of the configured taxonomy, {@code other} included. */
  public static List<String> domainIds(PipelineConfig config) {
    return Taxonomy.fromConfig(config).domainIds();
  }
}
