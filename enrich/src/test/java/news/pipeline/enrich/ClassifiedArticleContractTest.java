package news.pipeline.enrich;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.DomainLabel;
import news.pipeline.common.model.Evidence;
import news.pipeline.common.model.RawArticle;
import org.junit.jupiter.api.Test;

class ClassifiedArticleContractTest {

  private static final RawArticle HENAN = SeedArticles.byTitle("河南省民政厅");

  @Test
  void shouldAcceptEverySeedArticleWhenLabelledAsTheClassifierLabelsThem() {
    for (RawArticle raw : SeedArticles.raw()) {
      assertThatCode(
              () ->
                  ClassifiedArticleContract.check(
                      SeedArticles.classified(raw, "child-welfare", "social-assistance", "other")))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void shouldAcceptARepostWhenItNamesAnEarlierArticle() {
    assertThatCode(
            () ->
                ClassifiedArticleContract.check(
                    SeedArticles.classified(HENAN, "child-welfare").withDuplicateOf("earlier")))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldRejectWhenThePrimaryDomainIsNotOneOfTheArticlesDomains() {
    assertThatThrownBy(
            () -> ClassifiedArticleContract.check(article("child-welfare", "elderly-meals")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "primaryDomain 'child-welfare' is not one of the article's domains [elderly-meals]");
  }

  @Test
  void shouldRejectWhenThePrimaryDomainIsNotTheFirstLabel() {
    assertThatThrownBy(
            () ->
                ClassifiedArticleContract.check(
                    article("social-assistance", "elderly-meals", "social-assistance")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "primaryDomain 'social-assistance' is not the first of the article's domains"
                + " [elderly-meals, social-assistance], which are ordered primary first");
  }

  @Test
  void shouldRejectWhenTheArticleHasNoDomains() {
    assertThatThrownBy(() -> ClassifiedArticleContract.check(article("other")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "article has no domains: the classifier labels every article, 'other' at least");
  }

  @Test
  void shouldRejectWhenADomainIsListedTwice() {
    assertThatThrownBy(
            () ->
                ClassifiedArticleContract.check(
                    article("elderly-meals", "elderly-meals", "other", "elderly-meals")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "domain 'elderly-meals' is listed twice in the article's domains"
                + " [elderly-meals, other, elderly-meals]");
  }

  @Test
  void shouldRejectWhenTheArticleIsMarkedAsARepostOfItself() {
    ClassifiedArticle selfRepost =
        SeedArticles.classified(HENAN, "child-welfare").withDuplicateOf(HENAN.id());

    assertThatThrownBy(() -> ClassifiedArticleContract.check(selfRepost))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicateOf is the article's own id '" + HENAN.id() + "'");
  }

  private static ClassifiedArticle article(String primaryDomain, String... domains) {
    List<DomainLabel> labels =
        Arrays.stream(domains)
            .map(domain -> new DomainLabel(domain, 0.9, new Evidence(List.of(), "")))
            .toList();
    return ClassifiedArticle.of(HENAN, labels, primaryDomain, null);
  }
}
