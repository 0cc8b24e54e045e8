package news.pipeline.enrich.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import news.pipeline.common.json.Json;
import news.pipeline.common.model.PolicyAlert;
import news.pipeline.common.model.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {

  static final PolicyAlert ALERT =
      new PolicyAlert(
          "儿童福利机构康复工作规范(征求意见稿)",
          "规范",
          "起草",
          "民政部儿童福利司",
          "draft",
          LocalDate.of(2024, 1, 27),
          List.of("child-welfare"),
          new Region(null, null, null, "national"),
          "5e9c634b0aab998b",
          "三项儿童福利机构行业标准公开征求意见 多处提及社会工作",
          Instant.parse("2024-01-10T08:00:00Z"));

  private WebhookReceiver receiver;
  private final WebhookSender sender =
      new WebhookSender(Duration.ofSeconds(5), 4, Duration.ofMillis(10), Duration.ofMillis(40));

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void shouldPostTheAlertItselfWhenTheFormatIsGeneric() throws Exception {
    boolean delivered =
        sender.send(new WebhookTarget(WebhookFormat.GENERIC, receiver.url()), ALERT);

    assertThat(delivered).isTrue();
    assertThat(Json.mapper().readValue(receiver.bodies().get(0), PolicyAlert.class))
        .isEqualTo(ALERT);
  }

  @Test
  void shouldPostADingTalkMarkdownMessageWhenTheFormatIsDingTalk() throws Exception {
    receiver.answerOkWith("{\"errcode\":0,\"errmsg\":\"ok\"}");

    sender.send(new WebhookTarget(WebhookFormat.DINGTALK, receiver.url()), ALERT);

    JsonNode body = Json.parseTree(receiver.bodies().get(0));
    assertThat(body.get("msgtype").asText()).isEqualTo("markdown");
    assertThat(body.at("/markdown/title").asText()).contains("儿童福利机构康复工作规范");
    assertThat(body.at("/markdown/text").asText())
        .contains("《儿童福利机构康复工作规范(征求意见稿)》", "民政部儿童福利司 起草", "2024-01-27", "全国");
  }

  @Test
  void shouldPostAWeComMarkdownMessageWhenTheFormatIsWeCom() throws Exception {
    sender.send(new WebhookTarget(WebhookFormat.WECOM, receiver.url()), ALERT);

    JsonNode body = Json.parseTree(receiver.bodies().get(0));
    assertThat(body.get("msgtype").asText()).isEqualTo("markdown");
    assertThat(body.at("/markdown/content").asText()).contains("征求意见稿", "民政部儿童福利司");
  }

  @Test
  void shouldRetryWithBackoffAndDeliverWhenTheReceiverRecoversFromAnOutage() throws Exception {
    receiver.outage(2, 503);

    boolean delivered =
        sender.send(new WebhookTarget(WebhookFormat.GENERIC, receiver.url()), ALERT);

    assertThat(delivered).isTrue();
    assertThat(receiver.bodies()).hasSize(3);
  }

  @Test
  void shouldRetryWhenARobotAnswersOkWithAnErrorCode() throws Exception {
    receiver.answerOkWith("{\"errcode\":130101,\"errmsg\":\"send too fast\"}");

    boolean delivered =
        sender.send(new WebhookTarget(WebhookFormat.DINGTALK, receiver.url()), ALERT);

    assertThat(delivered).isFalse();
    assertThat(receiver.bodies()).hasSize(4);
  }

  @Test
  void shouldGiveUpWithoutRetryingWhenTheReceiverRejectsTheRequest() throws Exception {
    receiver.outage(10, 400);

    boolean delivered =
        sender.send(new WebhookTarget(WebhookFormat.GENERIC, receiver.url()), ALERT);

    assertThat(delivered).isFalse();
    assertThat(receiver.bodies()).hasSize(1);
  }

  @Test
  void shouldGiveUpAfterTheLastAttemptWhenTheOutageOutlastsTheRetries() throws Exception {
    receiver.outage(10, 502);

    boolean delivered =
        sender.send(new WebhookTarget(WebhookFormat.GENERIC, receiver.url()), ALERT);

    assertThat(delivered).isFalse();
    assertThat(receiver.bodies()).hasSize(4);
  }
}
