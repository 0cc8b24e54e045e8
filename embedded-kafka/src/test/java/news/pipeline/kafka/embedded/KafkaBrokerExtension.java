package news.pipeline.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import news.pipeline.common.config.PipelineConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real Kafka broker for every {@code *IT} class of a test JVM: started by the first class that
 * needs it, kept in JUnit's root store and closed when the whole run ends.
 *
 * <pre>{@code
 * @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
 * ... KAFKA.pipelineConfig() ... KAFKA.createTopics("news.articles.raw") ...
 * }</pre>
 *
 * <p>Where Docker runs, the broker is the official {@code apache/kafka} image (Testcontainers);
 * elsewhere, and whenever {@code NEWS_IT_BROKER=embedded}, it is {@link EmbeddedKafka}. Tests share
 * the broker, so each should use its own topic names or application ids.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerExtension.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

  private SharedBroker broker;

  @Override
  public void beforeAll(ExtensionContext context) {
    broker =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(
                SharedBroker.class, type -> SharedBroker.start(), SharedBroker.class);
  }

  public String bootstrapServers() {
    return shared().bootstrapServers;
  }

  /** The embedded broker, for tests that stop and restart it; empty when Docker provides it. */
  public java.util.Optional<EmbeddedKafka> embedded() {
    return java.util.Optional.ofNullable(shared().embedded);
  }

  /**
   * The defaults with this broker's address and a fresh Streams state directory, so two
   * applications in one test never share state.
   */
  public PipelineConfig pipelineConfig() {
    return PipelineConfig.defaults()
        .with(PipelineConfig.BOOTSTRAP_SERVERS, bootstrapServers())
        .with(PipelineConfig.STATE_DIR, shared().newStateDir().toString());
  }

  /** Creates the topics that do not exist yet (1 partition each unless given). */
  public void createTopics(String... names) {
    createTopics(1, Arrays.asList(names));
  }

  public void createTopics(int partitions, Collection<String> names) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      List<NewTopic> topics =
          names.stream().map(name -> new NewTopic(name, partitions, (short) 1)).toList();
      for (var result : admin.createTopics(topics).values().values()) {
        try {
          result.get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topics " + names, e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  private SharedBroker shared() {
    if (broker == null) {
      throw new IllegalStateException(
          "register KafkaBrokerExtension as a static @RegisterExtension field");
    }
    return broker;
  }

  /** The broker and the state directories handed out; closed once, at the end of the run. */
  static final class SharedBroker implements AutoCloseable {
    private final String bootstrapServers;
    private final EmbeddedKafka embedded;
    private final AutoCloseable resource;
    private final Path stateRoot;

    private SharedBroker(String bootstrapServers, EmbeddedKafka embedded, AutoCloseable resource) {
      this.bootstrapServers = bootstrapServers;
      this.embedded = embedded;
      this.resource = resource;
      try {
        this.stateRoot = Files.createTempDirectory("news-it-state-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static SharedBroker start() {
      if (DockerDetection.dockerLikelyAvailable()) {
        try {
          DockerKafka docker = DockerKafka.start();
          LOG.info("integration tests use Kafka in Docker at {}", docker.bootstrapServers());
          return new SharedBroker(docker.bootstrapServers(), null, docker);
        } catch (RuntimeException | LinkageError e) {
          LOG.warn("Docker Kafka unavailable ({}); using the embedded broker", e.toString());
        }
      }
      long started = System.nanoTime();
      EmbeddedKafka kafka = EmbeddedKafka.start();
      LOG.info(
          "integration tests use the embedded broker at {} (started in {} ms)",
          kafka.bootstrapServers(),
          (System.nanoTime() - started) / 1_000_000);
      return new SharedBroker(kafka.bootstrapServers(), kafka, kafka);
    }

    Path newStateDir() {
      try {
        return Files.createTempDirectory(stateRoot, "state-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws Exception {
      try {
        resource.close();
      } finally {
        deleteQuietly(stateRoot);
      }
    }

    private static void deleteQuietly(Path root) {
      try (var paths = Files.walk(root)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        LOG.debug("cannot delete {}", root, e);
      }
    }
  }
}
