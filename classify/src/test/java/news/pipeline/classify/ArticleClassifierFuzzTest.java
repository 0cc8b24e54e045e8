package news.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import news.pipeline.common.json.InvalidRecordException;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.RawArticle;
import org.junit.jupiter.api.Test;

/**
 * Seed articles mutated with a fixed seed, and hostile texts: the classifier must never throw, and
 * whatever a valid raw article becomes must be a classified article the next service accepts. A
 * failing input found here stays in {@link #HOSTILE} once fixed.
 */
class ArticleClassifierFuzzTest {
  private static final ArticleClassifier CLASSIFIER = new ArticleClassifier(Taxonomy.builtIn());
  private static final long SEED = 20261123L;
  private static final int MUTANTS = 400;

  private static final String EMOJI = "\uD83D\uDE00";
  private static final String RARE_IDEOGRAPH = "\uD840\uDC00"; // U+20000, outside the BMP

  /** Fragments that have broken text code elsewhere; mutants are spliced from them. */
  private static final List<String> HOSTILE =
      List.of(
          "",
          "。",
          "。！？；!?;。”）",
          "、，：…—·《》“”（）【】",
          "\u200B\u200C\u200D\u2060\uFEFF",
          "老\u200B人\u200D助\uFEFF餐",
          "e\u0301\u20DD\u0300\u0300\u0300",
          "低\u0301保",
          "\u0000\u0007\u001B\u007F",
          "\r\n\r\n\t\u3000\u00A0",
          EMOJI.repeat(3),
          "社区" + RARE_IDEOGRAPH + "长者食堂" + EMOJI + "开业",
          "《".repeat(5_000) + "民政" + "》".repeat(5_000),
          "9".repeat(3_000),
          "来源：\n责任编辑：\n分享到：",
          "低保低保低保低保低保低保低保低保",
          // A clipped evidence sentence once ended between the halves of a pair.
          "为老年人提供助餐服务" + "，".repeat(229) + EMOJI + "。");

  @Test
  void shouldNeverThrowWhenTextIsHostile() {
    for (String title : HOSTILE) {
      for (String text : HOSTILE) {
        assertSafe(article("hostile", title, text));
      }
    }
  }

  @Test
  void shouldNeverThrowWhenTextIsHuge() {
    String seeds = String.join("\n", Fixtures.seeds().stream().map(LabeledArticle::text).toList());
    StringBuilder huge = new StringBuilder();
    while (huge.length() < 300_000) {
      huge.append(seeds);
    }
    assertSafe(article("huge", "民政部门部署养老服务工作", huge.toString()));
    // One sentence with no end, longer than any evidence clip.
    assertSafe(article("run-on", "困难群众救助", "低保对象和特困人员" + "、临时救助对象".repeat(20_000)));
  }

  @Test
  void shouldNeverThrowWhenSeedArticlesAreMutated() {
    Random random = new Random(SEED);
    List<LabeledArticle> seeds = Fixtures.seeds();
    for (int i = 0; i < MUTANTS; i++) {
      LabeledArticle seed = seeds.get(random.nextInt(seeds.size()));
      String title = random.nextInt(8) == 0 ? "" : mutate(seed.title(), random);
      assertSafe(article("mutant-" + i, title, mutate(seed.text(), random)));
    }
  }

  /** A handful of edits: splices of hostile fragments, cuts, repeats and swaps. */
  private static String mutate(String text, Random random) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(6);
    for (int e = 0; e < edits; e++) {
      int at = out.isEmpty() ? 0 : random.nextInt(out.length() + 1);
      switch (random.nextInt(5)) {
        case 0 -> out.insert(at, HOSTILE.get(random.nextInt(HOSTILE.size())));
        case 1 -> out.delete(at, Math.min(out.length(), at + random.nextInt(200)));
        case 2 -> {
          int end = Math.min(out.length(), at + random.nextInt(120));
          out.insert(at, out.substring(at, end).repeat(1 + random.nextInt(4)));
        }
        case 3 -> out.insert(at, (char) ('\u4E00' + random.nextInt(0x5000)));
        default -> {
          if (out.length() > 1) {
            int other = random.nextInt(out.length());
            int here = Math.min(at, out.length() - 1);
            char c = out.charAt(here);
            out.setCharAt(here, out.charAt(other));
            out.setCharAt(other, c);
          }
        }
      }
    }
    return out.toString();
  }

  private static RawArticle article(String id, String title, String text) {
    return Fixtures.raw(id, title, text);
  }

  /**
   * Classifies without an exception; when the input is a raw article the raw topic accepts, the
   * result must be one the classified topic accepts, unchanged by the trip.
   */
  private static void assertSafe(RawArticle raw) {
    List<ClassifiedArticle> result = new ArrayList<>(1);
    assertThatCode(() -> result.add(CLASSIFIER.classify(raw)))
        .as(
            "classify %s (title %s…, %d chars of text)",
            raw.id(), head(raw.title()), raw.text().length())
        .doesNotThrowAnyException();
    if (!acceptedAsRaw(raw)) {
      return;
    }
    var serde = Topics.CLASSIFIED_ARTICLES.valueSerde();
    ClassifiedArticle classified = result.get(0);
    byte[] bytes = serde.serializer().serialize(Topics.CLASSIFIED_ARTICLES.name(), classified);
    assertThat(serde.deserializer().deserialize(Topics.CLASSIFIED_ARTICLES.name(), bytes))
        .as("classified %s read back", raw.id())
        .isEqualTo(classified);
  }

  private static boolean acceptedAsRaw(RawArticle raw) {
    var serde = Topics.RAW_ARTICLES.valueSerde();
    try {
      serde.deserializer().deserialize("t", serde.serializer().serialize("t", raw));
      return true;
    } catch (InvalidRecordException e) {
      return false;
    }
  }

  private static String head(String text) {
    return text.substring(0, Math.min(text.length(), 20));
  }
}
