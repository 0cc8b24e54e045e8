package news.pipeline.app;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import news.pipeline.common.cli.ConfigOptions;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.EnrichedArticle;
import news.pipeline.common.model.Entities;
import news.pipeline.common.model.Official;
import news.pipeline.common.model.Organization;
import news.pipeline.common.model.Policy;
import news.pipeline.common.model.PolicyAlert;
import news.pipeline.common.model.Region;
import news.pipeline.ingest.IngestSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code news-pipeline demo}: the whole pipeline on this machine, on the sample articles, with a
 * readable account of what reached each domain topic and which policy alerts were raised.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Starts an embedded Kafka broker, creates every topic, runs classify and enrich as two Kafka"
          + " Streams applications, ingests the seed articles (or --input) and waits until each"
          + " article has reached every one of its domain topics; then prints, per domain, each"
          + " article with its region, officials, organizations and policies, and the policy"
          + " alerts raised.",
      "With -b HOST:PORT it runs against that cluster instead of an embedded broker."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:every article reached its domain topics",
      "1:the timeout passed first (the articles still missing are listed)",
      "2:bad usage, or the pipeline could not start"
    })
public final class DemoCommand implements Callable<Integer> {
  private static final int TOP = 3;

  @Spec CommandSpec spec;

  @Mixin ConfigOptions config;

