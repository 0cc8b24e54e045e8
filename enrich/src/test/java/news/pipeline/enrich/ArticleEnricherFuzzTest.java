package news.pipeline.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import news.pipeline.common.json.JsonSerde;
import news.pipeline.common.json.MessageSchema;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.EnrichedArticle;
import news.pipeline.common.model.RawArticle;
import news.pipeline.common.model.Span;
import org.junit.jupiter.api.Test;

/**
 * Seed articles cut, spliced and salted with hostile fragments, every field within the schema
 * ingest enforces: enrich must never throw on them (a throw sends a readable article to the
 * dead-letter topic), every span it reports must lie inside the text, and what it writes must meet
 * the published schema. A fixed seed keeps a failure reproducible; an input that ever breaks enrich
 * joins {@link #HOSTILE}, so it stays tried whole and spliced.
 */
class ArticleEnricherFuzzTest {

  private static final long RANDOM_SEED = 20_261_123L;
  private static final int CASES = 1_000;
  private static final int MAX_TITLE_CHARS = 1_000;

  private static final List<String> HOSTILE =
      List.of(
          "2024年13月45日",
          "2月30日",
          "0年",
          "0年0月0日",
          "9999年12月31日至0001年1月1日",
          "99999999999999999999亿元",
          "1e400元",
          "-0.0万人",
          "第99999999999999999999条",
          "《",
          "》",
          "《《关于《》的通知》》",
          "《》".repeat(1_000),
          "印发《关于推进养老服务的实施意见",
          "。。。。！？；",
          "，、：“”（）【】",
          "\n\n\n",
          "😀👴🏻👵‍♀️",
          "𠀀𠀁𪚥𰻞民政厅",
          "e\u0301\u0308民\u0301政",
          "２０２４年３月２０日投入１２３４５万元",
          "民\u200B政\u200D厅\uFEFF",
          "\u0000\u001F\u007F",
          "省民政厅党组书记、厅长",
          "民政部等12部门日前联合印发",
          "副厅长刘四海出席",
          "养老服务".repeat(250),
          "张",
          "北京市北京市北京市",
          "   ",
          "\t\r\n");

  private final ArticleEnricher enricher = SeedArticles.enricher();
  private final JsonSerde<EnrichedArticle> published =
      JsonSerde.validated(EnrichedArticle.class, MessageSchema.ENRICHED_ARTICLE);

  @Test
  void shouldEnrichEveryMutatedArticleWhenItsFieldsAreWithinTheSchema() {
    Random random = new Random(RANDOM_SEED);
    List<RawArticle> seeds = SeedArticles.raw();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < CASES && failures.size() < 5; i++) {
      RawArticle seed = seeds.get(random.nextInt(seeds.size()));
      String text = mutate(seed.text(), seeds, random);
      String title = random.nextInt(10) == 0 ? mutate(seed.title(), seeds, random) : seed.title();
      check(withFields(seed, i, clip(title, MAX_TITLE_CHARS), text, random), failures);
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void shouldEnrichEveryHostileFragmentWhenItIsTheWholeArticle() {
    Random random = new Random(RANDOM_SEED);
    RawArticle seed = SeedArticles.raw().get(0);
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < HOSTILE.size(); i++) {
      String fragment = HOSTILE.get(i);
      check(withFields(seed, i, clip(fragment, MAX_TITLE_CHARS), fragment, random), failures);
    }
    assertThat(failures).isEmpty();
  }

  private void check(ClassifiedArticle article, List<String> failures) {
    try {
      EnrichedArticle enriched = enricher.enrich(article);
      int length = article.text().length();
      List<Span> spans = new ArrayList<>();
      enriched.entities().persons().forEach(p -> spans.addAll(p.mentions()));
      enriched.entities().organizations().forEach(o -> spans.addAll(o.mentions()));
      enriched.entities().places().forEach(p -> spans.addAll(p.mentions()));
      for (Span span : spans) {
        if (span.start() < 0 || span.start() >= span.end() || span.end() > length) {
          failures.add(describe(article, new IllegalStateException("span " + span + " outside")));
          return;
        }
      }
      published.read(published.serializer().serialize("t", enriched));
    } catch (RuntimeException e) {
      failures.add(describe(article, e));
    }
  }

  /** One to four edits: a hostile fragment inserted, a cut, a splice of another seed, or a run. */
  private static String mutate(String original, List<RawArticle> seeds, Random random) {
    StringBuilder text = new StringBuilder(original);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      // Edits fall between code points: half a surrogate pair never reaches enrich, since
      // reading refuses it as bad-text.
      int at = boundary(text, random.nextInt(text.length() + 1));
      switch (random.nextInt(6)) {
        case 0, 1 -> text.insert(at, HOSTILE.get(random.nextInt(HOSTILE.size())));
        case 2 -> text.setLength(Math.max(1, at));
        case 3 -> {
          String other = seeds.get(random.nextInt(seeds.size())).text();
          int from = boundary(other, random.nextInt(other.length()));
          int to = boundary(other, Math.min(other.length(), from + random.nextInt(400)));
          text.insert(at, other, from, to);
        }
        case 4 -> text.replace(0, text.length(), text.toString().replaceAll("[。！？!?\\n，、；]", ""));
        default ->
            text.delete(at, boundary(text, Math.min(text.length(), at + random.nextInt(200))));
      }
      if (text.isEmpty()) {
        text.append('。');
      }
    }
    return text.toString();
  }

  private static ClassifiedArticle withFields(
      RawArticle seed, int index, String title, String text, Random random) {
    RawArticle raw =
        new RawArticle(
            "fuzz-" + index,
            title.isEmpty() ? "。" : title,
            false,
            text.isEmpty() ? "。" : text,
            random.nextBoolean() ? seed.source() : null,
            random.nextBoolean() ? seed.reporter() : null,
            null,
            random.nextBoolean() ? seed.url() : null,
            random.nextInt(3) == 0 ? null : LocalDate.of(2024, 3, 20),
            seed.ingestedAt(),
            seed.origin(),
            seed.contentHash());
    List<String> domains = List.of("elderly-meals", "child-welfare", "other");
    return SeedArticles.classified(raw, domains.get(random.nextInt(domains.size())));
  }

  private static String clip(String text, int maxChars) {
    return text.length() <= maxChars ? text : text.substring(0, boundary(text, maxChars));
  }

  /** {@code index}, moved back if it would split a surrogate pair. */
  private static int boundary(CharSequence text, int index) {
    return index > 0
            && index < text.length()
            && Character.isHighSurrogate(text.charAt(index - 1))
            && Character.isLowSurrogate(text.charAt(index))
        ? index - 1
        : index;
  }

  private static String describe(ClassifiedArticle article, RuntimeException e) {
    StackTraceElement where = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
    return e + " at " + where + "\n  title=" + article.title() + "\n  text=" + article.text();
  }
}
