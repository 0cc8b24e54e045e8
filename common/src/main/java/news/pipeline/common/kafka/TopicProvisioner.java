package news.pipeline.common.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import news.pipeline.common.config.PipelineConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the catalogue's topics with the configured partitions and replication. */
public final class TopicProvisioner {
  private TopicProvisioner() {}

  /** Creates whichever of {@code names} do not exist yet; existing topics are left as they are. */
  public static void ensure(PipelineConfig config, Collection<String> names)
      throws InterruptedException {
    int partitions = config.getInt(PipelineConfig.TOPIC_PARTITIONS);
    short replication = (short) config.getInt(PipelineConfig.TOPIC_REPLICATION_FACTOR);
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing =
          names.stream()
              .filter(name -> !existing.contains(name))
              .map(name -> new NewTopic(name, partitions, replication).configs(configFor(name)))
              .toList();
      for (var result : admin.createTopics(missing).values().values()) {
        try {
          result.get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(
                "cannot create topics: " + e.getCause().getMessage(), e);
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e);
    }
  }

  private static Map<String, String> configFor(String name) {
    // Dead letters are kept for inspection longer than the default week.
    return name.equals(Topics.DEAD_LETTERS.name())
        ? Map.of("retention.ms", String.valueOf(30L * 24 * 3600 * 1000))
        : Map.of();
  }
}
