package news.pipeline.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryAuditTest {
  private static final String CLASSIFIED = "news.articles.classified";
  private static final String MEALS = "news.domain.elderly-meals";
  private static final String CHILDREN = "news.domain.child-welfare";

  private final DeliveryAudit audit =
      new DeliveryAudit(
          Map.of(
              "gen-1", Set.of(CLASSIFIED, MEALS),
              "gen-2", Set.of(CLASSIFIED, CHILDREN),
              "gen-3", Set.of(CLASSIFIED, MEALS, CHILDREN)),
          Map.of("gen-1", 1L, "gen-2", 2L, "gen-3", 3L),
          Map.of("gen-3", "湖北省关于推进老年助餐服务第3批试点的实施方案"));

  @Test
  void shouldReportNothingWrongWhenEveryCopyArrivesOnceInOrder() {
    deliverAll();
    audit.alert("湖北省关于推进老年助餐服务第3批试点的实施方案");

    DeliveryAudit.Result result = audit.result();

    assertThat(audit.complete()).isTrue();
    assertThat(result.lost()).isZero();
    assertThat(result.duplicated()).isZero();
    assertThat(result.outOfOrder()).isZero();
    assertThat(result.duplicateAlerts()).isZero();
    assertThat(result.missingAlerts()).isZero();
    assertThat(result.recordsPerTopic()).containsEntry(CLASSIFIED, 3).containsEntry(MEALS, 2);
  }

  @Test
  void shouldCountALostArticleWhenOneDomainCopyIsMissing() {
    audit.article(CLASSIFIED, 0, "gen-1");
    audit.article(MEALS, 0, "gen-1");
    audit.article(CLASSIFIED, 0, "gen-2");
    audit.article(CHILDREN, 0, "gen-2");
    audit.article(CLASSIFIED, 0, "gen-3");
    audit.article(MEALS, 0, "gen-3");

    DeliveryAudit.Result result = audit.result();

    assertThat(audit.complete()).isFalse();
    assertThat(result.lost()).isEqualTo(1);
    assertThat(result.missingCopies()).isEqualTo(1);
    assertThat(result.missingAlerts()).isEqualTo(1);
  }

  @Test
  void shouldCountDuplicatesAndNotOutOfOrderWhenAReplayRepeatsEarlierRecords() {
    deliverAll();
    // What an at-least-once restart does: the uncommitted tail is processed again.
    audit.article(CLASSIFIED, 0, "gen-2");
    audit.article(CLASSIFIED, 0, "gen-3");
    audit.alert("湖北省关于推进老年助餐服务第3批试点的实施方案");
    audit.alert("湖北省关于推进老年助餐服务第3批试点的实施方案");

    DeliveryAudit.Result result = audit.result();

    assertThat(result.lost()).isZero();
    assertThat(result.duplicated()).isEqualTo(2);
    assertThat(result.outOfOrder()).isZero();
    assertThat(result.duplicateAlerts()).isEqualTo(1);
  }

  @Test
  void shouldCountOutOfOrderWhenALaterArticleOvertakesAnEarlierOneInAPartition() {
    audit.article(CLASSIFIED, 0, "gen-2");
    audit.article(CLASSIFIED, 0, "gen-1");
    audit.article(CLASSIFIED, 1, "gen-3");

    assertThat(audit.result().outOfOrder()).isEqualTo(1);
  }

  @Test
  void shouldCountUnexpectedWhenAnArticleLandsOnATopicItWasNotDueOn() {
    audit.article(CHILDREN, 0, "gen-1");
    audit.article(MEALS, 0, "gen-99");

    assertThat(audit.result().unexpected()).isEqualTo(2);
  }

  private void deliverAll() {
    audit.article(CLASSIFIED, 0, "gen-1");
    audit.article(MEALS, 0, "gen-1");
    audit.article(CLASSIFIED, 0, "gen-2");
    audit.article(CHILDREN, 1, "gen-2");
    audit.article(CLASSIFIED, 0, "gen-3");
    audit.article(MEALS, 0, "gen-3");
    audit.article(CHILDREN, 1, "gen-3");
  }
}
