package news.pipeline.common.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import news.pipeline.common.config.PipelineConfig;
import picocli.CommandLine.Option;

/** The configuration flags every command shares; the last layer of {@link PipelineConfig}. */
public final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties file with settings (also NEWS_CONFIG).")
  Path configFile;

  @Option(
      names = {"-b", "--bootstrap-servers"},
      paramLabel = "HOST:PORT,…",
      description = "Kafka brokers (also KAFKA_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  @Option(
      names = {"-D", "--set"},
      paramLabel = "KEY=VALUE",
      description = "Any setting, e.g. -D news.topic.partitions=3 or -D security.protocol=SSL.")
  Map<String, String> settings = new LinkedHashMap<>();

  /** Defaults → file → environment → these flags. */
  public PipelineConfig load() {
    return PipelineConfig.load(configFile, System.getenv(), flags());
  }

  /** Only what was given on the command line. */
  public Map<String, String> flags() {
    Map<String, String> flags = new LinkedHashMap<>(settings);
    if (bootstrapServers != null) {
      flags.put(PipelineConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    }
    return flags;
  }
}
