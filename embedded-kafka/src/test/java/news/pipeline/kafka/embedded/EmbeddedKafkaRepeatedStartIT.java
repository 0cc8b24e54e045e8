package news.pipeline.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/**
 * Starting the broker is what every IT and the demo do first, so a start that fails one time in a
 * hundred fails CI at random: start it many times in a row, one node and three, and use each.
 */
class EmbeddedKafkaRepeatedStartIT {
  private static final int STARTS = 30;

  @Test
  void shouldServeEveryTimeWhenStartedAndStoppedManyTimesInARow() throws Exception {
    Set<String> addresses = new HashSet<>();
    for (int i = 0; i < STARTS; i++) {
      try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
        assertThat(nodesServing(kafka)).isEqualTo(1);
        addresses.add(kafka.bootstrapServers());
      }
    }
    assertThat(addresses).as("each start picked its own ports").hasSizeGreaterThan(1);
  }

  @Test
  void shouldServeEveryTimeWhenAThreeNodeClusterIsStartedRepeatedly() throws Exception {
    for (int i = 0; i < 3; i++) {
      try (EmbeddedKafka cluster = EmbeddedKafka.builder().nodes(3).start()) {
        assertThat(nodesServing(cluster)).isEqualTo(3);
      }
    }
  }

  private static int nodesServing(EmbeddedKafka kafka) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      return admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
    }
  }
}
