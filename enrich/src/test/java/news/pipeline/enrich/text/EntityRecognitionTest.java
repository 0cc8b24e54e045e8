package news.pipeline.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import news.pipeline.common.model.EnrichedArticle;
import news.pipeline.common.model.Official;
import news.pipeline.common.model.Organization;
import news.pipeline.common.model.Person;
import news.pipeline.common.model.Place;
import news.pipeline.common.model.Policy;
import news.pipeline.common.model.Quantity;
import news.pipeline.common.model.Span;
import news.pipeline.enrich.SeedArticles;
import org.junit.jupiter.api.Test;

/** One behaviour per test, on sentences from the seed articles. */
class EntityRecognitionTest {

  private static EnrichedArticle enrich(String title, String text) {
    return SeedArticles.enricher().enrich(SeedArticles.article(title, text));
  }

  @Test
  void shouldResolveTheOfficialsOrganizationWhenItIsAbbreviatedToTheProvince() {
    EnrichedArticle article =
        enrich(
            "湖北省民政厅举办全省养老服务体系建设的培训班", "近日，湖北省民政厅在孝感应城市举办全省养老服务体系建设的培训班。省民政厅党组成员、副厅长刘四海出席开班式并讲话。");

    assertThat(article.entities().officials())
        .extracting(Official::name, Official::title, Official::organization)
        .containsExactly(tuple("刘四海", "党组成员、副厅长", "湖北省民政厅"));
    Official official = article.entities().officials().get(0);
    Span span = official.mentions().get(0);
    assertThat(article.text().substring(span.start(), span.end())).isEqualTo("刘四海");
  }

  @Test
  void shouldEndATwoCharacterNameWhereTheVerbBeginsWhenTheTitlePrecedesIt() {
    EnrichedArticle article =
        enrich("辽宁省民政厅召开会议", "会上,辽宁省民政厅党组成员、副厅长王茂彦作了动员讲话。省民政厅党组成员、副厅长陈进主持会议。");

    assertThat(article.entities().persons()).extracting(Person::name).containsExactly("王茂彦", "陈进");
  }

  @Test
  void shouldNotTakeFragmentsForNamesWhenNoTitleAnchorsThem() {
    EnrichedArticle article =
        enrich(
            "江苏苏州老年助餐服务工作推进会召开",
            "会议要求，要有效落实老年助餐服务的保障措施，切实打造好“苏式助餐”服务品牌。全力保民生、兜底线、强服务，确保应兜尽兜、应救尽救。");

    assertThat(article.entities().persons()).isEmpty();
  }

  @Test
  void shouldRecognizeALeaderWhenTheTitleFollowsTheName() {
    EnrichedArticle article =
        enrich(
            "浙江召开全省民政工作座谈会",
            "全省民政系统要深入学习贯彻党的二十大精神和习近平总书记关于民政工作的一系列重要指示批示精神。浙江省副省长王文序出席会议并讲话。王文序指出，要坚持为民爱民。");

    assertThat(article.entities().officials())
        .extracting(Official::name, Official::title, Official::organization)
        .containsExactlyInAnyOrder(tuple("习近平", "总书记", null), tuple("王文序", "副省长", "浙江省"));
    assertThat(article.entities().persons())
        .filteredOn(p -> p.name().equals("王文序"))
        .singleElement()
        .satisfies(p -> assertThat(p.mentions()).hasSize(2));
  }

  @Test
  void shouldTakeTheReporterFromTheBylineWhenTheTextHasNone() {
    var raw = SeedArticles.byTitle("广西启动农村留守儿童");

    EnrichedArticle article =
        SeedArticles.enricher().enrich(SeedArticles.classified(raw, "child-welfare"));

    assertThat(article.entities().persons())
        .extracting(Person::name, Person::role)
        .containsExactly(tuple("李庆", "reporter"));
  }

  @Test
  void shouldShareTheDivisionAcrossAListOfDepartmentsWhenOnlyTheFirstNamesIt() {
    EnrichedArticle article =
        enrich(
            "广西启动农村留守儿童和困境儿童关爱服务质量提升三年行动",
            "近日,广西壮族自治区民政厅、教育厅、公安厅等16个部门联合印发《广西壮族自治区农村留守儿童和困境儿童关爱服务质量提升三年行动实施方案》。");

    assertThat(article.entities().organizations())
        .extracting(Organization::name)
        .containsExactly("广西壮族自治区民政厅", "广西壮族自治区教育厅", "广西壮族自治区公安厅");
  }

  @Test
  void shouldNotMistakeCivilAffairsDepartmentsForTheMinistryWhenWrittenGenerically() {
    EnrichedArticle article = enrich("湖北省民政厅举办培训班", "是今后一个时期民政部门的重要职责使命。各级民政部门要加强宣传引导。");

    assertThat(article.entities().organizations()).isEmpty();
  }

