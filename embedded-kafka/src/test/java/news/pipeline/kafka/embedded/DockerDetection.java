package news.pipeline.kafka.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Decides in well under a second whether Docker is worth asking about: Testcontainers' own probe
 * takes seconds to fail where there is no Docker, and every test JVM would pay it.
 */
final class DockerDetection {
  static final String BROKER_CHOICE_ENV = "NEWS_IT_BROKER";

  private DockerDetection() {}

  static boolean dockerLikelyAvailable() {
    String choice = System.getenv().getOrDefault(BROKER_CHOICE_ENV, "auto");
    return switch (choice.toLowerCase(Locale.ROOT)) {
      case "embedded" -> false;
      case "docker" -> true;
      default -> dockerEndpointPresent();
    };
  }

  private static boolean dockerEndpointPresent() {
    String dockerHost = System.getenv("DOCKER_HOST");
    if (dockerHost != null && !dockerHost.isBlank()) {
      return !dockerHost.startsWith("unix://") || isSocket(Path.of(dockerHost.substring(7)));
    }
    return isSocket(Path.of("/var/run/docker.sock"))
        || isSocket(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
  }

  private static boolean isSocket(Path path) {
    return Files.exists(path) && !Files.isDirectory(path) && !Files.isRegularFile(path);
  }
}
