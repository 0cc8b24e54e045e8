package news.pipeline.classify;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import news.pipeline.common.model.Domains;

/**
 * One domain of the taxonomy, as the taxonomy file spells it.
 *
 * @param id the domain id, also the suffix of its {@code news.domain.<id>} topic
 * @param name the Chinese name, for people
 * @param threshold the score an article needs to get this label
 * @param titleWeight how much more a term counts when it is in the title
 * @param terms terms that mean the domain wherever they appear, with their weight
 * @param contextual ambiguous terms (食堂, 送餐) that count only in a sentence holding a context term
 * @param contextTerms the words that make a contextual term mean this domain (老年人, 长者)
 * @param negativeTerms look-alikes (高校食堂, 流浪动物): a sentence holding one gives the domain nothing; a
 *     longer negative also swallows the shorter term inside it
 * @param boundaryTerms terms that count only where they are whole words of the segmented text
 */
public record DomainDefinition(
    String id,
    String name,
    double threshold,
    double titleWeight,
    Map<String, Double> terms,
    Map<String, Double> contextual,
    List<String> contextTerms,
    List<String> negativeTerms,
    List<String> boundaryTerms) {

  public DomainDefinition {
    Objects.requireNonNull(id, "domain id");
    if (!id.matches("^[a-z0-9]+(-[a-z0-9]+)*$")) {
      throw new IllegalArgumentException(
          "domain id '" + id + "' must be lowercase words joined by '-'");
    }
    name = name == null ? id : name;
    terms = terms == null ? Map.of() : Map.copyOf(terms);
    contextual = contextual == null ? Map.of() : Map.copyOf(contextual);
    contextTerms = contextTerms == null ? List.of() : List.copyOf(contextTerms);
    negativeTerms = negativeTerms == null ? List.of() : List.copyOf(negativeTerms);
    boundaryTerms = boundaryTerms == null ? List.of() : List.copyOf(boundaryTerms);
    // A missing threshold reads as 0, which would label every article: refuse it.
    boolean fallback = id.equals(Domains.OTHER);
    if (threshold > 1 || threshold < 0 || (threshold == 0 && !fallback)) {
      throw new IllegalArgumentException(id + ": threshold must be in (0,1], not " + threshold);
    }
    if (titleWeight < 0) {
      throw new IllegalArgumentException(id + ": titleWeight must not be negative");
    }
    for (var weights : List.of(terms, contextual)) {
      weights.forEach(
          (term, weight) -> {
            if (term.isBlank() || weight == null || weight <= 0) {
              throw new IllegalArgumentException(
                  id + ": term '" + term + "' needs a positive weight");
            }
          });
    }
    if (!contextual.isEmpty() && contextTerms.isEmpty()) {
      throw new IllegalArgumentException(id + ": contextual terms need contextTerms");
    }
    for (String term : boundaryTerms) {
      if (!terms.containsKey(term) && !contextual.containsKey(term)) {
        throw new IllegalArgumentException(id + ": boundary term '" + term + "' is not a term");
      }
    }
  }
}
