package news.pipeline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.Domains;
import news.pipeline.common.testing.SeedFiles;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Docker does not run where the tests run, so the compose file is checked the way a reader would:
 * every variable a service gets means a real setting, every topic it names is a catalogue topic,
 * and every service command is one the CLI accepts.
 */
class ComposeFileTest {
  private static final String PIPELINE_IMAGE = "news-pipeline:latest";
  private static final Pattern TOPIC_NAME =
      Pattern.compile("(?<![\\w.-])news\\.[a-z]+(\\.[a-z0-9-]+)*");
  private static final List<String> CLIENT_PREFIXES =
      List.of(
          StreamsConfig.MAIN_CONSUMER_PREFIX,
          StreamsConfig.RESTORE_CONSUMER_PREFIX,
          StreamsConfig.GLOBAL_CONSUMER_PREFIX,
          StreamsConfig.CONSUMER_PREFIX,
          StreamsConfig.PRODUCER_PREFIX,
          StreamsConfig.ADMIN_CLIENT_PREFIX,
          StreamsConfig.TOPIC_PREFIX);

  private static JsonNode compose;

  @BeforeAll
  static void readComposeFile() throws IOException {
    Path file = SeedFiles.directory().getParent().resolve("docker-compose.yml");
    compose = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
  }

  @Test
  void shouldRunIngestClassifyAndEnrichFromThePipelineImageWhenComposed() {
    assertThat(pipelineServices().keySet())
        .containsExactlyInAnyOrder("ingest", "classify", "enrich");
  }

  @Test
  void shouldMapEveryServiceVariableToAKnownSettingWhenReadAsEnvironment() {
    Set<String> ourKeys = PipelineConfig.defaults().asMap().keySet();
    Set<String> kafkaKeys = kafkaClientConfigNames();
    List<String> unknown = new ArrayList<>();
    pipelineServices()
        .forEach(
            (service, node) -> {
              Map<String, String> env = environment(node);
              assertThat(env).as(service + " environment").containsKey("KAFKA_BOOTSTRAP_SERVERS");
              PipelineConfig.fromEnvironment(env)
                  .keySet()
                  .forEach(
                      key -> {
                        boolean known =
                            key.startsWith("news.")
                                ? ourKeys.contains(key)
                                : isKafkaClientSetting(key, kafkaKeys);
                        if (!known) {
                          unknown.add(service + ": " + PipelineConfig.environmentVariable(key));
                        }
                      });
            });
    assertThat(unknown).as("variables that configure nothing").isEmpty();
  }

  @Test
  void shouldCreateExactlyTheCatalogueTopicsWhenTheTopicServiceRuns() {
    Set<String> created =
        Set.of(compose.at("/services/topics/environment/TOPICS").asText().trim().split("\\s+"));

    assertThat(created).containsExactlyInAnyOrderElementsOf(Topics.allNames(Domains.BUILT_IN));
  }

  @Test
  void shouldNameOnlyCatalogueTopicsWhenTheFileMentionsATopic() {
    Set<String> catalogue = Set.copyOf(Topics.allNames(Domains.BUILT_IN));
    Set<String> named = new TreeSet<>();
    scalars(compose)
        .forEach(
            text -> {
              Matcher matcher = TOPIC_NAME.matcher(text);
              while (matcher.find()) {
                named.add(matcher.group());
              }
            });

    assertThat(named).isNotEmpty().allSatisfy(topic -> assertThat(catalogue).contains(topic));
  }

  @Test
  void shouldAcceptEveryServiceCommandWhenParsedByTheCli() {
    pipelineServices()
        .forEach(
            (service, node) -> {
              String[] args = textList(node.get("command")).toArray(String[]::new);
              CommandLine cli = NewsPipeline.commandLine();
              CommandLine.ParseResult parsed = cli.parseArgs(args);
              assertThat(parsed.hasSubcommand()).as(service + " runs a subcommand").isTrue();
              assertThat(parsed.subcommand().commandSpec().name()).isEqualTo(service);
            });
  }

  /** Services built from this repository's image; the broker and topic creator are not ours. */
  private static Map<String, JsonNode> pipelineServices() {
    Map<String, JsonNode> services = new LinkedHashMap<>();
    compose
        .get("services")
        .properties()
        .forEach(
            entry -> {
              JsonNode image = entry.getValue().get("image");
              if (image != null && image.asText().equals(PIPELINE_IMAGE)) {
                services.put(entry.getKey(), entry.getValue());
              }
            });
    return services;
  }

  private static Map<String, String> environment(JsonNode service) {
    Map<String, String> env = new HashMap<>();
    JsonNode node = service.get("environment");
    if (node != null && node.isObject()) {
      node.properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
    } else if (node != null) {
      node.forEach(
          item -> {
            String[] pair = item.asText().split("=", 2);
            env.put(pair[0], pair.length > 1 ? pair[1] : "");
          });
    }
    return env;
  }

  private static boolean isKafkaClientSetting(String key, Set<String> kafkaKeys) {
    if (kafkaKeys.contains(key)) {
      return true;
    }
    return CLIENT_PREFIXES.stream()
        .anyMatch(
            prefix -> key.startsWith(prefix) && kafkaKeys.contains(key.substring(prefix.length())));
  }

  private static Set<String> kafkaClientConfigNames() {
    return Stream.of(
            ProducerConfig.configNames(),
            ConsumerConfig.configNames(),
            AdminClientConfig.configNames(),
            StreamsConfig.configDef().names())
        .flatMap(Set::stream)
        .collect(Collectors.toSet());
  }

  private static List<String> textList(JsonNode node) {
    List<String> items = new ArrayList<>();
    node.forEach(item -> items.add(item.asText()));
    return items;
  }

  private static List<String> scalars(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node.isValueNode()) {
      texts.add(node.asText());
    }
    node.properties()
        .forEach(
            e -> {
              texts.add(e.getKey());
              texts.addAll(scalars(e.getValue()));
            });
    if (node.isArray()) {
      node.forEach(item -> texts.addAll(scalars(item)));
    }
    return texts;
  }
}
