package news.pipeline.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import news.pipeline.common.model.EnrichedArticle;
import news.pipeline.common.model.Policy;
import news.pipeline.enrich.SeedArticles;
import org.junit.jupiter.api.Test;

/**
 * Whether an article announces a policy, on held-out passages (announcement-cases.tsv) written
 * apart from the seeds: precision and recall must reach 0.85.
 */
class PolicyAnnouncementTest {

  private static final double FLOOR = 0.85;

  record Case(boolean announces, String title, String text) {}

  @Test
  void shouldTellAnnouncementsFromMentionsWhenArticlesAreUnseen() throws IOException {
    int truePositives = 0;
    int predicted = 0;
    int actual = 0;
    List<String> errors = new ArrayList<>();
    List<Case> cases = cases();
    for (Case c : cases) {
      EnrichedArticle article =
          SeedArticles.enricher().enrich(SeedArticles.article(c.title(), c.text()));
      boolean announces = article.entities().policies().stream().anyMatch(Policy::announced);
      if (announces) {
        predicted++;
      }
      if (c.announces()) {
        actual++;
      }
      if (announces && c.announces()) {
        truePositives++;
      }
      if (announces != c.announces()) {
        errors.add((c.announces() ? "missed: " : "false alarm: ") + c.text());
      }
    }
    double precision = (double) truePositives / predicted;
    double recall = (double) truePositives / actual;
    System.out.printf(
        "announcement on %d held-out articles: precision %.3f recall %.3f%n",
        cases.size(), precision, recall);
    errors.forEach(error -> System.out.println("  " + error));
    assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
    assertThat(precision).as("precision; " + errors).isGreaterThanOrEqualTo(FLOOR);
    assertThat(recall).as("recall; " + errors).isGreaterThanOrEqualTo(FLOOR);
  }

  private static List<Case> cases() throws IOException {
    try (InputStream in =
        PolicyAnnouncementTest.class.getResourceAsStream("/announcement-cases.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t"))
          .map(fields -> new Case(fields[0].equals("yes"), fields[1], fields[2]))
          .toList();
    }
  }
}
