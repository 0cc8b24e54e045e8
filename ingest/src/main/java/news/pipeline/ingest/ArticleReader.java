package news.pipeline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import news.pipeline.common.json.InvalidRecordException;
import news.pipeline.common.json.Json;
import news.pipeline.common.json.MessageSchema;
import news.pipeline.common.model.RawArticle;

/**
 * Reads articles from files, directories (recursively, in name order) and streams, without a
 * broker. The format is told by extension and content: {@code .jsonl}/{@code .ndjson} are JSON
 * Lines, {@code .json} one JSON article or an array of them, and any other file is JSON when it
 * starts with {@code {} or {@code [} and seed-format text otherwise.
 *
 * <p>Nothing is dropped silently: every refused file, line or article is a {@link Rejection}
 * naming where it was and why, and the good input beside it is still read.
 */
public final class ArticleReader {
  private ArticleReader() {}

  public static ReadResult read(Path fileOrDir) {
    return read(fileOrDir, ReadOptions.defaults()).toResult();
  }

  public static ReadResult read(InputStream in, String origin) {
    return read(in, origin, ReadOptions.defaults()).toResult();
  }

  static Reading read(Path fileOrDir, ReadOptions options) {
    if (!Files.isDirectory(fileOrDir)) {
      return readFile(fileOrDir, options);
    }
    Reading reading = Reading.empty();
    for (Path file : filesUnder(fileOrDir, reading)) {
      reading.addAll(readFile(file, options));
    }
    return reading;
  }

