package news.pipeline.common.text;

/**
 * A title to show for an article whose source gave none: the story's first sentence (after any
 * dateline or byline), cut at a clause break when it is long, never inside 《》 or a quotation and
 * never through a character.
 */
public final class DisplayTitle {
  /** Long enough for a Chinese news headline, short enough for one line of a list. */
  static final int MAX_CODE_POINTS = 40;

  private static final int MIN_CUT_CODE_POINTS = 12;
  private static final String SENTENCE_ENDS = "。！？；!?;";

  /** A clause ends here; a list item (、) or a space only when no clause break is in reach. */
  private static final String CLAUSE_BREAKS = "，：,:";

  private static final String WEAK_BREAKS = "、 \u3000";
  private static final String TRAILING = "，、：；,:; \u3000。";

  private DisplayTitle() {}

  /** The display title, or null when the text holds no words. */
  public static String derive(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String story = firstLine(text, CreditLines.find(text).bodyStart());
    if (story.isEmpty()) {
      story = firstLine(text, 0);
    }
    String sentence = firstSentence(story);
    if (sentence.codePointCount(0, sentence.length()) <= MAX_CODE_POINTS) {
      return strip(sentence);
    }
    return strip(sentence.substring(0, cutPoint(sentence))) + "…";
  }

  private static String firstLine(String text, int from) {
    int start = from;
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    int end = text.indexOf('\n', start);
    return text.substring(start, end < 0 ? text.length() : end).strip();
  }

  /** Up to the first sentence end that is outside brackets and quotes. */
  private static String firstSentence(String line) {
    int depth = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      depth += nesting(c);
      if (depth <= 0 && SENTENCE_ENDS.indexOf(c) >= 0 && i > 0) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /**
   * Where to cut a long sentence: the last clause break outside brackets within the limit (a list
   * break when there is none), or at the limit; moved back before an unclosed 《 or “ and off a
   * surrogate pair.
   */
  private static int cutPoint(String sentence) {
    int limit = sentence.offsetByCodePoints(0, MAX_CODE_POINTS);
    int minimum = sentence.offsetByCodePoints(0, MIN_CUT_CODE_POINTS);
    int depth = 0;
    int lastBreak = -1;
    int lastWeakBreak = -1;
    int openedAt = -1;
    for (int i = 0; i < limit; i++) {
      char c = sentence.charAt(i);
      int change = nesting(c);
      if (change > 0 && depth == 0) {
        openedAt = i;
      }
      depth = Math.max(0, depth + change);
      if (depth == 0 && i >= minimum) {
        if (CLAUSE_BREAKS.indexOf(c) >= 0) {
          lastBreak = i;
        } else if (WEAK_BREAKS.indexOf(c) >= 0) {
          lastWeakBreak = i;
        }
      }
    }
    if (lastBreak > 0 || lastWeakBreak > 0) {
      return lastBreak > 0 ? lastBreak : lastWeakBreak;
    }
    int cut = depth > 0 && openedAt > 0 ? openedAt : limit;
    return Character.isLowSurrogate(sentence.charAt(cut)) ? cut - 1 : cut;
  }

  private static int nesting(char c) {
    return switch (c) {
      case '《', '“', '（', '(', '「', '【', '〔' -> 1;
      case '》', '”', '）', ')', '」', '】', '〕' -> -1;
      default -> 0;
    };
  }

  private static String strip(String title) {
    int end = title.length();
    while (end > 0 && TRAILING.indexOf(title.charAt(end - 1)) >= 0) {
      end--;
    }
    return title.substring(0, end).strip();
  }
}
