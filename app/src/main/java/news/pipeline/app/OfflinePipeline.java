package news.pipeline.app;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import news.pipeline.classify.ArticleClassifier;
import news.pipeline.classify.DuplicateDetector;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.RawArticle;
import news.pipeline.enrich.ArticleEnricher;
import news.pipeline.ingest.ArticleReader;
import news.pipeline.ingest.ReadResult;
import news.pipeline.ingest.Rejection;

/**
 * The services' code path without a broker: ingest's reader → repost detection → classification (→
 * enrichment). Each article is handed on as soon as it is done, in input order; reposts are
 * detected across every input of one run.
 */
public final class OfflinePipeline {
  private final ArticleClassifier classifier;
  private final DuplicateDetector duplicates;
  private final ArticleEnricher enricher;

  public OfflinePipeline(PipelineConfig config) {
    this.classifier = ArticleClassifier.fromConfig(config);
    this.duplicates = DuplicateDetector.inMemory(config);
    this.enricher = ArticleEnricher.fromConfig(config);
  }

  /** What one run read and refused. */
  public record Summary(int processed, List<Rejection> rejections) {}

  /**
   * Reads every input ({@code -} is {@code stdin}) and hands each finished record to {@code out}.
   */
  public Summary run(List<String> inputs, InputStream stdin, Consumer<Record> out) {
    int processed = 0;
    List<Rejection> rejections = new ArrayList<>();
    for (String input : inputs) {
      ReadResult read =
          input.equals("-")
              ? ArticleReader.read(stdin, "stdin")
              : ArticleReader.read(Path.of(input));
      rejections.addAll(read.rejections());
      for (RawArticle article : read.articles()) {
        out.accept(process(article));
        processed++;
      }
    }
    return new Summary(processed, rejections);
  }

  /** One article through every stage, as the services would publish it. */
  public Record process(RawArticle article) {
    return enricher.enrich(classify(article));
  }

  /** Repost detection first (it remembers the article), then the labels. */
  public ClassifiedArticle classify(RawArticle article) {
    String original =
        duplicates.firstSeen(article.id(), article.text(), article.ingestedAt().toEpochMilli());
    ClassifiedArticle classified = classifier.classify(article);
    return original == null ? classified : classified.withDuplicateOf(original);
  }
}
