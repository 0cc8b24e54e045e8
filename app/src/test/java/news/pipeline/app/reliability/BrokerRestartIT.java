package news.pipeline.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import news.pipeline.app.corpus.CorpusGenerator;
import news.pipeline.app.corpus.GeneratedArticle;
import news.pipeline.classify.ArticleClassifier;
import news.pipeline.classify.ClassifyService;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.json.Json;
import news.pipeline.common.kafka.StreamsRunner;
import news.pipeline.common.kafka.TopicProvisioner;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.RawArticle;
import news.pipeline.common.testing.SeedFiles;
import news.pipeline.enrich.EnrichService;
import news.pipeline.ingest.ArticleReader;
import news.pipeline.kafka.embedded.EmbeddedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away mid-stream and comes back on the same ports and data: classify and enrich,
 * left alone, resume by themselves, and every article reaches each of its topics exactly once.
 */
class BrokerRestartIT {
  private static final int ARTICLES = 120;

  @TempDir Path workDir;

  @Test
  void shouldRecoverOnTheirOwnAndLoseNothingWhenTheBrokerRestartsMidStream() throws Exception {
    List<RawArticle> articles = corpus();
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(workDir.resolve("kafka")).start()) {
      PipelineConfig config =
          PipelineConfig.defaults()
              .with(PipelineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers())
              .with(PipelineConfig.STATE_DIR, workDir.resolve("state").toString())
              .with(PipelineConfig.TOPIC_PARTITIONS, "3")
              .with(ClassifyService.APPLICATION_ID, "broker-restart-classify")
              .with(EnrichService.APPLICATION_ID, "broker-restart-enrich");
      List<String> domainIds = ClassifyService.domainIds(config);
      TopicProvisioner.ensure(config, Topics.allNames(domainIds));
      Map<String, Set<String>> expected = expectedTopics(config, articles);

      try (StreamsRunner classify = ClassifyService.start(config, Duration.ofMinutes(2));
          StreamsRunner enrich = EnrichService.start(config, Duration.ofMinutes(2));
          KafkaProducer<String, String> producer = producer(config);
          KafkaConsumer<String, String> reader = reader(config, domainIds)) {
        Map<String, Map<String, Integer>> copies = new HashMap<>();
        int half = ARTICLES / 2;
        send(producer, articles.subList(0, half));
        producer.flush();
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInSameThread()
            .until(
                () -> {
                  read(reader, copies);
                  return delivered(copies, expected) >= half / 4;
                });

        kafka.stopNode(0);
        // Sent while the broker is down, from another thread: send() may block on a metadata
        // refresh until the broker is back, and the restart must not wait behind it.
        CompletableFuture<List<Future<RecordMetadata>>> pending =
            CompletableFuture.supplyAsync(() -> send(producer, articles.subList(half, ARTICLES)));
        kafka.restartNode(0);
        for (Future<RecordMetadata> sent : pending.get(2, TimeUnit.MINUTES)) {
          sent.get(2, TimeUnit.MINUTES);
        }

        await()
            .atMost(Duration.ofMinutes(5))
            .pollInSameThread()
            .until(
                () -> {
                  read(reader, copies);
                  return delivered(copies, expected) == ARTICLES;
                });
        assertThat(classify.state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(enrich.state()).isEqualTo(KafkaStreams.State.RUNNING);

        // Close both (committing everything) and read the rest: a duplicate would show now.
        classify.close();
        enrich.close();
        read(reader, copies);
        assertThat(copies.values())
            .allSatisfy(perTopic -> assertThat(perTopic.values()).allMatch(count -> count == 1));
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
      }
    }
  }

  private static List<RawArticle> corpus() {
    List<RawArticle> seeds = ArticleReader.read(SeedFiles.directory()).articles();
    List<RawArticle> articles = new ArrayList<>();
    for (GeneratedArticle generated :
        new CorpusGenerator(seeds, 11, CorpusGenerator.Options.realistic()).generate(ARTICLES)) {
      articles.add(generated.article());
    }
    return articles;
  }

  private static Map<String, Set<String>> expectedTopics(
      PipelineConfig config, List<RawArticle> articles) {
    ArticleClassifier classifier = ArticleClassifier.fromConfig(config);
    Map<String, Set<String>> expected = new HashMap<>();
    for (RawArticle article : articles) {
      Set<String> topics = new LinkedHashSet<>();
      topics.add(Topics.CLASSIFIED_ARTICLES.name());
      classifier.classify(article).domainIds().forEach(d -> topics.add(Topics.domain(d).name()));
      expected.put(article.id(), topics);
    }
    return expected;
  }

  /** Articles that reached every topic they are due on. */
  private static long delivered(
      Map<String, Map<String, Integer>> copies, Map<String, Set<String>> expected) {
    return expected.entrySet().stream()
        .filter(e -> copies.getOrDefault(e.getKey(), Map.of()).keySet().containsAll(e.getValue()))
        .count();
  }

  private static void read(
      KafkaConsumer<String, String> reader, Map<String, Map<String, Integer>> copies) {
    for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
      copies
          .computeIfAbsent(record.key(), k -> new HashMap<>())
          .merge(record.topic(), 1, Integer::sum);
    }
  }

  private static List<Future<RecordMetadata>> send(
      KafkaProducer<String, String> producer, List<RawArticle> articles) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (RawArticle article : articles) {
      sent.add(
          producer.send(
              new ProducerRecord<>(
                  Topics.RAW_ARTICLES.name(), article.id(), Json.toJson(article))));
    }
    return sent;
  }

  private static KafkaProducer<String, String> producer(PipelineConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  private static KafkaConsumer<String, String> reader(PipelineConfig config, List<String> domains) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "broker-restart-it-reader");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    List<String> topics = new ArrayList<>(List.of(Topics.CLASSIFIED_ARTICLES.name()));
    domains.forEach(id -> topics.add(Topics.domain(id).name()));
    consumer.subscribe(topics);
    return consumer;
  }
}
