package news.pipeline.common.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The raw article plus its domain labels. Flat on purpose: subscribers read one JSON object, not a
 * nesting that mirrors our stages.
 */
public record ClassifiedArticle(
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
    String duplicateOf) {

  public static ClassifiedArticle of(
      RawArticle raw, List<DomainLabel> domains, String primaryDomain, String duplicateOf) {
    return new ClassifiedArticle(
        raw.id(),
        raw.title(),
        raw.titleDerived(),
        raw.text(),
        raw.source(),
        raw.reporter(),
        raw.dateline(),
        raw.url(),
        raw.publishedAt(),
        raw.ingestedAt(),
        raw.origin(),
        raw.contentHash(),
        List.copyOf(domains),
        primaryDomain,
        duplicateOf);
  }

  public RawArticle raw() {
    return new RawArticle(
        id,
        title,
        titleDerived,
        text,
        source,
        reporter,
        dateline,
        url,
        publishedAt,
        ingestedAt,
        origin,
        contentHash);
  }

  public ClassifiedArticle withDuplicateOf(String firstArticleId) {
    return of(raw(), domains, primaryDomain, firstArticleId);
  }

  /** The headline the source gave, or "" when the title was derived from the text. */
  public String headline() {
    return Headlines.of(title, titleDerived);
  }

  /** Domain ids in label order: the topics this article is published to. */
  public List<String> domainIds() {
    return domains.stream().map(DomainLabel::domain).toList();
  }
}
