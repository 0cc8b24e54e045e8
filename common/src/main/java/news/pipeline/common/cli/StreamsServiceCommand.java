package news.pipeline.common.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.kafka.StreamsRunner;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that runs one Streams service until the process is stopped: start, report, wait; a
 * shutdown hook closes the companions first, then the service, so nothing is cut mid-write.
 */
public abstract class StreamsServiceCommand implements Callable<Integer> {
  @Mixin protected ConfigOptions configOptions;

  @Option(
      names = "--ready-within",
      paramLabel = "DURATION",
      defaultValue = "PT2M",
      description =
          "How long to wait for the service to start (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration readyWithin;

  @Spec CommandSpec spec;

  /** Starts the service and waits until it is RUNNING. */
  protected abstract StreamsRunner start(PipelineConfig config, Duration readyWithin)
      throws InterruptedException;

  /** Something started beside the service and closed before it, such as webhook delivery. */
  public record Companion(String name, AutoCloseable resource) {}

  /** Starts the companions this configuration asks for; none by default. */
  protected List<Companion> companions(PipelineConfig config) {
    return List.of();
  }

  @Override
  public Integer call() throws Exception {
    PipelineConfig config = configOptions.load();
    StreamsRunner runner = start(config, readyWithin);
    List<Companion> companions = companions(config);
    String name = spec.name();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Companion companion : companions) {
                    try {
                      companion.resource().close();
                    } catch (Exception e) {
                      spec.commandLine().getErr().println(name + ": " + e.getMessage());
                    }
                  }
                  runner.close();
                },
                name + "-shutdown"));
    spec.commandLine()
        .getErr()
        .println(
            name
                + ": running"
                + companions.stream().map(c -> " with " + c.name()).collect(Collectors.joining())
                + "; Ctrl-C stops it");
    runner.awaitStop();
    return 0;
  }
}
