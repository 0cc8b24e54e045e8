package news.pipeline.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import news.pipeline.common.config.PipelineConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

  @Test
  void shouldRunExactlyOnceWithEveryHandlerAndTheDeadLetterTopicWhenDefaultsAreUsed() {
    Properties props = StreamsSettings.forApplication(PipelineConfig.defaults(), "news-test");

    assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(props.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG))
        .isEqualTo(Topics.DEAD_LETTERS.name());
    assertThat(props)
        .containsKeys(
            StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
            StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG);
    assertThat(props.get(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG)))
        .isEqualTo("all");
  }

  @Test
  void shouldPollNoLongerThanTheCommitIntervalWhenTheIntervalIsShort() {
    Properties props =
        StreamsSettings.forApplication(
            PipelineConfig.defaults().with("news.streams.commit.interval.ms", "30"), "news-test");

    assertThat(props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(30L);
    assertThat(props.get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(30L);
  }

  @Test
  void shouldKeepKafkasPollTimeWhenTheCommitIntervalIsLonger() {
    Properties props =
        StreamsSettings.forApplication(
            PipelineConfig.defaults().with("news.streams.commit.interval.ms", "1000"), "news-test");

    assertThat(props.get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(100L);
  }
}
