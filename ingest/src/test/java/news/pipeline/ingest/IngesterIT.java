package news.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.json.Json;
import news.pipeline.common.kafka.DeadLetterHeaders;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.RawArticle;
import news.pipeline.common.testing.SeedFiles;
import news.pipeline.kafka.embedded.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest against a real broker. Tests share it and its topics, so each one ingests content of its
 * own (the seeds only once) and looks for its own ids.
 */
class IngesterIT {
  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  @TempDir Path dir;

  private static PipelineConfig config() {
    return KAFKA
        .pipelineConfig()
        .with("news.ingest.transactional.id", "ingest-it-" + UUID.randomUUID())
        .with("news.ingest.watch.interval", "PT0.2S")
        .with("news.ingest.watch.settle", "PT0.1S");
  }

  private static List<String> rawKeys() {
    return RawTopicReader.keys(KAFKA.bootstrapServers(), Topics.RAW_ARTICLES.name());
  }

  /** A seed-format article nobody else sends: its title carries a fresh token. */
  private static String uniqueArticle(String token) {
    return "民政部门推进养老服务体系建设 " + token + "\n\n近日，某市民政局召开养老服务工作推进会，部署社区老年助餐服务。\n\n(据某市民政局)\n";
  }

  @Test
  void shouldSendSeedArticlesOnceWhenReingestedAndAfterRestart() {
    List<Path> seeds = List.of(SeedFiles.directory());
    IngestSummary first;
    try (Ingester ingester = new Ingester(config())) {
      first = ingester.ingest(seeds);
      IngestSummary again = ingester.ingest(seeds);
      assertThat(again.sent()).isZero();
      assertThat(again.alreadySent()).isEqualTo(17);
      assertThat(again.articleIds()).isEqualTo(first.articleIds());
    }
    assertThat(first.read()).isEqualTo(17);
    assertThat(first.sent()).isEqualTo(17);
    assertThat(first.rejected()).isZero();

    // A new instance (another transactional.id, as after a redeploy) rebuilds what was sent.
    try (Ingester restarted = new Ingester(config())) {
      IngestSummary afterRestart = restarted.ingest(seeds);
      assertThat(afterRestart.sent()).isZero();
      assertThat(afterRestart.alreadySent()).isEqualTo(17);
    }
    List<String> keys = rawKeys();
    for (String id : first.articleIds()) {
      assertThat(Collections.frequency(keys, id)).as("copies of %s", id).isEqualTo(1);
    }
  }

  @Test
  void shouldSendArticleOnceWhenPreviousIncarnationDiedMidTransaction() throws IOException {
    String token = UUID.randomUUID().toString();
    Path file =
        Files.writeString(dir.resolve("a.txt"), uniqueArticle(token), StandardCharsets.UTF_8);
    RawArticle article = ArticleReader.read(file).articles().get(0);
    PipelineConfig config = config();

    // The dead incarnation: it sent the article in a transaction it never committed (kill -9).
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.get("news.ingest.transactional.id"));
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    KafkaProducer<String, byte[]> dead = new KafkaProducer<>(props);
    dead.initTransactions();
    dead.beginTransaction();
    dead.send(
        new ProducerRecord<>(Topics.RAW_ARTICLES.name(), article.id(), Json.toBytes(article)));
    dead.flush();

