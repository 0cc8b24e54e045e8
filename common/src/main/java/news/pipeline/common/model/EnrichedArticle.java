package news.pipeline.common.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The classified article plus entities, region, keywords and summary: what subscribers read. */
public record EnrichedArticle(
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
    String contentHash,
    List<DomainLabel> domains,
    String primaryDomain,
    String duplicateOf,
    Entities entities,
    Region region,
    List<String> keywords,
    String summary) {

  public static EnrichedArticle of(
      ClassifiedArticle article,
      Entities entities,
      Region region,
      List<String> keywords,
      String summary) {
    return new EnrichedArticle(
        article.id(),
        article.title(),
        article.titleDerived(),
        article.text(),
        article.source(),
        article.reporter(),
        article.dateline(),
        article.url(),
        article.publishedAt(),
        article.ingestedAt(),
        article.origin(),
        article.contentHash(),
        article.domains(),
        article.primaryDomain(),
        article.duplicateOf(),
        entities,
        region,
        List.copyOf(keywords),
        summary);
  }

  /** The headline the source gave, or "" when the title was derived from the text. */
  public String headline() {
    return Headlines.of(title, titleDerived);
  }

  public List<String> domainIds() {
    return domains.stream().map(DomainLabel::domain).toList();
  }
}
