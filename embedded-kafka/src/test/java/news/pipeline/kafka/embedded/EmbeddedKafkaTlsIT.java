package news.pipeline.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS listeners are real ones: SCRAM over TLS, and certificates as the login (mTLS). */
class EmbeddedKafkaTlsIT {
  private static final String USER = "minzheng-reporter";
  private static final String PASSWORD = "社会救助-secret";
  private static final String ARTICLE = "民政部部署加强困难群众基本生活保障工作";

  @TempDir static Path dir;

  private static TestCertificates pki;
  private static EmbeddedKafka kafka;

  @BeforeAll
  static void startBrokerWithTlsListeners() {
    pki = TestCertificates.create(dir);
    kafka =
        EmbeddedKafka.builder()
            .scramUser(USER, PASSWORD)
            .saslSslListener(pki.brokerStores())
            .mutualTlsListener(pki.brokerStores())
            .start();
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void shouldCarryRecordsOverSaslSslWhenTheClientLogsInWithScramSha512AndTrustsTheCa()
      throws Exception {
    Map<String, Object> client = trustingTheCa(kafka.saslSslBootstrapServers());
    client.put("security.protocol", "SASL_SSL");
    client.put("sasl.mechanism", EmbeddedKafka.SCRAM_SHA_512_MECHANISM);
    client.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + USER
            + "\" password=\""
            + PASSWORD
            + "\";");

    assertThat(roundTrip(client)).containsExactly(ARTICLE);
  }

  @Test
  void shouldCarryRecordsOverMutualTlsWhenTheClientCertificateIsSignedByTheCa() throws Exception {
    Map<String, Object> client = trustingTheCa(kafka.mutualTlsBootstrapServers());
    client.put("security.protocol", "SSL");
    client.put("ssl.keystore.type", "PKCS12");
    client.put("ssl.keystore.location", pki.clientKeystore().toString());
    client.put("ssl.keystore.password", pki.password());

    assertThat(roundTrip(client)).containsExactly(ARTICLE);
  }

  @Test
  void shouldRefuseToStartASaslSslListenerWhenNoScramUserIsGiven() {
    assertThatThrownBy(() -> EmbeddedKafka.builder().saslSslListener(pki.brokerStores()).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("scramUser");
  }

  private static Map<String, Object> trustingTheCa(String bootstrapServers) {
    Map<String, Object> client = new HashMap<>();
    client.put("bootstrap.servers", bootstrapServers);
    client.put("ssl.truststore.type", "PKCS12");
    client.put("ssl.truststore.location", pki.truststore().toString());
    client.put("ssl.truststore.password", pki.password());
    return client;
  }

  /** Creates a topic (over PLAINTEXT), then writes and reads one record with these settings. */
  private static List<String> roundTrip(Map<String, Object> client) throws Exception {
    String topic = "tls-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    // SCRAM credentials reach the broker through the metadata log: allow a moment for that.
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              try (Admin admin = Admin.create(client)) {
                return admin.listTopics().names().get().contains(topic);
              }
            });
    try (var producer =
        new KafkaProducer<>(client, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "article", ARTICLE)).get();
    }
    Map<String, Object> reader = new HashMap<>(client);
    reader.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    reader.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(reader, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInSameThread()
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(250)).forEach(r -> values.add(r.value()));
                return !values.isEmpty();
              });
    }
    return values;
  }
}