  @Test
  void shouldFindAssociationsAndUniversitiesWhenADivisionOrChinaPrefixesThem() {
    EnrichedArticle article =
        enrich(
            "民政部社会组织管理局召开行业协会商会服务高质量发展专项行动工作交流推进会",
            "12月4日至5日,民政部社会组织管理局在合肥召开行业协会商会服务高质量发展专项行动工作交流推进会。会上,中国纺织工业联合会、浙江省环保产业协会、山东省医药行业协会等三家行业协会商会作了典型发言。与会代表参观了安徽省行业协会商会服务高质量发展成果展。培训班在南京大学顺利开班。");

    assertThat(article.entities().organizations())
        .extracting(Organization::name, Organization::type)
        .containsExactlyInAnyOrder(
            tuple("民政部社会组织管理局", "government"),
            tuple("中国纺织工业联合会", "association"),
            tuple("浙江省环保产业协会", "association"),
            tuple("山东省医药行业协会", "association"),
            tuple("南京大学", "university"));
    assertThat(article.region().level()).isEqualTo("national");
  }

  @Test
  void shouldPlaceACountyInItsCityAndProvinceWhenOnlyTheCountyIsWritten() {
    EnrichedArticle article = enrich("湖北省民政厅举办培训班", "近日，湖北省民政厅在孝感应城市举办全省养老服务体系建设的培训班。");

    assertThat(article.entities().places())
        .extracting(Place::name, Place::province, Place::city, Place::level)
        .contains(tuple("应城市", "湖北省", "孝感市", "county"), tuple("孝感市", "湖北省", "孝感市", "city"));
    assertThat(article.region().province()).isEqualTo("湖北省");
    assertThat(article.region().level()).isEqualTo("province");
  }

  @Test
  void shouldNarrowTheRegionToTheCityWhenTheHeadlineNamesIt() {
    EnrichedArticle article = enrich("江苏苏州老年助餐服务工作推进会召开", "5月16日，苏州市老年助餐服务工作推进会在昆山市召开。");

    assertThat(article.region().province()).isEqualTo("江苏省");
    assertThat(article.region().city()).isEqualTo("苏州市");
    assertThat(article.region().level()).isEqualTo("city");
  }

  @Test
  void shouldNotInventPlacesWhenAShortNameIsPartOfAnotherWord() {
    EnrichedArticle article = enrich("民生工程", "推进养老服务体系建设，是惠民利民的民生工程。推进“浙里康养”更加优质可及。");

    assertThat(article.entities().places()).isEmpty();
    assertThat(article.region().level()).isEqualTo("unknown");
  }

  @Test
  void shouldResolveADeclaredAliasToTheFullTitleWhenItIsUsedLater() {
    EnrichedArticle article =
        enrich(
            "上海印发意见推进养老助餐服务高质量发展",
            "上海市民政局、上海市财政局、上海市市场监督管理局日前联合印发《关于推进本市老年助餐服务高质量发展的实施意见》(以下简称《实施意见》)。《实施意见》要求,至2025年年末,全市社区长者食堂达到400家。");

    assertThat(article.entities().policies()).hasSize(1);
    Policy policy = article.entities().policies().get(0);
    assertThat(policy.title()).isEqualTo("关于推进本市老年助餐服务高质量发展的实施意见");
    assertThat(policy.kind()).isEqualTo("意见");
    assertThat(policy.action()).isEqualTo("印发");
    assertThat(policy.announced()).isTrue();
    assertThat(policy.status()).isEqualTo("issued");
    assertThat(policy.issuer()).isEqualTo("上海市民政局、上海市财政局、上海市市场监督管理局");
    assertThat(policy.aliases()).containsExactly("实施意见");
    assertThat(policy.mentions()).hasSize(3);
  }

  @Test
  void shouldNotAnnounceWhenTheArticleStudiesAnExistingPolicy() {
    EnrichedArticle article =
        enrich(
            "2024年河北省社会救助工作会议召开",
            "全省社救系统要以宣传贯彻落实国务院办公厅转发民政部等10部门《关于加强低收入人口动态监测做好分层分类社会救助工作的意见》为统领,深入推进社会救助制度改革创新。");

    assertThat(article.entities().policies())
        .singleElement()
        .satisfies(policy -> assertThat(policy.announced()).isFalse());
  }

  @Test
  void shouldTreatAShortTitleEndingAnEarlierOneAsItsAliasWhenNoAliasWasDeclared() {
    EnrichedArticle article =
        enrich(
            "民政部召开全国积极发展老年助餐服务工作动员部署电视电话会议",
            "会议指出,抓好《积极发展老年助餐服务行动方案》的落地落实,是重要举措。各地民政部门要按照《行动方案》部署要求推进。");

    assertThat(article.entities().policies())
        .singleElement()
        .satisfies(
            policy -> {
              assertThat(policy.title()).isEqualTo("积极发展老年助餐服务行动方案");
              assertThat(policy.announced()).isFalse();
              assertThat(policy.mentions()).hasSize(2);
            });
  }

