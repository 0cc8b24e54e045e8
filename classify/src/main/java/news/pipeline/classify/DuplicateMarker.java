package news.pipeline.classify;

import java.time.Duration;
import java.util.function.BiConsumer;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.model.ClassifiedArticle;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sets {@code duplicateOf} on reposts, with the fingerprints in a changelogged store so a restart
 * or a moved task remembers what it saw; expired fingerprints are purged on stream time.
 */
final class DuplicateMarker
    implements FixedKeyProcessor<String, SketchedArticle, ClassifiedArticle> {
  static final String PURGE_INTERVAL = "news.classify.dedup.purge.interval";

  private final PipelineConfig config;
  private final String storeName;
  private FixedKeyProcessorContext<String, ClassifiedArticle> context;
  private DuplicateDetector detector;

  DuplicateMarker(PipelineConfig config, String storeName) {
    this.config = config;
    this.storeName = storeName;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, ClassifiedArticle> context) {
    this.context = context;
    KeyValueStore<String, Fingerprint> store = context.getStateStore(storeName);
    detector = DuplicateDetector.fromConfig(config, new StoreAdapter(store));
    Duration interval = config.getDuration(PURGE_INTERVAL);
    // Stream time: retention follows the records' own clock, so a replay purges the same way.
    context.schedule(interval, PunctuationType.STREAM_TIME, detector::purge);
  }

  @Override
  public void process(FixedKeyRecord<String, SketchedArticle> record) {
    ClassifiedArticle article = record.value().article();
    String original = detector.firstSeen(article.id(), record.value().sketch(), record.timestamp());
    context.forward(
        record.withValue(original == null ? article : article.withDuplicateOf(original)));
  }

  private record StoreAdapter(KeyValueStore<String, Fingerprint> store)
      implements DuplicateDetector.FingerprintStore {
    @Override
    public void put(String id, Fingerprint fingerprint) {
      store.put(id, fingerprint);
    }

    @Override
    public void delete(String id) {
      store.delete(id);
    }

    @Override
    public void forEach(BiConsumer<String, Fingerprint> action) {
      try (KeyValueIterator<String, Fingerprint> all = store.all()) {
        while (all.hasNext()) {
          KeyValue<String, Fingerprint> entry = all.next();
          action.accept(entry.key, entry.value);
        }
      }
    }
  }
}
