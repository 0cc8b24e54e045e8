package news.pipeline.common.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.DomainLabel;
import news.pipeline.common.model.Evidence;
import news.pipeline.common.model.MatchedTerm;
import news.pipeline.common.model.RawArticle;

/** Small real articles for tests that need a well-formed record rather than a particular text. */
public final class SampleArticles {
  private SampleArticles() {}

  public static RawArticle shanghaiMeals() {
    return new RawArticle(
        "3f1c2a9b8d7e6f50",
        "调动社会力量积极性 上海印发意见推进养老助餐服务高质量发展",
        false,
        "为推动老年助餐服务高质量发展,上海市民政局、上海市财政局、上海市市场监督管理局日前联合印发"
            + "《关于推进本市老年助餐服务高质量发展的实施意见》(以下简称《实施意见》)。"
            + "《实施意见》要求,至2025年年末,全市社区长者食堂达到400家、老年助餐点达到2000个。",
        null,
        "皮磊",
        null,
        null,
        null,
        Instant.parse("2026-11-23T08:00:00Z"),
        "seeds/002_1a308f6342a6324c.txt",
        "3f1c2a9b8d7e6f5012ab34cd56ef7890");
  }

  public static ClassifiedArticle shanghaiMealsClassified() {
    return ClassifiedArticle.of(
        shanghaiMeals(),
        List.of(
            new DomainLabel(
                "elderly-meals",
                0.97,
                new Evidence(
                    List.of(new MatchedTerm("老年助餐", 3), new MatchedTerm("长者食堂", 1)),
                    "《实施意见》要求,至2025年年末,全市社区长者食堂达到400家、老年助餐点达到2000个。"))),
        "elderly-meals",
        null);
  }

  public static LocalDate someDate() {
    return LocalDate.of(2024, 3, 20);
  }
}
