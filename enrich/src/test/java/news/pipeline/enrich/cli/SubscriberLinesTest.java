package news.pipeline.enrich.cli;

import static org.assertj.core.api.Assertions.assertThat;

import news.pipeline.common.model.EnrichedArticle;
import news.pipeline.common.model.Region;
import news.pipeline.enrich.SeedArticles;
import news.pipeline.enrich.alert.PolicyAlerts;
import org.junit.jupiter.api.Test;

class SubscriberLinesTest {

  private static EnrichedArticle seed(String titleStart, String domain) {
    return SeedArticles.enricher()
        .enrich(SeedArticles.classified(SeedArticles.byTitle(titleStart), domain));
  }

  @Test
  void shouldShowRegionTitleOfficialsAndPoliciesWhenTailingReadably() {
    String line = TailCommand.line(seed("湖北召开全省民政工作会议", "social-assistance"));

    assertThat(line).contains("[湖北省]", "湖北召开全省民政工作会议", "陈昌宏(湖北省民政厅党组书记、厅长)", "王忠林(湖北省省长)");
  }

  @Test
  void shouldMarkAnnouncedPoliciesWhenTailingReadably() {
    String line = TailCommand.line(seed("广西启动", "child-welfare"));

    assertThat(line).contains("政策: 《广西壮族自治区农村留守儿童和困境儿童关爱服务质量提升三年行动实施方案》[印发]");
  }

  @Test
  void shouldMatchARegionByShortOrFullNameWhenFiltering() {
    Region suzhou = new Region("江苏省", "苏州市", null, "city");

    assertThat(TailCommand.matchesRegion(suzhou, "江苏")).isTrue();
    assertThat(TailCommand.matchesRegion(suzhou, "苏州")).isTrue();
    assertThat(TailCommand.matchesRegion(suzhou, "湖北")).isFalse();
    assertThat(TailCommand.matchesRegion(new Region(null, null, null, "national"), "全国")).isTrue();
    assertThat(TailCommand.matchesRegion(suzhou, null)).isTrue();
  }

  @Test
  void shouldShowTitleIssuerDraftDeadlineAndSourceWhenPrintingAnAlert() {
    var alert = PolicyAlerts.candidates(seed("三项儿童福利机构", "child-welfare")).get(0);

    assertThat(AlertsCommand.line(alert))
        .contains(
            "[全国]",
            "《儿童福利机构孤儿成年后安置工作规范(征求意见稿)》",
            "民政部儿童福利司 起草",
            "征求意见稿 截止 2024-01-27",
            "← 三项儿童福利机构行业标准公开征求意见");
  }
}
