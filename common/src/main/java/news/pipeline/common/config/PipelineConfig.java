package news.pipeline.common.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The one configuration loader. Layers, later wins: defaults (every module's {@code
 * news-pipeline-defaults.properties} on the classpath) → a properties file ({@code --config} or
 * {@code NEWS_CONFIG}) → environment ({@code KAFKA_FOO_BAR} → {@code foo.bar}, {@code NEWS_FOO_BAR}
 * → {@code news.foo.bar}) → command-line flags.
 *
 * <p>Keys under {@code news.} are ours; every other key is a Kafka client setting and passes
 * through unchanged, so security (SASL_SSL, SCRAM, mTLS) needs no code.
 */
public final class PipelineConfig {
  public static final String DEFAULTS_RESOURCE = "news-pipeline-defaults.properties";
  public static final String CONFIG_FILE_ENV = "NEWS_CONFIG";

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String TOPIC_PARTITIONS = "news.topic.partitions";
  public static final String TOPIC_REPLICATION_FACTOR = "news.topic.replication.factor";
  public static final String STATE_DIR = "news.state.dir";
  public static final String STREAM_THREADS = "news.streams.threads";
  public static final String COMMIT_INTERVAL_MS = "news.streams.commit.interval.ms";
  public static final String PROCESSING_GUARANTEE = "news.processing.guarantee";

  private static final String NEWS_PREFIX = "news.";

  private final Map<String, String> values;

  private PipelineConfig(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** Defaults only. */
  public static PipelineConfig defaults() {
    return new PipelineConfig(loadDefaults());
  }

  /** All layers; {@code file} may be null, in which case {@code NEWS_CONFIG} names it, if set. */
  public static PipelineConfig load(Path file, Map<String, String> env, Map<String, String> flags) {
    Map<String, String> merged = loadDefaults();
    Path configFile = file != null ? file : pathOrNull(env.get(CONFIG_FILE_ENV));
    if (configFile != null) {
      merged.putAll(readProperties(configFile));
    }
    merged.putAll(fromEnvironment(env));
    merged.putAll(flags);
    return new PipelineConfig(merged);
  }

  /** Maps {@code KAFKA_*} and {@code NEWS_*} variables to keys; everything else is ignored. */
  public static Map<String, String> fromEnvironment(Map<String, String> env) {
    Map<String, String> keys = new HashMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith("KAFKA_")) {
            keys.put(envToKey(name.substring("KAFKA_".length())), value);
          } else if (name.startsWith("NEWS_") && !name.equals(CONFIG_FILE_ENV)) {
            keys.put(NEWS_PREFIX + envToKey(name.substring("NEWS_".length())), value);
          }
        });
    return keys;
  }

  /** The environment variable that sets {@code key}: the inverse of {@link #fromEnvironment}. */
  public static String environmentVariable(String key) {
    String upper = key.toUpperCase(Locale.ROOT).replace('.', '_');
    return key.startsWith(NEWS_PREFIX) ? upper : "KAFKA_" + upper;
  }

  private static String envToKey(String suffix) {
    return suffix.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  public PipelineConfig with(String key, String value) {
    Map<String, String> copy = new HashMap<>(values);
    copy.put(key, value);
    return new PipelineConfig(copy);
  }

  public PipelineConfig withAll(Map<String, String> overrides) {
    Map<String, String> copy = new HashMap<>(values);
    copy.putAll(overrides);
    return new PipelineConfig(copy);
  }

  public Map<String, String> asMap() {
    return values;
  }

  public boolean has(String key) {
    String value = values.get(key);
    return value != null && !value.isBlank();
  }

  public String get(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("missing configuration: " + key);
    }
    return value.trim();
  }

  public String get(String key, String fallback) {
    return has(key) ? values.get(key).trim() : fallback;
  }

  public int getInt(String key) {
    return parse(key, Integer::parseInt);
  }

  public long getLong(String key) {
    return parse(key, Long::parseLong);
  }

  public double getDouble(String key) {
    return parse(key, Double::parseDouble);
  }

  public boolean getBoolean(String key) {
    String value = get(key).toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(key + " must be true or false, not '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  /** ISO-8601 durations (PT5M, P30D) or plain milliseconds. */
  public Duration getDuration(String key) {
    String value = get(key);
    return value.chars().allMatch(Character::isDigit)
        ? Duration.ofMillis(Long.parseLong(value))
        : parse(key, Duration::parse);
  }

  public Path getPath(String key) {
    return Path.of(get(key));
  }

  /** Every Kafka client setting: all keys outside {@code news.}. */
  public Map<String, Object> kafkaProperties() {
    Map<String, Object> kafka = new HashMap<>();
    values.forEach(
        (key, value) -> {
          if (!key.startsWith(NEWS_PREFIX) && !value.isBlank()) {
            kafka.put(key, value.trim());
          }
        });
    return kafka;
  }

  private <T> T parse(String key, java.util.function.Function<String, T> parser) {
    String value = get(key);
    try {
      return parser.apply(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "configuration " + key + " has a bad value '" + value + "'");
    }
  }

  private static Map<String, String> loadDefaults() {
    Map<String, String> defaults = new HashMap<>();
    Map<String, URL> origin = new HashMap<>();
    try {
      Enumeration<URL> resources =
          PipelineConfig.class.getClassLoader().getResources(DEFAULTS_RESOURCE);
      for (URL url : Collections.list(resources)) {
        try (InputStream in = url.openStream()) {
          Properties properties = new Properties();
          properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
          for (String key : properties.stringPropertyNames()) {
            URL previous = origin.putIfAbsent(key, url);
            if (previous != null && !previous.equals(url)) {
              throw new IllegalStateException(
                  "default for " + key + " is set in both " + previous + " and " + url);
            }
            defaults.put(key, properties.getProperty(key));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read configuration defaults", e);
    }
    return defaults;
  }

  private static Map<String, String> readProperties(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Properties properties = new Properties();
      properties.load(reader);
      Map<String, String> map = new HashMap<>();
      properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
      return map;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage());
    }
  }

  private static Path pathOrNull(String value) {
    return value == null || value.isBlank() ? null : Path.of(value);
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
