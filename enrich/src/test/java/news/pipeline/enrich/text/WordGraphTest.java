package news.pipeline.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.summary.TextRankKeyword;
import com.hankcs.hanlp.tokenizer.StandardTokenizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import news.pipeline.common.model.RawArticle;
import news.pipeline.enrich.SeedArticles;
import org.junit.jupiter.api.Test;

class WordGraphTest {

  @Test
  void shouldRankEveryWordExactlyAsHanlpDoesWhenGivenTheSeedArticles() {
    for (RawArticle seed : SeedArticles.raw()) {
      assertSameRanks(seed.text());
    }
  }

  @Test
  void shouldRankEveryWordExactlyAsHanlpDoesWhenTheArticleIsLong() {
    StringBuilder all = new StringBuilder();
    SeedArticles.raw().forEach(seed -> all.append(seed.text()).append('\n'));
    assertSameRanks(all.toString());
  }

  @Test
  void shouldRankNothingWhenThereAreNoWords() {
    assertThat(TextRanker.WordGraph.of(List.of()).rank()).isEmpty();
  }

  private static void assertSameRanks(String text) {
    List<Term> terms = StandardTokenizer.segment(text);
    List<String> words =
        terms.stream().filter(CoreStopWordDictionary::shouldInclude).map(t -> t.word).toList();
    TextRanker.WordGraph graph = TextRanker.WordGraph.of(words);
    float[] ranks = graph.rank();
    Map<String, Float> ours = new HashMap<>();
    for (int node = 0; node < ranks.length; node++) {
      ours.put(graph.word(node), ranks[node]);
    }

    assertThat(ours).isNotEmpty().isEqualTo(new TextRankKeyword().getTermAndRank(terms));
  }
}
