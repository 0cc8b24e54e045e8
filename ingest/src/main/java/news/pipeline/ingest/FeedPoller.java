package news.pipeline.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import news.pipeline.common.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls RSS and Atom feeds (parsed by Rome) on an interval, each on its own schedule with its own
 * cursor: the ETag and Last-Modified of its last good poll, kept in the ingest ledger in the same
 * transaction as the entries it sent, so an unchanged feed costs a 304. A failing feed backs off
 * exponentially (interval × 2^failures, at most the max backoff), is logged and counted, and never
 * holds up the others.
 */
final class FeedPoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

  static final String FEEDS = "news.ingest.feeds";
  static final String INTERVAL = "news.ingest.feed.interval";
  static final String MAX_BACKOFF = "news.ingest.feed.max.backoff";
  static final String TIMEOUT = "news.ingest.feed.timeout";
  static final String ZONE = "news.ingest.feed.zone";

  private final Ingester ingester;
  private final List<URI> feeds;
  private final Duration interval;
  private final Duration maxBackoff;
  private final Duration timeout;
  private final ZoneId zone;
  private final HttpClient client;
  private final Map<URI, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;

  FeedPoller(
      Ingester ingester,
      List<URI> feeds,
      Duration interval,
      Duration maxBackoff,
      Duration timeout,
      ZoneId zone) {
    this.ingester = ingester;
    this.feeds = List.copyOf(feeds);
    this.interval = interval;
    this.maxBackoff = maxBackoff;
    this.timeout = timeout;
    this.zone = zone;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.scheduler =
        Executors.newScheduledThreadPool(
            Math.min(4, Math.max(1, feeds.size())),
            r -> {
              Thread thread = new Thread(r, "ingest-feed");
              thread.setDaemon(true);
              return thread;
            });
  }

  FeedPoller start() {
    feeds.forEach(
        feed -> scheduler.schedule(() -> pollAndReschedule(feed), 0, TimeUnit.MILLISECONDS));
    LOG.info("polling {} feed(s) every {}", feeds.size(), interval);
    return this;
  }

  private void pollAndReschedule(URI feed) {
    Duration next = interval;
    try {
      IngestSummary summary = pollOnce(feed);
      failures.remove(feed);
      if (summary.sent() + summary.rejected() > 0) {
        LOG.info("{}: {}", feed, summary.describe());
      }
    } catch (FeedFailure | IngestException e) {
      int failed = failures.merge(feed, 1, Integer::sum);
      next = backoff(failed);
      ingester.metrics().feedFailure(feed.toString());
      LOG.warn(
          "feed {} failed ({} in a row), next try in {}: {}", feed, failed, next, e.getMessage());
    } catch (RuntimeException e) {
      int failed = failures.merge(feed, 1, Integer::sum);
      next = backoff(failed);
      ingester.metrics().feedFailure(feed.toString());
      LOG.warn("feed {} failed ({} in a row), next try in {}", feed, failed, next, e);
    }
    if (!scheduler.isShutdown()) {
      scheduler.schedule(() -> pollAndReschedule(feed), next.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private Duration backoff(int failedInARow) {
    return backoff(interval, maxBackoff, failedInARow);
  }

  /** {@code interval × 2^failedInARow}, at most {@code max}. */
  static Duration backoff(Duration interval, Duration max, int failedInARow) {
    Duration delay = interval.multipliedBy(1L << Math.min(failedInARow, 16));
    return delay.compareTo(max) > 0 ? max : delay;
  }

  /** A feed could not be fetched or parsed; the message says which and why. */
  static final class FeedFailure extends Exception {
    FeedFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** One conditional GET of {@code feed}; its new entries are sent with its new cursor. */
  IngestSummary pollOnce(URI feed) throws FeedFailure {
    String url = feed.toString();
    FeedCursor cursor = ingester.feedCursor(url);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(feed)
            .timeout(timeout)
            .header(
                "Accept",
                "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
            .GET();
    if (cursor.etag() != null) {
      request.header("If-None-Match", cursor.etag());
    }
    if (cursor.lastModified() != null) {
      request.header("If-Modified-Since", cursor.lastModified());
    }
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new FeedFailure("cannot fetch: " + ArticleReader.message(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FeedFailure("interrupted", e);
    }
    if (response.statusCode() == 304) {
      return IngestSummary.empty();
    }
    if (response.statusCode() / 100 != 2) {
      throw new FeedFailure("HTTP " + response.statusCode(), null);
    }
    SyndFeed parsed;
    try {
      parsed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.body())));
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new FeedFailure("not an RSS or Atom feed: " + e.getMessage(), e);
    }
    Reading reading = Reading.empty();
    Instant now = ingester.readOptions().clock().instant();
    List<SyndEntry> entries = parsed.getEntries();
    for (int i = 0; i < entries.size(); i++) {
      ArticleReader.add(
          draft(parsed, entries.get(i), url + "#" + i), url, now, ingester.readOptions(), reading);
    }
    FeedCursor next =
        new FeedCursor(
            response.headers().firstValue("ETag").orElse(null),
            response.headers().firstValue("Last-Modified").orElse(null));
    return ingester.submit(reading, "feed", url, next);
  }

  private ArticleDraft draft(SyndFeed feed, SyndEntry entry, String location) {
    String html =
        entry.getContents().isEmpty()
            ? (entry.getDescription() == null ? null : entry.getDescription().getValue())
            : entry.getContents().stream().map(SyndContent::getValue).reduce("", String::concat);
    String text = HtmlText.toText(html);
    String title = entry.getTitle() == null ? null : SeedFormatSplitter.clean(entry.getTitle());
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("uri", entry.getUri());
    raw.put("link", entry.getLink());
    raw.put("title", entry.getTitle());
    raw.put("content", html);
    return new ArticleDraft(
        entry.getUri(),
        title,
        text,
        feed.getTitle(),
        entry.getAuthor(),
        entry.getLink(),
        date(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate()),
        location,
        Json.toBytes(raw));
  }

  private LocalDate date(Date date) {
    return date == null ? null : date.toInstant().atZone(zone).toLocalDate();
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
