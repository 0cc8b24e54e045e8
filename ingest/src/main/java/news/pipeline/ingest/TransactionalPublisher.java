package news.pipeline.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.json.InvalidRecordException;
import news.pipeline.common.json.Json;
import news.pipeline.common.json.JsonSerde;
import news.pipeline.common.kafka.DeadLetterHeaders;
import news.pipeline.common.kafka.TopicProvisioner;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.RawArticle;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends articles exactly once, as Kafka Connect's exactly-once source connectors do: one
 * transactional producer writes the articles to {@code news.articles.raw}, the refusals to {@code
 * news.dlq} and, in the same transaction, what it sent to the compacted ledger {@code
 * news.ingest.ledger}. On start it first fences any earlier incarnation with the same {@code
 * transactional.id} (aborting whatever that one left open) and then reads the ledger with {@code
 * read_committed}: a crash at any point leaves either both the articles and their ledger records or
 * neither, so a restart resends exactly what was lost.
 *
 * <p>A producer that fails beyond abort (a commit whose outcome is unknown, a broken sequence, a
 * transaction state the coordinator rejects — seen on an overloaded broker) is replaced the same
 * way: a new producer fences the old one, which completes or aborts its open transaction, and the
 * ledger is read again, so the failed batch is resent only if it did not commit.
 *
 * <p>Subscribers of {@code news.articles.raw} must read with {@code isolation.level=read_committed}
 * (Kafka Streams with exactly-once does) to see each article once.
 */
