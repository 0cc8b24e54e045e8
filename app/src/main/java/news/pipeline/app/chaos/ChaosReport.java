package news.pipeline.app.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a chaos run did and found; written as JSON by {@code news-pipeline chaos --report}.
 *
 * @param passed no article lost, none out of order, nothing unexpected, every announced policy
 *     alerted; and under exactly-once also nothing duplicated and no alert twice
 */
public record ChaosReport(
    String guarantee,
    boolean passed,
    int produced,
    int lost,
    int duplicated,
    int duplicateAlerts,
    int outOfOrder,
    int kills,
    int missingCopies,
    int unexpected,
    int announcements,
    int alerts,
    int missingAlerts,
    int brokers,
    int classifyInstances,
    int enrichInstances,
    long feedSeconds,
    long settleSeconds,
    String startedAt,
    Map<String, Integer> recordsPerTopic,
    List<String> killLog) {

  static ChaosReport of(
      ChaosRun.Plan plan,
      DeliveryAudit.Result result,
      int kills,
      List<String> killLog,
      Duration fed,
      Duration settled,
      Instant began) {
    boolean exactlyOnce = plan.guarantee().startsWith("exactly_once");
    boolean passed =
        result.lost() == 0
            && result.outOfOrder() == 0
            && result.unexpected() == 0
            && result.missingAlerts() == 0
            && (!exactlyOnce || (result.duplicated() == 0 && result.duplicateAlerts() == 0));
    return new ChaosReport(
        plan.guarantee(),
        passed,
        result.produced(),
        result.lost(),
        result.duplicated(),
        result.duplicateAlerts(),
        result.outOfOrder(),
        kills,
        result.missingCopies(),
        result.unexpected(),
        result.announcements(),
        result.alerts(),
        result.missingAlerts(),
        plan.brokers(),
        plan.classifyInstances(),
        plan.enrichInstances(),
        fed.toSeconds(),
        settled.toSeconds(),
        began.toString(),
        result.recordsPerTopic(),
        List.copyOf(killLog));
  }
}
