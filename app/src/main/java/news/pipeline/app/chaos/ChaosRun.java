package news.pipeline.app.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import news.pipeline.app.corpus.CorpusGenerator;
import news.pipeline.app.corpus.GeneratedArticle;
import news.pipeline.app.service.ServiceJvm;
import news.pipeline.classify.ArticleClassifier;
import news.pipeline.classify.ClassifyService;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.json.Json;
import news.pipeline.common.kafka.TopicProvisioner;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.RawArticle;
import news.pipeline.enrich.alert.PolicyAlerts;
import news.pipeline.ingest.ArticleReader;
import news.pipeline.kafka.embedded.EmbeddedKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chaos run: an embedded cluster, classify and enrich as child JVMs, generated articles flowing
 * in while a random instance is killed with SIGKILL and restarted every few seconds, then every
 * output read back {@code read_committed} and checked record for record.
 */
public final class ChaosRun {
  private static final Logger LOG = LoggerFactory.getLogger(ChaosRun.class);
  private static final Duration READY_WITHIN = Duration.ofMinutes(3);
  private static final Duration FEED_TICK = Duration.ofMillis(100);
  // Four service JVMs and the broker share the machine: a small heap and the serial collector.
  private static final ServiceJvm.JvmOptions SERVICE_JVM =
      new ServiceJvm.JvmOptions("384m", List.of("-XX:+UseSerialGC"));

  /**
   * @param articles how many articles to produce; they are fed evenly over {@code feedFor}
   * @param settings extra settings for every service instance (and the run's own clients)
   */
  public record Plan(
      String guarantee,
      int articles,
      Duration feedFor,
      int brokers,
      int classifyInstances,
      int enrichInstances,
      Duration killEveryMin,
      Duration killEveryMax,
      Duration settleWithin,
      long randomSeed,
      Path seeds,
      Path workDir,
      Map<String, String> settings) {}

  private final Plan plan;
  private final Random random;

  public ChaosRun(Plan plan) {
    this.plan = plan;
    this.random = new Random(plan.randomSeed());
  }

