package news.pipeline.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import news.pipeline.classify.ArticleClassifier;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.RawArticle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Articles classified per second per thread (labels, scores, evidence), over generated articles of
 * the seeds' length ({@code targetChars} 0, ≈ 1 k chars) and longer. Target: ≥ 20,000/s at seed
 * length.
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

  @Benchmark
  public ClassifiedArticle classify() {
    RawArticle article = articles.get(next);
    next = (next + 1) % articles.size();
    return classifier.classify(article);
  }
}
