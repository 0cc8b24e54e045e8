package news.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import news.pipeline.common.model.RawArticle;
import news.pipeline.common.testing.SeedFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SeedFormatSplitterTest {
  private static final List<String> SEED_TITLES =
      List.of(
          "湖北省民政厅举办全省养老服务体系建设的培训班",
          "河南省民政厅召开儿童福利工作视频会议",
          "江苏苏州老年助餐服务工作推进会召开",
          "云南省2024年社会组织负责人能力建设培训班(第二期)开班",
          "2024年河北省社会救助工作会议召开",
          "湖北省民政厅举办全省社会事务工作培训班",
          "江苏省民政厅举办2024年全省社会事务工作培训会",
          "调动社会力量积极性 上海印发意见推进养老助餐服务高质量发展",
          "民政部召开全国积极发展老年助餐服务工作动员部署电视电话会议",
          "民政部社会组织管理局召开行业协会商会服务高质量发展专项行动工作交流推进会",
          "三项儿童福利机构行业标准公开征求意见 多处提及社会工作",
          "浙江召开全省民政工作座谈会",
          "湖北召开全省民政工作会议",
          "广西启动农村留守儿童和困境儿童关爱服务质量提升三年行动",
          "辽宁省民政厅召开会议 部署全省困难群众兜底保障提质增效专项行动",
          "吉林省利用财政专项资金 实施社会组织助力乡村振兴五类人才支持项目",
          "江西省举办2023年度新成立省本级社会组织能力建设培训班");

  private static List<RawArticle> seeds;
  private static Map<String, RawArticle> byTitle;

  @BeforeAll
  static void readSeeds() {
    ReadResult result = ArticleReader.read(SeedFiles.directory());
    assertThat(result.rejections()).isEmpty();
    seeds = result.articles();
    byTitle = seeds.stream().collect(Collectors.toMap(RawArticle::title, Function.identity()));
  }

  private static String text(String title) {
    return byTitle.get(title).text();
  }

  @Test
  void shouldFindSeventeenArticlesWithExactTitlesWhenReadingSeeds() {
    assertThat(seeds).extracting(RawArticle::title).containsExactlyElementsOf(SEED_TITLES);
  }

  @Test
  void shouldRejoinSentenceWhenPageBreakSplitsAWord() {
    String hubei = text("湖北省民政厅举办全省养老服务体系建设的培训班");
    assertThat(hubei).contains("要深入践行以人民为中心的发展思想，深刻认识肩负的工作责任");
    assertThat(hubei).contains("会议要求，全省民政系统养老服务工作者要坚决扛起");
    assertThat(text("2024年河北省社会救助工作会议召开")).contains("民政部等10部门《关于加强低收入人口动态监测");
  }

  @Test
  void shouldRejoinSentenceWhenPageBreakFollowsClosingQuote() {
    assertThat(text("江苏苏州老年助餐服务工作推进会召开")).contains("切实打造好“苏式助餐”服务品牌，让广大老年人");
  }

  @Test
  void shouldRejoinSentenceWhenSeveralBlankLinesFollowAComma() {
    assertThat(text("浙江召开全省民政工作座谈会")).contains("对标先行干,统筹协调抓,社会合力推。");
  }

  @Test
  void shouldDropStrayQuoteLineWhenNoQuoteIsOpen() {
    String zhejiang = text("浙江召开全省民政工作座谈会");
    assertThat(zhejiang.lines()).noneMatch(line -> line.equals("”"));
    assertThat(zhejiang.lines().toList().get(1)).startsWith("王文序指出,2022年");
  }

  @Test
  void shouldDropRepeatedParagraphWhenContentWasAlreadyGiven() {
    String shanghai = text("调动社会力量积极性 上海印发意见推进养老助餐服务高质量发展");
    assertThat(shanghai.split("市民政局建立市级老年助餐服务管理信息平台", -1)).hasSize(2);
    assertThat(shanghai).doesNotContain("同时,市民政局建立");
    assertThat(shanghai).contains("同时,要调动社会力量参与老年助餐服务的积极性");
  }

  @Test
  void shouldKeepParagraphWhenOnlySomeOfItsClausesRepeat() {
    List<String> paragraphs =
        List.of(
            "会议强调，要持续推动老年助餐服务提质扩面增效，加大政策供给。",
            "会议强调，要持续推动老年助餐服务提质扩面增效，加大政策供给。",
            "会议要求，要持续推动老年助餐服务提质扩面增效，强化宣传引导，有效落实保障措施，切实打造服务品牌。");
    assertThat(SeedFormatSplitter.withoutRepeats(paragraphs))
        .containsExactly(paragraphs.get(0), paragraphs.get(2));
  }

  @Test
  void shouldKeepEveryRealParagraphWhenRepairingPageBreaks() {
    assertThat(text("湖北省民政厅举办全省养老服务体系建设的培训班").lines()).hasSize(6);
    assertThat(text("湖北召开全省民政工作会议").lines()).hasSize(10);
    assertThat(text("民政部社会组织管理局召开行业协会商会服务高质量发展专项行动工作交流推进会").lines())
        .hasSize(9)
        .anyMatch(line -> line.startsWith("一是要进一步加强党的领导,配合相关部门完善和理顺行业协会商会党建工作管理体制"));
  }

  @Test
  void shouldExtractAttributionWhenOnItsOwnLineOrEndingLastParagraph() {
    assertThat(byTitle.get("湖北省民政厅举办全省养老服务体系建设的培训班").source()).isEqualTo("湖北省民政厅");
    assertThat(byTitle.get("湖北省民政厅举办全省社会事务工作培训班").source()).isEqualTo("湖北省民政厅");
    assertThat(byTitle.get("民政部社会组织管理局召开行业协会商会服务高质量发展专项行动工作交流推进会").source())
        .isEqualTo("“中国社会组织动态”政务微信");
    RawArticle henan = byTitle.get("河南省民政厅召开儿童福利工作视频会议");
    assertThat(henan.source()).isEqualTo("河南省民政厅");
    assertThat(henan.text()).endsWith("保障好儿童合法权益。").doesNotContain("据河南省民政厅");
    assertThat(byTitle.get("江苏省民政厅举办2024年全省社会事务工作培训会").source()).isNull();
  }

  @Test
  void shouldExtractReporterWhenBylineFollowsTitle() {
    assertThat(byTitle.get("江苏省民政厅举办2024年全省社会事务工作培训会").reporter()).isEqualTo("李庆");
    assertThat(byTitle.get("三项儿童福利机构行业标准公开征求意见 多处提及社会工作").reporter()).isEqualTo("皮磊");
    assertThat(text("三项儿童福利机构行业标准公开征求意见 多处提及社会工作")).doesNotContain("本报记者");
    assertThat(byTitle.get("浙江召开全省民政工作座谈会").reporter()).isNull();
  }

  @Test
  void shouldSplitUnseenTextWhenTitlesHaveSpacesAndArticlesLackAttribution() {
    String text =
        """
        民政部 财政部联合部署社会救助扩围增效工作

        ■ 本报记者 王晓 通讯员 张三

        近日，民政部、财政部联合印发通知，部署做好低收入人口认定和救助工作。

        通知要求，各地要健全分层分类的社会救助体系，确保应保尽保。

        （据“民政部发布”微信公众号）

        北京市养老服务时间银行上线

        4月1日，北京市养老服务时间银行正式上线运行，志愿者服务时长可存储兑换。

        据介绍，时间银行将覆盖全市各区。

        图为志愿者服务现场

        广州发布未成年人保护十项举措

        广州市民政局日前发布未成年人保护十项举措，重点关爱困境儿童和留守儿童。
        """;
    SeedFormatSplitter.Result result = SeedFormatSplitter.split(text);

    assertThat(result.articles())
        .extracting(SeedFormatSplitter.Split::title)
        .containsExactly("民政部 财政部联合部署社会救助扩围增效工作", "北京市养老服务时间银行上线", "广州发布未成年人保护十项举措");
    SeedFormatSplitter.Split first = result.articles().get(0);
    assertThat(first.reporter()).isEqualTo("王晓");
    assertThat(first.source()).isEqualTo("“民政部发布”微信公众号");
    assertThat(first.paragraphs()).hasSize(2);
    SeedFormatSplitter.Split second = result.articles().get(1);
    assertThat(second.source()).isNull();
    assertThat(second.paragraphs())
        .containsExactly("4月1日，北京市养老服务时间银行正式上线运行，志愿者服务时长可存储兑换。", "据介绍，时间银行将覆盖全市各区。", "图为志愿者服务现场");
  }

  @Test
  void shouldReadScrapedPageMetadataWhenItFollowsTheTitle() {
    String text =
        """
        养老服务如何更贴心？

        发布时间：2024-03-20 来源：湖北省民政厅

        本报讯（记者 李庆 通讯员 王五）3月20日，湖北省民政厅召开养老服务工作座谈会。

        会议要求，各地要提升养老服务质量。

        （来源：湖北省民政厅）

        民政部：加快发展老年助餐服务！

        文章来源：民政部网站

        近日，民政部印发通知，部署老年助餐服务工作。
        """;
    List<SeedFormatSplitter.Split> articles = SeedFormatSplitter.split(text).articles();

    assertThat(articles)
        .extracting(SeedFormatSplitter.Split::title)
        .containsExactly("养老服务如何更贴心？", "民政部：加快发展老年助餐服务！");
    SeedFormatSplitter.Split first = articles.get(0);
    assertThat(first.publishedAt()).isEqualTo(java.time.LocalDate.of(2024, 3, 20));
    assertThat(first.source()).isEqualTo("湖北省民政厅");
    assertThat(first.reporter()).isEqualTo("李庆");
    assertThat(first.paragraphs()).hasSize(2).first().asString().startsWith("本报讯（记者 李庆");
    assertThat(articles.get(1).source()).isEqualTo("民政部网站");
    assertThat(articles.get(1).paragraphs()).containsExactly("近日，民政部印发通知，部署老年助餐服务工作。");
  }

  @Test
  void shouldKeepLastParagraphInArticleWhenSourceLineFollowsIt() {
    String text =
        """
        民政部召开新闻发布会

        近日，民政部召开新闻发布会。

        会议介绍了社会救助工作进展。

        来源：民政部网站
        """;
    List<SeedFormatSplitter.Split> articles = SeedFormatSplitter.split(text).articles();
    assertThat(articles).hasSize(1);
    assertThat(articles.get(0).paragraphs()).hasSize(2);
    assertThat(articles.get(0).source()).isEqualTo("民政部网站");
  }

  @Test
  void shouldKeepListHeadingInArticleWhenItLooksShort() {
    String text =
        """
        民政部印发社区服务体系建设规划

        近日，民政部印发规划，明确今后五年社区服务体系建设目标。

        一、总体要求

        到2025年，社区服务格局基本形成。
        """;
    SeedFormatSplitter.Result result = SeedFormatSplitter.split(text);
    assertThat(result.articles()).hasSize(1);
    assertThat(result.articles().get(0).paragraphs()).contains("一、总体要求");
  }

  @Test
  void shouldTreatShortLineAsPageBreakFragmentWhenItContainsAComma() {
    String text =
        """
        湖北召开全省民政工作会议

        会议强调，要健全七大体系。

        会议要求，全省民政系统养

        老服务工作者要坚决扛起政治责任。
        """;
    SeedFormatSplitter.Split article = SeedFormatSplitter.split(text).articles().get(0);
    assertThat(article.paragraphs())
        .containsExactly("会议强调，要健全七大体系。", "会议要求，全省民政系统养老服务工作者要坚决扛起政治责任。");
  }

  @Test
  void shouldKeepStrayQuoteWhenItClosesAQuotationInsideABrokenSentence() {
    String text =
        """
        民政部发布养老服务典型案例

        案例显示，各地积极探索“党建+助餐

        ”

        模式取得实效。
        """;
    SeedFormatSplitter.Split article = SeedFormatSplitter.split(text).articles().get(0);
    assertThat(article.text()).isEqualTo("案例显示，各地积极探索“党建+助餐”模式取得实效。");
  }

  @Test
  void shouldReportOrphanTextWhenFileStartsWithBodyParagraph() {
    String text =
        """
        这是一段没有标题的正文，它以句号结束。

        民政部召开新闻发布会

        近日，民政部召开新闻发布会，介绍社会救助工作进展。
        """;
    SeedFormatSplitter.Result result = SeedFormatSplitter.split(text);
    assertThat(result.orphans()).containsExactly(new SeedFormatSplitter.Orphan(1, 1));
    assertThat(result.articles())
        .extracting(SeedFormatSplitter.Split::title)
        .containsExactly("民政部召开新闻发布会");
  }
}
