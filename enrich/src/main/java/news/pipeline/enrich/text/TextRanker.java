package news.pipeline.enrich.text;

import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.summary.TextRankKeyword;
import com.hankcs.hanlp.summary.TextRankSentence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Keywords and summary from the article's one segmentation (TextRank over our filtered terms), so
 * neither segments the text again. Words every civil-affairs article uses (工作, 服务, 推进, 全省…) are
 * stopwords here: as keywords they say nothing. Both cost time linear in the article's length.
 */
public final class TextRanker {

  private static final int MIN_SENTENCE_CHARS = 12;

  /**
   * Sentences the summary is ranked among. News puts its substance first, and HanLP's sentence
   * TextRank compares every pair of sentences, so ranking a whole long article costs its length
   * squared; thirty leading sentences cover every ordinary article whole.
   */
  static final int SUMMARY_CANDIDATES = 30;

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private final Set<String> stopwords = new HashSet<>();

  public TextRanker() {
    for (String line : Resources.lines("keyword-stopwords.txt")) {
      stopwords.addAll(Arrays.asList(line.strip().split("\\s+")));
    }
  }

  /** The top terms, leaving out those {@code isEntity} says are names, places or bodies. */
  public List<String> keywords(Segmentation segmentation, int size, Predicate<String> isEntity) {
    List<String> words =
        segmentation.terms().stream()
            .filter(term -> isContent(term) && CoreStopWordDictionary.shouldInclude(term))
            .map(term -> term.word)
            .toList();
    WordGraph graph = WordGraph.of(words);
    float[] ranks = graph.rank();
    // Sorted first, so the entity test runs only until enough keywords are found.
    return IntStream.range(0, ranks.length)
        .boxed()
        .sorted(Comparator.<Integer>comparingDouble(node -> ranks[node]).reversed())
        .map(graph::word)
        .filter(word -> !isEntity.test(word))
        .limit(size)
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
    for (int i = 0; i <= text.length() && sentences.size() < SUMMARY_CANDIDATES; i++) {
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
    return WHITESPACE.matcher(summary).replaceAll(" ").strip();
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

  /**
   * HanLP's {@link TextRankKeyword} graph and iteration (each word linked to the four before it,
   * damping 0.85, at most 200 rounds until no rank moves by more than 0.001), computed in the same
   * float arithmetic and the same order, so ranks are identical. HanLP keeps the graph in a {@code
   * TreeMap} of {@code TreeSet}s and the ranks in {@code HashMap}s, so each round pays tree and
   * hash lookups per edge; here nodes are numbered in the word order HanLP iterates in and edges
   * are arrays, so each round is one pass over memory. Equal ranks keep word order.
   */
  static final class WordGraph {

    private static final int WINDOW = 4;
    private static final float DAMPING = 0.85f;
    private static final int MAX_ROUNDS = 200;
    private static final float SETTLED = 0.001f;

    private final String[] words;
    private final int[] firstEdge;
    private final int[] neighbours;

    private WordGraph(String[] words, int[] firstEdge, int[] neighbours) {
      this.words = words;
      this.firstEdge = firstEdge;
      this.neighbours = neighbours;
    }

    static WordGraph of(List<String> sequence) {
      String[] words = sequence.stream().distinct().sorted().toArray(String[]::new);
      Map<String, Integer> node = new HashMap<>(words.length * 2);
      for (int i = 0; i < words.length; i++) {
        node.put(words[i], i);
      }
      int[] nodes = sequence.stream().mapToInt(node::get).toArray();
      // Each undirected edge once per direction as (from, to) in one long, sorted: grouped by
      // node, neighbours in word order, duplicates adjacent.
      long[] edges = new long[nodes.length * WINDOW * 2];
      int count = 0;
      for (int at = 0; at < nodes.length; at++) {
        for (int before = Math.max(0, at - WINDOW); before < at; before++) {
          if (nodes[before] != nodes[at]) {
            edges[count++] = (long) nodes[at] << 32 | nodes[before];
            edges[count++] = (long) nodes[before] << 32 | nodes[at];
          }
        }
      }
      Arrays.sort(edges, 0, count);
      int[] firstEdge = new int[words.length + 1];
      int[] neighbours = new int[count];
      int distinct = 0;
      for (int e = 0; e < count; e++) {
        if (e == 0 || edges[e] != edges[e - 1]) {
          firstEdge[(int) (edges[e] >>> 32) + 1]++;
          neighbours[distinct++] = (int) edges[e];
        }
      }
      for (int i = 0; i < words.length; i++) {
        firstEdge[i + 1] += firstEdge[i];
      }
      return new WordGraph(words, firstEdge, Arrays.copyOf(neighbours, distinct));
    }

    String word(int node) {
      return words[node];
    }

    float[] rank() {
      int size = words.length;
      float[] rank = new float[size];
      for (int i = 0; i < size; i++) {
        rank[i] = TextRankKeyword.sigMoid(degree(i));
      }
      for (int round = 0; round < MAX_ROUNDS; round++) {
        float[] next = new float[size];
        float maxChange = 0;
        for (int i = 0; i < size; i++) {
          float value = 1 - DAMPING;
          for (int e = firstEdge[i]; e < firstEdge[i + 1]; e++) {
            int other = neighbours[e];
            value += DAMPING / degree(other) * rank[other];
          }
          next[i] = value;
          maxChange = Math.max(maxChange, Math.abs(value - rank[i]));
        }
        rank = next;
        if (maxChange <= SETTLED) {
          break;
        }
      }
      return rank;
    }

    private int degree(int node) {
      return firstEdge[node + 1] - firstEdge[node];
    }
  }
}
