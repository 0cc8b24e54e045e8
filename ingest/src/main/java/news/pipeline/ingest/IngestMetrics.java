package news.pipeline.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Counters per source ({@code file}, {@code watch}, {@code feed}, {@code http}): {@code
 * news.ingest.articles{source,outcome=read|sent|duplicate}}, {@code
 * news.ingest.rejections{source,reason}} and {@code news.ingest.feed.failures{feed}}. They go to
 * Micrometer's global registry unless another is given, so whoever runs ingest chooses where they
 * are published.
 */
public final class IngestMetrics {
  private final MeterRegistry registry;

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public static IngestMetrics global() {
    return new IngestMetrics(Metrics.globalRegistry);
  }

  void read(String source, int count) {
    articles(source, "read").increment(count);
  }

  void sent(String source, int count) {
    articles(source, "sent").increment(count);
  }

  void duplicates(String source, int count) {
    articles(source, "duplicate").increment(count);
  }

  void rejected(String source, Rejection rejection) {
    Counter.builder("news.ingest.rejections")
        .description("Input refused by ingest")
        .tag("source", source)
        .tag("reason", rejection.code())
        .register(registry)
        .increment();
  }

  void feedFailure(String feed) {
    Counter.builder("news.ingest.feed.failures")
        .description("Failed polls of a feed")
        .tag("feed", feed)
        .register(registry)
        .increment();
  }

  private Counter articles(String source, String outcome) {
    return Counter.builder("news.ingest.articles")
        .description("Articles seen by ingest")
        .tag("source", source)
        .tag("outcome", outcome)
        .register(registry);
  }
}
