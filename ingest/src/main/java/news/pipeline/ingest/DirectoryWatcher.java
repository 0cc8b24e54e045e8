package news.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests new and changed files of a directory tree while running. It scans on an interval rather
 * than relying on file-system events, which bind mounts and network shares do not deliver; a file
 * is read once its size and modification time have stood still for the settle time, so a file still
 * being copied is not read half-written. A restart rescans everything and the ledger keeps what was
 * sent from being sent again.
 */
final class DirectoryWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatcher.class);

  static final String INTERVAL = "news.ingest.watch.interval";
  static final String SETTLE = "news.ingest.watch.settle";

  private record Stamp(long size, long modifiedMillis) {}

  private final Ingester ingester;
  private final Path directory;
  private final Duration interval;
  private final Duration settle;
  private final Clock clock;
  private final Map<Path, Stamp> done = new HashMap<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "ingest-watch");
            thread.setDaemon(true);
            return thread;
          });

  DirectoryWatcher(
      Ingester ingester, Path directory, Duration interval, Duration settle, Clock clock) {
    this.ingester = ingester;
    this.directory = directory;
    this.interval = interval;
    this.settle = settle;
    this.clock = clock;
  }

  DirectoryWatcher start() {
    if (!Files.isDirectory(directory)) {
      throw new IngestException("cannot watch " + directory + ": not a directory", null);
    }
    scheduler.scheduleWithFixedDelay(
        this::scanSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("watching {} every {}", directory, interval);
    return this;
  }

  private void scanSafely() {
    try {
      IngestSummary summary = scanOnce();
      if (summary.read() + summary.rejected() > 0) {
        LOG.info("{}: {}", directory, summary.describe());
      }
    } catch (RuntimeException e) {
      // Kafka away or the folder gone: the files not done are tried again on the next scan.
      LOG.warn("scan of {} failed, retrying in {}: {}", directory, interval, e.getMessage());
    }
  }

  /** One scan: ingests every settled file that is new or changed since it was last ingested. */
  synchronized IngestSummary scanOnce() {
    Reading listing = Reading.empty();
    List<Path> files = ArticleReader.filesUnder(directory, listing);
    IngestSummary summary = IngestSummary.empty();
    Set<Path> present = new HashSet<>(files);
    done.keySet().retainAll(present);
    long settledBefore = clock.millis() - settle.toMillis();
    for (Path file : files) {
      Stamp stamp = stamp(file);
      if (stamp == null || stamp.equals(done.get(file)) || stamp.modifiedMillis() > settledBefore) {
        continue;
      }
      Reading reading = ArticleReader.readFile(file, ingester.readOptions());
      summary = summary.plus(ingester.submit(reading, "watch"));
      done.put(file, stamp);
    }
    return summary;
  }

  private static Stamp stamp(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(attributes.size(), attributes.lastModifiedTime().toMillis());
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
