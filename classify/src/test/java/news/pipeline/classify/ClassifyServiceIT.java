package news.pipeline.classify;

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
import news.pipeline.common.model.Domains;
import news.pipeline.common.model.RawArticle;
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

/** The service on a real broker: labels, reposts across partitions, dead letters. */
class ClassifyServiceIT {
  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  @Test
  void shouldClassifyMarkRepostsAndDeadLetterBadRecordsWhenRunningOnBroker() throws Exception {
    PipelineConfig config =
        KAFKA
            .pipelineConfig()
            .with(ClassifyService.APPLICATION_ID, "classify-it-" + UUID.randomUUID())
            .with(PipelineConfig.TOPIC_PARTITIONS, "3");
    LabeledArticle meals = Fixtures.seed("民政部召开全国积极发展老年助餐服务");
    LabeledArticle assistance = Fixtures.seed("辽宁省民政厅召开会议");
    RawArticle repost =
        Fixtures.raw(
            "repost-of-liaoning",
            "辽宁部署困难群众兜底保障提质增效专项行动",
            "来源：中国社会报\n" + assistance.text() + "\n责任编辑：王晓");

    try (StreamsRunner service = ClassifyService.start(config, Duration.ofSeconds(60));
        KafkaProducer<byte[], byte[]> producer = producer(config)) {
      send(producer, meals.id(), Fixtures.raw(meals));
      send(producer, assistance.id(), Fixtures.raw(assistance));
      producer.flush();
      send(producer, repost.id(), repost);
      producer.send(
          new ProducerRecord<>(
              Topics.RAW_ARTICLES.name(),
              "broken".getBytes(StandardCharsets.UTF_8),
              "{\"id\":\"broken\",\"title\":".getBytes(StandardCharsets.UTF_8)));
      RawArticle notText = Fixtures.raw("not-text", "民政部门发布通知", "全县低保标准提高。");
      producer.send(
          new ProducerRecord<>(
              Topics.RAW_ARTICLES.name(),
              notText.id().getBytes(StandardCharsets.UTF_8),
              Fixtures.withUnpairedSurrogate(notText)));
      producer.flush();

      Map<String, ClassifiedArticle> classified = new HashMap<>();
      List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
      try (KafkaConsumer<byte[], byte[]> consumer = consumer(config)) {
        consumer.subscribe(List.of(Topics.CLASSIFIED_ARTICLES.name(), Topics.DEAD_LETTERS.name()));
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  for (ConsumerRecord<byte[], byte[]> record :
                      consumer.poll(Duration.ofMillis(200))) {
                    if (record.topic().equals(Topics.DEAD_LETTERS.name())) {
                      deadLetters.add(record);
                    } else {
                      ClassifiedArticle article =
                          Topics.CLASSIFIED_ARTICLES
                              .valueSerde()
                              .deserializer()
                              .deserialize(record.topic(), record.value());
                      classified.put(article.id(), article);
                    }
                  }
                  return classified.size() == 3 && deadLetters.size() == 2;
                });
      }
      assertThat(classified.get(meals.id()).primaryDomain()).isEqualTo(Domains.ELDERLY_MEALS);
      assertThat(classified.get(assistance.id()).primaryDomain())
          .isEqualTo(Domains.SOCIAL_ASSISTANCE);
      assertThat(classified.get(assistance.id()).duplicateOf()).isNull();
      assertThat(classified.get(repost.id()).duplicateOf()).isEqualTo(assistance.id());
      Map<String, ConsumerRecord<byte[], byte[]>> deadByKey = new HashMap<>();
      deadLetters.forEach(d -> deadByKey.put(new String(d.key(), StandardCharsets.UTF_8), d));
      assertThat(deadByKey).containsOnlyKeys("broken", notText.id());
      for (ConsumerRecord<byte[], byte[]> dead : deadLetters) {
        assertThat(dead.headers().lastHeader(DeadLetterHeaders.EXCEPTION)).isNotNull();
        assertThat(dead.headers().lastHeader(DeadLetterHeaders.TOPIC).value())
            .isEqualTo(Topics.RAW_ARTICLES.name().getBytes(StandardCharsets.UTF_8));
      }
      ConsumerRecord<byte[], byte[]> notTextDead = deadByKey.get(notText.id());
      assertThat(notTextDead.value()).isEqualTo(Fixtures.withUnpairedSurrogate(notText));
      assertThat(header(notTextDead, DeadLetterHeaders.MESSAGE))
          .startsWith("bad-text: unpaired surrogate in /title");
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String key, RawArticle article) {
    producer.send(
        new ProducerRecord<>(
            Topics.RAW_ARTICLES.name(),
            key.getBytes(StandardCharsets.UTF_8),
            Topics.RAW_ARTICLES.valueSerde().serializer().serialize(null, article)));
  }

  private static KafkaProducer<byte[], byte[]> producer(PipelineConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static KafkaConsumer<byte[], byte[]> consumer(PipelineConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "classify-it-reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
