package news.pipeline.classify.cli;

import java.time.Duration;
import news.pipeline.classify.ClassifyService;
import news.pipeline.common.cli.StreamsServiceCommand;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.kafka.StreamsRunner;
import picocli.CommandLine.Command;

/** {@code news-pipeline classify}: runs the classify service until interrupted. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description =
        "Runs the classify service: news.articles.raw → domain labels, evidence and reposts →"
            + " news.articles.classified, until interrupted.")
public final class ClassifyCommand extends StreamsServiceCommand {
  @Override
  protected StreamsRunner start(PipelineConfig config, Duration readyWithin)
      throws InterruptedException {
    return ClassifyService.start(config, readyWithin);
  }
}
