package news.pipeline.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.pipeline.app.NewsPipeline;
import news.pipeline.classify.ClassifyService;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.kafka.StreamsRunner;
import news.pipeline.common.kafka.TopicProvisioner;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.testing.SeedFiles;
import news.pipeline.ingest.IngestService;
import news.pipeline.ingest.IngestSummary;
import news.pipeline.ingest.Ingester;
import news.pipeline.kafka.embedded.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Security settings are plain Kafka client settings and pass through the configuration untouched:
 * against a broker that demands SASL/SCRAM, the right credentials carry ingest, classify and a
 * subscriber; wrong ones fail at once with a message naming the cause. The HTTP ingest endpoint
 * enforces its bearer token and its size cap, and nothing refused reaches Kafka.
 */
class SecurityIT {
  private static final String USER = "minzheng-analyst";
  private static final String PASSWORD = "养老助餐-2024-secret";
  private static final String HTTP_TOKEN = "s3cr3t-minzheng-token";
  private static final int HTTP_MAX_BYTES = 16 * 1024;

  private static EmbeddedKafka kafka;
  private static Path stateDir;

  @BeforeAll
  static void startBrokerRequiringScram() throws Exception {
    kafka = EmbeddedKafka.builder().scramUser(USER, PASSWORD).start();
    stateDir = Files.createTempDirectory("security-it-state-");
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void shouldIngestClassifyAndReadWhenScramCredentialsAreRight() throws Exception {
    PipelineConfig config =
        scram(PASSWORD).with(ClassifyService.APPLICATION_ID, "security-classify");
    // SCRAM users reach the brokers through the metadata log: allow a moment for that.
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> canListTopics(config));
    TopicProvisioner.ensure(config, Topics.allNames(ClassifyService.domainIds(config)));

    IngestSummary summary;
    try (Ingester ingester = new Ingester(config)) {
      summary = ingester.ingest(List.of(SeedFiles.directory()));
    }
    assertThat(summary.sent()).isEqualTo(17);

    try (StreamsRunner classify = ClassifyService.start(config, Duration.ofMinutes(2));
        KafkaConsumer<String, String> reader = reader(config)) {
      assertThat(classify.state()).isEqualTo(KafkaStreams.State.RUNNING);
      reader.subscribe(List.of(Topics.CLASSIFIED_ARTICLES.name()));
      Set<String> classified = new java.util.HashSet<>();
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInSameThread()
          .until(
              () -> {
                reader.poll(Duration.ofMillis(500)).forEach(r -> classified.add(r.key()));
                return classified.containsAll(summary.articleIds());
              });
    }
  }

  @Test
  void shouldFailWithAClearMessageWhenTheScramPasswordIsWrong() {
    PipelineConfig wrong = scram("not-the-password");
    try (Admin admin = Admin.create(wrong.kafkaProperties())) {
      Throwable failure = catchCause(() -> admin.listTopics().names().get());
      assertThat(failure)
          .isInstanceOf(org.apache.kafka.common.errors.SaslAuthenticationException.class)
          .hasMessageContaining("invalid credentials")
          .hasMessageContaining("SCRAM-SHA-256");
    }

    // The operator's view: the command fails with one line that says why.
    StringWriter err = new StringWriter();
    var cli = NewsPipeline.commandLine();
    cli.setErr(new PrintWriter(err, true));
    List<String> args = new ArrayList<>(List.of("ingest", "-b", kafka.saslBootstrapServers()));
    wrong
        .kafkaProperties()
        .forEach(
            (key, value) -> {
              if (!key.equals(PipelineConfig.BOOTSTRAP_SERVERS)) {
                args.add("-D");
                args.add(key + "=" + value);
              }
            });
    args.add("-D");
    args.add("news.ingest.ledger.load.timeout=PT20S");
    args.add(SeedFiles.directory().toString());
    int exit = cli.execute(args.toArray(String[]::new));
    assertThat(exit).isNotZero();
    assertThat(err.toString()).containsIgnoringCase("invalid credentials");
  }

