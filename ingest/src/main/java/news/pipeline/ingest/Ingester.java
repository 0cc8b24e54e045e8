package news.pipeline.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import news.pipeline.common.config.PipelineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads files and directories and sends their articles to {@code news.articles.raw} exactly once
 * (see {@link TransactionalPublisher}). Thread-safe: the watcher, the feed poller and the HTTP
 * endpoint share one instance.
 */
public final class Ingester implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);

  /** Articles and refusals gathered into one transaction when ingesting many files. */
  public static final String BATCH_RECORDS = "news.ingest.batch.records";

  private final ReadOptions options;
  private final TransactionalPublisher publisher;
  private final IngestMetrics metrics;
  private final int batchRecords;

  public Ingester(PipelineConfig config) {
    this(config, IngestMetrics.global());
  }

  public Ingester(PipelineConfig config, IngestMetrics metrics) {
    this.options = ReadOptions.fromConfig(config);
    this.batchRecords = Math.max(1, config.getInt(BATCH_RECORDS));
    this.metrics = metrics;
    this.publisher = new TransactionalPublisher(config);
  }

  public IngestSummary ingest(List<Path> filesOrDirs) {
    return ingest(filesOrDirs, IngestListener.NONE);
  }

  /** Reads every file (directories recursively), skips what was already sent, sends the rest. */
  public IngestSummary ingest(List<Path> filesOrDirs, IngestListener listener) {
    Reading unreadable = Reading.empty();
    List<Path> files = new ArrayList<>();
    for (Path path : filesOrDirs) {
      if (Files.isDirectory(path)) {
        files.addAll(ArticleReader.filesUnder(path, unreadable));
      } else {
        files.add(path);
      }
    }
    IngestSummary summary = IngestSummary.empty();
    Reading batch = Reading.empty();
    batch.addAll(unreadable);
    unreadable.rejected().forEach(r -> listener.rejected(r.rejection()));
    int done = 0;
    for (Path file : files) {
      Reading reading = ArticleReader.readFile(file, options);
      reading.rejected().forEach(r -> listener.rejected(r.rejection()));
      batch.addAll(reading);
      if (batch.articles().size() + batch.rejected().size() >= batchRecords) {
        summary = summary.plus(submit(batch, "file"));
        batch = Reading.empty();
      }
      listener.fileDone(file, ++done, files.size(), summary);
    }
    return summary.plus(submit(batch, "file"));
  }

  /** Sends what one source read; {@code source} tags the metrics (file, watch, feed, http). */
  IngestSummary submit(Reading reading, String source) {
    return submit(reading, source, null, null);
  }

  IngestSummary submit(Reading reading, String source, String feedUrl, FeedCursor cursor) {
    reading.rejected().forEach(r -> LOG.warn("rejected {}", r.rejection().describe()));
    TransactionalPublisher.Outcome outcome = publisher.publish(reading, feedUrl, cursor);
    metrics.read(source, reading.articles().size());
    metrics.sent(source, outcome.sent());
    metrics.duplicates(source, outcome.alreadySent());
    reading.rejected().forEach(r -> metrics.rejected(source, r.rejection()));
    return new IngestSummary(
        reading.articles().size(),
        outcome.sent(),
        outcome.alreadySent(),
        reading.rejected().size(),
        outcome.ids());
  }

  ReadOptions readOptions() {
    return options;
  }

  FeedCursor feedCursor(String url) {
    return publisher.feedCursor(url);
  }

  IngestMetrics metrics() {
    return metrics;
  }

  @Override
  public void close() {
    publisher.close();
  }
}
