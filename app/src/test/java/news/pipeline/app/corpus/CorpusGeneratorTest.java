package news.pipeline.app.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import news.pipeline.classify.DuplicateDetector;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.model.RawArticle;
import news.pipeline.common.testing.SeedFiles;
import news.pipeline.ingest.ArticleReader;
import org.junit.jupiter.api.Test;

class CorpusGeneratorTest {
  private static final List<RawArticle> SEEDS =
      ArticleReader.read(SeedFiles.directory()).articles();

  @Test
  void shouldGenerateDistinctArticlesWhenAskedForThousands() {
    List<GeneratedArticle> corpus =
        new CorpusGenerator(SEEDS, 7, CorpusGenerator.Options.realistic()).generate(2_000);
    Set<String> ids = new HashSet<>();
    Set<String> texts = new HashSet<>();
    corpus.forEach(
        g -> {
          ids.add(g.article().id());
          texts.add(g.article().text());
        });
    assertThat(ids).hasSize(2_000);
    assertThat(texts).hasSize(2_000);
  }

  @Test
  void shouldNeverMakeAnOriginalThatClassifyTakesForARepostWhenManyComeFromOneSeed() {
    DuplicateDetector detector = DuplicateDetector.inMemory(PipelineConfig.defaults());
    List<GeneratedArticle> originals =
        new CorpusGenerator(SEEDS, 13, CorpusGenerator.Options.realistic())
            .generate(1_000).stream().filter(g -> g.repostOf() == null).toList();
    long takenForReposts =
        originals.stream()
            .filter(g -> detector.firstSeen(g.article().id(), g.article().text(), 0) != null)
            .count();
    assertThat(takenForReposts).isZero();
  }

  @Test
  void shouldHaveClassifyFindTheRepostsWhenTheyRepeatAnEarlierArticle() {
    DuplicateDetector detector = DuplicateDetector.inMemory(PipelineConfig.defaults());
    List<GeneratedArticle> corpus =
        new CorpusGenerator(SEEDS, 17, CorpusGenerator.Options.realistic()).generate(300);
    for (GeneratedArticle generated : corpus) {
      String firstSeen =
          detector.firstSeen(generated.article().id(), generated.article().text(), 0);
      if (generated.repostOf() != null) {
        assertThat(firstSeen).isNotNull();
      }
    }
  }

  @Test
  void shouldRepostOnlyEarlierOriginalsWhenMakingReposts() {
    List<GeneratedArticle> corpus =
        new CorpusGenerator(SEEDS, 11, CorpusGenerator.Options.realistic()).generate(500);
    Set<String> seenOriginals = new HashSet<>();
    long reposts = 0;
    for (GeneratedArticle generated : corpus) {
      if (generated.repostOf() == null) {
        seenOriginals.add(generated.article().id());
      } else {
        reposts++;
        assertThat(seenOriginals).contains(generated.repostOf());
      }
    }
    assertThat(reposts).isBetween(25L, 100L);
  }

  @Test
  void shouldNameTheAnnouncedPolicyInTheTextWhenOneIsInjected() {
    List<GeneratedArticle> announcing =
        new CorpusGenerator(SEEDS, 3, CorpusGenerator.Options.realistic())
            .generate(300).stream()
                .filter(g -> g.announcedPolicy() != null && g.repostOf() == null)
                .toList();
    assertThat(announcing).isNotEmpty();
    announcing.forEach(
        g -> assertThat(g.article().text()).contains("印发《" + g.announcedPolicy() + "》"));
  }

  @Test
  void shouldRepeatTheSameCorpusWhenGivenTheSameRandomSeed() {
    var options = CorpusGenerator.Options.realistic();
    List<String> first =
        new CorpusGenerator(SEEDS, 42, options)
            .generate(50).stream().map(g -> g.article().text()).toList();
    List<String> second =
        new CorpusGenerator(SEEDS, 42, options)
            .generate(50).stream().map(g -> g.article().text()).toList();
    assertThat(first).isEqualTo(second);
  }

  @Test
  void shouldStayNearTheTargetLengthWhenOneIsSet() {
    for (int target : new int[] {1_000, 4_000, 16_000}) {
      List<GeneratedArticle> corpus =
          new CorpusGenerator(SEEDS, 5, CorpusGenerator.Options.realistic().withTargetChars(target))
              .generate(40);
      corpus.stream()
          .filter(g -> g.repostOf() == null)
          .forEach(g -> assertThat(g.article().text().length()).isBetween(target / 2, target));
    }
  }
}
