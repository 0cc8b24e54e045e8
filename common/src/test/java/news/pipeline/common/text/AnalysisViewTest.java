package news.pipeline.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalysisViewTest {

  @Test
  void shouldBlankTheDatelineWhenItNamesACityTheStoryIsNotAbout() {
    String text = "新华社北京3月5日电 云南省民政厅近日印发通知。";

    AnalysisView view = AnalysisView.of(text);

    assertThat(view.text()).doesNotContain("北京").contains("云南省民政厅");
  }

  @Test
  void shouldPointIntoTheOriginalWhenTheViewIsSimplified() {
    String text = "本報訊（記者 陸文遠）省民政廳發佈《關於做好臨時救助工作的通知》。";

    AnalysisView view = AnalysisView.of(text);
    int start = view.text().indexOf("省民政厅");

    assertThat(view.text()).hasSameSizeAs(text);
    assertThat(start).isPositive();
    assertThat(view.original(start, start + 4)).isEqualTo("省民政廳");
    assertThat(view.text()).doesNotContain("陆文远");
  }

  @Test
  void shouldKeepLineBreaksWhenBlankingAByline() {
    String text = "■ 本报记者 孟川\n全省社会组织年报工作启动。";

    assertThat(AnalysisView.of(text).text()).startsWith(" ".repeat(9) + "\n全省");
  }
}
