package news.pipeline.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.enrich.ArticleEnricher;

/** Enrichment alone, in this process, with no Kafka and no JSON: the pipeline's upper bound. */
final class RawEnrichment {
  private final ArticleEnricher enricher;

  RawEnrichment(ArticleEnricher enricher) {
    this.enricher = enricher;
  }

  /** Articles and characters enriched per second by {@code threads} threads sharing the work. */
  Throughput measure(List<ClassifiedArticle> articles, int threads) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicLong cpuNanos = new AtomicLong();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  long cpuStart = cpu.getCurrentThreadCpuTime();
                  for (int i = next.getAndIncrement();
                      i < articles.size();
                      i = next.getAndIncrement()) {
                    enricher.enrich(articles.get(i));
                  }
                  cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      return new Throughput(
          articles.size(),
          chars(articles),
          (System.nanoTime() - start) / 1e9,
          cpuNanos.get() / 1e6);
    } catch (ExecutionException e) {
      throw new IllegalStateException("enrichment failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  static long chars(List<ClassifiedArticle> articles) {
    return articles.stream().mapToLong(a -> a.title().length() + a.text().length()).sum();
  }

  /**
   * What a timed run got through, in wall-clock time and in CPU time of its threads: on a busy
   * machine the CPU time still tells what the work costs.
   */
  record Throughput(int articles, long chars, double seconds, double cpuMillis) {

    double articlesPerSec() {
      return articles / seconds;
    }

    double charsPerSec() {
      return chars / seconds;
    }

    double cpuMsPerArticle() {
      return cpuMillis / articles;
    }
  }
}