  static Reading read(InputStream in, String origin, ReadOptions options) {
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxInputBytes() + 1));
    } catch (IOException e) {
      return Reading.rejected(RejectedInput.of(origin, "unreadable", message(e), new byte[0]));
    }
    if (bytes.length > options.maxInputBytes()) {
      return Reading.rejected(tooLarge(origin, options, new byte[0]));
    }
    return parse(bytes, origin, origin, options);
  }

  /** Regular, visible files under {@code dir}, in path order; an unreadable folder is refused. */
  static List<Path> filesUnder(Path dir, Reading reading) {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(path -> isCandidate(dir.relativize(path)))
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      reading
          .rejected()
          .add(RejectedInput.of(dir.toString(), "unreadable", message(e), new byte[0]));
      return List.of();
    }
  }

  /** Hidden files and the temporary files of editors and copy tools are not input. */
  static boolean isCandidate(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return false;
      }
    }
    String name = relative.getFileName().toString().toLowerCase(Locale.ROOT);
    return !(name.endsWith("~")
        || name.endsWith(".tmp")
        || name.endsWith(".part")
        || name.endsWith(".swp")
        || name.endsWith(".crdownload"));
  }

  static Reading readFile(Path file, ReadOptions options) {
    String origin = file.toString();
    try {
      long size = Files.size(file);
      if (size > options.maxInputBytes()) {
        return Reading.rejected(tooLarge(origin, options, new byte[0]));
      }
      return parse(Files.readAllBytes(file), origin, file.getFileName().toString(), options);
    } catch (IOException e) {
      return Reading.rejected(RejectedInput.of(origin, "unreadable", message(e), new byte[0]));
    }
  }

  private static Reading parse(byte[] bytes, String origin, String name, ReadOptions options) {
    Instant ingestedAt = options.clock().instant();
    Reading reading = Reading.empty();
    try {
      TextDecoding.requireText(bytes);
    } catch (TextDecoding.DecodingException e) {
      reading.rejected().add(RejectedInput.of(origin, e.code(), e.getMessage(), bytes));
      return reading;
    }
    switch (formatOf(name, bytes)) {
      case JSON_LINES ->
          addJson(JsonArticles.readLines(bytes, origin), origin, ingestedAt, options, reading);
      case JSON ->
          addJson(JsonArticles.readDocument(bytes, origin), origin, ingestedAt, options, reading);
      case SEED_TEXT -> readSeedText(bytes, origin, ingestedAt, options, reading);
    }
    return reading;
  }

  enum Format {
    SEED_TEXT,
    JSON_LINES,
    JSON
  }

  static Format formatOf(String name, byte[] bytes) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return Format.JSON_LINES;
    }
    int first = firstContentByte(bytes);
    if (lower.endsWith(".json")) {
      return first == '[' ? Format.JSON : Format.JSON_LINES;
    }
    return switch (first) {
      case '{' -> Format.JSON_LINES;
      case '[' -> Format.JSON;
      default -> Format.SEED_TEXT;
    };
  }

  /** The first byte that is not whitespace or a byte-order mark, or -1. */
  static int firstContentByte(byte[] bytes) {
    int i = 0;
    if (bytes.length >= 3
        && bytes[0] == (byte) 0xEF
        && bytes[1] == (byte) 0xBB
        && bytes[2] == (byte) 0xBF) {
      i = 3;
    }
    for (; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      if (!Character.isWhitespace(b)) {
        return b;
      }
    }
    return -1;
  }

  private static void addJson(
      List<JsonArticles.Item> items,
      String origin,
      Instant ingestedAt,
      ReadOptions options,
      Reading reading) {
    for (JsonArticles.Item item : items) {
      if (item instanceof JsonArticles.Parsed parsed) {
        add(parsed.draft(), origin, ingestedAt, options, reading);
      } else if (item instanceof JsonArticles.Refused refused) {
        reading.rejected().add(refused.rejection());
      }
    }
  }

  private static void readSeedText(
      byte[] bytes, String origin, Instant ingestedAt, ReadOptions options, Reading reading) {
    String content;
    try {
      content = TextDecoding.decode(bytes);
    } catch (TextDecoding.DecodingException e) {
      reading.rejected().add(RejectedInput.of(origin, e.code(), e.getMessage(), bytes));
      return;
    }
    SeedFormatSplitter.Result result = SeedFormatSplitter.split(content);
    String[] physicalLines = SeedFormatSplitter.physicalLines(content);
    for (SeedFormatSplitter.Orphan orphan : result.orphans()) {
      reading
          .rejected()
          .add(
              RejectedInput.of(
                  origin + ":" + orphan.firstLine(),
                  "no-title",
                  "text before the first title line (lines "
                      + orphan.firstLine()
                      + "-"
                      + orphan.lastLine()
                      + ") belongs to no article",
                  SeedFormatSplitter.rawLines(
                      physicalLines, orphan.firstLine(), orphan.lastLine())));
    }
    if (result.articles().isEmpty() && result.orphans().isEmpty()) {
      reading
          .rejected()
          .add(RejectedInput.of(origin, "empty", "no articles: the file is empty", bytes));
      return;
    }
    for (SeedFormatSplitter.Split split : result.articles()) {
      add(
          new ArticleDraft(
              null,
              split.title(),
              split.text(),
              split.source(),
              split.reporter(),
              null,
              split.publishedAt(),
              origin + ":" + split.firstLine(),
              SeedFormatSplitter.rawLines(physicalLines, split.firstLine(), split.lastLine())),
          origin,
          ingestedAt,
          options,
          reading);
    }
  }

  /** Gives a draft its identity and checks it against the limits and the message schema. */
  static void add(
      ArticleDraft draft, String origin, Instant ingestedAt, ReadOptions options, Reading reading) {
    RejectedInput refused = check(draft, options);
    if (refused != null) {
      reading.rejected().add(refused);
      return;
    }
    String title = draft.title().strip();
    String text = draft.text().strip();
    String contentHash = ArticleIds.contentHash(title, text);
    RawArticle article =
        new RawArticle(
            ArticleIds.id(draft.sourceId(), draft.url(), contentHash),
            title,
            false,
            text,
            blankToNull(draft.source()),
            blankToNull(draft.reporter()),
            null,
            blankToNull(draft.url()),
            draft.publishedAt() != null
                ? draft.publishedAt()
                : PublishedDates.fromLead(text, options.referenceYear()),
            ingestedAt,
            origin,
            contentHash);
    try {
      MessageSchema.RAW_ARTICLE.validate(Json.mapper().valueToTree(article));
    } catch (InvalidRecordException e) {
      reading
          .rejected()
          .add(RejectedInput.of(draft.location(), e.reason(), e.getMessage(), draft.raw()));
      return;
    }
    reading.articles().add(article);
  }

  private static RejectedInput check(ArticleDraft draft, ReadOptions options) {
    String where = draft.location();
    if (draft.title() == null || draft.title().isBlank()) {
      return RejectedInput.of(where, "empty", "article has no title", draft.raw());
    }
    if (draft.text() == null || draft.text().isBlank()) {
      return RejectedInput.of(
          where, "empty", "article \"" + draft.title().strip() + "\" has no text", draft.raw());
    }
    if (draft.text().length() > options.maxTextChars()) {
      return RejectedInput.of(
          where,
          "too-large",
          "text is "
              + draft.text().length()
              + " characters, over the "
              + options.maxTextChars()
              + " limit",
          draft.raw());
    }
    return null;
  }

  private static RejectedInput tooLarge(String origin, ReadOptions options, byte[] raw) {
    return RejectedInput.of(
        origin, "too-large", "input is over the " + options.maxInputBytes() + "-byte limit", raw);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static String message(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
