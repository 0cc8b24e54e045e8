package news.pipeline.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import news.pipeline.common.json.Json;
import news.pipeline.common.model.DomainLabel;

/**
 * Scores a classifier against labeled articles: per-domain precision, recall and F1, macro-F1 over
 * the domains that occur, primary accuracy and the confusion matrix of primary domains.
 *
 * @param domains the domains reported, taxonomy order first, then any only the labels name
 * @param perDomain the scores of each domain
 * @param macroF1 the mean F1 over domains with any gold or predicted label
 * @param primaryAccuracy the share of articles whose predicted primary equals the gold one
 * @param confusion gold primary → predicted primary → count
 * @param errors the articles that were not labeled exactly right, for people to read
 */
public record Evaluation(
    int articles,
    List<String> domains,
    Map<String, DomainScore> perDomain,
    double macroF1,
    double primaryAccuracy,
    Map<String, Map<String, Integer>> confusion,
    List<Mistake> errors) {

  public record DomainScore(
      int truePositives,
      int falsePositives,
      int falseNegatives,
      double precision,
      double recall,
      double f1) {}

  public record Mistake(
      String id,
      String title,
      List<String> expected,
      List<String> predicted,
      String expectedPrimary,
      String predictedPrimary) {}

  /** Reads labeled JSONL; a bad line fails with its line number. */
  public static List<LabeledArticle> read(Path file) throws IOException {
    List<LabeledArticle> articles = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = file + ":" + (i + 1);
      try {
        JsonNode node = Json.mapper().readTree(line);
        LabeledArticle article = Json.mapper().treeToValue(node, LabeledArticle.class);
        if (article.title() == null || article.text() == null) {
          throw new IllegalArgumentException(where + ": needs title and text");
        }
        if (article.labels() == null || article.labels().isEmpty() || article.primary() == null) {
          throw new IllegalArgumentException(where + ": needs labels and primary");
        }
        if (!article.labels().contains(article.primary())) {
          throw new IllegalArgumentException(where + ": primary must be one of the labels");
        }
        String id = article.id() != null ? article.id() : "line-" + (i + 1);
        articles.add(
            new LabeledArticle(
                id, article.title(), article.text(), article.labels(), article.primary()));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(where + ": " + e.getOriginalMessage(), e);
      }
    }
    return articles;
  }

  public static Evaluation run(ArticleClassifier classifier, List<LabeledArticle> articles) {
    Set<String> domains = new LinkedHashSet<>(classifier.taxonomy().domainIds());
    articles.forEach(a -> domains.addAll(a.labels()));
    Map<String, int[]> counts = new LinkedHashMap<>();
    domains.forEach(d -> counts.put(d, new int[3]));
    Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
    List<Mistake> errors = new ArrayList<>();
    int primaryRight = 0;
    for (LabeledArticle article : articles) {
      List<DomainLabel> labels = classifier.label(article.title(), article.text());
      List<String> predicted = labels.stream().map(DomainLabel::domain).toList();
      String predictedPrimary = predicted.get(0);
      for (String domain : domains) {
        boolean gold = article.labels().contains(domain);
        boolean guess = predicted.contains(domain);
        int[] c = counts.get(domain);
        if (gold && guess) {
          c[0]++;
        } else if (guess) {
          c[1]++;
        } else if (gold) {
          c[2]++;
        }
      }
      confusion
          .computeIfAbsent(article.primary(), k -> new LinkedHashMap<>())
          .merge(predictedPrimary, 1, Integer::sum);
      boolean primaryOk = predictedPrimary.equals(article.primary());
      if (primaryOk) {
        primaryRight++;
      }
      if (!primaryOk || !Set.copyOf(predicted).equals(Set.copyOf(article.labels()))) {
        errors.add(
            new Mistake(
                article.id(),
                article.title(),
                article.labels(),
                predicted,
                article.primary(),
                predictedPrimary));
      }
    }
    Map<String, DomainScore> perDomain = new LinkedHashMap<>();
    double f1Sum = 0;
    int scored = 0;
    for (var e : counts.entrySet()) {
      int[] c = e.getValue();
      double precision = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
      double recall = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      perDomain.put(e.getKey(), new DomainScore(c[0], c[1], c[2], precision, recall, f1));
      if (c[0] + c[1] + c[2] > 0) {
        f1Sum += f1;
        scored++;
      }
    }
    return new Evaluation(
        articles.size(),
        List.copyOf(domains),
        perDomain,
        scored == 0 ? 0 : f1Sum / scored,
        articles.isEmpty() ? 0 : (double) primaryRight / articles.size(),
        confusion,
        errors);
  }

  /** The report for people: a table per domain, the summary, the confusion matrix, the misses. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%d articles%n%n", articles));
    out.append(
        String.format(
            "%-24s %9s %9s %9s %5s %5s %5s%n",
            "domain", "precision", "recall", "F1", "TP", "FP", "FN"));
    perDomain.forEach(
        (domain, s) ->
            out.append(
                String.format(
                    "%-24s %9.3f %9.3f %9.3f %5d %5d %5d%n",
                    domain,
                    s.precision(),
                    s.recall(),
                    s.f1(),
                    s.truePositives(),
                    s.falsePositives(),
                    s.falseNegatives())));
    out.append(String.format("%nmacro-F1          %.3f%n", macroF1));
    out.append(String.format("primary accuracy  %.3f%n%n", primaryAccuracy));
    out.append("confusion of primary domains (rows: expected, columns: predicted)\n");
    int width = domains.stream().mapToInt(String::length).max().orElse(8) + 2;
    out.append(" ".repeat(width));
    domains.forEach(d -> out.append(String.format("%" + width + "s", d)));
    out.append('\n');
    for (String expected : domains) {
      out.append(String.format("%-" + width + "s", expected));
      Map<String, Integer> row = confusion.getOrDefault(expected, Map.of());
      domains.forEach(
          predicted ->
              out.append(String.format("%" + width + "d", row.getOrDefault(predicted, 0))));
      out.append('\n');
    }
    if (!errors.isEmpty()) {
      out.append(String.format("%n%d not exactly right:%n", errors.size()));
      errors.forEach(
          m ->
              out.append(
                  String.format(
                      "  %s %s%n    expected %s (primary %s), got %s (primary %s)%n",
                      m.id(),
                      m.title(),
                      m.expected(),
                      m.expectedPrimary(),
                      m.predicted(),
                      m.predictedPrimary())));
    }
    return out.toString();
  }
}
