package news.pipeline.common.json;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record we refuse to read. {@link #reason()} is a short stable code (bad-utf8, too-large,
 * bad-json, bad-text, schema, null) for counting and for the dead-letter headers; the message says
 * exactly what is wrong.
 */
public class InvalidRecordException extends SerializationException {
  private final String reason;

  public InvalidRecordException(String reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public InvalidRecordException(String reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