  @Test
  void shouldEnforceTheBearerTokenAndTheSizeCapWhenArticlesArePostedOverHttp() throws Exception {
    PipelineConfig config =
        scram(PASSWORD)
            .with("news.ingest.http.token", HTTP_TOKEN)
            .with("news.ingest.http.max.bytes", String.valueOf(HTTP_MAX_BYTES))
            .with("news.ingest.transactional.id", "security-it-http");
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> canListTopics(config));
    TopicProvisioner.ensure(config, List.of(Topics.RAW_ARTICLES.name()));
    String accepted =
        "{\"title\":\"民政部部署老年助餐服务\",\"text\":\"各地民政部门推进社区长者食堂建设。\","
            + "\"url\":\"https://www.mca.gov.cn/security-it/accepted\"}";
    String refused =
        "{\"title\":\"无令牌的稿件\",\"text\":\"这篇稿件不应进入系统。\","
            + "\"url\":\"https://www.mca.gov.cn/security-it/refused\"}";
    String oversize =
        "{\"title\":\"超长稿件\",\"text\":\""
            + "民政".repeat(HTTP_MAX_BYTES / 5)
            + "\",\"url\":\"https://www.mca.gov.cn/security-it/oversize\"}";

    try (IngestService service = IngestService.start(config, null, List.of(), 0)) {
      URI endpoint = URI.create("http://localhost:" + service.httpPort() + "/articles");
      HttpClient client = HttpClient.newHttpClient();
      assertThat(post(client, endpoint, refused, null).statusCode()).isEqualTo(401);
      assertThat(post(client, endpoint, refused, "wrong-token").statusCode()).isEqualTo(401);
      assertThat(post(client, endpoint, oversize, HTTP_TOKEN).statusCode()).isEqualTo(413);
      // Far over the cap the server answers before reading and closes the connection once more
      // than the JDK server's 64 KiB drain is left unread: the client may see a reset instead of
      // the 413. Either way nothing is read, let alone sent.
      String huge = oversize.replace("民政", "民政".repeat(40));
      Throwable hugeOutcome =
          org.assertj.core.api.Assertions.catchThrowable(
              () ->
                  assertThat(post(client, endpoint, huge, HTTP_TOKEN).statusCode()).isEqualTo(413));
      assertThat(hugeOutcome)
          .satisfiesAnyOf(
              outcome -> assertThat(outcome).isNull(),
              outcome -> assertThat(outcome).isInstanceOf(java.io.IOException.class));
      HttpResponse<String> ok = post(client, endpoint, accepted, HTTP_TOKEN);
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    }

    try (KafkaConsumer<String, String> reader = reader(config)) {
      reader.subscribe(List.of(Topics.RAW_ARTICLES.name()));
      List<String> urls = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInSameThread()
          .until(
              () -> {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
                  urls.add(
                      news.pipeline.common.json.Json.parseTree(record.value())
                          .path("url")
                          .asText());
                }
                return urls.contains("https://www.mca.gov.cn/security-it/accepted");
              });
      assertThat(urls)
          .containsOnlyOnce("https://www.mca.gov.cn/security-it/accepted")
          .noneMatch(url -> url.endsWith("/refused") || url.endsWith("/oversize"));
    }
  }

  /** The client settings a SCRAM user puts in a properties file; nothing here is code. */
  private static PipelineConfig scram(String password) {
    return PipelineConfig.defaults()
        .with(PipelineConfig.BOOTSTRAP_SERVERS, kafka.saslBootstrapServers())
        .with(PipelineConfig.STATE_DIR, stateDir.toString())
        .with("security.protocol", "SASL_PLAINTEXT")
        .with("sasl.mechanism", EmbeddedKafka.SCRAM_MECHANISM)
        .with(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + USER
                + "\" password=\""
                + password
                + "\";");
  }

  private static boolean canListTopics(PipelineConfig config) throws Exception {
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      admin.listTopics().names().get();
      return true;
    }
  }

  private static Throwable catchCause(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown).isNotNull();
    return thrown.getCause() != null ? thrown.getCause() : thrown;
  }

  private static HttpResponse<String> post(
      HttpClient client, URI endpoint, String body, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static KafkaConsumer<String, String> reader(PipelineConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "security-it-" + System.nanoTime());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }
}
