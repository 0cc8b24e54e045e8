package news.pipeline.ingest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import news.pipeline.common.config.PipelineConfig;

/**
 * Continuous ingestion: a watched directory, feeds and the HTTP endpoint around one {@link
 * Ingester}, until {@link #close()}. Each source is optional; the settings come from the
 * configuration ({@code news.ingest.watch.dir}, {@code news.ingest.feeds}, {@code
 * news.ingest.http.port}) unless given.
 */
public final class IngestService implements AutoCloseable {
  public static final String WATCH_DIR = "news.ingest.watch.dir";

  private final Ingester ingester;
  private final List<AutoCloseable> sources = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private HttpIngestServer http;

  private IngestService(Ingester ingester) {
    this.ingester = ingester;
  }

  /**
   * Starts the sources given (null / empty: the configured ones). Fails fast, closing what it
   * started, when one cannot start.
   */
  public static IngestService start(
      PipelineConfig config, Path watchDir, List<URI> feeds, Integer httpPort) {
    IngestService service = new IngestService(new Ingester(config));
    try {
      Path dir =
          watchDir != null ? watchDir : config.has(WATCH_DIR) ? config.getPath(WATCH_DIR) : null;
      if (dir != null) {
        service.sources.add(
            new DirectoryWatcher(
                    service.ingester,
                    dir,
                    config.getDuration(DirectoryWatcher.INTERVAL),
                    config.getDuration(DirectoryWatcher.SETTLE),
                    Clock.systemUTC())
                .start());
      }
      List<URI> feedList = feeds != null && !feeds.isEmpty() ? feeds : configuredFeeds(config);
      if (!feedList.isEmpty()) {
        service.sources.add(
            new FeedPoller(
                    service.ingester,
                    feedList,
                    config.getDuration(FeedPoller.INTERVAL),
                    config.getDuration(FeedPoller.MAX_BACKOFF),
                    config.getDuration(FeedPoller.TIMEOUT),
                    ZoneId.of(config.get(FeedPoller.ZONE)))
                .start());
      }
      Integer port =
          httpPort != null
              ? httpPort
              : config.has(HttpIngestServer.PORT) ? config.getInt(HttpIngestServer.PORT) : null;
      if (port != null) {
        ReadOptions options =
            service
                .ingester
                .readOptions()
                .withMaxInputBytes(config.getLong(HttpIngestServer.MAX_BYTES));
        service.http =
            new HttpIngestServer(
                    reading -> service.ingester.submit(reading, "http"),
                    options,
                    config.get(HttpIngestServer.TOKEN, null),
                    port)
                .start();
        service.sources.add(service.http);
      }
    } catch (IOException | RuntimeException e) {
      service.close();
      throw new IngestException("cannot start ingest: " + e.getMessage(), e);
    }
    return service;
  }

  private static List<URI> configuredFeeds(PipelineConfig config) {
    if (!config.has(FeedPoller.FEEDS)) {
      return List.of();
    }
    return Arrays.stream(config.get(FeedPoller.FEEDS).split("[,\\s]+"))
        .filter(s -> !s.isBlank())
        .map(URI::create)
        .toList();
  }

  public boolean hasSources() {
    return !sources.isEmpty();
  }

  /** The HTTP port actually bound (useful with port 0), or -1 without HTTP. */
  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  public Ingester ingester() {
    return ingester;
  }

  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    for (int i = sources.size() - 1; i >= 0; i--) {
      try {
        sources.get(i).close();
      } catch (Exception e) {
        // Closing goes on: the ingester must still be closed.
      }
    }
    ingester.close();
    stopped.countDown();
  }
}