  public ChaosReport run() throws InterruptedException {
    List<RawArticle> seeds = ArticleReader.read(plan.seeds()).articles();
    List<GeneratedArticle> corpus =
        new CorpusGenerator(seeds, plan.randomSeed(), CorpusGenerator.Options.realistic())
            .generate(plan.articles());
    Instant began = Instant.now();
    try (EmbeddedKafka kafka =
        EmbeddedKafka.builder()
            .nodes(plan.brokers())
            .dataDir(plan.workDir().resolve("kafka"))
            .start()) {
      Map<String, String> settings = new LinkedHashMap<>(plan.settings());
      settings.put(PipelineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
      settings.put(PipelineConfig.PROCESSING_GUARANTEE, plan.guarantee());
      settings.put(
          PipelineConfig.TOPIC_REPLICATION_FACTOR, String.valueOf(Math.min(3, plan.brokers())));
      PipelineConfig config = PipelineConfig.defaults();
      for (var setting : settings.entrySet()) {
        config = config.with(setting.getKey(), setting.getValue());
      }
      List<String> domainIds = ClassifyService.domainIds(config);
      TopicProvisioner.ensure(config, Topics.allNames(domainIds));

      DeliveryAudit audit = expectations(config, corpus);
      List<ServiceJvm> instances = new ArrayList<>();
      for (int i = 0; i < plan.classifyInstances(); i++) {
        instances.add(instance("classify", i, settings));
      }
      for (int i = 0; i < plan.enrichInstances(); i++) {
        instances.add(instance("enrich", i, settings));
      }
      try {
        startAll(instances);
        Instant feedStart = Instant.now();
        AtomicInteger kills = new AtomicInteger();
        List<String> killLog = new ArrayList<>();
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        scheduleKill(killer, instances, kills, killLog);
        try {
          feed(config, corpus);
        } finally {
          killer.shutdownNow();
          killer.awaitTermination(1, TimeUnit.MINUTES);
        }
        Duration fed = Duration.between(feedStart, Instant.now());
        // A kill in the last seconds may have left an instance down: bring all back for the drain.
        for (ServiceJvm instance : instances) {
          if (!instance.isAlive()) {
            instance.start();
          }
        }
        Instant settleStart = Instant.now();
        List<String> articleTopics = new ArrayList<>();
        articleTopics.add(Topics.CLASSIFIED_ARTICLES.name());
        domainIds.forEach(id -> articleTopics.add(Topics.domain(id).name()));
        try (OutputReader reader = new OutputReader(config, articleTopics, audit)) {
          drain(
              reader, audit, Duration.ofMillis(config.getLong(PipelineConfig.COMMIT_INTERVAL_MS)));
        }
        Duration settled = Duration.between(settleStart, Instant.now());
        DeliveryAudit.Result result = audit.result();
        LOG.info("chaos run finished: {}", result);
        return ChaosReport.of(plan, result, kills.get(), killLog, fed, settled, began);
      } finally {
        for (ServiceJvm instance : instances) {
          instance.stop();
        }
      }
    }
  }

  /**
   * One instance of a service, launched as an operator would, with its own state directory kept
   * across restarts as a pod's volume is.
   */
  private ServiceJvm instance(String service, int index, Map<String, String> settings) {
    String name = service + "-" + index;
    Map<String, String> own = new LinkedHashMap<>(settings);
    own.put(PipelineConfig.STATE_DIR, plan.workDir().resolve("state").resolve(name).toString());
    // Static membership: a restarted instance takes its partitions back at once instead of
    // waiting out the session of the member it replaces...
    own.put("consumer.group.instance.id", "chaos-" + name);
    // ...and if it is slow to come back, its partitions move to the others after this long.
    own.put("consumer.session.timeout.ms", "15000");
    return new ServiceJvm(
        name, SERVICE_JVM, ServiceJvm.Command.of(service, own), plan.workDir().resolve("logs"));
  }

  /** What each article must reach: the classified topic and its domains' topics. */
  private static DeliveryAudit expectations(PipelineConfig config, List<GeneratedArticle> corpus) {
    ArticleClassifier classifier = ArticleClassifier.fromConfig(config);
    Map<String, Set<String>> expected = new HashMap<>();
    Map<String, Long> sequences = new HashMap<>();
    Map<String, String> announcements = new HashMap<>();
    for (GeneratedArticle generated : corpus) {
      RawArticle article = generated.article();
      Set<String> topics = new LinkedHashSet<>();
      topics.add(Topics.CLASSIFIED_ARTICLES.name());
      classifier.classify(article).domainIds().forEach(d -> topics.add(Topics.domain(d).name()));
      expected.put(article.id(), topics);
      sequences.put(article.id(), generated.sequence());
      if (generated.announcedPolicy() != null && generated.repostOf() == null) {
        announcements.put(article.id(), PolicyAlerts.key(generated.announcedPolicy()));
      }
    }
    return new DeliveryAudit(expected, sequences, announcements);
  }

  private void startAll(List<ServiceJvm> instances) throws InterruptedException {
    instances.forEach(ServiceJvm::start);
    Instant deadline = Instant.now().plus(READY_WITHIN);
    for (ServiceJvm instance : instances) {
      if (!instance.awaitRunning(deadline)) {
        throw new IllegalStateException(
            instance.name() + " did not start; see " + plan.workDir().resolve("logs"));
      }
    }
  }

  /** Kills a random instance with SIGKILL, restarts it, and schedules the next kill. */
  private void scheduleKill(
      ScheduledExecutorService killer,
      List<ServiceJvm> instances,
      AtomicInteger kills,
      List<String> killLog) {
    long min = plan.killEveryMin().toMillis();
    long max = plan.killEveryMax().toMillis();
    long delay = min + (max > min ? (long) (random.nextDouble() * (max - min)) : 0);
    killer.schedule(
        () -> {
          ServiceJvm victim = instances.get(random.nextInt(instances.size()));
          try {
            victim.kill();
            victim.start();
            kills.incrementAndGet();
            synchronized (killLog) {
              killLog.add(Instant.now() + " " + victim.name());
            }
            LOG.info("killed and restarted {}", victim.name());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          scheduleKill(killer, instances, kills, killLog);
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  /** Produces the corpus evenly over the feed period, keyed by article id, in sequence order. */
  private void feed(PipelineConfig config, List<GeneratedArticle> corpus)
      throws InterruptedException {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    long ticks = Math.max(1, plan.feedFor().toMillis() / FEED_TICK.toMillis());
    ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      AtomicInteger next = new AtomicInteger();
      AtomicInteger tick = new AtomicInteger();
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
      pacer.scheduleAtFixedRate(
          () -> {
            int due =
                (int) Math.min(corpus.size(), corpus.size() * (tick.incrementAndGet()) / ticks);
            while (next.get() < due) {
              RawArticle article = corpus.get(next.getAndIncrement()).article();
              producer.send(
                  new ProducerRecord<>(
                      Topics.RAW_ARTICLES.name(), article.id(), Json.toBytes(article)),
                  (metadata, error) -> {
                    if (error != null) {
                      LOG.error("cannot produce {}: {}", article.id(), error.toString());
                    }
                  });
            }
            if (next.get() >= corpus.size()) {
              done.countDown();
            }
          },
          0,
          FEED_TICK.toMillis(),
          TimeUnit.MILLISECONDS);
      done.await();
      pacer.shutdownNow();
      producer.flush();
    } finally {
      pacer.shutdownNow();
    }
  }

  /**
   * Reads the outputs until every expected record is there, then on until nothing more arrives for
   * a while, so late duplicates are counted too.
   */
  private void drain(OutputReader reader, DeliveryAudit audit, Duration commitInterval) {
    Instant deadline = Instant.now().plus(plan.settleWithin());
    Instant nextProgress = Instant.now();
    while (Instant.now().isBefore(deadline) && !audit.complete()) {
      reader.catchUp(Duration.ofSeconds(5));
      if (Instant.now().isAfter(nextProgress)) {
        LOG.info("draining: {} expected copies still missing", audit.missingCopies());
        nextProgress = Instant.now().plusSeconds(10);
      }
    }
    Instant quietUntil = Instant.now().plus(commitInterval).plusSeconds(10);
    while (Instant.now().isBefore(quietUntil)) {
      reader.catchUp(Duration.ofSeconds(2));
    }
  }
}
