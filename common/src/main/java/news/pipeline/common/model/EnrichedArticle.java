package news.pipeline.common.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The classified article plus entities, region, keywords and summary: what subscribers read. */
public record EnrichedArticle(
    String id,
    String title,
    String text,
    String source,
    String reporter,
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
        article.text(),
        article.source(),
        article.reporter(),
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

  public List<String> domainIds() {
    return domains.stream().map(DomainLabel::domain).toList();
  }
}
