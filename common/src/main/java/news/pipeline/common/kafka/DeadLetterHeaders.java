package news.pipeline.common.kafka;

/**
 * Header names of dead-letter records. They are the ones Kafka Streams' built-in dead-letter queue
 * writes (KIP-1034), so ingest's own rejects and the services' read the same to a subscriber.
 */
public final class DeadLetterHeaders {
  public static final String EXCEPTION = "__streams.errors.exception";
  public static final String MESSAGE = "__streams.errors.message";
  public static final String STACKTRACE = "__streams.errors.stacktrace";
  public static final String TOPIC = "__streams.errors.topic";
  public static final String PARTITION = "__streams.errors.partition";
  public static final String OFFSET = "__streams.errors.offset";

  private DeadLetterHeaders() {}
}
