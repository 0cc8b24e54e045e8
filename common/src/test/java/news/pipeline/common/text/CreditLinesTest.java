package news.pipeline.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import news.pipeline.common.model.Span;
import org.junit.jupiter.api.Test;

class CreditLinesTest {

  @Test
  void shouldTakeTheAgencyAndDatelineWhenAWireStoryOpensWithThem() {
    String text = "新华社北京3月5日电 民政部近日印发通知，部署冬春救助工作。";

    Credits credits = CreditLines.find(text);

    assertThat(credits.dateline()).isEqualTo("新华社北京3月5日电");
    assertThat(credits.source()).isEqualTo("新华社");
    assertThat(credits.spans()).containsExactly(new Span(0, 10));
    assertThat(text.substring(credits.bodyStart())).startsWith("民政部近日印发");
  }

  @Test
  void shouldTakeEveryReporterWhenALeadNamesSeveralInBrackets() {
    String text = "本报讯(记者 周晓岚 通讯员 韩立 包文) 近日，某县幸福食堂正式开餐。";

    Credits credits = CreditLines.find(text);

    assertThat(credits.dateline()).isEqualTo("本报讯");
    assertThat(credits.source()).isNull();
    assertThat(credits.reporters())
        .extracting(Credits.Reporter::name)
        .containsExactly("周晓岚", "韩立", "包文");
    assertThat(credits.reporterNames()).isEqualTo("周晓岚、韩立、包文");
    Credits.Reporter first = credits.reporters().get(0);
    assertThat(text.substring(first.span().start(), first.span().end())).isEqualTo("周晓岚");
    assertThat(text.substring(credits.bodyStart())).startsWith("近日");
  }

  @Test
  void shouldTakeTheOutletWhenItStandsInSquareBracketsBeforeTheReporters() {
    String text = "【江岸晚报】（记者 林默）市民政局日前召开社会组织年检工作会。";

    Credits credits = CreditLines.find(text);

    assertThat(credits.source()).isEqualTo("江岸晚报");
    assertThat(credits.reporterNames()).isEqualTo("林默");
    assertThat(text.substring(credits.bodyStart())).startsWith("市民政局");
  }

  @Test
  void shouldTakeABylineLineWhenItStandsAboveTheStory() {
    String text = "■ 本报记者 孟川\n\n全省儿童福利机构优化提质工作推进会近日召开。";

    Credits credits = CreditLines.find(text);

    assertThat(credits.reporterNames()).isEqualTo("孟川");
    assertThat(text.substring(credits.bodyStart())).startsWith("全省儿童福利机构");
  }

  @Test
  void shouldReadTraditionalCreditsWhenARepostKeepsThem() {
    String text = "本報訊（記者 陸文遠）市民政局近日發佈通知。";

    Credits credits = CreditLines.find(text);

    assertThat(credits.reporterNames()).isEqualTo("陸文遠");
    assertThat(credits.dateline()).isEqualTo("本報訊");
  }

  @Test
  void shouldTakeClosingSourceAndEditorLinesWhenThePageEndsWithThem() {
    String text = "各地要确保救助资金按时发放。\n（来源：某省民政厅）\n责任编辑：王琳";

    Credits credits = CreditLines.find(text);

    assertThat(credits.source()).isEqualTo("某省民政厅");
    assertThat(credits.spans()).hasSize(2);
    assertThat(credits.bodyStart()).isZero();
  }

  @Test
  void shouldFindNothingWhenTheStoryItselfBeginsWithAReporter() {
    String text = "记者从市民政局获悉，今年将新建社区老年食堂20家。";

    Credits credits = CreditLines.find(text);

    assertThat(credits.spans()).isEmpty();
    assertThat(credits.reporters()).isEmpty();
    assertThat(credits.dateline()).isNull();
  }

  @Test
  void shouldNotTakeAWordForADatelineWhenTheDateRunsOnIntoTheSentence() {
    String text = "今年3月5日电力部门与民政部门联合开展走访。";

    assertThat(CreditLines.find(text).dateline()).isNull();
  }
}
