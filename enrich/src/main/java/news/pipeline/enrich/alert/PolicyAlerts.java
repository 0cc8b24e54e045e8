package news.pipeline.enrich.alert;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import news.pipeline.common.model.EnrichedArticle;
import news.pipeline.common.model.Policy;
import news.pipeline.common.model.PolicyAlert;

/** Which policies of an article may raise an alert, and the key that makes an alert unique. */
public final class PolicyAlerts {

  /** Spacing, quotes and separators vary between outlets writing the same title. */
  private static final Pattern NOISE =
      Pattern.compile("[\\s\\p{Z}\"'“”‘’「」『』〈〉<>《》·・•、,，.。:：;；!！?？\\-—–_]+");

  private PolicyAlerts() {}

  /**
   * Alerts this article would raise: one per policy it announces. Reposts are candidates too: a
   * repost of an announcement never re-alerts, because the alert key is the policy's normalized
   * title and the first article to announce it wins; but a repost that adds an announcement its
   * original lacks must still raise it, or a new policy would go unheard.
   */
  public static List<PolicyAlert> candidates(EnrichedArticle article) {
    Instant seen = article.ingestedAt() != null ? article.ingestedAt() : Instant.now();
    return article.entities().policies().stream()
        .filter(Policy::announced)
        .map(policy -> alert(policy, article, seen))
        .toList();
  }

  private static PolicyAlert alert(Policy policy, EnrichedArticle article, Instant seen) {
    return new PolicyAlert(
        policy.title(),
        policy.kind(),
        policy.action(),
        policy.issuer(),
        policy.status(),
        policy.deadline(),
        article.domainIds(),
        article.region(),
        article.id(),
        article.title(),
        seen);
  }

  /**
   * The dedup key: NFKC-folded (full-width brackets and digits become ASCII), without spaces,
   * quotes or punctuation. A draft (征求意见稿) keeps its marker: the final text is a new event.
   */
  public static String key(String policyTitle) {
    String folded = Normalizer.normalize(policyTitle, Normalizer.Form.NFKC);
    return NOISE.matcher(folded).replaceAll("").toLowerCase(java.util.Locale.ROOT);
  }
}