    try (Ingester restarted = new Ingester(config)) {
      assertThat(restarted.ingest(List.of(file)).sent()).isEqualTo(1);
    } finally {
      dead.close(Duration.ZERO);
    }
    assertThat(Collections.frequency(rawKeys(), article.id())).isEqualTo(1);
  }

  @Test
  void shouldSendGoodArticlesAndDeadLetterCorruptFileWhenBothAreIngested() throws IOException {
    String token = UUID.randomUUID().toString();
    Files.writeString(dir.resolve("good.txt"), uniqueArticle(token), StandardCharsets.UTF_8);
    byte[] corrupt = {(byte) 0xE6, (byte) 0xB0, 'a', 'b', '\n'};
    Path bad = dir.resolve("bad.txt");
    Files.write(bad, corrupt);

    IngestSummary summary;
    try (Ingester ingester = new Ingester(config())) {
      summary = ingester.ingest(List.of(dir));
      assertThat(ingester.ingest(List.of(dir)).sent()).isZero();
    }

    assertThat(summary.sent()).isEqualTo(1);
    assertThat(summary.rejected()).isEqualTo(1);
    assertThat(rawKeys()).containsOnlyOnce(summary.articleIds().get(0));
    List<ConsumerRecord<byte[], byte[]>> dead =
        RawTopicReader.readAll(KAFKA.bootstrapServers(), Topics.DEAD_LETTERS.name()).stream()
            .filter(r -> bad.toString().equals(RawTopicReader.header(r, "news.ingest.location")))
            .toList();
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).value()).isEqualTo(corrupt);
    assertThat(RawTopicReader.header(dead.get(0), "news.ingest.reason")).isEqualTo("bad-utf8");
    assertThat(RawTopicReader.header(dead.get(0), DeadLetterHeaders.MESSAGE))
        .startsWith(bad + ": bad-utf8: invalid UTF-8 at byte 0");
  }

  @Test
  void shouldDeadLetterMalformedJsonLineWithReasonWhenGoodLinesAreSent() throws IOException {
    String token = UUID.randomUUID().toString();
    String good =
        "{\"title\":\"社会救助工作会议召开 "
            + token
            + "\",\"text\":\"会议部署低收入人口动态监测工作。\",\"url\":\"https://example.org/"
            + token
            + "\"}";
    String malformed = "{\"title\": \"缺少引号, \"text\": 1}";
    Path file = dir.resolve("dump.jsonl");
    Files.writeString(file, good + "\n" + malformed + "\n", StandardCharsets.UTF_8);

    IngestSummary summary;
    try (Ingester ingester = new Ingester(config())) {
      summary = ingester.ingest(List.of(file));
    }

    assertThat(summary.articleIds()).containsExactly("https://example.org/" + token);
    assertThat(summary.rejected()).isEqualTo(1);
    ConsumerRecord<byte[], byte[]> dead =
        RawTopicReader.readAll(KAFKA.bootstrapServers(), Topics.DEAD_LETTERS.name()).stream()
            .filter(r -> (file + ":2").equals(RawTopicReader.header(r, "news.ingest.location")))
            .findFirst()
            .orElseThrow();
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo(malformed);
    assertThat(RawTopicReader.header(dead, "news.ingest.reason")).isEqualTo("bad-json");
    assertThat(RawTopicReader.header(dead, DeadLetterHeaders.EXCEPTION))
        .isEqualTo("news.pipeline.common.json.InvalidRecordException");
    assertThat(RawTopicReader.header(dead, DeadLetterHeaders.TOPIC))
        .isEqualTo(Topics.RAW_ARTICLES.name());
  }

  @Test
  void shouldSendNewAndChangedFilesWhenTheyAppearInWatchedDirectory() throws IOException {
    Path inbox = Files.createDirectory(dir.resolve("inbox"));
    try (IngestService service = IngestService.start(config(), inbox, List.of(), null)) {
      assertThat(service.hasSources()).isTrue();
      String token = UUID.randomUUID().toString();
      Path file = inbox.resolve("new.txt");
      Files.writeString(file, uniqueArticle(token), StandardCharsets.UTF_8);
      String id = ArticleReader.read(file).articles().get(0).id();
      await().atMost(Duration.ofSeconds(30)).until(() -> rawKeys().contains(id));

      // The file changes: a second article is added; only that one is new.
      String second = UUID.randomUUID().toString();
      Files.writeString(
          file, uniqueArticle(token) + "\n" + uniqueArticle(second), StandardCharsets.UTF_8);
      String secondId = ArticleReader.read(file).articles().get(1).id();
      await().atMost(Duration.ofSeconds(30)).until(() -> rawKeys().contains(secondId));
      assertThat(rawKeys()).containsOnlyOnce(id);
    }
  }

  @Test
  void shouldSendPostedArticleWhenHttpIsEnabled() throws Exception {
    String token = UUID.randomUUID().toString();
    try (IngestService service =
        IngestService.start(
            config().with("news.ingest.http.token", "s3cret"), null, List.of(), 0)) {
      String body =
          "{\"id\":\"crawler-"
              + token
              + "\",\"title\":\"儿童福利机构开展关爱服务\",\"text\":\"近日，儿童福利机构开展关爱服务活动。\"}";
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + service.httpPort() + "/articles"))
                      .header("Authorization", "Bearer s3cret")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("crawler-" + token);
    }
    assertThat(rawKeys()).containsOnlyOnce("crawler-" + token);
  }
}
