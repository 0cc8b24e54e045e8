package news.pipeline.app.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code news-pipeline bench} measured, as written to the JSON report. Rates are per second,
 * latencies and times in milliseconds, heap in MiB.
 *
 * @param rawEnrichArticlesPerSec (a) enrichment alone, in-process, at the first thread count
 * @param rawEnrichCpuMsPerArticle (a) in CPU time of the enriching threads
 * @param pipelineArticlesPerSec (b) ingest → classify → enrich → domain topics, sustained
 * @param ratio b / a
 * @param domainLatencyMs (c) ingest → first domain topic, at the fixed rate
 * @param alertLatencyMs (c) ingest → policy alert, at the fixed rate
 * @param stageLatencyMs (c) the same run by stage, each the commit of one stage's transaction
 * @param utilization (c) the fixed rate against the pipeline's throughput (b): near 1 the latency
 *     is queueing
 * @param announcements articles of the fixed-rate run announcing a new policy
 * @param announcementsMarkedReposts of those, how many classify took for reposts (no alert due)
 * @param alertsExpected the others, each owing an alert
 * @param alertsSeen alerts that arrived for them
 * @param belowCapacity (c) again at a rate far below (b), so the latency is the stages' commits and
 *     work, not a queue; null if not run
 * @param heapMb (d) heap after full GC per service, after the rate phase
 * @param serviceCost what each service JVM spent during the throughput phase, and idle
 * @param nlpShareOfEnrichCpu raw enrichment CPU / enrich service CPU per article: the part of the
 *     service's work that is NLP, robust to other load on the machine
 * @param byLength (e) enrichment cost at about 1 k, 4 k and 16 k characters
 * @param byThreads (e) raw and pipeline throughput at each stream-thread count
 */