final class TransactionalPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TransactionalPublisher.class);

  static final String TRANSACTIONAL_ID = "news.ingest.transactional.id";
  static final String LEDGER_LOAD_TIMEOUT = "news.ingest.ledger.load.timeout";
  static final String DEAD_LETTER_MAX_BYTES = "news.ingest.dlq.max.bytes";

  /** Extra dead-letter headers: the refusal's stable code and where the input was. */
  static final String REASON_HEADER = "news.ingest.reason";

  static final String LOCATION_HEADER = "news.ingest.location";
  static final String TRUNCATED_HEADER = "news.ingest.truncated";

  private static final JsonSerde<LedgerEntry> LEDGER_VALUES = JsonSerde.of(LedgerEntry.class);

  private final Supplier<Producer<byte[], byte[]>> producers;
  private final Supplier<Consumer<byte[], byte[]>> ledgerReaders;
  private final Duration ledgerLoadTimeout;
  private final String bootstrapServers;
  private final int deadLetterMaxBytes;
  private final String transactionalId;
  private Producer<byte[], byte[]> producer;
  private volatile Ledger ledger;
  private boolean fatal;

  /** What one publish did: per article, in order, whether it was sent now. */
  record Outcome(List<String> ids, List<Boolean> sentNow, int deadLettered) {
    int sent() {
      return (int) sentNow.stream().filter(b -> b).count();
    }

    int alreadySent() {
      return sentNow.size() - sent();
    }
  }

  TransactionalPublisher(PipelineConfig config) {
    this(config, producerFactory(config), ledgerReaderFactory(config), true);
  }

  /** With the Kafka clients given, e.g. mock ones; {@code provision} creates the topics first. */
  TransactionalPublisher(
      PipelineConfig config,
      Supplier<Producer<byte[], byte[]>> producers,
      Supplier<Consumer<byte[], byte[]>> ledgerReaders,
      boolean provision) {
    this.transactionalId = transactionalId(config);
    this.deadLetterMaxBytes = config.getInt(DEAD_LETTER_MAX_BYTES);
    this.ledgerLoadTimeout = config.getDuration(LEDGER_LOAD_TIMEOUT);
    this.bootstrapServers = config.get(PipelineConfig.BOOTSTRAP_SERVERS);
    this.producers = producers;
    this.ledgerReaders = ledgerReaders;
    if (provision) {
      provisionTopics(config);
    }
    open();
    LOG.info(
        "ingest {} ready: {} articles already sent according to {}",
        transactionalId,
        ledger.size(),
        Topics.INGEST_LEDGER.name());
  }

  private static Supplier<Producer<byte[], byte[]>> producerFactory(PipelineConfig config) {
    String transactionalId = transactionalId(config);
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
    return () -> new KafkaProducer<>(props);
  }

  private static Supplier<Consumer<byte[], byte[]>> ledgerReaderFactory(PipelineConfig config) {
    Map<String, Object> props = new HashMap<>(config.kafkaProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return () -> new KafkaConsumer<>(props);
  }

  /** A new producer that fences any earlier one, then what the ledger says was committed. */
  private void open() {
    Producer<byte[], byte[]> fresh = producers.get();
    try {
      // Fences a previous incarnation and aborts its open transaction before the ledger is read,
      // so read_committed reading is not held up by it and sees everything it committed.
      fresh.initTransactions();
      ledger = loadLedger();
    } catch (RuntimeException e) {
      fresh.close(Duration.ZERO);
      throw new IngestException(
          "cannot start ingest against Kafka at " + bootstrapServers + ": " + e.getMessage(), e);
    }
    producer = fresh;
  }

  static String transactionalId(PipelineConfig config) {
    if (config.has(TRANSACTIONAL_ID)) {
      return config.get(TRANSACTIONAL_ID);
    }
    try {
      return "news-ingest-" + InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "news-ingest";
    }
  }

  private static void provisionTopics(PipelineConfig config) {
    try {
      TopicProvisioner.ensure(
          config, List.of(Topics.RAW_ARTICLES.name(), Topics.DEAD_LETTERS.name()));
      try (Admin admin = Admin.create(config.kafkaProperties())) {
        NewTopic ledgerTopic =
            new NewTopic(
                    Topics.INGEST_LEDGER.name(),
                    config.getInt(PipelineConfig.TOPIC_PARTITIONS),
                    (short) config.getInt(PipelineConfig.TOPIC_REPLICATION_FACTOR))
                .configs(
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        admin.createTopics(List.of(ledgerTopic)).all().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IngestException(
              "cannot create " + Topics.INGEST_LEDGER.name() + ": " + e.getCause().getMessage(), e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestException("interrupted while creating topics", e);
    }
  }

  private Ledger loadLedger() {
    Ledger loaded = new Ledger();
    Duration timeout = ledgerLoadTimeout;
    try (Consumer<byte[], byte[]> consumer = ledgerReaders.get()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.INGEST_LEDGER.name(), timeout).stream()
              .map(info -> new TopicPartition(info.topic(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      Instant deadline = Instant.now().plus(timeout);
      while (!caughtUp(consumer, end)) {
        if (Instant.now().isAfter(deadline)) {
          throw new IngestException(
              "could not read " + Topics.INGEST_LEDGER.name() + " within " + timeout, null);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          String key = new String(record.key(), StandardCharsets.UTF_8);
          loaded.apply(key, record.value() == null ? null : LEDGER_VALUES.read(record.value()));
        }
      }
    }
    return loaded;
  }

  private static boolean caughtUp(Consumer<?, ?> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  FeedCursor feedCursor(String url) {
    return ledger.feed(url);
  }

  /**
   * Sends what was not sent before, with the refusals and (for a feed) the cursor, in one
   * transaction. Nothing new → no transaction.
   */
  synchronized Outcome publish(Reading reading, String feedUrl, FeedCursor cursor) {
    if (fatal) {
      throw new IngestException(
          "ingest " + transactionalId + " was stopped by an earlier error", null);
    }
    try {
      return publishOnce(reading, feedUrl, cursor);
    } catch (ProducerUnusable e) {
      LOG.warn(
          "ingest {}: the Kafka producer failed beyond abort ({}); replacing it and re-reading the"
              + " ledger, then sending again what did not commit",
          transactionalId,
          e.getCause().toString());
      producer.close(Duration.ZERO);
      try {
        open();
      } catch (IngestException reopenFailed) {
        fatal = true;
        throw reopenFailed;
      }
      try {
        return publishOnce(reading, feedUrl, cursor);
      } catch (ProducerUnusable again) {
        fatal = true;
        throw new IngestException(
            "cannot write to Kafka: " + again.getCause().getMessage(), again.getCause());
      }
    }
  }

  private Outcome publishOnce(Reading reading, String feedUrl, FeedCursor cursor) {
    List<String> ids = new ArrayList<>();
    List<Boolean> sentNow = new ArrayList<>();
    List<RawArticle> toSend = new ArrayList<>();
    Set<String> newHashes = new HashSet<>();
    for (RawArticle article : reading.articles()) {
      boolean fresh =
          !ledger.wasSent(article.contentHash()) && newHashes.add(article.contentHash());
      ids.add(article.id());
      sentNow.add(fresh);
      if (fresh) {
        toSend.add(article);
      }
    }
    Map<String, RejectedInput> toDeadLetter = new java.util.LinkedHashMap<>();
    for (RejectedInput rejected : reading.rejected()) {
      String hash = rejectionHash(rejected);
      if (!ledger.wasDeadLettered(hash)) {
        toDeadLetter.putIfAbsent(hash, rejected);
      }
    }
    boolean cursorChanged = feedUrl != null && !cursor.equals(ledger.feed(feedUrl));
    if (toSend.isEmpty() && toDeadLetter.isEmpty() && !cursorChanged) {
      return new Outcome(ids, sentNow, 0);
    }
    Instant now = Instant.now();
    try {
      producer.beginTransaction();
      for (RawArticle article : toSend) {
        byte[] key = Topics.KEYS.serializer().serialize(Topics.RAW_ARTICLES.name(), article.id());
        byte[] value =
            Topics.RAW_ARTICLES
                .valueSerde()
                .serializer()
                .serialize(Topics.RAW_ARTICLES.name(), article);
        producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES.name(), key, value));
        ledgerRecord(
            LedgerEntry.ARTICLE + article.contentHash(),
            new LedgerEntry(article.id(), article.origin(), now, null, null));
      }
      toDeadLetter.forEach(
          (hash, rejected) -> {
            producer.send(deadLetter(rejected));
            ledgerRecord(
                LedgerEntry.REJECTED + hash,
                new LedgerEntry(null, rejected.rejection().location(), now, null, null));
          });
      if (cursorChanged) {
        ledgerRecord(
            LedgerEntry.FEED + feedUrl,
            new LedgerEntry(null, feedUrl, now, cursor.etag(), cursor.lastModified()));
      }
      producer.commitTransaction();
    } catch (ProducerFencedException | AuthorizationException e) {
      fatal = true;
      throw new IngestException(
          e instanceof ProducerFencedException
              ? "another ingester with transactional.id "
                  + transactionalId
                  + " took over; give each ingester its own "
                  + TRANSACTIONAL_ID
              : "cannot write to Kafka: " + e.getMessage(),
          e);
    } catch (OutOfOrderSequenceException e) {
      throw new ProducerUnusable(e);
    } catch (KafkaException e) {
      try {
        producer.abortTransaction();
      } catch (KafkaException abortFailed) {
        throw new ProducerUnusable(e);
      }
      throw new IngestException(
          "sending to Kafka failed and the transaction was rolled back (a rerun sends it): "
              + e.getMessage(),
          e);
    }
    ledger.markSent(newHashes);
    ledger.markDeadLettered(toDeadLetter.keySet());
    if (cursorChanged) {
      ledger.putFeed(feedUrl, cursor);
    }
    return new Outcome(ids, sentNow, toDeadLetter.size());
  }

  private void ledgerRecord(String key, LedgerEntry entry) {
    producer.send(
        new ProducerRecord<>(
            Topics.INGEST_LEDGER.name(),
            key.getBytes(StandardCharsets.UTF_8),
            Json.toBytes(entry)));
  }

  /**
   * A refusal as Kafka Streams' dead-letter queue writes one: the input bytes, the reason in
   * headers.
   */
  private ProducerRecord<byte[], byte[]> deadLetter(RejectedInput rejected) {
    Rejection rejection = rejected.rejection();
    byte[] raw = rejected.raw();
    RecordHeaders headers = new RecordHeaders();
    header(headers, DeadLetterHeaders.EXCEPTION, InvalidRecordException.class.getName());
    header(headers, DeadLetterHeaders.MESSAGE, rejection.describe());
    header(headers, DeadLetterHeaders.TOPIC, Topics.RAW_ARTICLES.name());
    header(headers, REASON_HEADER, rejection.code());
    header(headers, LOCATION_HEADER, rejection.location());
    if (raw.length > deadLetterMaxBytes) {
      header(headers, TRUNCATED_HEADER, String.valueOf(raw.length));
      raw = Arrays.copyOf(raw, deadLetterMaxBytes);
    }
    return new ProducerRecord<>(
        Topics.DEAD_LETTERS.name(),
        null,
        rejection.location().getBytes(StandardCharsets.UTF_8),
        raw,
        headers);
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
  }

  /** The same refusal of the same bytes is dead-lettered once, however often it is read. */
  private static String rejectionHash(RejectedInput rejected) {
    byte[] where = (rejected.rejection().describe() + '\u0000').getBytes(StandardCharsets.UTF_8);
    byte[] all = Arrays.copyOf(where, where.length + rejected.raw().length);
    System.arraycopy(rejected.raw(), 0, all, where.length, rejected.raw().length);
    return ArticleIds.sha256Hex(all);
  }

  /** The producer cannot go on (its transaction state is lost); a new one must replace it. */
  private static final class ProducerUnusable extends RuntimeException {
    ProducerUnusable(KafkaException cause) {
      super(cause);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
