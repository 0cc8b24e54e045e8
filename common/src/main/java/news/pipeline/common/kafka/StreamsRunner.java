package news.pipeline.common.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one Streams service: start, wait until RUNNING with a deadline, close cleanly. */
public final class StreamsRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);

  private final String name;
  private final KafkaStreams streams;
  private final CountDownLatch stopped = new CountDownLatch(1);

  public StreamsRunner(String name, Topology topology, Properties properties) {
    this.name = name;
    this.streams = new KafkaStreams(topology, properties);
    // A thread that dies of an unexpected error is replaced; bad records never get here.
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("{}: stream thread failed, replacing it", name, e);
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.setStateListener(
        (now, before) -> {
          LOG.info("{}: {} -> {}", name, before, now);
          if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
            stopped.countDown();
          }
        });
  }

  public StreamsRunner start(Duration readyWithin) throws InterruptedException {
    streams.start();
    Instant deadline = Instant.now().plus(readyWithin);
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (Instant.now().isAfter(deadline) || !streams.state().isRunningOrRebalancing()) {
        throw new IllegalStateException(
            name + " did not reach RUNNING within " + readyWithin + " (" + streams.state() + ")");
      }
      stopped.await(50, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    return this;
  }

  public KafkaStreams streams() {
    return streams;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Blocks until the service stops (a shutdown hook closes it). */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Leaves the group on a clean stop, so the partitions move at once, not after a timeout. */
  @Override
  public void close() {
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(30)));
  }
}
