package news.pipeline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.pipeline.classify.ClassifyService;
import news.pipeline.common.json.Json;
import news.pipeline.common.json.MessageSchema;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.PolicyAlert;
import news.pipeline.common.testing.SeedFiles;
import news.pipeline.enrich.EnrichService;
import news.pipeline.ingest.IngestSummary;
import news.pipeline.kafka.embedded.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seeds through ingest, classify and enrich on a real broker, as the demo runs them. */
class EndToEndIT {
  private static final int SEED_ARTICLES = 17;

  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private static LocalPipeline pipeline;
  private static IngestSummary ingested;
  private static PipelineOutput output;

  @BeforeAll
  static void runThePipelineOnTheSeeds() throws InterruptedException {
    pipeline =
        LocalPipeline.onCluster(
            KAFKA
                .pipelineConfig()
                .with(ClassifyService.APPLICATION_ID, "e2e-classify")
                .with(EnrichService.APPLICATION_ID, "e2e-enrich"),
            Duration.ofSeconds(60));
    ingested = pipeline.ingest(List.of(SeedFiles.directory()));
    output = pipeline.awaitOutput(ingested.articleIds(), Duration.ofSeconds(120));
  }

  @AfterAll
  static void stopThePipeline() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void shouldDeliverEverySeedArticleToEachOfItsDomainTopicsWhenIngested() {
    assertThat(ingested.rejected()).isZero();
    assertThat(Set.copyOf(ingested.articleIds())).hasSize(SEED_ARTICLES);
    assertThat(output.undelivered(ingested.articleIds())).isEmpty();
    assertThat(output.classified().values())
        .allSatisfy(article -> assertThat(article.domainIds()).isNotEmpty());
    assertThat(output.rejected()).isEmpty();
  }

  @Test
  void shouldRaiseEachPolicyAlertOnceForAnIngestedArticleWhenPoliciesAreAnnounced() {
    List<PolicyAlert> alerts = output.alerts();

    assertThat(alerts).isNotEmpty();
    assertThat(alerts)
        .allSatisfy(alert -> assertThat(ingested.articleIds()).contains(alert.articleId()));
    assertThat(alerts.stream().map(PolicyAlert::policyTitle)).doesNotHaveDuplicates();
  }

  @Test
  void shouldMatchTheMessageSchemaWhenAnyOutputRecordIsRead() {
    Map<String, MessageSchema> contract = new HashMap<>();
    contract.put(Topics.RAW_ARTICLES.name(), MessageSchema.RAW_ARTICLE);
    contract.put(Topics.CLASSIFIED_ARTICLES.name(), MessageSchema.CLASSIFIED_ARTICLE);
    pipeline
        .domainIds()
        .forEach(
            domain -> contract.put(Topics.domain(domain).name(), MessageSchema.ENRICHED_ARTICLE));
    contract.put(Topics.POLICY_ALERTS.name(), MessageSchema.POLICY_ALERT);

    Map<String, Integer> counted = new HashMap<>();
    List<String> violations = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : readToEnd(contract.keySet())) {
      counted.merge(record.topic(), 1, Integer::sum);
      try {
        JsonNode document = Json.parseTree(Json.decodeUtf8(record.value()));
        contract
            .get(record.topic())
            .violations(document)
            .forEach(v -> violations.add(record.topic() + "@" + record.offset() + ": " + v));
      } catch (Exception e) {
        violations.add(record.topic() + "@" + record.offset() + ": " + e.getMessage());
      }
    }

    assertThat(violations).isEmpty();
    assertThat(counted.get(Topics.RAW_ARTICLES.name())).isGreaterThanOrEqualTo(SEED_ARTICLES);
    assertThat(counted.get(Topics.CLASSIFIED_ARTICLES.name()))
        .isGreaterThanOrEqualTo(SEED_ARTICLES);
    assertThat(counted.getOrDefault(Topics.POLICY_ALERTS.name(), 0)).isPositive();
    int domainRecords =
        pipeline.domainIds().stream()
            .mapToInt(domain -> counted.getOrDefault(Topics.domain(domain).name(), 0))
            .sum();
    assertThat(domainRecords).isGreaterThanOrEqualTo(SEED_ARTICLES);
  }

  /** Every committed record of the topics, from the beginning to their current end. */
  private static List<ConsumerRecord<byte[], byte[]>> readToEnd(Set<String> topics) {
    Map<String, Object> props = new HashMap<>(pipeline.config().kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      topics.forEach(
          topic ->
              consumer
                  .partitionsFor(topic)
                  .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        assertThat(System.nanoTime())
            .as("read every topic to its end in time")
            .isLessThan(deadline);
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
