package news.pipeline.enrich.alert;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.PolicyAlert;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes every committed alert to the configured webhooks. A consumer of its own (own group,
 * read_committed), apart from the stream: a receiver that is down delays only this loop, never
 * enrichment. Offsets are committed after delivery, so a restart re-delivers what was in flight (at
 * least once).
 */
public final class WebhookDelivery implements Runnable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Consumer<String, PolicyAlert> consumer;
  private final List<WebhookTarget> targets;
  private final WebhookSender sender;
  private final AtomicBoolean running = new AtomicBoolean(true);

  public WebhookDelivery(
      Consumer<String, PolicyAlert> consumer, List<WebhookTarget> targets, WebhookSender sender) {
    this.consumer = consumer;
    this.targets = targets;
    this.sender = sender;
  }

  public static WebhookDelivery fromConfig(PipelineConfig config) {
    return new WebhookDelivery(
        new KafkaConsumer<>(
            consumerProperties(config),
            Topics.POLICY_ALERTS.keySerde().deserializer(),
            Topics.POLICY_ALERTS.valueSerde().deserializer()),
        WebhookTarget.fromConfig(config),
        WebhookSender.fromConfig(config));
  }

  static Map<String, Object> consumerProperties(PipelineConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.get(WebhookTarget.PREFIX + "group"));
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // Retries may hold one record for minutes; do not let the group think we died.
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
    props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 30 * 60 * 1000);
    return props;
  }

  public static boolean configured(PipelineConfig config) {
    return !WebhookTarget.fromConfig(config).isEmpty();
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(Topics.POLICY_ALERTS.name()));
      while (running.get()) {
        pollOnce();
      }
    } catch (WakeupException e) {
      if (running.get()) {
        throw e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      consumer.close();
    }
  }

  /** One poll: deliver each alert to every target, then commit. */
  void pollOnce() throws InterruptedException {
    try {
      for (ConsumerRecord<String, PolicyAlert> record : consumer.poll(POLL)) {
        for (WebhookTarget target : targets) {
          sender.send(target, record.value());
        }
      }
    } catch (RecordDeserializationException e) {
      // Not an alert we can read: say so and step over it rather than stall on it forever.
      LOG.error("skipping unreadable alert at {} offset {}", e.topicPartition(), e.offset(), e);
      consumer.seek(e.topicPartition(), e.offset() + 1);
      return;
    }
    consumer.commitSync();
  }

  /** Stops the loop from any thread; the loop closes the consumer. */
  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
  }
}
