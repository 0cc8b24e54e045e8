package news.pipeline.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the repository's {@code seeds/} folder from any module's working directory. */
public final class SeedFiles {
  private SeedFiles() {}

  public static Path directory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path seeds = dir.resolve("seeds");
      if (Files.isDirectory(seeds) && Files.exists(dir.resolve("pom.xml"))) {
        return seeds;
      }
    }
    throw new IllegalStateException("no seeds/ folder above " + Path.of("").toAbsolutePath());
  }

  /** The seed-format text files, in name order. */
  public static List<Path> textFiles() {
    try (Stream<Path> files = Files.list(directory())) {
      return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
