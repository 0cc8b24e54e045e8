package news.pipeline.app.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * @param announcements articles of the fixed-rate run announcing a new policy
 * @param announcementsMarkedReposts of those, how many classify took for reposts (no alert due)
 * @param alertsExpected the others, each owing an alert
 * @param alertsSeen alerts that arrived for them
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
    int announcements,
    int announcementsMarkedReposts,
    int alertsExpected,
    int alertsSeen,
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
      int availableProcessors,
      String jvm,
      double loadAverageBefore,
      double loadAverageAfter) {}

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
            + " commit %d ms, %d cores, load %.2f → %.2f%n",
        c.articles(),
        c.meanChars(),
        c.broker(),
        c.partitions(),
        c.processingGuarantee(),
        c.commitIntervalMs(),
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
    row(out, f("(c) ingest → domain topic at %d/s", c.rate()), latency(domainLatencyMs), "");
    row(
        out,
        f(
            "(c) ingest → alert at %d/s (%d of %d alerts; %d of %d announcements were reposts)",
            c.rate(), alertsSeen, alertsExpected, announcementsMarkedReposts, announcements),
        latency(alertLatencyMs),
        verdict("alertP99<=300ms", "p99 ≤ 300 ms"));
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
