package news.pipeline.benchmarks;

import java.util.List;
import news.pipeline.app.bench.BenchCorpus;
import news.pipeline.app.corpus.GeneratedArticle;
import news.pipeline.common.model.RawArticle;

/** The benchmarks' input: varied articles from the shared generator, never one repeated. */
final class Articles {
  /** Distinct articles each benchmark cycles through. */
  static final int COUNT = 200;

  private static final long RANDOM_SEED = 7;

  private Articles() {}

  /** {@link #COUNT} articles of the seeds' own length (0) or about {@code targetChars}. */
  static List<RawArticle> generated(int targetChars) {
    List<RawArticle> seeds = BenchCorpus.readSeeds(BenchCorpus.locateSeeds());
    return BenchCorpus.of(seeds, RANDOM_SEED, targetChars, "jmh-").next(COUNT).stream()
        .map(GeneratedArticle::article)
        .toList();
  }
}
