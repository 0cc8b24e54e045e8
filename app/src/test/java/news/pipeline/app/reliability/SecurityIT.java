package news.pipeline.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import news.pipeline.app.NewsPipeline;
import news.pipeline.classify.ClassifyService;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.json.Json;
import news.pipeline.common.kafka.StreamsRunner;
import news.pipeline.common.kafka.TopicProvisioner;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.testing.SeedFiles;
import news.pipeline.ingest.IngestService;
import news.pipeline.ingest.IngestSummary;
import news.pipeline.ingest.Ingester;
import news.pipeline.kafka.embedded.EmbeddedKafka;
import news.pipeline.kafka.embedded.TestCertificates;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security settings are plain Kafka client settings and pass through the configuration untouched.
 * One broker offers three secured listeners: SASL_PLAINTEXT and SASL_SSL (SCRAM), and SSL with
 * client certificates required (mutual TLS), its certificates made for this run by a throwaway CA.
 * The right credentials carry ingest, classify and a subscriber; wrong ones (password, CA, client
 * certificate) fail at once, not by timing out, with an exception naming the cause, and the command
 * line prints it as one line. The HTTP ingest endpoint enforces its bearer token and its size cap,
 * and nothing refused reaches Kafka.
 */
class SecurityIT {
  private static final String USER = "minzheng-analyst";
  private static final String PASSWORD = "养老助餐-2024-secret";
  private static final String HTTP_TOKEN = "s3cr3t-minzheng-token";
  private static final int HTTP_MAX_BYTES = 16 * 1024;

  /**
   * Bounds on every client wait: a wrong setting could then only hang until one of these, and would
   * surface as a timeout, which the assertions on the exception would reject.
   */
  private static final Map<String, String> BOUNDED_WAITS =
      Map.of(
          "default.api.timeout.ms", "20000",
          "request.timeout.ms", "10000",
          "max.block.ms", "20000",
          "news.ingest.ledger.load.timeout", "PT20S");

  /** The hard stop for any one client call or command here. */
  private static final Duration CLIENT_DEADLINE = Duration.ofSeconds(90);

  @TempDir static Path workDir;

  private static EmbeddedKafka kafka;
  private static TestCertificates pki;
  private static Path stateDir;

  @BeforeAll
  static void startBrokerRequiringScramAndTls() throws Exception {
    pki = TestCertificates.create(Files.createDirectory(workDir.resolve("pki")));
    kafka =
        EmbeddedKafka.builder()
            .scramUser(USER, PASSWORD)
            .saslSslListener(pki.brokerStores())
            .mutualTlsListener(pki.brokerStores())
            .start();
    stateDir = Files.createDirectory(workDir.resolve("state"));
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
    awaitScramUser(config);
    TopicProvisioner.ensure(config, Topics.allNames(ClassifyService.domainIds(config)));

    IngestSummary summary;
    try (Ingester ingester = new Ingester(config)) {
      summary = ingester.ingest(List.of(SeedFiles.directory()));
    }
    assertThat(summary.sent()).isEqualTo(17);

    try (StreamsRunner classify = ClassifyService.start(config, Duration.ofMinutes(2));
        KafkaConsumer<String, String> reader = reader(config)) {
      // start() returned once RUNNING (it throws otherwise); a follow-up rebalance may come at
      // any time, so the proof is the records, not the state at this instant.
      assertThat(readKeysUntil(reader, Topics.CLASSIFIED_ARTICLES.name(), summary.articleIds()))
          .containsAll(summary.articleIds());
    }
  }

  @Test
  void shouldFailWithAClearMessageWhenTheScramPasswordIsWrong() throws Exception {
    Path settings =
        propertiesFile("sasl-plaintext-wrong-password.properties", scramSettings("wrong-password"));

    assertThat(refusal(settings))
        .isInstanceOf(SaslAuthenticationException.class)
        .hasMessageContaining("invalid credentials")
        .hasMessageContaining(EmbeddedKafka.SCRAM_MECHANISM);
    // The operator's view: the command fails with one line that says why.
    CliRun run = refusedCli("ingest", settings, SeedFiles.directory().toString());
    assertThat(run.oneLine()).containsIgnoringCase("invalid credentials");
  }

