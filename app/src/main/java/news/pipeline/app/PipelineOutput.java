package news.pipeline.app;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.EnrichedArticle;
import news.pipeline.common.model.PolicyAlert;

/**
 * What the pipeline published for a set of articles: each article's classification, its enriched
 * copy on every domain topic it reached, and the policy alerts those articles raised.
 *
 * @param classified by article id, in the order the articles were ingested
 * @param delivered domain id → article id → the enriched article read from that domain's topic
 * @param alerts policy alerts whose article is one of these, in topic order
 * @param rejected records that did not decode against the message contract (topic: reason)
 */
public record PipelineOutput(
    Map<String, ClassifiedArticle> classified,
    Map<String, Map<String, EnrichedArticle>> delivered,
    List<PolicyAlert> alerts,
    List<String> rejected) {

  /** Ids of the articles that have not yet reached every one of their domain topics. */
  public List<String> undelivered(Collection<String> articleIds) {
    return articleIds.stream().distinct().filter(id -> !isDelivered(id)).toList();
  }

  private boolean isDelivered(String id) {
    ClassifiedArticle article = classified.get(id);
    return article != null
        && !article.domainIds().isEmpty()
        && article.domainIds().stream()
            .allMatch(domain -> delivered.getOrDefault(domain, Map.of()).containsKey(id));
  }

  /** Domain id → the articles on its topic, in ingest order, for the given ids. */
  public Map<String, List<EnrichedArticle>> byDomain(
      List<String> articleIds, List<String> domains) {
    Map<String, List<EnrichedArticle>> result = new LinkedHashMap<>();
    Set<String> wanted = Set.copyOf(articleIds);
    for (String domain : domains) {
      Map<String, EnrichedArticle> onTopic = delivered.getOrDefault(domain, Map.of());
      List<EnrichedArticle> articles =
          articleIds.stream()
              .distinct()
              .filter(wanted::contains)
              .map(onTopic::get)
              .filter(java.util.Objects::nonNull)
              .toList();
      if (!articles.isEmpty()) {
        result.put(domain, articles);
      }
    }
    return result;
  }
}
