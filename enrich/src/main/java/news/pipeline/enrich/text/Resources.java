package news.pipeline.enrich.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the lexicon files shipped in {@code enrich/}: UTF-8 lines, {@code #} comments. */
final class Resources {

  private Resources() {}

  /** Lines without comments and blank lines; leading indentation is kept. */
  static List<String> lines(String name) {
    InputStream in = Resources.class.getResourceAsStream("/enrich/" + name);
    if (in == null) {
      throw new IllegalStateException("missing resource enrich/" + name);
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader
          .lines()
          .map(line -> line.replaceFirst("\\s+$", ""))
          .filter(line -> !line.isBlank() && !line.strip().startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
