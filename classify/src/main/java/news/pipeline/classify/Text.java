package news.pipeline.classify;

import java.util.ArrayList;
import java.util.List;

/** Text preparation shared by the classifier and the duplicate detector. */
final class Text {
  private Text() {}

  /**
   * Joins lines the way a reader does: whitespace between two Chinese characters is a line break
   * inside a word or sentence (seeds break 孤\n儿), so it is removed; a run between two Latin-script
   * words becomes one space.
   */
  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!isSpace(c)) {
        out.append(c == '\u3000' ? ' ' : c);
        i++;
        continue;
      }
      int end = i;
      while (end < n && isSpace(text.charAt(end))) {
        end++;
      }
      // Chinese needs no spaces; keep one only between two Latin-script words.
      boolean inside = out.length() > 0 && end < n;
      if (inside && !isWide(out.charAt(out.length() - 1)) && !isWide(text.charAt(end))) {
        out.append(' ');
      }
      i = end;
    }
    return out.toString();
  }

  /** Sentence boundaries of normalized text: the end offset (exclusive) of each sentence. */
  static int[] sentenceEnds(String text) {
    List<Integer> ends = new ArrayList<>();
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (isSentenceEnd(text.charAt(i))) {
        int end = i + 1;
        // Keep a closing quote or bracket with the sentence it ends.
        while (end < n && isCloser(text.charAt(end))) {
          end++;
        }
        ends.add(end);
        i = end - 1;
      }
    }
    if (ends.isEmpty() || ends.get(ends.size() - 1) < n) {
      ends.add(n);
    }
    return ends.stream().mapToInt(Integer::intValue).toArray();
  }

  private static boolean isSentenceEnd(char c) {
    return c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';';
  }

  private static boolean isCloser(char c) {
    return c == '”' || c == '’' || c == '」' || c == '』' || c == '）' || c == ')';
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0';
  }

  /** CJK characters and full-width punctuation, which Chinese writes without spaces. */
  static boolean isWide(char c) {
    return c >= '\u2E80';
  }
}
