package news.pipeline.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.RawArticle;
import news.pipeline.common.testing.SampleArticles;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {
  private final JsonSerde<RawArticle> raw =
      JsonSerde.validated(RawArticle.class, MessageSchema.RAW_ARTICLE);

  @Test
  void shouldRoundTripRawArticleWhenValid() {
    RawArticle article = SampleArticles.shanghaiMeals();
    byte[] bytes = raw.serializer().serialize("t", article);
    assertThat(raw.deserializer().deserialize("t", bytes)).isEqualTo(article);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("\"ingestedAt\":\"2026-11-23T08:00:00Z\"")
        .contains("上海印发意见");
  }

  @Test
  void shouldReadARecordWrittenBeforeHeadlinesWereOptionalWhenItLacksTheNewFields() {
    String current = Json.toJson(SampleArticles.shanghaiMeals());
    String older = current.replace("\"titleDerived\":false,", "").replace("\"dateline\":null,", "");

    RawArticle read = raw.read(older.getBytes(StandardCharsets.UTF_8));

    assertThat(older).doesNotContain("titleDerived").doesNotContain("dateline");
    assertThat(read).isEqualTo(SampleArticles.shanghaiMeals());
    assertThat(read.headline()).isEqualTo(read.title());
  }

  @Test
  void shouldReadNoHeadlineWhenTheTitleWasDerivedFromTheText() {
    String derived =
        Json.toJson(SampleArticles.shanghaiMeals())
            .replace("\"titleDerived\":false", "\"titleDerived\":true");

    RawArticle read = raw.read(derived.getBytes(StandardCharsets.UTF_8));

    assertThat(read.titleDerived()).isTrue();
    assertThat(read.title()).isNotEmpty();
    assertThat(read.headline()).isEmpty();
  }

  @Test
  void shouldRoundTripClassifiedArticleWhenValid() {
    ClassifiedArticle article = SampleArticles.shanghaiMealsClassified();
    var serde = Topics.CLASSIFIED_ARTICLES.valueSerde();
    assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", article)))
        .isEqualTo(article);
  }

  @Test
  void shouldRefuseWhenUtf8IsMalformed() {
    byte[] truncated = "{\"title\":\"民".getBytes(StandardCharsets.UTF_8);
    byte[] bad = java.util.Arrays.copyOf(truncated, truncated.length - 1);
    assertReason(bad, "bad-utf8");
    assertReason(new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'}, "bad-utf8");
  }

  /** Valid UTF-8 bytes whose JSON escapes spell half a surrogate pair: not Unicode text. */
  @Test
  void shouldRefuseAsBadTextWhenEscapeIsAnUnpairedSurrogate() {
    String article = Json.toJson(SampleArticles.shanghaiMeals());
    String loneHigh = article.replace("上海印发意见", "上海\\ud800印发意见");
    String loneLowAtEnd = article.replace("\"title\":\"", "\"title\":\"\\udc00");
    String reversedPair = article.replace("上海印发意见", "上海\\ude00\\ud83d");
    String inFieldName = article.replace("{", "{\"x\\ud800\":1,");
    for (String json : List.of(loneHigh, loneLowAtEnd, reversedPair, inFieldName)) {
      assertReason(json.getBytes(StandardCharsets.UTF_8), "bad-text");
    }
    assertThatThrownBy(() -> raw.read(loneHigh.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("/title");
  }

  @Test
  void shouldAcceptWhenEscapesSpellAWholeSurrogatePair() {
    String article = Json.toJson(SampleArticles.shanghaiMeals());
    String escapedEmoji = article.replace("上海印发意见", "上海\\ud83d\\ude00印发意见");
    String escapedBackslash = article.replace("上海印发意见", "上海\\\\ud800印发意见");
    assertThat(raw.read(escapedEmoji.getBytes(StandardCharsets.UTF_8)).title()).contains("😀");
    assertThat(raw.read(escapedBackslash.getBytes(StandardCharsets.UTF_8)).title())
        .contains("\\ud800");
  }

  /** CESU-8 / "modified UTF-8": a surrogate encoded as three bytes is malformed UTF-8. */
  @Test
  void shouldRefuseAsBadUtf8WhenSurrogateIsEncodedAsBytes() {
    assertReason(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, "bad-utf8");
  }

  @Test
  void shouldRefuseWhenJsonIsNestedTooDeep() {
    String bomb = "[".repeat(10_000) + "]".repeat(10_000);
    assertReason(bomb.getBytes(StandardCharsets.UTF_8), "bad-json");
  }

  @Test
  void shouldRefuseWhenJsonIsMalformed() {
    assertReason("{\"id\": ".getBytes(StandardCharsets.UTF_8), "bad-json");
  }

  @Test
  void shouldRefuseWhenValueIsNull() {
    assertThatThrownBy(() -> raw.read(null))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageStartingWith("null");
  }

  @Test
  void shouldNameMissingFieldWhenSchemaIsViolated() {
    String noTitle =
        Json.toJson(SampleArticles.shanghaiMeals()).replaceFirst("\"title\":\"[^\"]*\",", "");
    assertThatThrownBy(() -> raw.read(noTitle.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("schema")
        .hasMessageContaining("title");
  }

  @Test
  void shouldRefuseWhenADomainIdCouldNotNameATopic() {
    String longDomain = "a".repeat(300);
    String json =
        Json.toJson(SampleArticles.shanghaiMealsClassified())
            .replace("\"elderly-meals\"", "\"" + longDomain + "\"");
    var serde = Topics.CLASSIFIED_ARTICLES.valueSerde();
    assertThatThrownBy(
            () -> serde.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            InvalidRecordException.class, e -> assertThat(e.reason()).isEqualTo("schema"));
  }

  @Test
  void shouldRefuseWhenRecordIsOversize() {
    assertReason(new byte[Json.MAX_RECORD_BYTES + 1], "too-large");
  }

  private void assertReason(byte[] bytes, String reason) {
    assertThatThrownBy(() -> raw.read(bytes))
        .isInstanceOfSatisfying(
            InvalidRecordException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
