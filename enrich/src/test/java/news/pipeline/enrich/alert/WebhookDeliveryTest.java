package news.pipeline.enrich.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.PolicyAlert;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

  private static final TopicPartition PARTITION =
      new TopicPartition(Topics.POLICY_ALERTS.name(), 0);

  private WebhookReceiver generic;
  private WebhookReceiver weCom;
  private MockConsumer<String, PolicyAlert> consumer;
  private WebhookDelivery delivery;

  @BeforeEach
  void start() throws Exception {
    generic = new WebhookReceiver();
    weCom = new WebhookReceiver();
    consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    consumer.assign(List.of(PARTITION));
    consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
    delivery =
        new WebhookDelivery(
            consumer,
            List.of(
                new WebhookTarget(WebhookFormat.GENERIC, generic.url()),
                new WebhookTarget(WebhookFormat.WECOM, weCom.url())),
            new WebhookSender(
                Duration.ofSeconds(5), 5, Duration.ofMillis(10), Duration.ofMillis(20)));
  }

  @AfterEach
  void stop() {
    generic.close();
    weCom.close();
  }

  @Test
  void shouldDeliverEachAlertToEveryTargetAndThenCommitWhenPolled() throws Exception {
    consumer.addRecord(
        new ConsumerRecord<>(PARTITION.topic(), 0, 0L, "k", WebhookSenderTest.ALERT));

    delivery.pollOnce();

    assertThat(generic.bodies()).hasSize(1);
    assertThat(weCom.bodies()).hasSize(1);
    assertThat(consumer.committed(java.util.Set.of(PARTITION)))
        .containsEntry(PARTITION, new OffsetAndMetadata(1L));
  }

  @Test
  void shouldStillDeliverToTheOtherTargetWhenOneIsDown() throws Exception {
    generic.outage(100, 503);
    consumer.addRecord(
        new ConsumerRecord<>(PARTITION.topic(), 0, 0L, "k", WebhookSenderTest.ALERT));

    delivery.pollOnce();

    assertThat(generic.bodies()).hasSize(5);
    assertThat(weCom.bodies()).hasSize(1);
  }
}
