package news.pipeline.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import news.pipeline.classify.ClassifyService;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.json.Json;
import news.pipeline.common.kafka.DeadLetterHeaders;
import news.pipeline.common.kafka.StreamsRunner;
import news.pipeline.common.kafka.TopicProvisioner;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.Domains;
import news.pipeline.common.model.RawArticle;
import news.pipeline.common.testing.SampleArticles;
import news.pipeline.common.testing.SeedFiles;
import news.pipeline.enrich.EnrichService;
import news.pipeline.ingest.ArticleReader;
import news.pipeline.kafka.embedded.EmbeddedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile records interleaved with real articles on a real broker, through classify and enrich
 * running with the production settings: each bad record lands in {@code news.dlq} exactly once, as
 * the bytes that arrived with the {@code __streams.errors.*} headers; every good article comes out;
 * both services stay RUNNING.
 */
class PoisonCorpusIT {
  private static final String ENRICHER_THROWS = "classified-contradicts-itself";
  private static EmbeddedKafka kafka;
  private static PipelineConfig config;
  private static Path stateDir;

  @BeforeAll
  static void startBroker() throws Exception {
    // Its own broker: the poison must not reach other tests' pipelines, nor theirs this DLQ.
    kafka = EmbeddedKafka.start();
    stateDir = Files.createTempDirectory("poison-it-state-");
    config =
        PipelineConfig.defaults()
            .with(PipelineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers())
            .with(PipelineConfig.STATE_DIR, stateDir.toString())
            .with(PipelineConfig.TOPIC_PARTITIONS, "3");
    TopicProvisioner.ensure(config, Topics.allNames(ClassifyService.domainIds(config)));
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void shouldDeadLetterEachPoisonRecordOnceAndDeliverEveryGoodArticleWhenInterleaved()
      throws Exception {
    List<RawArticle> good = ArticleReader.read(SeedFiles.directory()).articles();
    Map<String, byte[]> rawPoison = rawPoison();
    Map<String, byte[]> classifiedPoison = classifiedPoison();
    Map<Sent, String> poisonAt = new HashMap<>();

    try (StreamsRunner classify = ClassifyService.start(config, Duration.ofMinutes(2));
        StreamsRunner enrich = EnrichService.start(config, Duration.ofMinutes(2));
        KafkaProducer<byte[], byte[]> producer = producer(Map.of())) {
      List<String> kinds = new ArrayList<>(rawPoison.keySet());
      for (int i = 0; i < good.size(); i++) {
        RawArticle article = good.get(i);
        send(producer, Topics.RAW_ARTICLES.name(), key(article.id()), Json.toBytes(article));
        if (i < kinds.size()) {
          String kind = kinds.get(i);
          byte[] keyBytes = kind.equals("bad-key") ? new byte[] {(byte) 0xff, 0x41} : key(kind);
          poisonAt.put(
              send(producer, Topics.RAW_ARTICLES.name(), keyBytes, rawPoison.get(kind)), kind);
        }
      }
      for (var poison : classifiedPoison.entrySet()) {
        poisonAt.put(
            send(
                producer,
                Topics.CLASSIFIED_ARTICLES.name(),
                key(poison.getKey()),
                poison.getValue()),
            poison.getKey());
      }

      Set<String> goodIds = new HashSet<>();
      good.forEach(article -> goodIds.add(article.id()));
      try (KafkaConsumer<byte[], byte[]> reader = reader()) {
        List<String> outputs = new ArrayList<>(List.of(Topics.DEAD_LETTERS.name()));
        ClassifyService.domainIds(config).forEach(id -> outputs.add(Topics.domain(id).name()));
        reader.subscribe(outputs);
        List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
        Set<String> delivered = new HashSet<>();
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInSameThread()
            .pollInterval(Duration.ofMillis(100))
            .until(
                () -> {
                  for (ConsumerRecord<byte[], byte[]> record :
                      reader.poll(Duration.ofMillis(500))) {
                    if (record.topic().equals(Topics.DEAD_LETTERS.name())) {
                      deadLetters.add(record);
                    } else if (record.key() != null) {
                      delivered.add(new String(record.key(), StandardCharsets.UTF_8));
                    }
                  }
                  return deadLetters.size() >= poisonAt.size() && delivered.containsAll(goodIds);
                });

        assertThat(classify.state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(enrich.state()).isEqualTo(KafkaStreams.State.RUNNING);
        // Closing commits everything: a dead letter written twice would show now.
        classify.close();
        enrich.close();
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofSeconds(2))) {
          if (record.topic().equals(Topics.DEAD_LETTERS.name())) {
            deadLetters.add(record);
          }
        }

        Map<Sent, List<ConsumerRecord<byte[], byte[]>>> bySource = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> letter : deadLetters) {
          Sent source =
              new Sent(
                  header(letter, DeadLetterHeaders.TOPIC),
                  Integer.parseInt(header(letter, DeadLetterHeaders.PARTITION)),
                  Long.parseLong(header(letter, DeadLetterHeaders.OFFSET)));
          bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(letter);
        }
        assertThat(bySource.keySet()).containsExactlyInAnyOrderElementsOf(poisonAt.keySet());
        for (var entry : poisonAt.entrySet()) {
          String kind = entry.getValue();
          List<ConsumerRecord<byte[], byte[]>> letters = bySource.get(entry.getKey());
          assertThat(letters).as(kind).hasSize(1);
          ConsumerRecord<byte[], byte[]> letter = letters.get(0);
          byte[] sentValue =
              rawPoison.containsKey(kind) ? rawPoison.get(kind) : classifiedPoison.get(kind);
          assertThat(letter.value()).as(kind + " value bytes").isEqualTo(sentValue);
          assertThat(header(letter, DeadLetterHeaders.EXCEPTION)).as(kind).isNotBlank();
          assertThat(header(letter, DeadLetterHeaders.MESSAGE)).as(kind).isNotBlank();
          assertThat(header(letter, DeadLetterHeaders.STACKTRACE)).as(kind).contains("\tat ");
        }
        assertThat(reasons(deadLetters)).contains("bad-json", "bad-utf8", "schema", "null");
        ConsumerRecord<byte[], byte[]> refused =
            bySource
                .get(
                    poisonAt.entrySet().stream()
                        .filter(entry -> entry.getValue().equals(ENRICHER_THROWS))
                        .findFirst()
                        .orElseThrow()
                        .getKey())
                .get(0);
        assertThat(header(refused, DeadLetterHeaders.EXCEPTION))
            .isEqualTo(IllegalArgumentException.class.getName());
        assertThat(header(refused, DeadLetterHeaders.MESSAGE))
            .isEqualTo(
                "primaryDomain 'child-welfare' is not one of the article's domains"
                    + " [elderly-meals]");
      }
    }
  }

  @Test
  void shouldRefuseAFiveMegabyteRecordAtTheBrokerWhenTheTopicKeepsItsDefaultLimit() {
    // The producer would send it (its own limit raised): the broker is the one that refuses.
    String text = "民".repeat(5 * 1024 * 1024 / 3 + 1);
    RawArticle huge = withText(SampleArticles.shanghaiMeals(), text);
    try (KafkaProducer<byte[], byte[]> producer =
        producer(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024))) {
      assertThatThrownBy(
              () ->
                  producer
                      .send(
                          new ProducerRecord<>(
                              Topics.RAW_ARTICLES.name(), key("huge"), Json.toBytes(huge)))
                      .get())
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(RecordTooLargeException.class);
    }
  }

  /** Bad records for classify, by kind. */
  private static Map<String, byte[]> rawPoison() {
    byte[] valid = Json.toBytes(SampleArticles.shanghaiMeals());
    Map<String, byte[]> poison = new java.util.LinkedHashMap<>();
    poison.put("bad-json", "{\"id\": \"p1\", \"title\": 养老助餐}".getBytes(StandardCharsets.UTF_8));
    poison.put("truncated", Arrays.copyOf(valid, middleOfACharacter(valid)));
    byte[] malformed = valid.clone();
    malformed[middleOfACharacter(valid)] = (byte) 0xff;
    poison.put("malformed-utf8", malformed);
    poison.put("overlong-utf8", withBytesInTitle(valid, new byte[] {(byte) 0xc0, (byte) 0xaf}));
    poison.put(
        "deep-nesting",
        ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.US_ASCII));
    poison.put("null-value", null);
    poison.put("schema-invalid", Json.toBytes(withText(SampleArticles.shanghaiMeals(), "")));
    poison.put("not-an-object", "[\"民政\"]".getBytes(StandardCharsets.UTF_8));
    poison.put("bad-key", valid);
    return poison;
  }

  /** Bad records written straight to enrich's input. */
  private static Map<String, byte[]> classifiedPoison() {
    Map<String, byte[]> poison = new java.util.LinkedHashMap<>();
    poison.put("classified-bad-json", "{\"domains\": [".getBytes(StandardCharsets.UTF_8));
    // A raw article is not a classified one: no domains, no primaryDomain.
    poison.put("classified-schema", Json.toBytes(SampleArticles.shanghaiMeals()));
    // Schema-valid, but it contradicts itself: the enricher refuses it (IllegalArgumentException),
    // so the processing exception handler, not the deserializer, dead-letters it.
    ClassifiedArticle meals = SampleArticles.shanghaiMealsClassified();
    poison.put(
        ENRICHER_THROWS,
        Json.toBytes(
            ClassifiedArticle.of(meals.raw(), meals.domains(), Domains.CHILD_WELFARE, null)));
    return poison;
  }

  private static RawArticle withText(RawArticle a, String text) {
    return new RawArticle(
        a.id(),
        a.title(),
        a.titleDerived(),
        text,
        a.source(),
        a.reporter(),
        a.dateline(),
        a.url(),
        a.publishedAt(),
        a.ingestedAt(),
        a.origin(),
        a.contentHash());
  }

  /** An index inside a multi-byte UTF-8 sequence (a continuation byte), near the middle. */
  private static int middleOfACharacter(byte[] utf8) {
    for (int i = utf8.length / 2; i < utf8.length; i++) {
      if ((utf8[i] & 0xc0) == 0x80) {
        return i;
      }
    }
    throw new IllegalArgumentException("no multi-byte character after the middle");
  }

  private static byte[] withBytesInTitle(byte[] json, byte[] inserted) {
    String marker = "\"title\":\"";
    int at = new String(json, StandardCharsets.ISO_8859_1).indexOf(marker) + marker.length();
    byte[] result = new byte[json.length + inserted.length];
    System.arraycopy(json, 0, result, 0, at);
    System.arraycopy(inserted, 0, result, at, inserted.length);
    System.arraycopy(json, at, result, at + inserted.length, json.length - at);
    return result;
  }

  private static Set<String> reasons(List<ConsumerRecord<byte[], byte[]>> letters) {
    Set<String> reasons = new HashSet<>();
    for (ConsumerRecord<byte[], byte[]> letter : letters) {
      String message = header(letter, DeadLetterHeaders.MESSAGE);
      reasons.add(message.contains(":") ? message.substring(0, message.indexOf(':')) : message);
    }
    return reasons;
  }

  private record Sent(String topic, int partition, long offset) {}

  private static Sent send(
      KafkaProducer<byte[], byte[]> producer, String topic, byte[] key, byte[] value)
      throws Exception {
    RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, key, value)).get();
    return new Sent(topic, metadata.partition(), metadata.offset());
  }

  private static byte[] key(String id) {
    return id.getBytes(StandardCharsets.UTF_8);
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    assertThat(header).as("header " + name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  private static KafkaProducer<byte[], byte[]> producer(Map<String, Object> extra) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.putAll(extra);
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static KafkaConsumer<byte[], byte[]> reader() {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "poison-it-reader");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
