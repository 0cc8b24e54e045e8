package news.pipeline.kafka.embedded;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The official {@code apache/kafka} image under Testcontainers. Loaded only when Docker looks
 * available, so modules without Testcontainers on their test classpath never touch it.
 */
final class DockerKafka implements AutoCloseable {
  static final String IMAGE = "apache/kafka:4.1.0";

  private final KafkaContainer container;

  private DockerKafka(KafkaContainer container) {
    this.container = container;
  }

  static DockerKafka start() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new IllegalStateException("Docker does not answer");
    }
    KafkaContainer container = new KafkaContainer(IMAGE);
    container.start();
    return new DockerKafka(container);
  }

  String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public void close() {
    container.stop();
  }
}
