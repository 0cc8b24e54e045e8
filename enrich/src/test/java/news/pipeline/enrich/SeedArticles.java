package news.pipeline.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.json.Json;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.DomainLabel;
import news.pipeline.common.model.Evidence;
import news.pipeline.common.model.RawArticle;

/**
 * The 17 seed articles as ingest publishes them ({@code seed-articles.jsonl} is ingest's reading of
 * {@code seeds/}), and one enricher shared by the tests of a JVM: HanLP loads once.
 */
public final class SeedArticles {

  /** The policies the seed articles announce, by careful reading: each must alert exactly once. */
  public static final List<String> ANNOUNCED_POLICIES =
      List.of(
          "关于推进本市老年助餐服务高质量发展的实施意见",
          "儿童福利机构孤儿成年后安置工作规范(征求意见稿)",
          "儿童福利机构康复工作规范(征求意见稿)",
          "儿童福利机构生活适应教育服务规范(征求意见稿)",
          "广西壮族自治区农村留守儿童和困境儿童关爱服务质量提升三年行动实施方案",
          "党建引领、示范带动、省级社会组织助力乡村振兴行动方案",
          "关于动员引导社会组织参与乡村振兴“六项行动”实施方案");

  private static ArticleEnricher enricher;

  private SeedArticles() {}

  public static synchronized ArticleEnricher enricher() {
    if (enricher == null) {
      enricher = ArticleEnricher.fromConfig(PipelineConfig.defaults());
    }
    return enricher;
  }

  public static List<RawArticle> raw() {
    try (InputStream in = SeedArticles.class.getResourceAsStream("/seed-articles.jsonl")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank())
          .map(line -> readRaw(line))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<ClassifiedArticle> classified() {
    return raw().stream().map(raw -> classified(raw, "other")).toList();
  }

  public static ClassifiedArticle classified(RawArticle raw, String... domains) {
    List<DomainLabel> labels =
        java.util.Arrays.stream(domains)
            .map(domain -> new DomainLabel(domain, 0.9, new Evidence(List.of(), "")))
            .toList();
    return ClassifiedArticle.of(raw, labels, domains[0], null);
  }

  public static RawArticle byTitle(String titleStart) {
    return raw().stream()
        .filter(raw -> raw.title().startsWith(titleStart))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no seed titled " + titleStart));
  }

  /** A small article around one passage of real text. */
  public static ClassifiedArticle article(String title, String text) {
    RawArticle raw =
        new RawArticle(
            Integer.toHexString((title + text).hashCode()) + "00000000",
            title,
            false,
            text,
            null,
            null,
            null,
            null,
            null,
            java.time.Instant.parse("2024-03-20T08:00:00Z"),
            "test",
            "0123456789abcdef0123456789abcdef");
    return classified(raw, "other");
  }

  private static RawArticle readRaw(String line) {
    try {
      return Json.mapper().readValue(line, RawArticle.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
