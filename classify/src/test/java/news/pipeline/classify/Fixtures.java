package news.pipeline.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.RawArticle;
import news.pipeline.common.testing.SeedFiles;

/** The labeled fixture set under {@code eval/} and raw articles made from it. */
final class Fixtures {
  private Fixtures() {}

  static Path evalDirectory() {
    return SeedFiles.directory().getParent().resolve("eval");
  }

  static List<LabeledArticle> read(String fileName) {
    try {
      return Evaluation.read(evalDirectory().resolve(fileName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The 17 seed articles, labeled. */
  static List<LabeledArticle> seeds() {
    return read("seed-articles.jsonl");
  }

  static LabeledArticle seed(String title) {
    return seeds().stream()
        .filter(a -> a.title().contains(title))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no seed titled " + title));
  }

  static RawArticle raw(String id, String title, String text) {
    return new RawArticle(
        id,
        title,
        false,
        text,
        "中国社会报",
        null,
        null,
        null,
        null,
        Instant.parse("2026-11-23T08:00:00Z"),
        "test",
        String.format("%016x", id.hashCode() & 0xffffffffL));
  }

  static RawArticle raw(LabeledArticle article) {
    return raw(article.id(), article.title(), article.text());
  }

  /**
   * The article as JSON whose title starts with the escape of half a surrogate pair: valid UTF-8,
   * valid JSON, not Unicode text.
   */
  static byte[] withUnpairedSurrogate(RawArticle article) {
    String json =
        new String(
            Topics.RAW_ARTICLES.valueSerde().serializer().serialize(null, article),
            StandardCharsets.UTF_8);
    return json.replace("\"title\":\"", "\"title\":\"\\ud800").getBytes(StandardCharsets.UTF_8);
  }
}
