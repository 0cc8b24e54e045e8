package news.pipeline.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three voters, replication 3, min ISR 2: losing one node loses neither writes nor records. */
class EmbeddedKafkaClusterIT {
  private static EmbeddedKafka cluster;

  @BeforeAll
  static void startCluster() {
    cluster = EmbeddedKafka.builder().nodes(3).start();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  void shouldKeepAcceptingAndServingRecordsWhenOneOfThreeNodesIsDown() throws Exception {
    String topic = "replicated";
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 3))).all().get();
    }
    try (var producer = EmbeddedKafkaIT.producer(cluster, Map.of())) {
      producer.send(new ProducerRecord<>(topic, "a", "低保标准提高")).get();
    }

    cluster.stopNode(1);
    try (var producer = EmbeddedKafkaIT.producer(cluster, Map.of())) {
      producer.send(new ProducerRecord<>(topic, "a", "特困人员救助供养")).get();
    }
    assertThat(EmbeddedKafkaIT.readAll(cluster, topic, "read_committed", 2))
        .containsExactly("低保标准提高", "特困人员救助供养");

    cluster.restartNode(1);
    assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
  }
}
