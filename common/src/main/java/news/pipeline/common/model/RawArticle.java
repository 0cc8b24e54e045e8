package news.pipeline.common.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One article as ingest publishes it to {@code news.articles.raw}.
 *
 * <p>{@code title} is always there for display. When the source gave no headline, {@code
 * titleDerived} is true and the title was cut from the text, so analysis must not read it as a
 * headline: use {@link #headline()}. {@code dateline} is the agency dateline or credit line the
 * text opens with (新华社北京1月2日电), which stays in {@code text} so that offsets keep pointing into what
 * the source published.
 */
public record RawArticle(
    String id,
    String title,
    boolean titleDerived,
    String text,
    String source,
    String reporter,
    String dateline,
    String url,
    LocalDate publishedAt,
    Instant ingestedAt,
    String origin,
    String contentHash) {

  /** The headline the source gave, or "" when the title was derived from the text. */
  public String headline() {
    return Headlines.of(title, titleDerived);
  }
}
