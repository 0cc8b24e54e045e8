package news.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {
  @Test
  void shouldGiveSameIdWhenSpacingAndPunctuationWidthDiffer() {
    String a = ArticleIds.contentHash("民政部召开会议", "会议指出，要做好养老服务（助餐）工作。\n会议要求，抓好落实。");
    String b = ArticleIds.contentHash(" 民政部 召开会议 ", "会议指出,要做好养老服务(助餐)工作。 会议要求,\u3000抓好落实。");
    assertThat(a).isEqualTo(b).hasSize(64);
    assertThat(ArticleIds.id(null, null, a)).isEqualTo(a.substring(0, 32));
  }

  @Test
  void shouldGiveNewIdWhenWordingChanges() {
    assertThat(ArticleIds.contentHash("民政部召开会议", "会议部署养老服务工作。"))
        .isNotEqualTo(ArticleIds.contentHash("民政部召开会议", "会议部署儿童福利工作。"));
  }

  @Test
  void shouldUseSourceIdOrUrlWhenGiven() {
    String hash = ArticleIds.contentHash("t", "x");
    assertThat(ArticleIds.id("mca-1", "https://a/b", hash)).isEqualTo("mca-1");
    assertThat(ArticleIds.id(" ", "https://a/b", hash)).isEqualTo("https://a/b");
    assertThat(ArticleIds.id(null, "https://a/" + "x".repeat(300), hash)).hasSize(32);
  }

  @Test
  void shouldTakeDateFromLeadSentenceOnlyWhenYearIsKnown() {
    assertThat(PublishedDates.fromLead("2024年3月20日,湖北省民政厅召开会议。", OptionalInt.empty()))
        .isEqualTo(LocalDate.of(2024, 3, 20));
    assertThat(PublishedDates.fromLead("3月20日,湖北省民政厅召开会议。", OptionalInt.empty())).isNull();
    assertThat(PublishedDates.fromLead("3月20日,湖北省民政厅召开会议。", OptionalInt.of(2024)))
        .isEqualTo(LocalDate.of(2024, 3, 20));
    assertThat(PublishedDates.fromLead("近日,民政部召开会议。截止日期为2024年1月27日。", OptionalInt.of(2024)))
        .isNull();
    assertThat(PublishedDates.fromLead("2月30日,某地召开会议。", OptionalInt.of(2024))).isNull();
  }
}
