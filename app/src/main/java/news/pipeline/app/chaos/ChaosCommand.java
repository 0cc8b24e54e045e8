package news.pipeline.app.chaos;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import news.pipeline.common.cli.ConfigOptions;
import news.pipeline.common.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code news-pipeline chaos}: proves delivery guarantees by killing services while data flows. */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description = {
      "Runs an embedded Kafka cluster with classify and enrich as child JVMs, feeds generated"
          + " articles while killing a random instance with SIGKILL every 10-20 s, then reads every"
          + " output read_committed and checks it record for record: nothing lost, nothing"
          + " duplicated, per-partition order kept, one alert per announced policy.",
      "Exit code 0 when the run upholds the guarantee, 1 when it does not."
    })
public final class ChaosCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions;

  @Option(
      names = "--minutes",
      defaultValue = "3",
      description = "How long articles flow and instances are killed (default ${DEFAULT-VALUE}).")
  double minutes;

  @Option(
      names = "--guarantee",
      defaultValue = "exactly_once_v2",
      description = "exactly_once_v2 (default) or at_least_once.")
  String guarantee;

  @Option(
      names = "--rate",
      defaultValue = "35",
      description = "Articles produced per second (default ${DEFAULT-VALUE}).")
  int rate;

  @Option(
      names = "--brokers",
      defaultValue = "3",
      description =
          "Embedded KRaft nodes: 3 gives replication 3 and min.insync.replicas 2 (default"
              + " ${DEFAULT-VALUE}); 1 for a smaller machine.")
  int brokers;

  @Option(names = "--classify-instances", defaultValue = "2")
  int classifyInstances;

  @Option(names = "--enrich-instances", defaultValue = "2")
  int enrichInstances;

  @Option(
      names = "--kill-every-min",
      defaultValue = "PT10S",
      description = "Shortest pause between kills (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration killEveryMin;

  @Option(
      names = "--kill-every-max",
      defaultValue = "PT20S",
      description = "Longest pause between kills (default ${DEFAULT-VALUE}).")
  Duration killEveryMax;

  @Option(
      names = "--settle-within",
      defaultValue = "PT15M",
      description =
          "How long the outputs may take to catch up after the feed (default ${DEFAULT-VALUE}).")
  Duration settleWithin;

  @Option(names = "--random-seed", defaultValue = "20240601")
  long randomSeed;

  @Option(
      names = "--seeds",
      defaultValue = "seeds",
      description = "Seed articles the corpus is derived from (default ${DEFAULT-VALUE}).")
  Path seeds;

  @Option(
      names = "--work-dir",
      description = "Broker data, service state and logs (default: a new temporary directory).")
  Path workDir;

  @Option(names = "--report", paramLabel = "FILE.json", description = "Where to write the report.")
  Path report;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path work = workDir != null ? workDir : Files.createTempDirectory("news-chaos-");
    Duration feedFor = Duration.ofMillis((long) (minutes * 60_000));
    int articles = (int) Math.max(1, rate * feedFor.toSeconds());
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        "chaos: %d articles over %s, %d broker(s), %d classify + %d enrich instances, %s;"
            + " logs in %s%n",
        articles,
        feedFor,
        brokers,
        classifyInstances,
        enrichInstances,
        guarantee,
        work.resolve("logs"));
    err.flush();
    ChaosReport result =
        new ChaosRun(
                new ChaosRun.Plan(
                    guarantee,
                    articles,
                    feedFor,
                    brokers,
                    classifyInstances,
                    enrichInstances,
                    killEveryMin,
                    killEveryMax,
                    settleWithin,
                    randomSeed,
                    seeds,
                    work,
                    configOptions.flags()))
            .run();
    String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
    if (report != null) {
      Files.writeString(report, json);
    }
    spec.commandLine().getOut().println(json);
    return result.passed() ? 0 : 1;
  }
}
