package news.pipeline.app.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.PolicyAlert;
import news.pipeline.enrich.alert.PolicyAlerts;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the output topics as a subscriber does, {@code read_committed}, from the beginning, and
 * hands every record to a {@link DeliveryAudit}. Keeps its position, so it can be called again
 * while the pipeline drains.
 */
final class OutputReader implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(500);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final DeliveryAudit audit;
  private final List<TopicPartition> partitions = new ArrayList<>();

  OutputReader(PipelineConfig config, Collection<String> articleTopics, DeliveryAudit audit) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.audit = audit;
    List<String> topics = new ArrayList<>(articleTopics);
    topics.add(Topics.POLICY_ALERTS.name());
    for (String topic : topics) {
      consumer
          .partitionsFor(topic, Duration.ofSeconds(30))
          .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Reads until every partition's position reaches its last stable offset as of this call. */
  void catchUp(Duration within) {
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        accept(record);
      }
      if (partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp))) {
        return;
      }
    }
  }

  private void accept(ConsumerRecord<byte[], byte[]> record) {
    if (record.topic().equals(Topics.POLICY_ALERTS.name())) {
      PolicyAlert alert =
          Topics.POLICY_ALERTS
              .valueSerde()
              .deserializer()
              .deserialize(record.topic(), record.value());
      audit.alert(PolicyAlerts.key(alert.policyTitle()));
    } else {
      String id = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
      audit.article(record.topic(), record.partition(), id);
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