  @Test
  void shouldIngestAndReadBackOverSaslSslWhenScramSha512AndTheCaAreRight() throws Exception {
    Path settings = propertiesFile("sasl-ssl.properties", saslSsl(PASSWORD, true));
    PipelineConfig config = PipelineConfig.load(settings, Map.of(), BOUNDED_WAITS);
    awaitScramUser(config);
    String url = "https://www.mca.gov.cn/security-it/sasl-ssl";
    Path article =
        articleFile(
            "sasl-ssl.json", "民政部：加密通道报送社区养老服务设施统计", "各地民政部门经加密通道报送社区养老服务设施建设进展，确保数据安全。", url);

    CliRun run =
        cli(
            "ingest",
            "--config",
            settings.toString(),
            "-D",
            "news.ingest.transactional.id=security-it-sasl-ssl",
            article.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("sent 1,");
    assertThat(rawUrlsUntil(config, url)).containsOnlyOnce(url);
  }

  @Test
  void shouldFailWithAClearMessageWhenTheScramSha512PasswordIsWrongOverSaslSsl() throws Exception {
    Path settings =
        propertiesFile("sasl-ssl-wrong-password.properties", saslSsl("wrong-password", true));

    assertThat(refusal(settings))
        .isInstanceOf(SaslAuthenticationException.class)
        .hasMessageContaining("invalid credentials")
        .hasMessageContaining(EmbeddedKafka.SCRAM_SHA_512_MECHANISM);
    CliRun run = refusedCli("ingest", settings, SeedFiles.textFiles().get(0).toString());
    assertThat(run.oneLine()).contains("invalid credentials");
  }

  @Test
  void shouldFailWithAClearTlsMessageWhenTheClientDoesNotTrustTheBrokersCa() throws Exception {
    // No trust store: the JDK's public CAs, none of which signed this broker's certificate.
    Path settings = propertiesFile("sasl-ssl-no-truststore.properties", saslSsl(PASSWORD, false));

    assertThat(refusal(settings))
        .isInstanceOf(SslAuthenticationException.class)
        .hasMessageContaining("SSL handshake failed")
        .hasStackTraceContaining("unable to find valid certification path");
    CliRun run = refusedCli("ingest", settings, SeedFiles.textFiles().get(0).toString());
    assertThat(run.oneLine())
        .contains("SSL handshake failed")
        .contains("unable to find valid certification path");
  }

  @Test
  void shouldIngestAndClassifyOverMutualTlsWhenTheClientCertificateIsSignedByTheCa()
      throws Exception {
    Map<String, String> settings = new LinkedHashMap<>(mutualTls(pki.clientKeystore()));
    settings.put(ClassifyService.APPLICATION_ID, "security-classify-mtls");
    settings.put("news.ingest.transactional.id", "security-it-mtls");
    // As a container gets them: KAFKA_SSL_KEYSTORE_LOCATION for ssl.keystore.location, …
    Map<String, String> env = new HashMap<>();
    settings.forEach((key, value) -> env.put(PipelineConfig.environmentVariable(key), value));
    PipelineConfig config = PipelineConfig.load(null, env, BOUNDED_WAITS);
    Path article =
        articleFile(
            "mtls.json",
            "民政部门凭证书接入低保审核系统",
            "各地民政部门使用客户端证书接入最低生活保障审核系统，推进低保动态管理和社会救助。",
            "https://www.mca.gov.cn/security-it/mtls");

    IngestSummary summary;
    try (Ingester ingester = new Ingester(config)) {
      summary = ingester.ingest(List.of(article));
    }
    assertThat(summary.sent()).isEqualTo(1);
    try (StreamsRunner classify = ClassifyService.start(config, Duration.ofMinutes(2));
        KafkaConsumer<String, String> reader = reader(config)) {
      // start() returned once RUNNING (it throws otherwise); a follow-up rebalance may come at
      // any time, so the proof is the records, not the state at this instant.
      assertThat(readKeysUntil(reader, Topics.CLASSIFIED_ARTICLES.name(), summary.articleIds()))
          .containsAll(summary.articleIds());
    }
  }

  @Test
  void shouldRefuseWithAClearTlsMessageWhenTheClientPresentsNoCertificate() throws Exception {
    Path settings = propertiesFile("mtls-no-certificate.properties", mutualTls(null));

    // With TLS 1.3 the client has finished its side of the handshake when the broker checks its
    // certificate: the refusal arrives as the broker's alert right after.
    assertThat(refusal(settings))
        .isInstanceOf(SslAuthenticationException.class)
        .hasStackTraceContaining("Received fatal alert: bad_certificate");
    // In its own process: the library's log lines reach stderr too, but never a stack trace.
    CliRun run = refusedProcess("ingest", settings, SeedFiles.textFiles().get(0).toString());
    assertThat(run.err().lines())
        .as(run.err())
        .noneMatch(
            line ->
                line.startsWith("\tat ")
                    || line.startsWith("Caused by")
                    || line.contains("Exception: "))
        .last()
        .asString()
        .startsWith("error: ")
        .contains("Received fatal alert: bad_certificate");
  }

  @Test
  void shouldRefuseWithAClearTlsMessageWhenTheClientCertificateIsSelfSigned() throws Exception {
    Path settings = propertiesFile("mtls-stranger.properties", mutualTls(pki.strangerKeystore()));

    assertThat(refusal(settings))
        .isInstanceOf(SslAuthenticationException.class)
        .hasStackTraceContaining("Received fatal alert: bad_certificate");
    // A Streams service refuses to start the same way as ingest.
    CliRun run = refusedCli("classify", settings);
    assertThat(run.oneLine()).contains("Received fatal alert: bad_certificate");
  }

  @Test
  void shouldEnforceTheBearerTokenAndTheSizeCapWhenArticlesArePostedOverHttp() throws Exception {
    PipelineConfig config =
        scram(PASSWORD)
            .with("news.ingest.http.token", HTTP_TOKEN)
            .with("news.ingest.http.max.bytes", String.valueOf(HTTP_MAX_BYTES))
            .with("news.ingest.transactional.id", "security-it-http");
    awaitScramUser(config);
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

    assertThat(rawUrlsUntil(config, "https://www.mca.gov.cn/security-it/accepted"))
        .containsOnlyOnce("https://www.mca.gov.cn/security-it/accepted")
        .noneMatch(url -> url.endsWith("/refused") || url.endsWith("/oversize"));
  }

  private static PipelineConfig scram(String password) {
    return PipelineConfig.defaults().withAll(scramSettings(password));
  }

  /** What an operator writes for the SASL_PLAINTEXT listener; nothing here is code. */
  private static Map<String, String> scramSettings(String password) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(PipelineConfig.BOOTSTRAP_SERVERS, kafka.saslBootstrapServers());
    settings.put(PipelineConfig.STATE_DIR, stateDir.toString());
    settings.put("security.protocol", "SASL_PLAINTEXT");
    settings.put("sasl.mechanism", EmbeddedKafka.SCRAM_MECHANISM);
    settings.put("sasl.jaas.config", scramLogin(password));
    return settings;
  }

