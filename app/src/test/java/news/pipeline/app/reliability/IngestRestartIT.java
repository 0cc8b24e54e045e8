package news.pipeline.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.pipeline.app.corpus.CorpusGenerator;
import news.pipeline.app.corpus.GeneratedArticle;
import news.pipeline.app.service.ServiceJvm;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.json.Json;
import news.pipeline.common.kafka.TopicProvisioner;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.RawArticle;
import news.pipeline.common.testing.SeedFiles;
import news.pipeline.ingest.ArticleReader;
import news.pipeline.kafka.embedded.EmbeddedKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code news-pipeline ingest DIR} in its own JVM, SIGKILLed again and again while it sends a
 * directory of 2,000 article files, then run to completion: the raw topic holds every article
 * exactly once, because ingest records what it sent in the same transaction as the articles.
 */
class IngestRestartIT {
  private static final int FILES = 2000;
  private static final int KILLS = 4;

  @TempDir Path workDir;

  @Test
  void shouldHoldEveryArticleExactlyOnceWhenTheIngesterIsKilledRepeatedly() throws Exception {
    Path input = Files.createDirectories(workDir.resolve("articles"));
    writeArticleFiles(input);
    // Ingest sends each content once: a repost whose text differs only in boilerplate is the
    // article already sent. The input's distinct contents are what the topic must hold.
    Set<String> contents = new HashSet<>();
    ArticleReader.read(input).articles().forEach(article -> contents.add(article.contentHash()));
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      PipelineConfig config =
          PipelineConfig.defaults()
              .with(PipelineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
      TopicProvisioner.ensure(config, List.of(Topics.RAW_ARTICLES.name()));
      ServiceJvm ingester = ingester(kafka.bootstrapServers(), input);

      int kills = 0;
      long committedBeforeLastRun = 0;
      try (KafkaConsumer<String, String> offsets = committedReader(config)) {
        while (kills < KILLS) {
          ingester.start();
          long before = stableEnd(offsets);
          // Kill it as soon as it has committed something new: mid-directory, mid-stream.
          await()
              .atMost(Duration.ofMinutes(2))
              .pollInterval(Duration.ofMillis(50))
              .pollInSameThread()
              .until(() -> stableEnd(offsets) > before || !ingester.isAlive());
          if (!ingester.isAlive()) {
            break; // it finished the directory before the kill: nothing left to interrupt
          }
          ingester.kill();
          kills++;
        }
      }
      committedBeforeLastRun = committedArticles(config).size();
      ingester.start();
      assertThat(ingester.awaitExit(Duration.ofMinutes(3))).isTrue();
      assertThat(ingester.exitValue()).as(log(kills)).isZero();

      assertThat(kills).as("kills that landed mid-directory").isEqualTo(KILLS);
      assertThat(committedBeforeLastRun).isLessThan(FILES);
      List<RawArticle> committed = committedArticles(config);
      Map<String, Integer> copiesByContent = new HashMap<>();
      Map<String, Integer> copiesById = new HashMap<>();
      for (RawArticle article : committed) {
        copiesByContent.merge(article.contentHash(), 1, Integer::sum);
        copiesById.merge(article.id(), 1, Integer::sum);
      }
      assertThat(copiesByContent.keySet()).containsExactlyInAnyOrderElementsOf(contents);
      assertThat(copiesByContent.values()).allMatch(count -> count == 1);
      assertThat(copiesById.values()).allMatch(count -> count == 1);
      assertThat(committed).hasSize(contents.size());
    }
  }

  /** One JSON article per file, varied from the seeds by the shared corpus generator. */
  private static void writeArticleFiles(Path dir) throws Exception {
    List<RawArticle> seeds = ArticleReader.read(SeedFiles.directory()).articles();
    for (GeneratedArticle generated :
        new CorpusGenerator(seeds, 7, CorpusGenerator.Options.realistic()).generate(FILES)) {
      RawArticle article = generated.article();
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", article.id());
      json.put("title", article.title());
      json.put("text", article.text());
      json.put("source", article.source());
      Files.write(dir.resolve(article.id() + ".json"), Json.toBytes(json));
    }
  }

  private ServiceJvm ingester(String bootstrap, Path input) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(PipelineConfig.BOOTSTRAP_SERVERS, bootstrap);
    // The same id across restarts: the new instance fences the killed one's transaction.
    settings.put("news.ingest.transactional.id", "ingest-restart-it");
    // Small transactions: many commit points for a kill to fall between.
    settings.put("news.ingest.batch.records", "50");
    return new ServiceJvm(
        "ingest",
        new ServiceJvm.JvmOptions("256m", List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")),
        new ServiceJvm.Command("ingest", null, settings, List.of(input.toString())),
        workDir);
  }

  private String log(int kills) throws Exception {
    return "after " + kills + " kills: " + Files.readString(workDir.resolve("ingest.log"));
  }

  /** The raw topic's last stable offsets, summed: it grows with every committed transaction. */
  private static long stableEnd(KafkaConsumer<String, String> consumer) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.RAW_ARTICLES.name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
  }

  private static KafkaConsumer<String, String> committedReader(PipelineConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }

  /** Every committed article on the raw topic, copies included. */
  private static List<RawArticle> committedArticles(PipelineConfig config) {
    List<RawArticle> articles = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = committedReader(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.RAW_ARTICLES.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          articles.add(
              Topics.RAW_ARTICLES
                  .valueSerde()
                  .deserializer()
                  .deserialize(record.topic(), record.value().getBytes(StandardCharsets.UTF_8)));
        }
      }
    }
    return articles;
  }
}
