package news.pipeline.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.kafka.DeadLetterHeaders;
import news.pipeline.common.kafka.StreamsRunner;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.PolicyAlert;
import news.pipeline.common.model.RawArticle;
import news.pipeline.enrich.alert.WebhookDelivery;
import news.pipeline.enrich.alert.WebhookReceiver;
import news.pipeline.kafka.embedded.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service on a real broker, three partitions: per-domain topics, exactly the announced policies
 * as alerts, dead letters, no second alert after a restart, and webhook delivery of the alerts.
 */
class EnrichServiceIT {
  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  @Test
  void shouldEnrichAlertOnceAndDeliverWhenRunningOnBrokerAcrossARestart() throws Exception {
    PipelineConfig config =
        KAFKA
            .pipelineConfig()
            .with(EnrichService.APPLICATION_ID, "enrich-it-" + UUID.randomUUID())
            .with(PipelineConfig.TOPIC_PARTITIONS, "3")
            // The restarted instance must not wait out the default 45 s for the old member.
            .with("session.timeout.ms", "6000");
    List<ClassifiedArticle> seeds = SeedArticles.classified();

    try (KafkaProducer<byte[], byte[]> producer = producer(config);
        KafkaConsumer<byte[], byte[]> reader = reader(config)) {
      reader.subscribe(
          List.of(
              Topics.domain("other").name(),
              Topics.POLICY_ALERTS.name(),
              Topics.DEAD_LETTERS.name()));
      Map<String, List<ConsumerRecord<byte[], byte[]>>> seen = new HashMap<>();

      try (StreamsRunner service = EnrichService.start(config, Duration.ofSeconds(60))) {
        seeds.forEach(article -> send(producer, article.id(), article));
        producer.send(
            new ProducerRecord<>(
                Topics.CLASSIFIED_ARTICLES.name(),
                "broken".getBytes(StandardCharsets.UTF_8),
                "{\"id\":\"broken\",\"title\":".getBytes(StandardCharsets.UTF_8)));
        producer.flush();

        awaitRecords(
            reader,
            seen,
            () ->
                count(seen, "news.domain.other") == 17
                    && count(seen, Topics.POLICY_ALERTS.name()) >= 7
                    && count(seen, Topics.DEAD_LETTERS.name()) >= 1);
      }
      assertThat(alertTitles(seen))
          .containsExactlyInAnyOrderElementsOf(SeedArticles.ANNOUNCED_POLICIES);
      ConsumerRecord<byte[], byte[]> dead = seen.get(Topics.DEAD_LETTERS.name()).get(0);
      assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("broken");
      assertThat(dead.headers().lastHeader(DeadLetterHeaders.EXCEPTION)).isNotNull();

      // The same announcement from another source after a restart: enriched, never re-alerted.
      RawArticle shanghai = SeedArticles.byTitle("调动社会力量积极性");
      RawArticle repost =
          new RawArticle(
              "another-source-0001",
              "上海发布老年助餐新政",
              false,
              shanghai.text(),
              "东方网",
              null,
              null,
              null,
              null,
              shanghai.ingestedAt(),
              "feed",
              "ffffffffffffffffffffffffffffffff");
      try (StreamsRunner restarted = EnrichService.start(config, Duration.ofSeconds(60))) {
        send(producer, repost.id(), SeedArticles.classified(repost, "other"));
        producer.flush();
        awaitRecords(reader, seen, () -> count(seen, "news.domain.other") == 18);
      }
      assertThat(alertTitles(seen)).hasSize(7);
    }

    WebhookReceiver receiver = new WebhookReceiver();
    try (receiver;
        WebhookDelivery delivery =
            WebhookDelivery.fromConfig(
                config
                    .with("news.alerts.webhook.generic.url", receiver.url().toString())
                    .with("news.alerts.webhook.group", "enrich-it-webhook-" + UUID.randomUUID()))) {
      Thread loop = new Thread(delivery, "webhook-delivery-it");
      loop.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> receiver.bodies().size() == 7);
    }
  }

  private static void awaitRecords(
      KafkaConsumer<byte[], byte[]> reader,
      Map<String, List<ConsumerRecord<byte[], byte[]>>> seen,
      java.util.concurrent.Callable<Boolean> done) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                seen.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record);
              }
              return done.call();
            });
  }

  private static int count(Map<String, List<ConsumerRecord<byte[], byte[]>>> seen, String topic) {
    return seen.getOrDefault(topic, List.of()).size();
  }

  private static List<String> alertTitles(Map<String, List<ConsumerRecord<byte[], byte[]>>> seen) {
    return seen.getOrDefault(Topics.POLICY_ALERTS.name(), List.of()).stream()
        .map(
            record ->
                Topics.POLICY_ALERTS
                    .valueSerde()
                    .deserializer()
                    .deserialize(record.topic(), record.value()))
        .map(PolicyAlert::policyTitle)
        .toList();
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer, String key, ClassifiedArticle article) {
    producer.send(
        new ProducerRecord<>(
            Topics.CLASSIFIED_ARTICLES.name(),
            key.getBytes(StandardCharsets.UTF_8),
            Topics.CLASSIFIED_ARTICLES.valueSerde().serializer().serialize(null, article)));
  }

  private static KafkaProducer<byte[], byte[]> producer(PipelineConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static KafkaConsumer<byte[], byte[]> reader(PipelineConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "enrich-it-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
