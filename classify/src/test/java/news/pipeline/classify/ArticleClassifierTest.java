package news.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.DomainLabel;
import news.pipeline.common.model.Domains;
import news.pipeline.common.model.MatchedTerm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArticleClassifierTest {
  private static final ArticleClassifier CLASSIFIER = new ArticleClassifier(Taxonomy.builtIn());

  private static List<String> domains(String title, String text) {
    return CLASSIFIER.label(title, text).stream().map(DomainLabel::domain).toList();
  }

  @Test
  void shouldLabelElderlyMealsWhenCommunityCanteenServesOlderPeople() {
    assertThat(domains("街道长者食堂开业", "街道长者食堂日前开业，辖区60岁以上老年人就餐每餐可享受3元补贴，" + "行动不便的高龄老人可以电话预约送餐上门。"))
        .containsExactly(Domains.ELDERLY_MEALS);
  }

  @Test
  void shouldLabelElderlyMealsWhenTextAvoidsTheWordZhuCan() {
    assertThat(domains("老人吃饭不再犯愁", "社区幸福食堂每天中午为独居老人提供两荤一素的午餐，失能老人由志愿者把饭菜送到家中。"))
        .containsExactly(Domains.ELDERLY_MEALS);
  }

  @Test
  void shouldLabelOtherWhenElderlyCareReportMentionsMealsInPassing() {
    assertThat(
            domains(
                "全区养老服务工作推进会召开",
                "会议部署今年重点任务：新建2家区域养老服务中心，完成300户特殊困难老年人家庭适老化改造，"
                    + "加强养老机构安全管理和服务质量监管，推进医养结合。会议要求，要加快培育养老护理员队伍。"
                    + "此外，还要继续做好老年人助餐等便民服务。"))
        .containsExactly(Domains.OTHER);
  }

  @Test
  void shouldLabelOtherWhenFirefightersRescueTrappedResidents() {
    assertThat(domains("消防救援队成功救助被困群众", "某小区一居民楼发生火情，消防救援大队接警后迅速出动，成功救助被困群众8人，火灾未造成人员伤亡。"))
        .containsExactly(Domains.OTHER);
  }

  @Test
  void shouldLabelChildWelfareWhenOrphansAndLeftBehindChildrenAreCovered() {
    assertThat(
            domains("提高孤儿基本生活保障标准", "省民政厅通知，提高孤儿和事实无人抚养儿童基本生活费标准，" + "并要求儿童主任加强对农村留守儿童和困境儿童的走访。"))
        .containsExactly(Domains.CHILD_WELFARE);
  }

  @Test
  void shouldLabelSocialAssistanceWhenDibaoAndTemporaryAidAreCovered() {
    assertThat(domains("城乡低保标准提高", "从7月起城市最低生活保障标准提高到每人每月900元，同时加大临时救助力度，" + "对特困人员的基本生活标准同步提高。"))
        .containsExactly(Domains.SOCIAL_ASSISTANCE);
  }

  @Test
  void shouldLabelSocialOrganizationsWhenRegistrationAndAssessmentAreCovered() {
    assertThat(
            domains(
                "社会组织等级评估结果公布",
                "市民政局公布社会组织等级评估结果，28家社会团体和基金会获评3A以上等级，" + "对未按时报送年度报告的社会服务机构列入活动异常名录。"))
        .containsExactly(Domains.SOCIAL_ORGANIZATIONS);
  }

  @Test
  void shouldLabelOtherWhenArticleIsAboutFuneralAndMarriageServices() {
    assertThat(domains("推进殡葬改革和婚姻登记便民服务", "会议要求深化殡葬改革，加快公益性公墓建设，推进婚姻登记“跨省通办”，" + "做好流浪乞讨人员救助管理工作。"))
        .containsExactly(Domains.OTHER);
  }

  @Test
  void shouldLabelOtherWhenArticleIsNotAboutCivilAffairs() {
    List<DomainLabel> labels = CLASSIFIER.label("一季度经济运行稳中向好", "一季度全市地区生产总值同比增长5.6%，工业投资增长8.1%。");
    assertThat(labels).extracting(DomainLabel::domain).containsExactly(Domains.OTHER);
    assertThat(labels.get(0).score()).isEqualTo(1.0);
    assertThat(labels.get(0).evidence().terms()).isEmpty();
  }

  static List<String[]> lookAlikes() {
    return List.of(
        new String[] {"大学食堂推出平价套餐", "某大学食堂推出5元平价套餐，学校后勤处表示将稳定学生食堂饭菜价格。"},
        new String[] {"企业员工食堂升级", "园区员工食堂完成升级改造，每天为2000名职工提供午餐，就餐环境明显改善。"},
        new String[] {"多款儿童玩具被召回", "市场监管总局通报，多款儿童玩具因小零件易脱落被召回，提醒家长停止使用。"},
        new String[] {"志愿者救助流浪动物", "志愿者在小区救助了30只流浪猫，并为它们寻找领养家庭，呼吁市民不要遗弃宠物。"},
        new String[] {"市足球协会换届", "市足球协会召开会员代表大会，选举产生新一届理事会，协会将举办青少年联赛。"},
        new String[] {"警方打掉黑社会性质组织", "公安机关打掉一个黑社会性质组织，抓获犯罪嫌疑人20名，案件已移送起诉。"},
        new String[] {"学生社团招新", "大学举办学生社团招新活动，百余个社团亮相，吸引新生参加社团活动。"});
  }

  @ParameterizedTest
  @MethodSource("lookAlikes")
  void shouldLabelOtherWhenWordsAppearWithoutTheirMeaning(String title, String text) {
    assertThat(domains(title, text)).containsExactly(Domains.OTHER);
  }

  @Test
  void shouldNotCountDibaoWhenItIsPartOfAnotherWord() {
    // 最低保障 contains 低保 but is not the minimum living allowance.
    assertThat(domains("最低工资标准调整", "人社部门发布通知，调整最低工资标准，企业应当确保职工工资不低于最低保障水平。"))
        .containsExactly(Domains.OTHER);
  }

  @Test
  void shouldNotCountPassingMentionWhenReportIsAboutSomethingElse() {
    LabeledArticle training = Fixtures.seed("湖北省民政厅举办全省养老服务体系建设的培训班");
    assertThat(domains(training.title(), training.text())).containsExactly(Domains.OTHER);
  }

  @Test
  void shouldLabelEveryCoveredDomainWithPrimaryFirstWhenReportCoversSeveral() {
    LabeledArticle hubei = Fixtures.seed("湖北召开全省民政工作会议");
    ClassifiedArticle article = CLASSIFIER.classify(Fixtures.raw(hubei));
    assertThat(article.domainIds())
        .containsExactlyInAnyOrder(
            Domains.SOCIAL_ORGANIZATIONS, Domains.SOCIAL_ASSISTANCE, Domains.CHILD_WELFARE);
    assertThat(article.primaryDomain()).isEqualTo(Domains.SOCIAL_ORGANIZATIONS);
    assertThat(article.domainIds().get(0)).isEqualTo(article.primaryDomain());
    // 新建一批老年幸福食堂 is one clause of a long report: a mention, not a label.
    assertThat(article.domainIds()).doesNotContain(Domains.ELDERLY_MEALS);
  }

  @Test
  void shouldGiveScoresInUnitRangeAndEvidenceFromTheArticleWhenLabelling() {
    for (LabeledArticle seed : Fixtures.seeds()) {
      for (DomainLabel label : CLASSIFIER.label(seed.title(), seed.text())) {
        assertThat(label.score()).isBetween(0.0, 1.0);
        String compact = Text.normalize(seed.title() + seed.text());
        for (MatchedTerm term : label.evidence().terms()) {
          assertThat(compact).contains(term.term());
          assertThat(term.count()).isPositive();
        }
        if (label.evidence().sentence() != null) {
          assertThat(compact).contains(label.evidence().sentence().replace("…", ""));
        }
      }
    }
  }

  @Test
  void shouldGiveEverySingleDomainSeedItsPrimaryWhenClassified() {
    for (LabeledArticle seed : Fixtures.seeds()) {
      if (seed.labels().size() == 1) {
        assertThat(CLASSIFIER.classify(Fixtures.raw(seed)).primaryDomain())
            .as(seed.title())
            .isEqualTo(seed.primary());
      }
    }
  }

  @Test
  void shouldJoinBrokenLinesWhenTermIsSplitAcrossThem() {
    assertThat(domains("关爱", "持续强化孤\n\n儿、事实无人抚养儿童及其他困境儿童精准保障。"))
        .containsExactly(Domains.CHILD_WELFARE);
  }
}
