package news.pipeline.ingest;

/**
 * One piece of input ingest refused. {@code location} is the file, {@code file:line} or {@code
 * http:line}; {@code reason} starts with a short stable code ({@code empty}, {@code too-large},
 * {@code bad-utf8}, {@code binary}, {@code unreadable}, {@code bad-json}, {@code schema}) followed
 * by what exactly is wrong.
 */
public record Rejection(String location, String reason) {

  /** The one-line error users see. */
  public String describe() {
    return location + ": " + reason;
  }

  /** The stable code at the start of {@link #reason()}. */
  public String code() {
    int colon = reason.indexOf(':');
    return colon < 0 ? reason : reason.substring(0, colon);
  }
}
