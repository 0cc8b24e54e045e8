package news.pipeline.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import news.pipeline.common.config.PipelineConfig;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaBrokerExtensionIT {
  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  // As another IT class would: one more registration in the same test JVM.
  @RegisterExtension static final KafkaBrokerExtension ANOTHER = new KafkaBrokerExtension();

  @Test
  void shouldPointThePipelineConfigAtTheSharedBrokerWhenAsked() {
    PipelineConfig first = KAFKA.pipelineConfig();
    PipelineConfig second = KAFKA.pipelineConfig();

    assertThat(first.get(PipelineConfig.BOOTSTRAP_SERVERS)).isEqualTo(KAFKA.bootstrapServers());
    assertThat(first.getPath(PipelineConfig.STATE_DIR))
        .isDirectory()
        .isNotEqualTo(second.getPath(PipelineConfig.STATE_DIR));
  }

  @Test
  void shouldCreateMissingTopicsAndLeaveExistingOnesWhenCreatingTopics() throws Exception {
    KAFKA.createTopics("news.extension.a", "news.extension.b");
    KAFKA.createTopics("news.extension.a");

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
      Set<String> names = admin.listTopics().names().get();
      assertThat(names).contains("news.extension.a", "news.extension.b");
    }
  }

  @Test
  void shouldShareOneBrokerWhenSeveralClassesRegisterTheExtension() {
    assertThat(ANOTHER.bootstrapServers()).isEqualTo(KAFKA.bootstrapServers());
    assertThat(ANOTHER.embedded()).isEqualTo(KAFKA.embedded());
  }
}
