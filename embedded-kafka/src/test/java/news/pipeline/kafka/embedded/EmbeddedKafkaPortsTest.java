package news.pipeline.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaPortsTest {

  @Test
  void shouldPickDistinctPortsWhenManyAreAskedForAtOnce() {
    for (int round = 0; round < 50; round++) {
      int[] ports = EmbeddedKafka.freePorts(12);

      assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(ports.length);
      assertThat(Arrays.stream(ports).boxed()).allMatch(port -> port > 0 && port < 65536);
    }
  }
}
