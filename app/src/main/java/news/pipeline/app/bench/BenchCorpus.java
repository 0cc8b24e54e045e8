package news.pipeline.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.pipeline.app.corpus.CorpusGenerator;
import news.pipeline.app.corpus.GeneratedArticle;
import news.pipeline.common.json.Json;
import news.pipeline.common.model.RawArticle;
import news.pipeline.ingest.ArticleIds;
import news.pipeline.ingest.ArticleReader;
import news.pipeline.ingest.ReadResult;

/**
 * The articles a benchmark runs on: the seed articles, varied by the shared {@link
 * CorpusGenerator}, with ids unique to one run so a rerun against the same cluster is not taken for
 * a resend. Shared by {@code news-pipeline bench} and the JMH benchmarks.
 */
public final class BenchCorpus {
  private final CorpusGenerator generator;
  private final String idPrefix;

  private BenchCorpus(CorpusGenerator generator, String idPrefix) {
    this.generator = generator;
    this.idPrefix = idPrefix;
  }

  /**
   * A deterministic stream of realistic articles of the seeds' own length ({@code targetChars} 0)
   * or about {@code targetChars} characters each.
   */
  public static BenchCorpus of(
      List<RawArticle> seeds, long randomSeed, int targetChars, String idPrefix) {
    return new BenchCorpus(
        new CorpusGenerator(
            seeds, randomSeed, CorpusGenerator.Options.realistic().withTargetChars(targetChars)),
        idPrefix);
  }

  /** The seed articles as ingest reads them; the directory must hold no unreadable input. */
  public static List<RawArticle> readSeeds(Path seedsDir) {
    ReadResult read = ArticleReader.read(seedsDir);
    if (!read.rejections().isEmpty() || read.articles().isEmpty()) {
      throw new IllegalArgumentException(
          "cannot use "
              + seedsDir
              + " as seeds: "
              + read.articles().size()
              + " articles, "
              + read.rejections());
    }
    return read.articles();
  }

  /** {@code seeds/} in the working directory or a parent of it, else next to the code. */
  public static Path locateSeeds() {
    List<Path> starts = new ArrayList<>();
    starts.add(Path.of("").toAbsolutePath());
    try {
      starts.add(
          Path.of(BenchCorpus.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (java.net.URISyntaxException | SecurityException e) {
      // An unusual class loader: the working directory is the only place to look.
    }
    for (Path start : starts) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        if (Files.isDirectory(dir.resolve("seeds"))) {
          return dir.resolve("seeds");
        }
      }
    }
    throw new IllegalStateException("no seeds/ folder in the working directory or above it");
  }

  /** The next {@code count} articles of the stream, with this run's ids. */
  public List<GeneratedArticle> next(int count) {
    List<GeneratedArticle> articles = new ArrayList<>(count);
    for (GeneratedArticle generated : generator.generate(count)) {
      articles.add(withRunIds(generated));
    }
    return articles;
  }

  /**
   * The article under this run's id, with the id as a closing line as news sites number their
   * stories: ingest recognizes articles by content, and without it two variants that happen to come
   * out alike, or a rerun on the same cluster, would be skipped as already sent.
   */
  private GeneratedArticle withRunIds(GeneratedArticle generated) {
    RawArticle a = generated.article();
    String id = idPrefix + a.id();
    String text = a.text() + "\n\n（稿件编号：" + id + "）";
    RawArticle renamed =
        new RawArticle(
            id,
            a.title(),
            a.titleDerived(),
            text,
            a.source(),
            a.reporter(),
            a.dateline(),
            a.url(),
            a.publishedAt(),
            a.ingestedAt(),
            a.origin(),
            ArticleIds.contentHash(a.title(), text));
    String repostOf = generated.repostOf() == null ? null : idPrefix + generated.repostOf();
    return new GeneratedArticle(
        generated.sequence(), renamed, repostOf, generated.announcedPolicy());
  }

  /** Writes articles as JSON Lines, the input format ingest reads from files, feeds and HTTP. */
  public static Path writeJsonLines(List<GeneratedArticle> articles, Path file) {
    StringBuilder lines = new StringBuilder();
    for (GeneratedArticle generated : articles) {
      RawArticle a = generated.article();
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("id", a.id());
      line.put("title", a.title());
      line.put("text", a.text());
      line.put("source", a.source());
      lines.append(Json.toJson(line)).append('\n');
    }
    try {
      return Files.writeString(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