public record BenchReport(
    String startedAt,
    Conditions conditions,
    double rawEnrichArticlesPerSec,
    double rawEnrichCharsPerSec,
    double rawEnrichCpuMsPerArticle,
    double pipelineArticlesPerSec,
    double ratio,
    Latency domainLatencyMs,
    Latency alertLatencyMs,
    StageLatency stageLatencyMs,
    double utilization,
    int announcements,
    int announcementsMarkedReposts,
    int alertsExpected,
    int alertsSeen,
    RateRun belowCapacity,
    Map<String, Double> heapMb,
    Map<String, ServiceCost> serviceCost,
    double nlpShareOfEnrichCpu,
    List<LengthPoint> byLength,
    List<ThreadsPoint> byThreads,
    Map<String, Boolean> targetsMet) {

  /** Issue #7's targets. */
  public static final double TARGET_RATIO = 0.85;

  public static final double TARGET_ALERT_P99_MS = 300;
  public static final double TARGET_HEAP_MB = 256;

  /** How the run was made, so a figure can be judged and the run repeated. */
  public record Conditions(
      int articles,
      double meanChars,
      int rate,
      double rateSeconds,
      long randomSeed,
      String broker,
      int partitions,
      String processingGuarantee,
      long commitIntervalMs,
      String serviceHeap,
      List<String> serviceJvmOptions,
      int availableProcessors,
      String jvm,
      double loadAverageBefore,
      double loadAverageAfter) {}

  /**
   * Latency by stage, from the same scheduled send times as the end-to-end figures: under
   * exactly-once an article is visible downstream only once a stage's transaction commits, and each
   * stage below ends with one (classify's with two: its label task, then its dedup task behind the
   * single-partition repartition). Percentiles of stages do not add up to the end-to-end ones.
   *
   * @param ingestToRaw scheduled send → on {@code news.articles.raw} (ingest's transaction)
   * @param rawToClassified → on {@code news.articles.classified} (classify's two transactions)
   * @param ingestToClassified scheduled send → on {@code news.articles.classified}: the two above
   * @param classifiedToDomain → first copy on a domain topic (enrich's article task)
   * @param domainToAlert the announcing article's first domain copy → its alert (enrich's alert
   *     task, behind the repartition by policy title written in the article task's transaction)
   */
  public record StageLatency(
      Latency ingestToRaw,
      Latency rawToClassified,
      Latency ingestToClassified,
      Latency classifiedToDomain,
      Latency domainToAlert) {}

  /**
   * One fixed-rate run: latencies from each article's scheduled send time.
   *
   * @param utilization rate / the pipeline's sustained throughput (b)
   */
  public record RateRun(
      int rate,
      double seconds,
      double utilization,
      Latency domainLatencyMs,
      Latency alertLatencyMs,
      StageLatency stageLatencyMs,
      int announcements,
      int announcementsMarkedReposts,
      int alertsExpected,
      int alertsSeen) {}

  /**
   * One service's spending: process CPU, JIT compilation and collector time per article while the
   * throughput phase ran, and CPU per second while it idled beforehand (polls, commits, timers).
   */
  public record ServiceCost(
      double cpuMsPerArticle,
      double jitMsPerArticle,
      double gcMsPerArticle,
      double idleCpuMsPerSecond) {}

  /** Enrichment (and classification) of articles of about {@code targetChars} characters. */
  public record LengthPoint(
      int targetChars,
      int articles,
      double meanChars,
      double articlesPerSec,
      double charsPerSec,
      double msPerArticle,
      double msPerThousandChars,
      double cpuMsPerArticle,
      double cpuMsPerThousandChars,
      double classifyMsPerArticle) {}

  /** Throughput with this many enrich (and classify) stream threads, and raw threads. */
  public record ThreadsPoint(
      int threads, double rawArticlesPerSec, double pipelineArticlesPerSec, double ratio) {}

  static Map<String, Boolean> targets(
      double ratio, Latency alertLatency, Map<String, Double> heapMb) {
    return Map.of(
        "ratio>=0.85", ratio >= TARGET_RATIO,
        "alertP99<=300ms", alertLatency != null && alertLatency.p99() <= TARGET_ALERT_P99_MS,
        "heap<=256MB",
            !heapMb.isEmpty() && heapMb.values().stream().allMatch(mb -> mb <= TARGET_HEAP_MB));
  }

  /** The table the command prints and BENCHMARKS.md reproduces. */
  public void printTable(PrintWriter out) {
    Conditions c = conditions;
    out.printf(
        "%nnews-pipeline bench: %d articles (mean %.0f chars), %s broker, %d partitions, %s,"
            + " commit interval %d ms, service JVMs -Xmx%s%s, %d cores, load %.2f → %.2f%n",
        c.articles(),
        c.meanChars(),
        c.broker(),
        c.partitions(),
        c.processingGuarantee(),
        c.commitIntervalMs(),
        c.serviceHeap(),
        c.serviceJvmOptions().stream().map(option -> " " + option).collect(Collectors.joining()),
        c.availableProcessors(),
        c.loadAverageBefore(),
        c.loadAverageAfter());
    out.println("| measure | figure | target |");
    out.println("|---|---|---|");
    row(
        out,
        "(a) raw enrichment, in-process",
        f(
            "%.1f articles/s (%.0f chars/s); CPU %.2f ms/article",
            rawEnrichArticlesPerSec, rawEnrichCharsPerSec, rawEnrichCpuMsPerArticle),
        "");
    row(
        out,
        "(b) pipeline ingest → domain topics",
        f("%.1f articles/s", pipelineArticlesPerSec),
        "");
    row(out, "ratio b / a", f("%.2f", ratio), verdict("ratio>=0.85", "≥ 0.85"));
    RateRun atRate =
        new RateRun(
            c.rate(),
            c.rateSeconds(),
            utilization,
            domainLatencyMs,
            alertLatencyMs,
            stageLatencyMs,
            announcements,
            announcementsMarkedReposts,
            alertsExpected,
            alertsSeen);
    rateRows(out, "(c)", atRate, verdict("alertP99<=300ms", "p99 ≤ 300 ms"));
    if (belowCapacity != null) {
      rateRows(out, "(c) below capacity:", belowCapacity, "");
    }
    heapMb.forEach(
        (service, mb) ->
            row(
                out,
                "(d) heap after GC, " + service,
                f("%.1f MB", mb),
                verdict("heap<=256MB", "≤ 256 MB")));
    serviceCost.forEach(
        (service, cost) ->
            row(
                out,
                "CPU per article, " + service + " service",
                f(
                    "%.2f ms (JIT %.2f ms, GC %.2f ms); idle %.0f ms CPU/s",
                    cost.cpuMsPerArticle(),
                    cost.jitMsPerArticle(),
                    cost.gcMsPerArticle(),
                    cost.idleCpuMsPerSecond()),
                ""));
    row(out, "NLP share of enrich CPU (raw / service)", f("%.2f", nlpShareOfEnrichCpu), "");
    for (LengthPoint p : byLength) {
      row(
          out,
          f("(e) length ≈ %d chars (mean %.0f)", p.targetChars(), p.meanChars()),
          f(
              "%.1f articles/s; CPU %.1f ms/article, %.1f ms per 1k chars; classify %.3f ms",
              p.articlesPerSec(),
              p.cpuMsPerArticle(),
              p.cpuMsPerThousandChars(),
              p.classifyMsPerArticle()),
          "linear");
    }
    for (ThreadsPoint p : byThreads) {
      row(
          out,
          f("(e) %d stream thread%s", p.threads(), p.threads() == 1 ? "" : "s"),
          f(
              "raw %.1f/s, pipeline %.1f/s, ratio %.2f",
              p.rawArticlesPerSec(), p.pipelineArticlesPerSec(), p.ratio()),
          "");
    }
    out.flush();
  }

  private static void rateRows(PrintWriter out, String label, RateRun run, String alertTarget) {
    row(
        out,
        f(
            "%s ingest → domain topic at %d/s (%.2f of capacity b)",
            label, run.rate(), run.utilization()),
        latency(run.domainLatencyMs()),
        "");
    row(
        out,
        f(
            "%s ingest → alert at %d/s (%d of %d alerts; %d of %d announcements were reposts)",
            label,
            run.rate(),
            run.alertsSeen(),
            run.alertsExpected(),
            run.announcementsMarkedReposts(),
            run.announcements()),
        latency(run.alertLatencyMs()),
        alertTarget);
    StageLatency stages = run.stageLatencyMs();
    row(out, label + " stage ingest → raw (ingest commits)", latency(stages.ingestToRaw()), "");
    row(
        out,
        label + " stage raw → classified (classify: label, then dedup commits)",
        latency(stages.rawToClassified()),
        "");
    row(out, label + " stage ingest → classified", latency(stages.ingestToClassified()), "");
    row(
        out,
        label + " stage classified → domain (enrich article task commits)",
        latency(stages.classifiedToDomain()),
        "");
    row(
        out,
        label + " stage domain → alert (enrich alert task commits)",
        latency(stages.domainToAlert()),
        "");
  }

  private String verdict(String key, String target) {
    Boolean met = targetsMet.get(key);
    return target + (met == null ? "" : met ? " ✔" : " ✘");
  }

  private static String latency(Latency latency) {
    return latency == null
        ? "no samples"
        : f(
            "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (max %.0f, n=%d)",
            latency.p50(), latency.p95(), latency.p99(), latency.max(), latency.count());
  }

  private static void row(PrintWriter out, String measure, String figure, String target) {
    out.println("| " + measure + " | " + figure + " | " + target + " |");
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