  @Option(
      names = "--input",
      paramLabel = "DIR|FILE",
      arity = "1..*",
      description = "Files or directories to ingest (default: the repository's seeds/ folder).")
  List<Path> inputs = new ArrayList<>();

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Keep the broker's data and the services' state here (default: temporary).")
  Path dataDir;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "PT120S",
      converter = DurationConverter.class,
      description =
          "How long to wait for the articles, e.g. 120s, PT2M (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--keep-running",
      description = "Keep the broker and the services running after the summary (Ctrl-C stops).")
  boolean keepRunning;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<Path> input = inputs.isEmpty() ? List.of(defaultSeeds()) : inputs;
    for (Path path : input) {
      if (!Files.exists(path)) {
        throw new ParameterException(spec.commandLine(), "no such file or directory: " + path);
      }
    }
    long started = System.nanoTime();
    PipelineConfig settings = config.load();
    boolean external = config.flags().containsKey(PipelineConfig.BOOTSTRAP_SERVERS);
    Duration readyWithin = Duration.ofSeconds(60);
    LocalPipeline pipeline =
        external
            ? LocalPipeline.onCluster(settings, readyWithin)
            : LocalPipeline.withEmbeddedBroker(settings, dataDir, readyWithin);
    try {
      out.printf(
          "Kafka at %s (%s); classify and enrich running; %d domain topics.%n",
          pipeline.bootstrapServers(),
          external ? "external cluster" : "embedded broker",
          pipeline.domainIds().size());
      IngestSummary ingested = pipeline.ingest(input);
      out.printf(
          "Ingested %s: %s.%n",
          input.stream().map(Path::toString).collect(Collectors.joining(", ")),
          ingested.describe());
      out.flush();

      PipelineOutput output = pipeline.awaitOutput(ingested.articleIds(), timeout);
      printDomains(out, pipeline, output, ingested.articleIds());
      printAlerts(out, output.alerts());
      List<String> missing = output.undelivered(ingested.articleIds());
      int copies = output.delivered().values().stream().mapToInt(Map::size).sum();
      out.printf(
          "%nDone in %.1f s: %d articles, %d domain deliveries, %d policy alerts, %d rejected"
              + " input, %d undecodable records.%n",
          (System.nanoTime() - started) / 1e9,
          ingested.articleIds().size(),
          copies,
          output.alerts().size(),
          ingested.rejected(),
          output.rejected().size());
      output.rejected().forEach(reason -> out.println("  undecodable: " + reason));
      out.flush();
      if (!missing.isEmpty()) {
        spec.commandLine()
            .getErr()
            .printf(
                "error: %d of %d articles did not reach all their domain topics within %s: %s%n",
                missing.size(), ingested.articleIds().size(), timeout, missing);
        return 1;
      }
      if (keepRunning) {
        awaitInterrupt(out, pipeline);
      }
      return 0;
    } finally {
      pipeline.close();
    }
  }

  private void printDomains(
      PrintWriter out, LocalPipeline pipeline, PipelineOutput output, List<String> ids) {
    output
        .byDomain(ids, pipeline.domainIds())
        .forEach(
            (domain, articles) -> {
              out.printf(
                  "%n== %s (%s): %d articles%n",
                  domain, Topics.domain(domain).name(), articles.size());
              articles.forEach(article -> printArticle(out, article));
            });
  }

  private static void printArticle(PrintWriter out, EnrichedArticle article) {
    out.printf(
        "  * %s%s%n",
        article.title(),
        article.duplicateOf() == null ? "" : "  (duplicate of " + article.duplicateOf() + ")");
    Entities entities = article.entities();
    line(out, "region", region(article.region()));
    line(out, "officials", top(entities.officials(), DemoCommand::official));
    line(out, "organizations", top(entities.organizations(), Organization::name));
    line(out, "policies", top(entities.policies(), DemoCommand::policy));
  }

  private static void printAlerts(PrintWriter out, List<PolicyAlert> alerts) {
    out.printf("%n== policy alerts (%s): %d%n", Topics.POLICY_ALERTS.name(), alerts.size());
    for (PolicyAlert alert : alerts) {
      out.printf(
          "  ! %s — %s%s%n      article: %s%n",
          alert.policyTitle(),
          Objects.requireNonNullElse(alert.action(), "announced"),
          alert.issuer() == null ? "" : " by " + alert.issuer(),
          alert.articleTitle());
    }
  }

  private static void line(PrintWriter out, String label, String value) {
    if (!value.isEmpty()) {
      out.printf("      %-14s %s%n", label + ":", value);
    }
  }

  private static <T> String top(List<T> items, java.util.function.Function<T, String> render) {
    if (items == null || items.isEmpty()) {
      return "";
    }
    String shown = items.stream().limit(TOP).map(render).collect(Collectors.joining("; "));
    return items.size() > TOP ? shown + " (+" + (items.size() - TOP) + " more)" : shown;
  }

  private static String official(Official official) {
    String title =
        Stream.of(official.organization(), official.title())
            .filter(s -> s != null && !s.isBlank())
            .collect(Collectors.joining(""));
    return title.isEmpty() ? official.name() : official.name() + " (" + title + ")";
  }

  private static String policy(Policy policy) {
    List<String> notes = new ArrayList<>();
    if (policy.action() != null) {
      notes.add(policy.action());
    }
    if (policy.issuer() != null) {
      notes.add(policy.issuer());
    }
    return notes.isEmpty()
        ? policy.title()
        : policy.title() + " (" + String.join(", ", notes) + ")";
  }

  private static String region(Region region) {
    if (region == null) {
      return "";
    }
    return Stream.of(region.province(), region.city(), region.county())
        .filter(s -> s != null && !s.isBlank())
        .distinct()
        .collect(Collectors.joining(" "));
  }

  private void awaitInterrupt(PrintWriter out, LocalPipeline pipeline) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              pipeline.close();
              stopped.countDown();
            },
            "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.printf(
        "%nStill running: Kafka at %s (bootstrap.servers). Ctrl-C stops everything.%n",
        pipeline.bootstrapServers());
    out.flush();
    stopped.await();
  }

  /** {@code seeds/} in the working directory or above it, else next to the installed jar. */
  private Path defaultSeeds() {
    List<Path> starts = new ArrayList<>();
    starts.add(Path.of("").toAbsolutePath());
    try {
      starts.add(
          Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException | SecurityException e) {
      // Running from an unusual class loader: the working directory is the only guess.
    }
    for (Path start : starts) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        Path seeds = dir.resolve("seeds");
        if (Files.isDirectory(seeds)) {
          return seeds;
        }
      }
    }
    throw new ParameterException(
        spec.commandLine(), "no seeds/ folder here or above; name the articles with --input");
  }

  /** Accepts ISO-8601 (PT2M) and the short forms 90s, 2m, 500ms. */
  static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String text = value.trim().toLowerCase(java.util.Locale.ROOT);
      if (text.startsWith("p")) {
        return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
      }
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      long amount = Long.parseLong(text.substring(0, text.length() - 1));
      return switch (text.charAt(text.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> Duration.ofSeconds(Long.parseLong(text));
      };
    }
  }
}