  @Test
  void shouldMarkDraftsWithTheirCommentDeadlineWhenDraftedForPublicComment() {
    EnrichedArticle article =
        enrich(
            "三项儿童福利机构行业标准公开征求意见",
            "近日,根据民政行业标准制修订计划,民政部儿童福利司组织起草了《儿童福利机构孤儿成年后安置工作规范(征求意见稿)》《儿童福利机构康复工作规范(征求意见稿)》和《儿童福利机构生活适应教育服务规范(征求意见稿)》三项行业标准,并面向社会公开征求意见。据悉,此次公开征求意见截止日期为2024年1月27日。");

    assertThat(article.entities().policies())
        .hasSize(3)
        .allSatisfy(
            policy -> {
              assertThat(policy.announced()).isTrue();
              assertThat(policy.status()).isEqualTo("draft");
              assertThat(policy.kind()).isEqualTo("规范");
              assertThat(policy.issuer()).isEqualTo("民政部儿童福利司");
              assertThat(policy.deadline()).hasToString("2024-01-27");
            });
  }

  @Test
  void shouldNotTakeNewspapersProgrammesOrContractsForPoliciesWhenTheyAreInBrackets() {
    EnrichedArticle article =
        enrich("社会组织报道", "据《中国社会报》报道，与会人员观看了专题片《夕阳红》。市民政局与某大学签订《社会工作人才培养合作框架协议》。");

    assertThat(article.entities().policies()).isEmpty();
  }

  @Test
  void shouldNormalizeDatesToIsoWhenTheYearIsWritten() {
    EnrichedArticle article = enrich("标准征求意见", "此次公开征求意见截止日期为2024年1月27日。12月4日至5日召开推进会。");

    assertThat(article.entities().dates())
        .extracting(d -> d.text(), d -> d.value())
        .containsExactly(
            tuple("2024年1月27日", "2024-01-27"), tuple("12月4日", null), tuple("5日", null));
  }

  @Test
  void shouldCountWhatAQuantityMeasuresWhenTheUnitAndNounAreWritten() {
    EnrichedArticle article =
        enrich(
            "吉林省利用财政专项资金",
            "吉林省财政已累计投入2456.5万元专项资金。其中，2023年投入资金350万元用于资助21家社会组织。全市社区长者食堂达到400家，老年助餐服务能力达到日均25万客。累计开展老年助餐服务约190万人次。");

    assertThat(article.entities().quantities())
        .extracting(Quantity::text, Quantity::value, Quantity::unit)
        .contains(
            tuple("2456.5万元", 2.4565e7, "元"),
            tuple("21家", 21.0, "家"),
            tuple("400家", 400.0, "家"),
            tuple("日均25万客", 250000.0, "客"),
            tuple("190万人次", 1.9e6, "人次"));
    assertThat(article.entities().quantities())
        .filteredOn(q -> q.text().equals("400家"))
        .extracting(Quantity::counted)
        .containsExactly("社区长者食堂");
    assertThat(article.entities().quantities())
        .filteredOn(q -> q.text().equals("21家"))
        .extracting(Quantity::counted)
        .containsExactly("社会组织");
  }

  @Test
  void shouldSummarizeInWholeSentencesAndKeepGenericWordsOutOfKeywordsWhenEnriching() {
    EnrichedArticle article =
        SeedArticles.enricher()
            .enrich(SeedArticles.classified(SeedArticles.byTitle("调动社会力量积极性"), "elderly-meals"));

    assertThat(article.keywords()).hasSize(8).doesNotContain("工作", "服务", "推进", "会议");
    assertThat(article.keywords()).contains("长者食堂", "老年助餐").doesNotContain("上海市", "上海市民政局");
    assertThat(article.summary()).endsWith("。");
    assertThat(List.of(article.summary().split("(?<=。) "))).hasSizeBetween(2, 3);
  }

  @Test
  void shouldOpenTheSummaryWithTheLeadWhenTextRankRanksItLow() {
    var raw = SeedArticles.byTitle("民政部召开全国积极发展老年助餐服务");
    EnrichedArticle article =
        SeedArticles.enricher().enrich(SeedArticles.classified(raw, "elderly-meals"));

    String lead = raw.text().substring(0, raw.text().indexOf("。") + 1);
    assertThat(article.summary()).startsWith(lead);
    assertThat(List.of(article.summary().split("(?<=。) "))).hasSizeBetween(2, 3);
  }

  @Test
  void shouldNameIssuerAsWrittenWhenItsProvinceIsNeverStated() {
    Policy policy =
        enrich("最低生活保障审核确认办法3月起施行", "记者获悉，省民政厅、省财政厅联合制定的《最低生活保障审核确认办法》自2024年3月1日起正式施行。")
            .entities()
            .policies()
            .get(0);
    assertThat(policy.announced()).isTrue();
    assertThat(policy.issuer()).isEqualTo("省民政厅、省财政厅");
  }
}
