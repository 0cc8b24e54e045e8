package news.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.kafka.StreamsSettings;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.Domains;
import news.pipeline.common.model.RawArticle;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyTopologyTest {
  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, RawArticle> raw;
  private TestInputTopic<byte[], byte[]> rawBytes;
  private TestOutputTopic<String, ClassifiedArticle> classified;

  @BeforeEach
  void start() {
    PipelineConfig config =
        PipelineConfig.defaults().with(PipelineConfig.STATE_DIR, stateDir.toString());
    Properties props = StreamsSettings.forApplication(config, "classify-topology-test");
    driver = new TopologyTestDriver(ClassifyTopology.buildTopology(config), props);
    raw =
        driver.createInputTopic(
            Topics.RAW_ARTICLES.name(),
            Topics.KEYS.serializer(),
            Topics.RAW_ARTICLES.valueSerde().serializer());
    rawBytes =
        driver.createInputTopic(
            Topics.RAW_ARTICLES.name(), new ByteArraySerializer(), new ByteArraySerializer());
    classified =
        driver.createOutputTopic(
            Topics.CLASSIFIED_ARTICLES.name(),
            Topics.KEYS.deserializer(),
            Topics.CLASSIFIED_ARTICLES.valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void shouldNameEveryProcessorTopicAndStoreWhenBuilt() {
    Topology topology = ClassifyTopology.buildTopology(PipelineConfig.defaults());
    Set<String> nodes = new TreeSet<>();
    Set<String> stores = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        nodes.add(node.name());
        if (node instanceof TopologyDescription.Processor processor) {
          stores.addAll(processor.stores());
        }
      }
    }
    assertThat(nodes)
        .containsExactlyInAnyOrder(
            "classify-source",
            "classify-key-by-id",
            "classify-label",
            "classify-dedup-repartition-filter",
            "classify-dedup-repartition-sink",
            "classify-dedup-repartition-source",
            "classify-mark-duplicates",
            "classify-sink");
    assertThat(stores).containsExactly("classify-fingerprints");
    assertThat(topology.describe().toString())
        .contains("topics: [news.articles.raw]")
        .contains("topic: news.articles.classified")
        .contains("classify-dedup-repartition");
  }

  @Test
  void shouldLabelWithEvidenceWhenRawArticleArrives() {
    LabeledArticle meals = Fixtures.seed("江苏苏州老年助餐");
    raw.pipeInput(meals.id(), Fixtures.raw(meals), T0);

    TestRecord<String, ClassifiedArticle> out = classified.readRecord();
    assertThat(out.key()).isEqualTo(meals.id());
    assertThat(out.value().primaryDomain()).isEqualTo(Domains.ELDERLY_MEALS);
    assertThat(out.value().domains().get(0).evidence().terms()).isNotEmpty();
    assertThat(out.value().domains().get(0).evidence().sentence()).contains("助餐");
    assertThat(out.value().duplicateOf()).isNull();
  }

  @Test
  void shouldMarkRepostWhenSameBodyArrivesUnderAnotherKey() {
    LabeledArticle original = Fixtures.seed("辽宁省民政厅召开会议");
    RawArticle repost =
        Fixtures.raw(
            "repost-1", "辽宁部署困难群众兜底保障提质增效专项行动", "来源：辽宁日报\n" + original.text() + "\n责任编辑：王晓");
    raw.pipeInput(original.id(), Fixtures.raw(original), T0);
    raw.pipeInput("repost-1", repost, T0.plusSeconds(3600));

    List<ClassifiedArticle> out = classified.readValuesToList();
    assertThat(out).hasSize(2);
    assertThat(out.get(0).duplicateOf()).isNull();
    assertThat(out.get(1).duplicateOf()).isEqualTo(original.id());
    assertThat(out.get(1).primaryDomain()).isEqualTo(Domains.SOCIAL_ASSISTANCE);
  }

  @Test
  void shouldNotMarkDifferentArticleOnSameTopicWhenBothArrive() {
    LabeledArticle hubei = Fixtures.seed("湖北省民政厅举办全省社会事务工作培训班");
    LabeledArticle jiangsu = Fixtures.seed("江苏省民政厅举办2024年全省社会事务工作培训会");
    raw.pipeInput(hubei.id(), Fixtures.raw(hubei), T0);
    raw.pipeInput(jiangsu.id(), Fixtures.raw(jiangsu), T0.plusSeconds(60));

    assertThat(classified.readValuesToList())
        .extracting(ClassifiedArticle::duplicateOf)
        .containsExactly(null, null);
  }

  @Test
  void shouldForgetOriginalWhenRetentionHasPassed() {
    LabeledArticle original = Fixtures.seed("辽宁省民政厅召开会议");
    raw.pipeInput(original.id(), Fixtures.raw(original), T0);
    // Moves stream time past the 30-day retention so the purge punctuator runs.
    LabeledArticle other = Fixtures.seed("江西省举办2023年度");
    raw.pipeInput(other.id(), Fixtures.raw(other), T0.plus(Duration.ofDays(31)));
    KeyValueStore<String, Fingerprint> store =
        driver.getKeyValueStore(ClassifyTopology.FINGERPRINT_STORE);
    assertThat(store.get(original.id())).isNull();

    raw.pipeInput(
        "late-repost",
        Fixtures.raw("late-repost", original.title(), original.text()),
        T0.plus(Duration.ofDays(31)));
    List<ClassifiedArticle> out = classified.readValuesToList();
    assertThat(out.get(2).duplicateOf()).isNull();
  }

  /**
   * Valid UTF-8 whose JSON escape is half a surrogate pair: refused on read as {@code bad-text},
   * never classified, so it cannot reach subscribers. Its dead letter is checked on a real broker
   * in ClassifyServiceIT (the test driver writes no dead letters).
   */
  @Test
  void shouldRefuseRecordAndGoOnWhenTextHoldsUnpairedSurrogate() {
    LabeledArticle meals = Fixtures.seed("江苏苏州老年助餐");
    rawBytes.pipeInput(
        meals.id().getBytes(StandardCharsets.UTF_8),
        Fixtures.withUnpairedSurrogate(Fixtures.raw(meals)),
        T0);
    LabeledArticle good = Fixtures.seed("江西省举办2023年度");
    raw.pipeInput(good.id(), Fixtures.raw(good), T0.plusSeconds(1));

    assertThat(classified.readValuesToList())
        .extracting(ClassifiedArticle::id)
        .containsExactly(good.id());
  }

  /** The dead-letter records themselves are checked on a real broker in ClassifyServiceIT. */
  @Test
  void shouldKeepProcessingWhenRecordIsNotAnArticle() {
    rawBytes.pipeInput(
        "bad".getBytes(StandardCharsets.UTF_8), "{\"title\":".getBytes(StandardCharsets.UTF_8));
    rawBytes.pipeInput(
        "no-text".getBytes(StandardCharsets.UTF_8),
        "{\"id\":\"x\",\"title\":\"标题\"}".getBytes(StandardCharsets.UTF_8));
    LabeledArticle good = Fixtures.seed("江西省举办2023年度");
    raw.pipeInput(good.id(), Fixtures.raw(good), T0);

    assertThat(classified.readValuesToList())
        .extracting(ClassifiedArticle::primaryDomain)
        .containsExactly(Domains.SOCIAL_ORGANIZATIONS);
  }
}
