package news.pipeline.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineConfigTest {
  @TempDir Path dir;

  @Test
  void shouldUseDefaultsWhenNothingIsOverridden() {
    PipelineConfig config = PipelineConfig.load(null, Map.of(), Map.of());
    assertThat(config.getInt(PipelineConfig.TOPIC_PARTITIONS)).isEqualTo(6);
    assertThat(config.getInt(PipelineConfig.TOPIC_REPLICATION_FACTOR)).isEqualTo(1);
    assertThat(config.get(PipelineConfig.PROCESSING_GUARANTEE)).isEqualTo("exactly_once_v2");
  }

  @Test
  void shouldLetEachLayerOverrideTheOneBeforeWhenAllAreGiven() throws IOException {
    Path file = dir.resolve("pipeline.properties");
    Files.writeString(
        file, "news.topic.partitions=3\nbootstrap.servers=file:9092\nnews.streams.threads=4\n");
    PipelineConfig config =
        PipelineConfig.load(
            file,
            Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092", "NEWS_STREAMS_THREADS", "2"),
            Map.of("news.streams.threads", "8"));
    assertThat(config.getInt(PipelineConfig.TOPIC_PARTITIONS)).isEqualTo(3);
    assertThat(config.get(PipelineConfig.BOOTSTRAP_SERVERS)).isEqualTo("env:9092");
    assertThat(config.getInt(PipelineConfig.STREAM_THREADS)).isEqualTo(8);
  }

  @Test
  void shouldReadConfigFileFromEnvironmentWhenNoFileFlagIsGiven() throws IOException {
    Path file = dir.resolve("from-env.properties");
    Files.writeString(file, "news.topic.partitions=12\n");
    PipelineConfig config =
        PipelineConfig.load(null, Map.of("NEWS_CONFIG", file.toString()), Map.of());
    assertThat(config.getInt(PipelineConfig.TOPIC_PARTITIONS)).isEqualTo(12);
  }

  @Test
  void shouldPassSecuritySettingsToKafkaClientsWhenSetInEnvironment() {
    PipelineConfig config =
        PipelineConfig.load(
            null,
            Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "HOME", "/root"),
            Map.of());
    assertThat(config.kafkaProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .doesNotContainKey("home")
        .doesNotContainKey(PipelineConfig.TOPIC_PARTITIONS);
  }

  @Test
  void shouldMapEveryDefaultKeyToAnEnvironmentVariableAndBack() {
    for (String key : PipelineConfig.defaults().asMap().keySet()) {
      String variable = PipelineConfig.environmentVariable(key);
      assertThat(PipelineConfig.fromEnvironment(Map.of(variable, "x"))).containsOnlyKeys(key);
    }
  }

  @Test
  void shouldParseDurationsWhenGivenAsIsoOrMillis() {
    PipelineConfig config = PipelineConfig.defaults().with("news.a", "P30D").with("news.b", "1500");
    assertThat(config.getDuration("news.a")).isEqualTo(Duration.ofDays(30));
    assertThat(config.getDuration("news.b")).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void shouldNameTheKeyWhenAValueIsBad() {
    PipelineConfig config = PipelineConfig.defaults().with(PipelineConfig.TOPIC_PARTITIONS, "six");
    assertThatThrownBy(() -> config.getInt(PipelineConfig.TOPIC_PARTITIONS))
        .hasMessageContaining("news.topic.partitions")
        .hasMessageContaining("six");
  }
}
