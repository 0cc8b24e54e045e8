package news.pipeline.ingest;

import java.util.ArrayList;
import java.util.List;
import news.pipeline.common.model.RawArticle;

/** What reading produced, with the refused bytes kept for the dead-letter topic. */
record Reading(List<RawArticle> articles, List<RejectedInput> rejected) {
  static Reading empty() {
    return new Reading(new ArrayList<>(), new ArrayList<>());
  }

  static Reading rejected(RejectedInput rejection) {
    Reading reading = empty();
    reading.rejected().add(rejection);
    return reading;
  }

  void addAll(Reading other) {
    articles.addAll(other.articles);
    rejected.addAll(other.rejected);
  }

  ReadResult toResult() {
    return new ReadResult(articles, rejected.stream().map(RejectedInput::rejection).toList());
  }
}
