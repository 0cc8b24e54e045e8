package news.pipeline.ingest;

/** Ingest cannot go on (Kafka unreachable, fenced, …); the message says why in one line. */
public final class IngestException extends RuntimeException {
  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }
}
