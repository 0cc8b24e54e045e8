package news.pipeline.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayTitleTest {

  @Test
  void shouldUseTheFirstSentenceWhenItIsShort() {
    assertThat(DisplayTitle.derive("市民政局启动冬季送温暖行动。各区同步开展走访。")).isEqualTo("市民政局启动冬季送温暖行动");
  }

  @Test
  void shouldSkipTheDatelineWhenTheTextOpensWithOne() {
    assertThat(DisplayTitle.derive("新华社北京3月5日电 民政部部署今冬明春困难群众救助工作。")).isEqualTo("民政部部署今冬明春困难群众救助工作");
  }

  @Test
  void shouldCutAtAClauseBreakWhenTheFirstSentenceIsLong() {
    String text = "为进一步提升农村留守儿童关爱服务水平，某省民政厅会同教育、公安等八部门近日联合部署开展为期三年的专项行动，着力解决突出问题。";

    String title = DisplayTitle.derive(text);

    assertThat(title).isEqualTo("为进一步提升农村留守儿童关爱服务水平…");
    assertThat(title.codePointCount(0, title.length())).isLessThanOrEqualTo(41);
  }

  @Test
  void shouldNeverCutInsideABookTitleWhenTheLimitFallsThere() {
    String text = "某市民政局近日印发关于全面加强和改进新时代社区老年助餐服务体系建设的实施意见并在全市推行《关于全面加强和改进新时代社区老年助餐服务体系建设的实施意见》。";

    String title = DisplayTitle.derive(text);

    assertThat(title).endsWith("…").doesNotContain("《");
  }

  @Test
  void shouldNeverSplitACharacterWhenTheLimitFallsInsideASurrogatePair() {
    String text = "𠀋".repeat(60) + "。";

    String title = DisplayTitle.derive(text);

    assertThat(title.codePoints().allMatch(cp -> cp == 0x2000B || cp == '…')).isTrue();
  }

  @Test
  void shouldGiveNothingWhenTheTextIsBlank() {
    assertThat(DisplayTitle.derive(" \n\t")).isNull();
  }
}
