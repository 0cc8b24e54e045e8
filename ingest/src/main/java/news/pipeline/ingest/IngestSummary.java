package news.pipeline.ingest;

import java.util.List;

/**
 * The outcome of one {@link Ingester#ingest} call. {@code read = sent + alreadySent}; {@code
 * articleIds} holds the id of every good article read (sent or already sent), in input order.
 */
public record IngestSummary(
    int read, int sent, int alreadySent, int rejected, List<String> articleIds) {
  public IngestSummary {
    articleIds = List.copyOf(articleIds);
  }

  public static IngestSummary empty() {
    return new IngestSummary(0, 0, 0, 0, List.of());
  }

  public IngestSummary plus(IngestSummary other) {
    List<String> ids = new java.util.ArrayList<>(articleIds);
    ids.addAll(other.articleIds);
    return new IngestSummary(
        read + other.read,
        sent + other.sent,
        alreadySent + other.alreadySent,
        rejected + other.rejected,
        ids);
  }

  /** {@code read 17, sent 17, already sent 0, rejected 0}. */
  public String describe() {
    return "read %d, sent %d, already sent %d, rejected %d"
        .formatted(read, sent, alreadySent, rejected);
  }
}
