package news.pipeline.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import news.pipeline.classify.ClassifyService;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.json.InvalidRecordException;
import news.pipeline.common.kafka.StreamsRunner;
import news.pipeline.common.kafka.TopicProvisioner;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.EnrichedArticle;
import news.pipeline.common.model.PolicyAlert;
import news.pipeline.enrich.EnrichService;
import news.pipeline.ingest.IngestSummary;
import news.pipeline.ingest.Ingester;
import news.pipeline.kafka.embedded.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one process: a broker (embedded, or the configured cluster), every topic,
 * classify and enrich as two Kafka Streams applications with their own ids, and ingest on demand.
 * The demo runs it and so does the end-to-end test, so both exercise the same path.
 */
public final class LocalPipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalPipeline.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final EmbeddedKafka broker;
  private final PipelineConfig config;
  private final Path temporaryStateDir;
  private final List<String> domainIds;
  private final List<StreamsRunner> services = new ArrayList<>();

  private LocalPipeline(EmbeddedKafka broker, PipelineConfig config, Path temporaryStateDir) {
    this.broker = broker;
    this.config = config;
    this.temporaryStateDir = temporaryStateDir;
    this.domainIds = ClassifyService.domainIds(config);
  }

  /**
   * Starts an embedded broker (its logs and the services' state under {@code dataDir}, or in a
   * temporary directory when it is null) and the pipeline on it.
   */
  public static LocalPipeline withEmbeddedBroker(
      PipelineConfig config, Path dataDir, Duration readyWithin) throws InterruptedException {
    EmbeddedKafka.Builder builder = EmbeddedKafka.builder();
    if (dataDir != null) {
      builder.dataDir(dataDir.resolve("kafka"));
    }
    EmbeddedKafka broker = builder.start();
    PipelineConfig onBroker =
        config.with(PipelineConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
    if (dataDir != null) {
      onBroker = onBroker.with(PipelineConfig.STATE_DIR, dataDir.resolve("state").toString());
    }
    return start(broker, onBroker, readyWithin);
  }

  /** The pipeline on the cluster {@code config} names. */
  public static LocalPipeline onCluster(PipelineConfig config, Duration readyWithin)
      throws InterruptedException {
    return start(null, config, readyWithin);
  }

  private static LocalPipeline start(
      EmbeddedKafka broker, PipelineConfig config, Duration readyWithin)
      throws InterruptedException {
    // Streams state must belong to this broker: state left by another run would hold offsets and
    // alerted policies of a cluster that no longer exists.
    Path temporaryState = null;
    PipelineConfig effective = config;
    if (!config.has(PipelineConfig.STATE_DIR)) {
      temporaryState = createTempDir();
      effective = config.with(PipelineConfig.STATE_DIR, temporaryState.toString());
    }
    LocalPipeline pipeline = new LocalPipeline(broker, effective, temporaryState);
    try {
      TopicProvisioner.ensure(effective, Topics.allNames(pipeline.domainIds));
      pipeline.services.add(ClassifyService.start(effective, readyWithin));
      pipeline.services.add(EnrichService.start(effective, readyWithin));
      return pipeline;
    } catch (RuntimeException | InterruptedException e) {
      pipeline.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    return config.get(PipelineConfig.BOOTSTRAP_SERVERS);
  }

  /** The configuration the services run with (broker address and state directory included). */
  public PipelineConfig config() {
    return config;
  }

  /** Every domain of the configured taxonomy, in taxonomy order. */
  public List<String> domainIds() {
    return domainIds;
  }

  /** Ingests files and directories; articles sent before (by id) are not sent again. */
  public IngestSummary ingest(List<Path> inputs) {
    try (Ingester ingester = new Ingester(config)) {
      return ingester.ingest(inputs);
    }
  }

  /**
   * Reads the classified, domain and alert topics (read_committed) until every article reached each
   * of its domain topics and enrich has finished with everything it was given, or the timeout
   * passes. The result may be incomplete only on timeout: check {@link PipelineOutput#undelivered}.
   */
  public PipelineOutput awaitOutput(Collection<String> articleIds, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Set<String> wanted = Set.copyOf(articleIds);
    Map<String, ClassifiedArticle> classified = new HashMap<>();
    Map<String, Map<String, EnrichedArticle>> delivered = new LinkedHashMap<>();
    List<PolicyAlert> alerts = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    domainIds.forEach(domain -> delivered.put(domain, new HashMap<>()));

    try (KafkaConsumer<byte[], byte[]> consumer = outputConsumer();
        Admin admin = Admin.create(config.kafkaProperties())) {
      List<TopicPartition> partitions = outputPartitions(consumer);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      boolean delivery = false;
      boolean settled = false;
      Map<TopicPartition, Long> ends = null;
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          collect(record, wanted, classified, delivered, alerts, rejected);
        }
        if (!delivery) {
          PipelineOutput sofar = new PipelineOutput(classified, delivered, alerts, rejected);
          delivery = sofar.undelivered(articleIds).isEmpty();
        } else if (!settled) {
          // Alerts follow a repartition, so they can trail the domain copies: wait until enrich
          // has committed everything it was given, then read the alert topic to its end.
          settled = enrichCaughtUp(admin);
          if (settled) {
            ends = consumer.endOffsets(partitions);
          }
        } else if (reached(consumer, ends)) {
          break;
        }
      }
      if (delivery && !settled) {
        LOG.warn("timed out while enrich was still working: alerts may be missing");
      }
    }
    return new PipelineOutput(ordered(classified, articleIds), delivered, alerts, rejected);
  }

  @Override
  public void close() {
    for (int i = services.size() - 1; i >= 0; i--) {
      try {
        // StreamsRunner leaves the group, so a next run on the same data need not wait out
        // these members' session timeout.
        services.get(i).close();
      } catch (RuntimeException e) {
        LOG.warn("cannot close a service cleanly", e);
      }
    }
    services.clear();
    if (broker != null) {
      broker.close();
    }
    if (temporaryStateDir != null) {
      deleteRecursively(temporaryStateDir);
    }
  }

  private KafkaConsumer<byte[], byte[]> outputConsumer() {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "news-pipeline-output-reader");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private List<TopicPartition> outputPartitions(KafkaConsumer<byte[], byte[]> consumer) {
    List<String> topics = new ArrayList<>();
    topics.add(Topics.CLASSIFIED_ARTICLES.name());
    domainIds.forEach(domain -> topics.add(Topics.domain(domain).name()));
    topics.add(Topics.POLICY_ALERTS.name());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      consumer
          .partitionsFor(topic)
          .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    }
    return partitions;
  }

  private void collect(
      ConsumerRecord<byte[], byte[]> record,
      Set<String> wanted,
      Map<String, ClassifiedArticle> classified,
      Map<String, Map<String, EnrichedArticle>> delivered,
      List<PolicyAlert> alerts,
      List<String> rejected) {
    String topic = record.topic();
    try {
      if (topic.equals(Topics.CLASSIFIED_ARTICLES.name())) {
        ClassifiedArticle article = decode(Topics.CLASSIFIED_ARTICLES.valueSerde(), record);
        if (wanted.contains(article.id())) {
          classified.put(article.id(), article);
        }
      } else if (topic.equals(Topics.POLICY_ALERTS.name())) {
        PolicyAlert alert = decode(Topics.POLICY_ALERTS.valueSerde(), record);
        if (wanted.contains(alert.articleId())) {
          alerts.add(alert);
        }
      } else {
        String domain = topic.substring(Topics.DOMAIN_TOPIC_PREFIX.length());
        EnrichedArticle article = decode(Topics.domain(domain).valueSerde(), record);
        if (wanted.contains(article.id())) {
          delivered.computeIfAbsent(domain, d -> new HashMap<>()).put(article.id(), article);
        }
      }
    } catch (InvalidRecordException e) {
      rejected.add(
          topic + "@" + record.partition() + ":" + record.offset() + ": " + e.getMessage());
    }
  }

  private static <T> T decode(
      org.apache.kafka.common.serialization.Serde<T> serde, ConsumerRecord<byte[], byte[]> record) {
    return serde.deserializer().deserialize(record.topic(), record.value());
  }

  /** True when enrich's committed offsets reach the end of every topic it reads. */
  private boolean enrichCaughtUp(Admin admin) throws InterruptedException {
    String group = config.get(EnrichService.APPLICATION_ID);
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Set<String> inputs = new java.util.HashSet<>();
      inputs.add(Topics.CLASSIFIED_ARTICLES.name());
      admin.listTopics().names().get().stream()
          .filter(name -> name.startsWith(group + "-") && name.endsWith("-repartition"))
          .forEach(inputs::add);
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(inputs)
          .allTopicNames()
          .get()
          .forEach(
              (topic, description) ->
                  description
                      .partitions()
                      .forEach(
                          p ->
                              latest.put(
                                  new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
      var ends =
          admin
              .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
              .all()
              .get();
      return ends.entrySet().stream()
          .allMatch(
              end -> {
                OffsetAndMetadata done = committed.get(end.getKey());
                return (done == null ? 0 : done.offset()) >= end.getValue().offset();
              });
    } catch (ExecutionException e) {
      LOG.debug("cannot read enrich progress yet", e.getCause());
      return false;
    }
  }

  private static boolean reached(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private static Map<String, ClassifiedArticle> ordered(
      Map<String, ClassifiedArticle> classified, Collection<String> articleIds) {
    Map<String, ClassifiedArticle> ordered = new LinkedHashMap<>();
    articleIds.stream()
        .filter(classified::containsKey)
        .forEach(id -> ordered.put(id, classified.get(id)));
    return ordered;
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("news-pipeline-state-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOG.debug("cannot delete {}", dir, e);
    }
  }
}
