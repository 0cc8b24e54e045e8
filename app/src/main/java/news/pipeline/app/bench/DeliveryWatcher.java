package news.pipeline.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.json.InvalidRecordException;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.EnrichedArticle;
import news.pipeline.common.model.PolicyAlert;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the raw and classified topics, every domain topic and the alert topic as a subscriber does
 * ({@code read_committed}) from their ends at start, and notes when each article first appears on
 * each (each appearance is a stage's transaction committing) and when each alert arrives. Articles
 * are keyed by id on all of them, so only alerts and the copies asked for are decoded: the watcher
 * stays cheap beside the pipeline.
 */
final class DeliveryWatcher implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(20);

  /** One arrival: the article and when it arrived ({@link System#nanoTime()}). */
  record Arrival(String articleId, long atNanos) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private final Map<String, Long> firstRaw = new ConcurrentHashMap<>();
  private final Map<String, Long> firstClassified = new ConcurrentHashMap<>();
  private final Map<String, Long> firstDelivery = new ConcurrentHashMap<>();
  private final Collection<Arrival> alerts = new ConcurrentLinkedQueue<>();
  private final Collection<String> undecodable = new ConcurrentLinkedQueue<>();
  private final Set<String> inspected = ConcurrentHashMap.newKeySet();
  private final Map<String, Boolean> markedRepost = new ConcurrentHashMap<>();
  private volatile RuntimeException failure;

  DeliveryWatcher(PipelineConfig config, List<String> domainIds) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "news-pipeline-bench-watcher");
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    List<String> topics = new ArrayList<>();
    topics.add(Topics.RAW_ARTICLES.name());
    topics.add(Topics.CLASSIFIED_ARTICLES.name());
    domainIds.forEach(domain -> topics.add(Topics.domain(domain).name()));
    topics.add(Topics.POLICY_ALERTS.name());
    for (String topic : topics) {
      consumer
          .partitionsFor(topic)
          .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    // Resolve the end offsets now, before any article of this run is sent.
    partitions.forEach(consumer::position);
    thread = new Thread(this::run, "bench-delivery-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          long now = System.nanoTime();
          if (record.topic().equals(Topics.POLICY_ALERTS.name())) {
            alert(record, now);
          } else if (record.key() != null) {
            article(record, now);
          }
        }
      }
    } catch (WakeupException e) {
      // close() stops the watcher.
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
  }

  private void article(ConsumerRecord<String, byte[]> record, long now) {
    String topic = record.topic();
    if (topic.equals(Topics.RAW_ARTICLES.name())) {
      firstRaw.putIfAbsent(record.key(), now);
    } else if (topic.equals(Topics.CLASSIFIED_ARTICLES.name())) {
      firstClassified.putIfAbsent(record.key(), now);
    } else {
      firstDelivery.putIfAbsent(record.key(), now);
      if (inspected.contains(record.key())) {
        inspect(record);
      }
    }
  }

  private void alert(ConsumerRecord<String, byte[]> record, long now) {
    try {
      PolicyAlert alert =
          Topics.POLICY_ALERTS
              .valueSerde()
              .deserializer()
              .deserialize(record.topic(), record.value());
      alerts.add(new Arrival(alert.articleId(), now));
    } catch (InvalidRecordException e) {
      undecodable.add(record.topic() + "@" + record.offset() + ": " + e.getMessage());
    }
  }

  /**
   * Decode the copies of these articles when they arrive, to learn whether classify marked them
   * reposts: a repost's policy may already have been alerted by its original, so only the
   * originals' alerts are certainly due.
   */
  void inspect(Collection<String> articleIds) {
    inspected.addAll(articleIds);
  }

  /** Whether classify marked the article a repost; null until a copy of it has arrived. */
  Boolean markedRepost(String articleId) {
    return markedRepost.get(articleId);
  }

  private void inspect(ConsumerRecord<String, byte[]> record) {
    try {
      EnrichedArticle article =
          Topics.domain(record.topic().substring(Topics.DOMAIN_TOPIC_PREFIX.length()))
              .valueSerde()
              .deserializer()
              .deserialize(record.topic(), record.value());
      markedRepost.put(record.key(), article.duplicateOf() != null);
    } catch (InvalidRecordException e) {
      undecodable.add(record.topic() + "@" + record.offset() + ": " + e.getMessage());
    }
  }

  /** When the article was first on the raw topic (ingest's transaction committed), or null. */
  Long firstRaw(String articleId) {
    return firstRaw.get(articleId);
  }

  /** When the article was first on the classified topic, or null. */
  Long firstClassified(String articleId) {
    return firstClassified.get(articleId);
  }

  /** When the first copy of the article reached a domain topic, or null. */
  Long firstDelivery(String articleId) {
    return firstDelivery.get(articleId);
  }

  boolean delivered(Collection<String> articleIds) {
    checkRunning();
    return articleIds.stream().allMatch(firstDelivery::containsKey);
  }

  List<Arrival> alerts() {
    return List.copyOf(alerts);
  }

  List<String> undecodable() {
    return List.copyOf(undecodable);
  }

  private void checkRunning() {
    if (failure != null) {
      throw new IllegalStateException("the output reader failed: " + failure.getMessage(), failure);
    }
  }

  @Override
  public void close() {
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
