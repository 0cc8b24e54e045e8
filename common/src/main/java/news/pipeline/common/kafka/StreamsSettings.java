package news.pipeline.common.kafka;

import java.nio.file.Path;
import java.util.Properties;
import news.pipeline.common.config.PipelineConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/** The Streams settings every service shares; services add only their application id. */
public final class StreamsSettings {
  private StreamsSettings() {}

  public static Properties forApplication(PipelineConfig config, String applicationId) {
    Properties props = new Properties();
    props.putAll(config.kafkaProperties());
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.get(PipelineConfig.PROCESSING_GUARANTEE));
    props.put(
        StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(PipelineConfig.STREAM_THREADS));
    long commitIntervalMs = config.getLong(PipelineConfig.COMMIT_INTERVAL_MS);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
    // A thread waiting for input commits only when its poll returns: a poll longer than the commit
    // interval would hold finished work back from read_committed readers.
    props.put(StreamsConfig.POLL_MS_CONFIG, Math.min(commitIntervalMs, 100L));
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(config).toString());
    props.put(
        StreamsConfig.REPLICATION_FACTOR_CONFIG,
        config.getInt(PipelineConfig.TOPIC_REPLICATION_FACTOR));
    // Bad records go to news.dlq with the __streams.errors.* headers and processing goes on.
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS.name());
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueExceptionHandler.class);
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class);
    props.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DefaultProductionExceptionHandler.class);
    // The same handler for global-store updates, so no thread is left with another policy.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
    props.put(StreamsConfig.producerPrefix(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG), true);
    return props;
  }

  public static Path stateDir(PipelineConfig config) {
    return config.has(PipelineConfig.STATE_DIR)
        ? config.getPath(PipelineConfig.STATE_DIR)
        : Path.of(System.getProperty("java.io.tmpdir"), "news-pipeline-state");
  }
}
