package news.pipeline.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.kafka.DeadLetterHeaders;
import news.pipeline.common.kafka.StreamsSettings;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.EnrichedArticle;
import news.pipeline.common.model.PolicyAlert;
import news.pipeline.common.model.RawArticle;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, ClassifiedArticle> classified;
  private TestOutputTopic<String, PolicyAlert> alerts;

  @BeforeEach
  void startDriver() {
    Topology topology = EnrichTopology.buildTopology(SeedArticles.enricher());
    PipelineConfig config =
        PipelineConfig.defaults().with(PipelineConfig.STATE_DIR, stateDir.toString());
    Properties props = StreamsSettings.forApplication(config, "enrich-topology-test");
    driver = new TopologyTestDriver(topology, props);
    classified =
        driver.createInputTopic(
            Topics.CLASSIFIED_ARTICLES.name(),
            Topics.KEYS.serializer(),
            Topics.CLASSIFIED_ARTICLES.valueSerde().serializer());
    alerts =
        driver.createOutputTopic(
            Topics.POLICY_ALERTS.name(),
            Topics.KEYS.deserializer(),
            Topics.POLICY_ALERTS.valueSerde().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void shouldNameEveryProcessorStoreAndRepartitionWhenBuilt() {
    TopologyDescription description =
        EnrichTopology.buildTopology(SeedArticles.enricher()).describe();
    Set<String> nodes = new TreeSet<>();
    Set<String> stores = new TreeSet<>();
    for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
      for (TopologyDescription.Node node : subtopology.nodes()) {
        nodes.add(node.name());
        if (node instanceof TopologyDescription.Processor processor) {
          stores.addAll(processor.stores());
        }
      }
    }
    assertThat(nodes)
        .containsExactlyInAnyOrder(
            "classified-articles-source",
            "enrich-article",
            "fan-out-to-domains",
            "domain-topics-sink",
            "announced-policies",
            "policies-by-title-repartition-filter",
            "policies-by-title-repartition-sink",
            "policies-by-title-repartition-source",
            "first-announcement",
            "policy-alerts-sink");
    assertThat(stores).containsExactly("alerted-policies");
    assertThat(description.toString()).contains("topics: [policies-by-title-repartition]");
  }

  @Test
  void shouldPublishTheEnrichedArticleToEachOfItsDomainTopicsWhenItHasSeveral() {
    RawArticle shanghai = SeedArticles.byTitle("调动社会力量积极性");
    classified.pipeInput(
        shanghai.id(), SeedArticles.classified(shanghai, "elderly-meals", "social-assistance"));

    for (String domain : List.of("elderly-meals", "social-assistance")) {
      var records = domainTopic(domain).readKeyValuesToList();
      assertThat(records).hasSize(1);
      assertThat(records.get(0).key).isEqualTo(shanghai.id());
      assertThat(records.get(0).value.region().province()).isEqualTo("上海市");
      assertThat(records.get(0).value.domainIds())
          .containsExactly("elderly-meals", "social-assistance");
    }
    assertThat(domainTopic("other").isEmpty()).isTrue();
  }

  @Test
  void shouldRouteToADomainTheTaxonomyAddedWhenNoCodeKnowsIt() {
    RawArticle henan = SeedArticles.byTitle("河南省民政厅");
    classified.pipeInput(henan.id(), SeedArticles.classified(henan, "marriage-registration"));

    assertThat(domainTopic("marriage-registration").readKeyValuesToList()).hasSize(1);
  }

  @Test
  void shouldAlertExactlyThePoliciesTheSeedArticlesAnnounceWhenAllAreEnriched() {
    for (ClassifiedArticle article : SeedArticles.classified()) {
      classified.pipeInput(article.id(), article);
    }

    assertThat(alerts.readValuesToList())
        .extracting(PolicyAlert::policyTitle)
        .containsExactlyInAnyOrderElementsOf(SeedArticles.ANNOUNCED_POLICIES);
    // Read back through the validating serde: every enriched record meets the published schema.
    assertThat(domainTopic("other").readValuesToList()).hasSize(17);
  }

  @Test
  void shouldCarryKindIssuerStatusAndDeadlineWhenADraftIsAnnounced() {
    RawArticle drafts = SeedArticles.byTitle("三项儿童福利机构");
    classified.pipeInput(drafts.id(), SeedArticles.classified(drafts, "child-welfare"));

    PolicyAlert first = alerts.readValuesToList().get(0);
    assertThat(first.kind()).isEqualTo("规范");
    assertThat(first.issuer()).isEqualTo("民政部儿童福利司");
    assertThat(first.status()).isEqualTo("draft");
    assertThat(first.deadline()).hasToString("2024-01-27");
    assertThat(first.region().level()).isEqualTo("national");
    assertThat(first.domains()).containsExactly("child-welfare");
    assertThat(first.articleId()).isEqualTo(drafts.id());
  }

  @Test
  void shouldAlertOnceWhenTwoArticlesFromDifferentSourcesAnnounceTheSamePolicy() {
    ClassifiedArticle first =
        SeedArticles.article("民政部印发意见", "近日，民政部印发《关于加强养老服务人才队伍建设的意见》，提出到2025年培养一批骨干人才。");
    ClassifiedArticle second =
        SeedArticles.article("养老服务人才队伍建设迎来新政", "民政部等12部门日前联合印发《关于加强养老服务人才队伍建设的意见》。");
    classified.pipeInput(first.id(), first);
    classified.pipeInput(second.id(), second);

    List<PolicyAlert> raised = alerts.readValuesToList();
    assertThat(raised).hasSize(1);
    assertThat(raised.get(0).articleId()).isEqualTo(first.id());
  }

  @Test
  void shouldNotReAlertWhenARepostAnnouncesAnAlertedPolicy() {
    RawArticle shanghai = SeedArticles.byTitle("调动社会力量积极性");
    ClassifiedArticle original = SeedArticles.classified(shanghai, "elderly-meals");
    ClassifiedArticle repost =
        ClassifiedArticle.of(
                new RawArticle(
                    "repost-of-shanghai",
                    shanghai.title(),
                    false,
                    "转自：东方网\n" + shanghai.text(),
                    "东方网",
                    null,
                    null,
                    null,
                    null,
                    shanghai.ingestedAt(),
                    "feed",
                    "0123456789abcdef0123456789abcdef"),
                original.domains(),
                original.primaryDomain(),
                null)
            .withDuplicateOf(shanghai.id());
    classified.pipeInput(original.id(), original);
    classified.pipeInput(repost.id(), repost);

    assertThat(alerts.readValuesToList()).hasSize(1);
    assertThat(domainTopic("elderly-meals").readValuesToList()).hasSize(2);
  }

  @Test
  void shouldAlertWhenARepostAnnouncesAPolicyItsOriginalDidNot() {
    ClassifiedArticle repostWithNews =
        SeedArticles.article("养老服务人才队伍建设迎来新政", "民政部等12部门日前联合印发《关于加强养老服务人才队伍建设的意见》。")
            .withDuplicateOf("an-earlier-article");
    classified.pipeInput(repostWithNews.id(), repostWithNews);

    assertThat(alerts.readValuesToList())
        .extracting(PolicyAlert::policyTitle)
        .containsExactly("关于加强养老服务人才队伍建设的意见");
  }

  /** The dead letter itself is asserted on a real broker (EnrichServiceIT): the driver has none. */
  @Test
  void shouldKeepEnrichingWhenAnInputRecordIsUnreadable() {
    TestInputTopic<byte[], byte[]> rawInput =
        driver.createInputTopic(
            Topics.CLASSIFIED_ARTICLES.name(),
            Serdes.ByteArray().serializer(),
            Serdes.ByteArray().serializer());
    rawInput.pipeInput(
        "k".getBytes(StandardCharsets.UTF_8), "{\"id\":".getBytes(StandardCharsets.UTF_8));
    RawArticle henan = SeedArticles.byTitle("河南省民政厅");
    classified.pipeInput(henan.id(), SeedArticles.classified(henan, "child-welfare"));

    assertThat(domainTopic("child-welfare").readValuesToList()).hasSize(1);
  }

  @Test
  void shouldDeadLetterTheRawRecordWithTheReasonWhenThePrimaryDomainIsNotOneOfTheArticlesDomains() {
    RawArticle shanghai = SeedArticles.byTitle("调动社会力量积极性");
    ClassifiedArticle meals = SeedArticles.classified(shanghai, "elderly-meals");
    ClassifiedArticle contradiction =
        ClassifiedArticle.of(shanghai, meals.domains(), "child-welfare", null);
    byte[] sent =
        Topics.CLASSIFIED_ARTICLES.valueSerde().serializer().serialize("t", contradiction);
    TestInputTopic<byte[], byte[]> rawInput =
        driver.createInputTopic(
            Topics.CLASSIFIED_ARTICLES.name(),
            Serdes.ByteArray().serializer(),
            Serdes.ByteArray().serializer());
    rawInput.pipeInput(shanghai.id().getBytes(StandardCharsets.UTF_8), sent);
    RawArticle henan = SeedArticles.byTitle("河南省民政厅");
    classified.pipeInput(henan.id(), SeedArticles.classified(henan, "child-welfare"));

    List<TestRecord<byte[], byte[]>> dead =
        driver
            .createOutputTopic(
                Topics.DEAD_LETTERS.name(),
                Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer())
            .readRecordsToList();
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).value()).isEqualTo(sent);
    assertThat(dead.get(0).key()).isEqualTo(shanghai.id().getBytes(StandardCharsets.UTF_8));
    assertThat(header(dead.get(0), DeadLetterHeaders.EXCEPTION))
        .isEqualTo(IllegalArgumentException.class.getName());
    assertThat(header(dead.get(0), DeadLetterHeaders.MESSAGE))
        .isEqualTo(
            "primaryDomain 'child-welfare' is not one of the article's domains [elderly-meals]");
    assertThat(header(dead.get(0), DeadLetterHeaders.TOPIC))
        .isEqualTo(Topics.CLASSIFIED_ARTICLES.name());
    assertThat(domainTopic("elderly-meals").isEmpty()).isTrue();
    assertThat(domainTopic("child-welfare").readKeyValuesToList())
        .extracting(record -> record.key)
        .containsExactly(henan.id());
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    assertThat(header).as(name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  private TestOutputTopic<String, EnrichedArticle> domainTopic(String domain) {
    return driver.createOutputTopic(
        Topics.domain(domain).name(),
        Topics.KEYS.deserializer(),
        Topics.domain(domain).valueSerde().deserializer());
  }
}
