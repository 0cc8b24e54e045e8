package news.pipeline.ingest;

import java.time.Instant;

/**
 * One record of the ingest ledger topic. Keys: {@code article:<contentHash>} (an article sent:
 * {@code id}), {@code rejected:<hash>} (a refusal already dead-lettered) and {@code feed:<url>} (a
 * feed's cursor: {@code etag}, {@code lastModified}).
 */
record LedgerEntry(String id, String origin, Instant recordedAt, String etag, String lastModified) {
  static final String ARTICLE = "article:";
  static final String REJECTED = "rejected:";
  static final String FEED = "feed:";
}