  /** What an operator writes for the SASL_SSL listener; {@code trustCa} false leaves it out. */
  private static Map<String, String> saslSsl(String password, boolean trustCa) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(PipelineConfig.BOOTSTRAP_SERVERS, kafka.saslSslBootstrapServers());
    settings.put(PipelineConfig.STATE_DIR, stateDir.toString());
    settings.put("security.protocol", "SASL_SSL");
    settings.put("sasl.mechanism", EmbeddedKafka.SCRAM_SHA_512_MECHANISM);
    settings.put("sasl.jaas.config", scramLogin(password));
    if (trustCa) {
      settings.put("ssl.truststore.type", "PKCS12");
      settings.put("ssl.truststore.location", pki.truststore().toString());
      settings.put("ssl.truststore.password", pki.password());
    }
    return settings;
  }

  /** What an operator writes for the mutual-TLS listener; {@code keystore} null leaves it out. */
  private static Map<String, String> mutualTls(Path keystore) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(PipelineConfig.BOOTSTRAP_SERVERS, kafka.mutualTlsBootstrapServers());
    settings.put(PipelineConfig.STATE_DIR, stateDir.toString());
    settings.put("security.protocol", "SSL");
    settings.put("ssl.truststore.type", "PKCS12");
    settings.put("ssl.truststore.location", pki.truststore().toString());
    settings.put("ssl.truststore.password", pki.password());
    if (keystore != null) {
      settings.put("ssl.keystore.type", "PKCS12");
      settings.put("ssl.keystore.location", keystore.toString());
      settings.put("ssl.keystore.password", pki.password());
      settings.put("ssl.key.password", pki.password());
    }
    return settings;
  }

  private static String scramLogin(String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + USER
        + "\" password=\""
        + password
        + "\";";
  }

  /** A properties file as an operator writes it: UTF-8, one {@code key=value} a line. */
  private static Path propertiesFile(String name, Map<String, String> settings) throws Exception {
    StringBuilder text = new StringBuilder();
    settings.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    return Files.writeString(workDir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private static Path articleFile(String name, String title, String text, String url)
      throws Exception {
    String json = Json.toJson(Map.of("title", title, "text", text, "url", url));
    return Files.writeString(workDir.resolve(name), json, StandardCharsets.UTF_8);
  }

  /** SCRAM users reach the brokers through the metadata log: allow a moment for that. */
  private static void awaitScramUser(PipelineConfig config) {
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> canListTopics(config));
  }

  private static boolean canListTopics(PipelineConfig config) throws Exception {
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      admin.listTopics().names().get();
      return true;
    }
  }

  /**
   * How the broker refuses an admin client with these settings. The client's waits are bounded, so
   * a hang would surface as a timeout, not as the authentication failure the callers expect.
   */
  private static Throwable refusal(Path settings) {
    PipelineConfig config = PipelineConfig.load(settings, Map.of(), BOUNDED_WAITS);
    return assertTimeoutPreemptively(
        CLIENT_DEADLINE,
        () -> {
          try (Admin admin = Admin.create(config.kafkaProperties())) {
            Throwable thrown =
                org.assertj.core.api.Assertions.catchThrowable(
                    () -> admin.listTopics().names().get());
            assertThat(thrown).isNotNull();
            return thrown.getCause() != null ? thrown.getCause() : thrown;
          }
        });
  }

  /** A command's exit code and what it printed on stderr, run in-process. */
  private record CliRun(int exit, String err) {
    /** The error as the user sees it: one line, no stack trace. */
    String oneLine() {
      assertThat(err.lines().filter(line -> !line.isBlank())).as(err).hasSize(1);
      return err.strip();
    }
  }

  private static CliRun cli(String... args) {
    StringWriter err = new StringWriter();
    var cli = NewsPipeline.commandLine();
    cli.setErr(new PrintWriter(err, true));
    int exit = assertTimeoutPreemptively(CLIENT_DEADLINE, () -> cli.execute(args));
    return new CliRun(exit, err.toString());
  }

  /** A command Kafka refuses: exit code 2, "Kafka could not be used". */
  private static CliRun refusedCli(String command, Path settings, String... more) {
    CliRun run = cli(refusedArgs(command, settings, more).toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    return run;
  }

  /**
   * The same in its own JVM with the product's logging configuration, so its stderr is all a user
   * would see, library logs included.
   */
  private static CliRun refusedProcess(String command, Path settings, String... more)
      throws Exception {
    List<String> java =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=log4j2.xml",
                "-cp",
                System.getProperty("java.class.path"),
                NewsPipeline.class.getName()));
    java.addAll(refusedArgs(command, settings, more));
    Path stderr = workDir.resolve(command + "-" + settings.getFileName() + ".err");
    Process process =
        new ProcessBuilder(java)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr.toFile())
            .start();
    try {
      assertThat(process.waitFor(CLIENT_DEADLINE.toSeconds(), TimeUnit.SECONDS))
          .as("%s exits within %s", command, CLIENT_DEADLINE)
          .isTrue();
    } finally {
      process.destroyForcibly();
    }
    CliRun run = new CliRun(process.exitValue(), Files.readString(stderr));
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    return run;
  }

  private static List<String> refusedArgs(String command, Path settings, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--config", settings.toString()));
    BOUNDED_WAITS.forEach(
        (key, value) -> {
          args.add("-D");
          args.add(key + "=" + value);
        });
    args.addAll(List.of(more));
    return args;
  }

  /** The urls on the raw topic (read_committed), read until {@code expected} is among them. */
  private static List<String> rawUrlsUntil(PipelineConfig config, String expected) {
    List<String> urls = new ArrayList<>();
    try (KafkaConsumer<String, String> reader = reader(config)) {
      reader.subscribe(List.of(Topics.RAW_ARTICLES.name()));
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInSameThread()
          .until(
              () -> {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
                  urls.add(Json.parseTree(record.value()).path("url").asText());
                }
                return urls.contains(expected);
              });
    }
    return urls;
  }

  private static Set<String> readKeysUntil(
      KafkaConsumer<String, String> reader, String topic, Collection<String> expected) {
    reader.subscribe(List.of(topic));
    Set<String> keys = new HashSet<>();
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInSameThread()
        .until(
            () -> {
              reader.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
              return keys.containsAll(expected);
            });
    return keys;
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
