package news.pipeline.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import news.pipeline.common.cli.ConfigOptions;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code news-pipeline bench}: how fast the pipeline is, against the cost of its NLP work. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures on a generated corpus derived from the seed articles: (a) enrichment alone,"
          + " in-process; (b) sustained throughput ingest → classify → enrich → domain topics;"
          + " (c) latency ingest → domain topic and ingest → policy alert at a fixed rate, by"
          + " stage, and again far below capacity;"
          + " (d) heap after GC per service; (e) cost by article length and by stream threads."
          + " Classify and enrich run as child JVMs, as deployed. Prints a table and writes a"
          + " JSON report.",
      "Embedded broker by default; with -b HOST:PORT the services run against that cluster"
          + " under application ids of their own. --config and -D settings (e.g. -D"
          + " news.streams.commit.interval.ms=50) apply to the services too."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:measured (targets met or not: see the table)",
      "1:the run failed",
      "2:bad usage"
    })
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ConfigOptions config;

  @Option(
      names = "--articles",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Articles per throughput run (default: ${DEFAULT-VALUE}).")
  int articles;

  @Option(
      names = "--rate",
      paramLabel = "R",
      defaultValue = "50",
      description = "Articles per second in the latency run (default: ${DEFAULT-VALUE}).")
  int rate;

  @Option(
      names = "--rate-duration",
      paramLabel = "DURATION",
      defaultValue = "PT30S",
      description = "How long the latency run sends (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration rateDuration;

  @Option(
      names = "--quiet-rate",
      paramLabel = "R",
      defaultValue = "5",
      description =
          "Articles per second of a second latency run, far below capacity, so its latency is the"
              + " stages' commits and work rather than queueing; as long as the first; 0 skips it"
              + " (default: ${DEFAULT-VALUE}).")
  int quietRate;

  @Option(
      names = "--threads",
      paramLabel = "N",
      split = ",",
      defaultValue = "1,2",
      description =
          "Stream-thread counts to compare; the first is the main run (default: ${DEFAULT-VALUE}).")
  List<Integer> threads;

  @Option(
      names = "--lengths",
      paramLabel = "CHARS",
      split = ",",
      defaultValue = "1000,4000,16000",
      description = "Article lengths for the cost series (default: ${DEFAULT-VALUE}).")
  List<Integer> lengths;

  @Option(
      names = "--chars-per-length",
      paramLabel = "CHARS",
      defaultValue = "400000",
      description = "Characters enriched at each length (default: ${DEFAULT-VALUE}).")
  int charsPerLength;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "7",
      description = "Random seed of the corpus generator (default: ${DEFAULT-VALUE}).")
  long randomSeed;

  @Option(
      names = "--service-heap",
      paramLabel = "SIZE",
      defaultValue = "512m",
      description = "Maximum heap (-Xmx) of each service JVM (default: ${DEFAULT-VALUE}).")
  String serviceHeap;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Articles each run is warmed up on before anything is timed (default 0: as many as"
              + " --articles, at least 20 and at most 1000): fewer leave the services' JIT"
              + " compiling through the measurement.")
  int warmup;

  @Option(
      names = "--service-jvm-opt",
      paramLabel = "OPTION",
      description = {
        "A further option for each service JVM, repeatable, e.g."
            + " --service-jvm-opt=-XX:StartFlightRecording=filename={name}.jfr,dumponexit=true,settings=profile"
            + " to profile the services; {name} becomes the instance's name (classify-t1,"
            + " enrich-t1, …; t: stream threads) so each writes its own file. Relative paths are"
            + " from the current directory."
      })
  List<String> serviceJvmOptions = new ArrayList<>();

  @Option(
      names = "--seeds",
      paramLabel = "DIR",
      description = "Seed articles to derive the corpus from (default: the repository's seeds/).")
  Path seeds;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "PT10M",
      description = "Longest wait for one phase's articles (ISO-8601, default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description = "Keep the broker data, service state and logs here (default: temporary).")
  Path workDir;

  @Option(
      names = "--report",
      paramLabel = "FILE.json",
      required = true,
      description = "Where to write the JSON report.")
  Path report;

  @Override
  public Integer call() throws Exception {
    validate();
    PipelineConfig settings = config.load();
    Map<String, String> flags = new LinkedHashMap<>(config.flags());
    boolean embedded = !flags.containsKey(PipelineConfig.BOOTSTRAP_SERVERS);
    Path seedsDir = seeds != null ? seeds : BenchCorpus.locateSeeds();
    Path dir = workDir != null ? Files.createDirectories(workDir) : PipelineBench.createWorkDir();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      BenchReport result =
          new PipelineBench(
                  settings,
                  spec.findOption("--config").getValue(),
                  flags,
                  embedded,
                  new PipelineBench.Settings(
                      articles,
                      rate,
                      rateDuration,
                      quietRate,
                      threads,
                      lengths,
                      charsPerLength,
                      randomSeed,
                      serviceHeap,
                      serviceJvmOptions,
                      timeout,
                      warmup > 0 ? warmup : Math.max(20, Math.min(1000, articles))),
                  dir,
                  err)
              .run(BenchCorpus.readSeeds(seedsDir));
      Path parent = report.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(
          report, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
      result.printTable(out);
      out.printf("%nReport: %s%n", report);
      out.flush();
      return 0;
    } finally {
      if (workDir == null) {
        deleteRecursively(dir);
      }
    }
  }

  private void validate() {
    List<String> problems = new ArrayList<>();
    if (articles < 1) {
      problems.add("--articles must be at least 1");
    }
    if (rate < 1) {
      problems.add("--rate must be at least 1");
    }
    if (quietRate < 0) {
      problems.add("--quiet-rate must not be negative");
    }
    if (rateDuration.isNegative() || rateDuration.isZero()) {
      problems.add("--rate-duration must be positive");
    }
    if (threads.isEmpty() || threads.stream().anyMatch(t -> t < 1)) {
      problems.add("--threads must list counts of at least 1");
    }
    if (warmup < 0) {
      problems.add("--warmup must not be negative");
    }
    if (lengths.stream().anyMatch(l -> l < 100)) {
      problems.add("--lengths must be at least 100 characters each");
    }
    if (!problems.isEmpty()) {
      throw new ParameterException(spec.commandLine(), String.join("; ", problems));
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
