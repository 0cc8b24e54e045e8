package news.pipeline.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import news.pipeline.classify.ArticleClassifier;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.EnrichedArticle;
import news.pipeline.enrich.ArticleEnricher;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Articles enriched per second per thread (segmentation, people, organizations, places, region,
 * policies, dates, quantities, keywords, summary) at about 1 k, 4 k and 16 k characters; {@code
 * chars} reports characters per second, which stays flat if cost is linear in length; {@code cpuMs
 * / kChars} is the thread's CPU time per 1 k characters, which a loaded machine leaves nearly
 * unchanged where it halves the rates.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx1g"})
@State(Scope.Thread)
public class EnricherBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @Param({"1000", "4000", "16000"})
  public int targetChars;

  private ArticleEnricher enricher;
  private List<ClassifiedArticle> articles;
  private int next;

  /** Characters enriched, reported per second beside the articles. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counts {
    public long chars;

    @Setup(Level.Iteration)
    public void reset() {
      chars = 0;
    }
  }

  /**
   * The enriching thread's CPU time and the characters it enriched, as totals over the measured
   * iterations (JMH sums event counters): {@code cpuMs / kChars} is CPU ms per 1 k characters.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class CpuCost {
    public double cpuMs;
    public double kChars;

    @Setup(Level.Iteration)
    public void reset() {
      cpuMs = 0;
      kChars = 0;
    }
  }

  @Setup
  public void setUp() {
    PipelineConfig config = PipelineConfig.defaults();
    enricher = ArticleEnricher.fromConfig(config);
    ArticleClassifier classifier = ArticleClassifier.fromConfig(config);
    articles = Articles.generated(targetChars).stream().map(classifier::classify).toList();
  }

  @Benchmark
  public EnrichedArticle enrich(Counts counts, CpuCost cpu) {
    ClassifiedArticle article = articles.get(next);
    next = (next + 1) % articles.size();
    int chars = article.text().length() + article.title().length();
    counts.chars += chars;
    long start = THREADS.getCurrentThreadCpuTime();
    EnrichedArticle enriched = enricher.enrich(article);
    cpu.cpuMs += (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
    cpu.kChars += chars / 1000.0;
    return enriched;
  }
}
