package news.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.testing.SeedFiles;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * How the publisher survives a producer that fails beyond abort, with mock clients: the broker's
 * answer decides whether the failed batch committed, and only the ledger read afterwards can tell.
 */
class TransactionalPublisherTest {
  private static final TopicPartition LEDGER = new TopicPartition(Topics.INGEST_LEDGER.name(), 0);

  private final PipelineConfig config =
      PipelineConfig.defaults().with("news.ingest.transactional.id", "publisher-test");
  private final Reading seeds =
      ArticleReader.read(SeedFiles.textFiles().get(0), ReadOptions.defaults());
  private final Deque<MockProducer<byte[], byte[]>> producers = new ArrayDeque<>();
  private final List<MockProducer<byte[], byte[]>> opened = new ArrayList<>();
  private final List<ConsumerRecord<byte[], byte[]>> committedLedger = new ArrayList<>();

  /** Whether the broker had completed the commit its producer reported as failed. */
  private boolean failedCommitLanded;

  /** A producer whose commit the coordinator rejects and which then cannot even abort. */
  private static MockProducer<byte[], byte[]> brokenAtCommit() {
    MockProducer<byte[], byte[]> producer = healthy();
    producer.commitTransactionException =
        new InvalidTxnStateException(
            "The producer attempted a transactional operation in an invalid state.");
    producer.abortTransactionException =
        new KafkaException("Cannot execute transactional method because we are in an error state");
    return producer;
  }

  private static MockProducer<byte[], byte[]> healthy() {
    return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private Supplier<Producer<byte[], byte[]>> producerSupplier() {
    return () -> {
      if (failedCommitLanded && !opened.isEmpty()) {
        commitLedgerOf(opened.get(opened.size() - 1));
      }
      MockProducer<byte[], byte[]> next = producers.removeFirst();
      opened.add(next);
      return next;
    };
  }

  /** Each ledger read sees what has been committed so far. */
  private Supplier<Consumer<byte[], byte[]>> ledgerSupplier() {
    return () -> {
      MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
      consumer.updatePartitions(
          LEDGER.topic(), List.of(new PartitionInfo(LEDGER.topic(), 0, null, null, null)));
      consumer.updateBeginningOffsets(Map.of(LEDGER, 0L));
      consumer.updateEndOffsets(Map.of(LEDGER, (long) committedLedger.size()));
      consumer.schedulePollTask(() -> committedLedger.forEach(consumer::addRecord));
      return consumer;
    };
  }

  private TransactionalPublisher publisher() {
    return new TransactionalPublisher(config, producerSupplier(), ledgerSupplier(), false);
  }

  private static List<ProducerRecord<byte[], byte[]>> rawArticles(MockProducer<byte[], byte[]> p) {
    return p.history().stream()
        .filter(record -> record.topic().equals(Topics.RAW_ARTICLES.name()))
        .toList();
  }

  /** The ledger records a producer sent, as the broker would hand them back once committed. */
  private void commitLedgerOf(MockProducer<byte[], byte[]> producer) {
    // A mock keeps a transaction's sends apart until its commit succeeds.
    for (ProducerRecord<byte[], byte[]> sent : producer.uncommittedRecords()) {
      if (sent.topic().equals(LEDGER.topic())) {
        committedLedger.add(
            new ConsumerRecord<>(
                LEDGER.topic(), 0, committedLedger.size(), sent.key(), sent.value()));
      }
    }
  }

  @Test
  void shouldResendTheBatchWhenTheProducerFailsBeyondAbortAndNothingCommitted() {
    producers.add(brokenAtCommit());
    producers.add(healthy());
    try (TransactionalPublisher publisher = publisher()) {
      TransactionalPublisher.Outcome outcome = publisher.publish(seeds, null, FeedCursor.NONE);

      assertThat(seeds.articles()).isNotEmpty();
      assertThat(outcome.sent()).isEqualTo(seeds.articles().size());
      assertThat(opened).hasSize(2);
      assertThat(opened.get(0).closed()).isTrue();
      MockProducer<byte[], byte[]> replacement = opened.get(1);
      assertThat(replacement.transactionCommitted()).isTrue();
      assertThat(rawArticles(replacement)).hasSize(seeds.articles().size());
    }
  }

  @Test
  void shouldSendNothingAgainWhenTheFailedCommitHadCommittedAfterAll() {
    producers.add(brokenAtCommit());
    producers.add(healthy());
    failedCommitLanded = true;
    try (TransactionalPublisher publisher = publisher()) {
      TransactionalPublisher.Outcome outcome = publisher.publish(seeds, null, FeedCursor.NONE);

      assertThat(outcome.sent()).isZero();
      assertThat(outcome.alreadySent()).isEqualTo(seeds.articles().size());
      assertThat(opened).hasSize(2);
      assertThat(rawArticles(opened.get(1))).isEmpty();
    }
  }

  @Test
  void shouldStopWithAClearMessageWhenAnotherIngesterTookOver() {
    MockProducer<byte[], byte[]> fenced = healthy();
    fenced.commitTransactionException = new ProducerFencedException("fenced by a newer epoch");
    producers.add(fenced);
    try (TransactionalPublisher publisher = publisher()) {
      assertThatThrownBy(() -> publisher.publish(seeds, null, FeedCursor.NONE))
          .isInstanceOf(IngestException.class)
          .hasMessageContaining("another ingester with transactional.id publisher-test took over");
      assertThatThrownBy(() -> publisher.publish(seeds, null, FeedCursor.NONE))
          .hasMessageContaining("stopped by an earlier error");
      assertThat(opened).hasSize(1);
    }
  }
}
