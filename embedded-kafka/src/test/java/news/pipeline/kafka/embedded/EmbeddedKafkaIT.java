package news.pipeline.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker is a real one: it keeps records, honours transactions, survives restarts. */
class EmbeddedKafkaIT {
  private static final String ARTICLE = "民政部部署2026年冬春困难群众基本生活保障工作";

  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = EmbeddedKafka.start();
  }

  @AfterAll
  static void stopBroker() {
    kafka.close();
  }

  @Test
  void shouldDeliverProducedRecordsWhenConsumedFromTheBeginning() throws Exception {
    String topic = newTopic();
    try (var producer = producer(Map.of())) {
      for (int i = 0; i < 3; i++) {
        producer.send(new ProducerRecord<>(topic, "article-" + i, ARTICLE + i)).get();
      }
    }

    assertThat(readAll(topic, "read_uncommitted", 3))
        .containsExactly(ARTICLE + 0, ARTICLE + 1, ARTICLE + 2);
  }

  @Test
  void shouldShowOnlyCommittedTransactionsWhenReadCommitted() throws Exception {
    String topic = newTopic();
    try (var producer =
        producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID()))) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "aborted", "撤回的稿件"));
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, "committed", ARTICLE));
      producer.commitTransaction();
    }

    assertThat(readAll(topic, "read_committed", 1)).containsExactly(ARTICLE);
  }

  @Test
  void shouldKeepRecordsWhenANodeRestarts() throws Exception {
    String topic = newTopic();
    try (var producer = producer(Map.of())) {
      producer.send(new ProducerRecord<>(topic, "before", ARTICLE)).get();
    }

    kafka.stopNode(0);
    assertThat(kafka.isRunning(0)).isFalse();
    kafka.restartNode(0);

    assertThat(kafka.bootstrapServers()).isEqualTo(kafka.bootstrapServers(0));
    try (var producer = producer(Map.of())) {
      producer.send(new ProducerRecord<>(topic, "after", "重启后的稿件")).get();
    }
    assertThat(readAll(topic, "read_committed", 2)).containsExactly(ARTICLE, "重启后的稿件");
  }

  @Test
  void shouldReuseTheClusterWhenStartedAgainOnTheSameDataDir(@TempDir Path dir) throws Exception {
    String topic = "persisted";
    try (EmbeddedKafka first = EmbeddedKafka.builder().dataDir(dir).start()) {
      createTopic(first, topic);
      try (var producer = producer(first, Map.of())) {
        producer.send(new ProducerRecord<>(topic, "k", ARTICLE)).get();
      }
    }
    assertThat(Files.exists(dir.resolve("node-0").resolve("meta.properties"))).isTrue();

    try (EmbeddedKafka second = EmbeddedKafka.builder().dataDir(dir).start()) {
      assertThat(readAll(second, topic, "read_committed", 1)).containsExactly(ARTICLE);
    }
    assertThat(Files.exists(dir)).as("a given data dir is kept").isTrue();
  }

  @Test
  void shouldDeleteItsTemporaryDirectoryWhenClosed() {
    Path dir;
    try (EmbeddedKafka temporary = EmbeddedKafka.start()) {
      dir = temporary.dataDir();
      assertThat(dir).isDirectory();
    }
    assertThat(dir).doesNotExist();
  }

  @Test
  void shouldRefuseToNameASecuredListenerWhenTheBuilderAddedNone() {
    assertThatThrownBy(kafka::saslBootstrapServers)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Builder.scramUser");
    assertThatThrownBy(kafka::saslSslBootstrapServers)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Builder.saslSslListener");
    assertThatThrownBy(kafka::mutualTlsBootstrapServers)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Builder.mutualTlsListener");
  }

  private static String newTopic() throws Exception {
    String topic = "embedded-" + UUID.randomUUID();
    createTopic(kafka, topic);
    return topic;
  }

  private static void createTopic(EmbeddedKafka cluster, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private static KafkaProducer<String, String> producer(Map<String, Object> extra) {
    return producer(kafka, extra);
  }

  static KafkaProducer<String, String> producer(EmbeddedKafka cluster, Map<String, Object> extra) {
    Map<String, Object> config = new java.util.HashMap<>(extra);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static List<String> readAll(String topic, String isolation, int expected) {
    return readAll(kafka, topic, isolation, expected);
  }

  /** Reads until {@code expected} values arrived, then a little longer to catch extras. */
  static List<String> readAll(EmbeddedKafka cluster, String topic, String isolation, int expected) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            cluster.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            isolation);
    List<String> values = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      int emptyPollsAfterExpected = 0;
      while (System.nanoTime() < deadline && emptyPollsAfterExpected < 2) {
        var records = consumer.poll(Duration.ofMillis(250));
        records.forEach(
            r ->
                values.add(
                    new String(
                        r.value().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
        if (values.size() >= expected && records.isEmpty()) {
          emptyPollsAfterExpected++;
        }
      }
    }
    return values;
  }
}
