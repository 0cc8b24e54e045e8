package news.pipeline.common.text;

import java.util.List;
import news.pipeline.common.model.Span;

/**
 * The credit lines of one text: where they are, and what they say. {@code spans} cover the
 * dateline, bylines and editor lines, which are about the publication, not the story. {@code
 * bodyStart} is where the story itself begins.
 */
public record Credits(
    String source, String dateline, List<Reporter> reporters, List<Span> spans, int bodyStart) {

  /** A person named in a byline, as written in the original text. */
  public record Reporter(String name, Span span) {}

  public static Credits none() {
    return new Credits(null, null, List.of(), List.of(), 0);
  }

  /** The reporters' names joined as the {@code reporter} field carries them, or null. */
  public String reporterNames() {
    return reporters.isEmpty()
        ? null
        : String.join("、", reporters.stream().map(Reporter::name).distinct().toList());
  }
}
