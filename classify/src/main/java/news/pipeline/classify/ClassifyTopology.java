package news.pipeline.classify;

import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.json.JsonSerde;
import news.pipeline.common.kafka.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * {@code news.articles.raw} → label (in parallel, on every input partition) → one dedup partition →
 * {@code news.articles.classified}.
 *
 * <p>Articles are keyed by content id, so a repost lands on another partition than its original; a
 * per-partition store would never see both. Every labelled article therefore passes through a
 * single-partition repartition topic to the one task that holds all fingerprints. Labelling and
 * SimHash, the costly steps, stay parallel on every input partition; the serial step is an index
 * lookup of microseconds.
 */
public final class ClassifyTopology {
  public static final String SOURCE = "classify-source";
  public static final String KEY_BY_ID = "classify-key-by-id";
  public static final String LABEL = "classify-label";
  public static final String DEDUP_REPARTITION = "classify-dedup";
  public static final String MARK_DUPLICATES = "classify-mark-duplicates";
  public static final String FINGERPRINT_STORE = "classify-fingerprints";
  public static final String SINK = "classify-sink";

  private ClassifyTopology() {}

  public static Topology buildTopology(PipelineConfig config) {
    ArticleClassifier classifier = ArticleClassifier.fromConfig(config);
    StreamsBuilder builder = new StreamsBuilder();
    StoreBuilder<KeyValueStore<String, Fingerprint>> fingerprints =
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(FINGERPRINT_STORE),
            Topics.KEYS,
            JsonSerde.of(Fingerprint.class));
    builder.addStateStore(fingerprints);
    builder.stream(Topics.RAW_ARTICLES.name(), Topics.RAW_ARTICLES.consumedAs(SOURCE))
        // A record without a key still gets one partition-stable identity: its article id.
        .selectKey((key, article) -> key != null ? key : article.id(), Named.as(KEY_BY_ID))
        .mapValues(
            article ->
                new SketchedArticle(classifier.classify(article), BodySketch.of(article.text())),
            Named.as(LABEL))
        .repartition(
            Repartitioned.with(Topics.KEYS, JsonSerde.of(SketchedArticle.class))
                .withName(DEDUP_REPARTITION)
                .withNumberOfPartitions(1))
        .processValues(
            () -> new DuplicateMarker(config, FINGERPRINT_STORE),
            Named.as(MARK_DUPLICATES),
            FINGERPRINT_STORE)
        .to(Topics.CLASSIFIED_ARTICLES.name(), Topics.CLASSIFIED_ARTICLES.producedAs(SINK));
    return builder.build();
  }
}
