package news.pipeline.ingest;

import java.util.List;
import news.pipeline.common.model.RawArticle;

/** What reading some input produced: the good articles in input order and what was refused. */
public record ReadResult(List<RawArticle> articles, List<Rejection> rejections) {
  public ReadResult {
    articles = List.copyOf(articles);
    rejections = List.copyOf(rejections);
  }
}
