package news.pipeline.ingest;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What ingest has sent, rebuilt from the ledger topic on start. An article counts as sent when its
 * content hash was sent under any id: identical content is the same article, whichever source
 * brings it. A changed article under the same source id has a new hash and is sent again.
 *
 * <p>Memory: one 64-digit hash per article ever sent (about 150 bytes), so a million articles take
 * about 150 MB of heap.
 */
final class Ledger {
  private final Set<String> sentHashes = new HashSet<>();
  private final Set<String> deadLettered = new HashSet<>();
  private final Map<String, FeedCursor> feeds = new ConcurrentHashMap<>();

  void apply(String key, LedgerEntry entry) {
    if (key.startsWith(LedgerEntry.ARTICLE)) {
      sentHashes.add(key.substring(LedgerEntry.ARTICLE.length()));
    } else if (key.startsWith(LedgerEntry.REJECTED)) {
      deadLettered.add(key.substring(LedgerEntry.REJECTED.length()));
    } else if (key.startsWith(LedgerEntry.FEED) && entry != null) {
      feeds.put(
          key.substring(LedgerEntry.FEED.length()),
          new FeedCursor(entry.etag(), entry.lastModified()));
    }
  }

  boolean wasSent(String contentHash) {
    return sentHashes.contains(contentHash);
  }

  boolean wasDeadLettered(String rejectionHash) {
    return deadLettered.contains(rejectionHash);
  }

  FeedCursor feed(String url) {
    return feeds.getOrDefault(url, FeedCursor.NONE);
  }

  void markSent(Collection<String> contentHashes) {
    sentHashes.addAll(contentHashes);
  }

  void markDeadLettered(Collection<String> rejectionHashes) {
    deadLettered.addAll(rejectionHashes);
  }

  void putFeed(String url, FeedCursor cursor) {
    feeds.put(url, cursor);
  }

  int size() {
    return sentHashes.size();
  }
}
