package news.pipeline.common.text;

import news.pipeline.common.model.Span;

/**
 * An article's text as the analysis reads it: {@link ChineseText#fold folded} to one surface form
 * and with its {@link CreditLines credit lines} blanked, so a dateline's city is not a place of the
 * story and a byline's reporter is not one of its people. The view has the length of the original,
 * character for character: every offset found in {@link #text()} points at the same words in {@link
 * #original()}, which is what spans and quotes are cut from.
 */
public record AnalysisView(String original, String text, Credits credits) {

  public static AnalysisView of(String original) {
    String source = original == null ? "" : original;
    String folded = ChineseText.fold(source);
    Credits credits = CreditLines.find(source, folded);
    char[] view = folded.toCharArray();
    for (Span span : credits.spans()) {
      for (int i = span.start(); i < span.end(); i++) {
        if (view[i] != '\n') {
          view[i] = ' ';
        }
      }
    }
    return new AnalysisView(source, new String(view), credits);
  }

  /** The original words at a span of the view. */
  public String original(Span span) {
    return original.substring(span.start(), span.end());
  }

  /** The original words between two offsets of the view. */
  public String original(int start, int end) {
    return original.substring(start, end);
  }
}
