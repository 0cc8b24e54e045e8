package news.pipeline.benchmarks;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import news.pipeline.classify.ArticleClassifier;
import news.pipeline.classify.BodySketch;
import news.pipeline.classify.DuplicateDetector;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.RawArticle;
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
 * Per article and thread, each step of the classify service's own work: labels, scores and evidence
 * ({@code classify}; target ≥ 20,000/s at seed length) and the body's SimHash ({@code sketchBody}),
 * over generated articles of the seeds' length ({@code targetChars} 0, ≈ 1 k chars) and longer, and
 * the serial repost lookup with {@value #RETAINED} articles remembered ({@code lookUpRepost},
 * independent of {@code targetChars}). Every call takes the next of 200 distinct articles and
 * returns its result to JMH, so nothing is folded away.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx512m"})
@State(Scope.Thread)
public class ClassifierBenchmark {
  /** About 30 days of a busy feed: the retention the dedup index is sized for. */
  static final int RETAINED = 100_000;

  @Param({"0", "4000", "16000"})
  public int targetChars;

  private ArticleClassifier classifier;
  private List<RawArticle> articles;
  private int next;

  @Setup
  public void setUp() {
    classifier = ArticleClassifier.fromConfig(PipelineConfig.defaults());
    articles = Articles.generated(targetChars);
  }

  /**
   * The dedup task's index holding {@value #RETAINED} random fingerprints, refilled before each
   * iteration so the articles a measurement adds do not pile up across iterations.
   */
  @State(Scope.Thread)
  public static class RepostIndex {
    private final long[] queries = new long[1024];
    private DuplicateDetector detector;
    private long lookups;

    @Setup(Level.Iteration)
    public void fill() {
      detector = DuplicateDetector.inMemory(PipelineConfig.defaults());
      Random random = new Random(7);
      long[] retained = new long[RETAINED];
      for (int i = 0; i < RETAINED; i++) {
        retained[i] = random.nextLong();
        detector.firstSeen("retained-" + i, new BodySketch(retained[i], 1_000), i);
      }
      // Half reposts two bits off a retained article, half new: both outcomes of a lookup.
      for (int i = 0; i < queries.length; i++) {
        queries[i] =
            i % 2 == 0
                ? retained[random.nextInt(RETAINED)]
                    ^ 1L << random.nextInt(64)
                    ^ 1L << random.nextInt(64)
                : random.nextLong();
      }
    }
  }

  private RawArticle nextArticle() {
    RawArticle article = articles.get(next);
    next = (next + 1) % articles.size();
    return article;
  }

  @Benchmark
  public ClassifiedArticle classify() {
    return classifier.classify(nextArticle());
  }

  @Benchmark
  public BodySketch sketchBody() {
    return BodySketch.of(nextArticle().text());
  }

  /** One new article per call, remembered as the service remembers it. */
  @Benchmark
  public String lookUpRepost(RepostIndex index) {
    long i = index.lookups++;
    long simHash = index.queries[(int) (i % index.queries.length)];
    return index.detector.firstSeen("looked-up-" + i, new BodySketch(simHash, 1_000), RETAINED + i);
  }
}
