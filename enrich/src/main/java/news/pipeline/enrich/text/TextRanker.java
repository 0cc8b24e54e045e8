package news.pipeline.enrich.text;

import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.summary.TextRankKeyword;
import com.hankcs.hanlp.summary.TextRankSentence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Keywords and summary from the article's one segmentation (HanLP TextRank over our filtered
 * terms), so neither segments the text again. Words every civil-affairs article uses (工作, 服务, 推进,
 * 全省…) are stopwords here: as keywords they say nothing.
 */
public final class TextRanker {

  private static final int MIN_SENTENCE_CHARS = 12;
  private final Set<String> stopwords = new HashSet<>();

  public TextRanker() {
    for (String line : Resources.lines("keyword-stopwords.txt")) {
      stopwords.addAll(Arrays.asList(line.strip().split("\\s+")));
    }
  }

  /** The top terms, leaving out those {@code isEntity} says are names, places or bodies. */
  public List<String> keywords(Segmentation segmentation, int size, Predicate<String> isEntity) {
    List<Term> content = segmentation.terms().stream().filter(this::isContent).toList();
    Map<String, Float> ranks = new TextRankKeyword().getTermAndRank(content);
    return ranks.entrySet().stream()
        .filter(rank -> !isEntity.test(rank.getKey()))
        .sorted(Map.Entry.<String, Float>comparingByValue().reversed())
        .limit(size)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The top sentences in text order, whole sentences only (the default splits at commas). */
  public String summary(Segmentation segmentation, int size) {
    String text = segmentation.text();
    List<int[]> sentences = new ArrayList<>();
    List<List<String>> words = new ArrayList<>();
    int start = 0;
    int termIndex = 0;
    List<Term> terms = segmentation.terms();
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || "。！？!?\n".indexOf(text.charAt(i)) >= 0) {
        int end = i < text.length() && text.charAt(i) != '\n' ? i + 1 : i;
        List<String> sentenceWords = new ArrayList<>();
        while (termIndex < terms.size() && terms.get(termIndex).offset < end) {
          Term term = terms.get(termIndex++);
          if (term.offset >= start && isContent(term)) {
            sentenceWords.add(term.word);
          }
        }
        String sentence = text.substring(start, end).strip();
        if (sentence.length() >= MIN_SENTENCE_CHARS && !sentenceWords.isEmpty()) {
          sentences.add(new int[] {start, end});
          words.add(sentenceWords);
        }
        start = end;
      }
    }
    if (sentences.isEmpty()) {
      return "";
    }
    // News puts who, what and where in the lead, so the lead always opens the summary and
    // TextRank picks the rest, best first.
    int[] top = new TextRankSentence(words).getTopSentence(Math.min(size, sentences.size()));
    int[] ordered =
        IntStream.concat(IntStream.of(0), Arrays.stream(top))
            .distinct()
            .limit(size)
            .sorted()
            .toArray();
    StringBuilder summary = new StringBuilder();
    for (int index : ordered) {
      int[] span = sentences.get(index);
      summary.append(text, span[0], span[1]).append(' ');
    }
    return summary.toString().replaceAll("\\s+", " ").strip();
  }

  private boolean isContent(Term term) {
    String nature = term.nature.toString();
    return term.length() >= 2
        && (nature.startsWith("n")
            || nature.startsWith("v") && nature.length() > 1
            || nature.equals("v"))
        && !nature.equals("nx")
        && !stopwords.contains(term.word);
  }
}
