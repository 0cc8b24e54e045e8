package news.pipeline.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import news.pipeline.classify.ArticleClassifier;
import news.pipeline.classify.BodySketch;
import news.pipeline.classify.SketchedArticle;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.json.JsonSerde;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.EnrichedArticle;
import news.pipeline.common.model.RawArticle;
import news.pipeline.enrich.ArticleEnricher;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the wire costs per article, with the topics' own serdes: classify reading a raw article
 * (strict UTF-8, JSON, text check, schema validation) and passing the labelled article through its
 * internal dedup hop (unvalidated, written and read by classify itself); enrich reading a
 * classified article and writing an enriched one. Set beside {@link ClassifierBenchmark} and {@link
 * EnricherBenchmark} this shows how much of the pipeline's cost is not NLP.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx1g"})
@State(Scope.Thread)
public class SerdeBenchmark {
  private static final String DOMAIN_TOPIC = Topics.domain("other").name();

  private final Deserializer<RawArticle> readRaw = Topics.RAW_ARTICLES.valueSerde().deserializer();
  private final JsonSerde<SketchedArticle> dedupHop = JsonSerde.of(SketchedArticle.class);
  private final Deserializer<ClassifiedArticle> readClassified =
      Topics.CLASSIFIED_ARTICLES.valueSerde().deserializer();
  private final Serializer<EnrichedArticle> writeEnriched =
      Topics.domain("other").valueSerde().serializer();
  private List<byte[]> rawBytes;
  private List<SketchedArticle> sketched;
  private List<byte[]> sketchedBytes;
  private List<byte[]> classifiedBytes;
  private List<EnrichedArticle> enriched;
  private int next;

  @Setup
  public void setUp() {
    PipelineConfig config = PipelineConfig.defaults();
    ArticleClassifier classifier = ArticleClassifier.fromConfig(config);
    ArticleEnricher enricher = ArticleEnricher.fromConfig(config);
    List<RawArticle> raw = Articles.generated(0);
    Serializer<RawArticle> writeRaw = Topics.RAW_ARTICLES.valueSerde().serializer();
    rawBytes = raw.stream().map(a -> writeRaw.serialize(Topics.RAW_ARTICLES.name(), a)).toList();
    List<ClassifiedArticle> classified = raw.stream().map(classifier::classify).toList();
    sketched =
        IntStream.range(0, raw.size())
            .mapToObj(i -> new SketchedArticle(classified.get(i), BodySketch.of(raw.get(i).text())))
            .toList();
    sketchedBytes = sketched.stream().map(a -> dedupHop.serializer().serialize(null, a)).toList();
    Serializer<ClassifiedArticle> writeClassified =
        Topics.CLASSIFIED_ARTICLES.valueSerde().serializer();
    classifiedBytes =
        classified.stream()
            .map(a -> writeClassified.serialize(Topics.CLASSIFIED_ARTICLES.name(), a))
            .toList();
    enriched = classified.stream().map(enricher::enrich).toList();
  }

  @Benchmark
  public RawArticle readRawArticle() {
    byte[] bytes = rawBytes.get(next);
    next = (next + 1) % rawBytes.size();
    return readRaw.deserialize(Topics.RAW_ARTICLES.name(), bytes);
  }

  @Benchmark
  public byte[] writeDedupHop() {
    SketchedArticle article = sketched.get(next);
    next = (next + 1) % sketched.size();
    return dedupHop.serializer().serialize(null, article);
  }

  @Benchmark
  public SketchedArticle readDedupHop() {
    byte[] bytes = sketchedBytes.get(next);
    next = (next + 1) % sketchedBytes.size();
    return dedupHop.deserializer().deserialize(null, bytes);
  }

  @Benchmark
  public ClassifiedArticle readClassifiedArticle() {
    byte[] bytes = classifiedBytes.get(next);
    next = (next + 1) % classifiedBytes.size();
    return readClassified.deserialize(Topics.CLASSIFIED_ARTICLES.name(), bytes);
  }

  @Benchmark
  public byte[] writeEnrichedArticle() {
    EnrichedArticle article = enriched.get(next);
    next = (next + 1) % enriched.size();
    return writeEnriched.serialize(DOMAIN_TOPIC, article);
  }
}
