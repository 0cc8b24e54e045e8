package news.pipeline.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import news.pipeline.classify.ArticleClassifier;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.EnrichedArticle;
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
 * What the wire costs enrich per article: reading a classified article (strict UTF-8, JSON, schema
 * validation) and writing an enriched one, with the topics' own serdes. Set beside {@link
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

  private final Deserializer<ClassifiedArticle> readClassified =
      Topics.CLASSIFIED_ARTICLES.valueSerde().deserializer();
  private final Serializer<EnrichedArticle> writeEnriched =
      Topics.domain("other").valueSerde().serializer();
  private List<byte[]> classifiedBytes;
  private List<EnrichedArticle> enriched;
  private int next;

  @Setup
  public void setUp() {
    PipelineConfig config = PipelineConfig.defaults();
    ArticleClassifier classifier = ArticleClassifier.fromConfig(config);
    ArticleEnricher enricher = ArticleEnricher.fromConfig(config);
    List<ClassifiedArticle> classified =
        Articles.generated(0).stream().map(classifier::classify).toList();
    Serializer<ClassifiedArticle> writeClassified =
        Topics.CLASSIFIED_ARTICLES.valueSerde().serializer();
    classifiedBytes =
        classified.stream()
            .map(a -> writeClassified.serialize(Topics.CLASSIFIED_ARTICLES.name(), a))
            .toList();
    enriched = classified.stream().map(enricher::enrich).toList();
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
