package news.pipeline.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import news.pipeline.common.json.Json;
import news.pipeline.common.model.EnrichedArticle;
import news.pipeline.common.model.RawArticle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall per entity type against the hand-checked gold file of the 17 seed articles
 * (see its "about" for the conventions). Fails below 0.90 for any type.
 */
class GoldStandardTest {

  private static final double FLOOR = 0.90;
  private static JsonNode gold;
  private static Map<String, EnrichedArticle> enriched;

  @BeforeAll
  static void enrichSeeds() throws IOException {
    try (InputStream in = GoldStandardTest.class.getResourceAsStream("/gold/seed-entities.json")) {
      gold = Json.mapper().readTree(in);
    }
    enriched = new LinkedHashMap<>();
    for (RawArticle raw : SeedArticles.raw()) {
      enriched.put(
          raw.title(), SeedArticles.enricher().enrich(SeedArticles.classified(raw, "other")));
    }
  }

  @Test
  void shouldCoverEverySeedArticleWhenTheGoldIsRead() {
    assertThat(gold.get("articles")).hasSize(17);
    gold.get("articles").forEach(a -> assertThat(enriched).containsKey(a.get("title").asText()));
  }

  @Test
  void shouldFindPersonsWithPrecisionAndRecallAboveNinetyPercent() {
    assertScores(
        "persons",
        article -> strings(article.get("persons")),
        e -> e.entities().persons().stream().map(p -> p.name()).toList());
  }

  @Test
  void shouldFindOfficialsWithTitleAndOrganizationAboveNinetyPercent() {
    assertScores(
        "officials",
        article -> {
          List<String> officials = new ArrayList<>();
          article
              .get("officials")
              .forEach(
                  o ->
                      officials.add(
                          o.get(0).asText()
                              + "|"
                              + o.get(1).asText()
                              + "|"
                              + (o.get(2).isNull() ? null : o.get(2).asText())));
          return officials;
        },
        e ->
            e.entities().officials().stream()
                .map(o -> o.name() + "|" + o.title() + "|" + o.organization())
                .toList());
  }

  @Test
  void shouldFindOrganizationsAboveNinetyPercent() {
    assertScores(
        "organizations",
        article -> strings(article.get("organizations")),
        e -> e.entities().organizations().stream().map(o -> o.name()).toList());
  }

  @Test
  void shouldGiveEveryArticleItsProvinceWhenItIsProvincial() {
    assertScores(
        "provinces",
        article -> List.of(article.get("province").asText()),
        e ->
            List.of(
                "national".equals(e.region().level())
                    ? "national"
                    : String.valueOf(e.region().province())));
  }

  @Test
  void shouldFindPoliciesAndWhetherTheyAreAnnouncedAboveNinetyPercent() {
    assertScores(
        "policies",
        article -> {
          List<String> policies = new ArrayList<>();
          article
              .get("policies")
              .forEach(p -> policies.add(p.get(0).asText() + "|" + p.get(1).asBoolean()));
          return policies;
        },
        e -> e.entities().policies().stream().map(p -> p.title() + "|" + p.announced()).toList());
  }

  private static void assertScores(
      String type,
      Function<JsonNode, List<String>> expectedOf,
      Function<EnrichedArticle, List<String>> foundOf) {
    int truePositives = 0;
    int found = 0;
    int expected = 0;
    List<String> misses = new ArrayList<>();
    for (JsonNode article : gold.get("articles")) {
      String title = article.get("title").asText();
      Set<String> want = new HashSet<>(expectedOf.apply(article));
      Set<String> got = new HashSet<>(foundOf.apply(enriched.get(title)));
      for (String item : got) {
        if (want.contains(item)) {
          truePositives++;
        } else {
          misses.add("extra " + item + " in " + title);
        }
      }
      want.stream()
          .filter(item -> !got.contains(item))
          .forEach(item -> misses.add("missing " + item + " in " + title));
      found += got.size();
      expected += want.size();
    }
    double precision = found == 0 ? 1 : (double) truePositives / found;
    double recall = expected == 0 ? 1 : (double) truePositives / expected;
    System.out.printf(
        "gold %-13s precision %.3f recall %.3f (%d found, %d expected)%n",
        type, precision, recall, found, expected);
    misses.forEach(miss -> System.out.println("  " + miss));
    assertThat(precision).as(type + " precision; " + misses).isGreaterThanOrEqualTo(FLOOR);
    assertThat(recall).as(type + " recall; " + misses).isGreaterThanOrEqualTo(FLOOR);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
