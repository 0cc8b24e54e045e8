package news.pipeline.enrich.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyAlertsTest {

  @Test
  void shouldGiveTheSameKeyWhenOutletsWriteATitleWithDifferentPunctuationAndWidth() {
    assertThat(PolicyAlerts.key("关于动员引导社会组织参与乡村振兴“六项行动”实施方案"))
        .isEqualTo(PolicyAlerts.key("关于动员引导社会组织参与乡村振兴\"六项行动\" 实施方案"));
    assertThat(PolicyAlerts.key("儿童福利机构康复工作规范（征求意见稿）"))
        .isEqualTo(PolicyAlerts.key("儿童福利机构康复工作规范(征求意见稿)"));
  }

  @Test
  void shouldKeepADraftAndItsFinalTextApartWhenKeying() {
    assertThat(PolicyAlerts.key("儿童福利机构康复工作规范(征求意见稿)"))
        .isNotEqualTo(PolicyAlerts.key("儿童福利机构康复工作规范"));
  }
}
