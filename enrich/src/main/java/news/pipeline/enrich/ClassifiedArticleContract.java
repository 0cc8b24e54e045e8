package news.pipeline.enrich;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import news.pipeline.common.model.ClassifiedArticle;

/**
 * What a classified article promises beyond its JSON Schema, which cannot relate one field to
 * another. The classifier labels every article ({@code other} when nothing else fits), orders the
 * labels by prominence with the primary domain first, and marks a repost with the id of an earlier
 * article. An article that breaks this would reach subscribers contradicting itself (a primary
 * domain it is not published to) or reach none (no domain at all), so enrich refuses it and the
 * record goes to the dead-letter topic with the reason.
 */
final class ClassifiedArticleContract {

  private ClassifiedArticleContract() {}

  /**
   * @throws IllegalArgumentException naming the first broken promise
   */
  static void check(ClassifiedArticle article) {
    List<String> domains = article.domainIds();
    if (domains.isEmpty()) {
      throw new IllegalArgumentException(
          "article has no domains: the classifier labels every article, 'other' at least");
    }
    Set<String> seen = new HashSet<>();
    for (String domain : domains) {
      if (!seen.add(domain)) {
        throw new IllegalArgumentException(
            "domain '" + domain + "' is listed twice in the article's domains " + domains);
      }
    }
    if (!domains.contains(article.primaryDomain())) {
      throw new IllegalArgumentException(
          "primaryDomain '"
              + article.primaryDomain()
              + "' is not one of the article's domains "
              + domains);
    }
    if (!domains.get(0).equals(article.primaryDomain())) {
      throw new IllegalArgumentException(
          "primaryDomain '"
              + article.primaryDomain()
              + "' is not the first of the article's domains "
              + domains
              + ", which are ordered primary first");
    }
    if (article.id().equals(article.duplicateOf())) {
      throw new IllegalArgumentException(
          "duplicateOf is the article's own id '" + article.id() + "'");
    }
  }
}
