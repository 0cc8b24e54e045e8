package news.pipeline.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.common.Term;
import news.pipeline.enrich.SeedArticles;
import org.junit.jupiter.api.Test;

class SegmenterTest {

  private static final String TEXT = "民政部社会组织管理局推进老年助餐服务";

  @Test
  void shouldKeepDomainTermsAndBodiesWholeWhenSegmentingForEnrichment() {
    Segmentation ours = new Segmenter(java.util.List.of(), java.util.List.of("民政部")).segment(TEXT);

    assertThat(ours.terms()).extracting(term -> term.word).contains("民政部", "社会组织", "老年助餐");
    assertThat(ours.terms())
        .filteredOn(term -> term.word.equals("民政部"))
        .extracting(term -> term.nature.toString())
        .containsExactly("nt");
  }

  @Test
  void shouldLeaveHanLpsSharedDictionaryAloneWhenTheEnricherIsBuilt() {
    SeedArticles.enricher();

    assertThat(HanLP.newSegment().seg(TEXT))
        .extracting((Term term) -> term.word)
        .doesNotContain("社会组织", "老年助餐");
  }
}
