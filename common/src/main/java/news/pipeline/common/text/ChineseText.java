package news.pipeline.common.text;

import com.hankcs.hanlp.HanLP;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One surface form for the same words: traditional characters to simplified (HanLP's t2s),
 * full-width letters and digits to ASCII, and ASCII punctuation written among Chinese to the
 * full-width forms Chinese text uses ({@code ,} → {@code ，}, {@code (} → {@code （}, {@code "} →
 * {@code “”}). Reposting sites, feeds and copy-pasted pages differ from the source only in these.
 *
 * <p>The result always has the length of the input, character for character, so an offset found in
 * the folded text is the same offset in the original.
 */
public final class ChineseText {
  /** Full-width punctuation that Chinese text writes as such: kept, and the target of folding. */
  private static final String CHINESE_PUNCTUATION = "，（）：；！？";

  private static final String ASCII_TO_WIDE_FROM = ",:;!?()[]";
  private static final String ASCII_TO_WIDE_TO = "，：；！？（）【】";

  private ChineseText() {}

  public static String fold(String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    char[] chars = simplified(text).toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = foldWidth(chars[i]);
    }
    boolean quoteOpen = false;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c == '\n') {
        quoteOpen = false;
      } else if (c == '"' && amongChinese(chars, i)) {
        chars[i] = quoteOpen ? '”' : '“';
        quoteOpen = !quoteOpen;
      } else {
        int at = ASCII_TO_WIDE_FROM.indexOf(c);
        if (at >= 0 && amongChinese(chars, i)) {
          chars[i] = ASCII_TO_WIDE_TO.charAt(at);
        }
      }
    }
    matchBracketPairs(chars);
    return new String(chars);
  }

  /** Whether {@code c} is a Chinese character or full-width punctuation (no space between). */
  public static boolean isWide(char c) {
    return c >= '\u2E80' && c != '\u3000' && !Character.isWhitespace(c);
  }

  /**
   * HanLP converts by longest phrase; two of its 4,468 phrases change length (士多啤梨 → 草莓). When that
   * happens the text is converted character by character instead, which keeps the length.
   */
  private static String simplified(String text) {
    String converted = HanLP.convertToSimplifiedChinese(text);
    if (converted.length() == text.length()) {
      return converted;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      String one = HanLP.convertToSimplifiedChinese(String.valueOf(text.charAt(i)));
      out.append(one.length() == 1 ? one.charAt(0) : text.charAt(i));
    }
    return out.toString();
  }

  private static char foldWidth(char c) {
    if (c >= '\uFF01' && c <= '\uFF5E' && CHINESE_PUNCTUATION.indexOf(c) < 0) {
      return (char) (c - 0xFEE0);
    }
    return switch (c) {
      case '\u00A0' -> ' ';
      case '「' -> '“';
      case '」' -> '”';
      case '『' -> '‘';
      case '』' -> '’';
      default -> c;
    };
  }

  /** True when the nearest non-blank character on either side, on the same line, is Chinese. */
  private static boolean amongChinese(char[] chars, int at) {
    for (int i = at - 1; i >= 0 && chars[i] != '\n'; i--) {
      if (!isBlank(chars[i])) {
        if (isWide(chars[i])) {
          return true;
        }
        break;
      }
    }
    for (int i = at + 1; i < chars.length && chars[i] != '\n'; i++) {
      if (!isBlank(chars[i])) {
        return isWide(chars[i]);
      }
    }
    return false;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\u3000';
  }

  /** A bracket pair folds together: {@code (2024年修订)} must not become {@code (2024年修订）}. */
  private static void matchBracketPairs(char[] chars) {
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c == '(' || c == '（') {
        open.push(i);
      } else if ((c == ')' || c == '）') && !open.isEmpty()) {
        int start = open.pop();
        if ((chars[start] == '（') != (c == '）')) {
          chars[start] = '（';
          chars[i] = '）';
        }
      }
    }
  }
}
