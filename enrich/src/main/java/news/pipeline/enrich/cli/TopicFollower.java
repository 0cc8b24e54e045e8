package news.pipeline.enrich.cli;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.kafka.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads a topic for a person at a terminal: every partition, no consumer group (nothing to commit,
 * no rebalance), committed records only; from the start or from now; until the end or on.
 */
final class TopicFollower<V> implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(500);

  private final KafkaConsumer<String, V> consumer;

  TopicFollower(PipelineConfig config, Topic<String, V> topic, boolean fromBeginning) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumer =
        new KafkaConsumer<>(
            props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic.name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    if (partitions.isEmpty()) {
      throw new IllegalArgumentException("topic " + topic.name() + " does not exist");
    }
    consumer.assign(partitions);
    if (fromBeginning) {
      consumer.seekToBeginning(partitions);
    } else {
      consumer.seekToEnd(partitions);
    }
  }

  /** Hands each record to {@code sink}; returns at the end unless {@code follow}. */
  void run(boolean follow, Consumer<ConsumerRecord<String, V>> sink, Consumer<String> warn) {
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
    try {
      while (follow || !reached(end)) {
        try {
          consumer.poll(POLL).forEach(sink);
        } catch (RecordDeserializationException e) {
          warn.accept("skipping unreadable record at " + e.topicPartition() + "@" + e.offset());
          consumer.seek(e.topicPartition(), e.offset() + 1);
        }
      }
    } catch (WakeupException stopped) {
      // close() from the shutdown hook
    }
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  /** Stops a running {@link #run} from another thread. */
  void wakeup() {
    consumer.wakeup();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
