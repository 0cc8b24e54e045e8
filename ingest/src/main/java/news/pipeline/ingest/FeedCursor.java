package news.pipeline.ingest;

/** Where a feed's last successful poll left off: the validators of a conditional GET. */
record FeedCursor(String etag, String lastModified) {
  static final FeedCursor NONE = new FeedCursor(null, null);
}
