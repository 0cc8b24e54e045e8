package news.pipeline.common.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.pipeline.common.model.Span;

/**
 * Finds the dateline and credit lines that news text opens and closes with: agency datelines
 * (新华社北京1月2日电), 本报讯 and outlet 讯 leads, bracketed outlets (【财新网】), reporter groups ((记者 甲 通讯员 乙)),
 * byline lines (■ 本报记者 甲) and closing source and editor lines ((来源：…), 责任编辑：…).
 *
 * <p>Patterns are matched on {@link ChineseText#fold folded} text, so traditional characters and
 * ASCII punctuation need no patterns of their own; names and source are cut from the original, so
 * they read as the source wrote them.
 */
public final class CreditLines {
  private static final String HAN = "\\p{IsHan}";
  private static final String NAME = "[" + HAN + "·]{2,5}";

  /** An outlet's name as it precedes a role or a 讯: 本报, 新华社, 厦门日报, 鲁网. */
  private static final String OUTLET =
      "(?:本报|本刊|本台|本网|[" + HAN + "]{1,8}?(?:日报|晚报|报|网|台|社|新闻|客户端))";

  private static final String ROLE =
      "(?:" + OUTLET + ")?(?:特约|实习|见习|首席|融媒体)?" + "(?:记者|通讯员|实习生|摄影记者|摄影|摄|编辑|撰稿|作者)";
  private static final String GAP = "[ \\t\\u3000、，]*";
  private static final String ROLE_AND_NAMES =
      ROLE + "[ \\t\\u3000：]*" + NAME + "(?:" + GAP + "(?!" + ROLE + ")" + NAME + ")*";
  private static final String CREDITS = ROLE_AND_NAMES + "(?:" + GAP + ROLE_AND_NAMES + ")*";

  private static final String AGENCY =
      "新华社|中新社|中国新闻社|中新网|新华网|人民网|央视网|央广网|央视新闻|中国网|光明网|国际在线" + "|本报|本网|本台|本刊";

  /** 新华社北京1月2日电, 中新网12月3日电, 本报北京电, 本报讯, 江南晚报讯, 央视网消息. */
  private static final Pattern DATELINE =
      Pattern.compile(
          "(?<agency>"
              + AGENCY
              + "|"
              + OUTLET
              + ")?(?<place>["
              + HAN
              + "]{2,7}?)?(?:\\d{1,2}月\\d{1,2}日)(?:电|讯|消息)"
              + "|(?<agency2>"
              + AGENCY
              + ")(?<place2>["
              + HAN
              + "]{2,7}?)?(?:电|讯)"
              + "|(?<outlet>["
              + HAN
              + "]{1,10}?(?:报|网|台|刊|社|新闻|客户端))(?:讯|消息)");

  /** 【编者按】 and the like open a text too, but name no outlet. */
  private static final Pattern EDITORIAL_LABEL =
      Pattern.compile("编者按|导读|提要|摘要|关键词|核心提示|专题|聚焦|快讯|图解|视频|直播|热点");

  private static final Pattern BRACKETED_OUTLET = Pattern.compile("【(?<outlet>[^】\\n]{1,20})】");
  private static final Pattern CREDIT_GROUP = Pattern.compile("（" + GAP + CREDITS + GAP + "）");
  private static final Pattern BYLINE_LINE =
      Pattern.compile(
          "[■●▲◆□ \\t\\u3000]*(?:" + CREDITS + "|(?:文|图|文图|文/图)/" + NAME + ")[ \\t\\u3000]*");
  private static final Pattern NAMES_IN =
      Pattern.compile("(?<!" + HAN + ")(?:" + ROLE + ")?[ \\t\\u3000：]*(?<name>" + NAME + ")");
  private static final Pattern CLOSING_LINE =
      Pattern.compile(
          "[ \\t\\u3000]*[（【]?(?<label>来源|稿源|信息来源|责任编辑|责编|编辑|审核|审校|校对|终审|监制|原标题)"
              + "[：:](?<value>[^\\n]{0,80}?)[）】]?[ \\t\\u3000]*");
  private static final Pattern CLOSING_GROUP =
      Pattern.compile("（" + GAP + "(?:" + CREDITS + "|完)" + GAP + "）[ \\t\\u3000]*$");

  private static final int MAX_BYLINE_CHARS = 40;

  private CreditLines() {}

  public static Credits find(String original) {
    return original == null ? Credits.none() : find(original, ChineseText.fold(original));
  }

  /** As {@link #find(String)}, for a caller that has folded the text already. */
  static Credits find(String original, String folded) {
    if (original.isBlank()) {
      return Credits.none();
    }
    Found found = new Found(original);
    int bodyStart = leading(folded, found);
    trailing(folded, found);
    return new Credits(
        found.source,
        found.dateline,
        List.copyOf(found.reporters),
        List.copyOf(found.spans),
        bodyStart);
  }

  /** Consumes credit elements at the start, in any order; returns where the story begins. */
  private static int leading(String text, Found found) {
    int at = skipBlank(text, 0);
    boolean progress = true;
    while (progress && at < text.length()) {
      progress = false;
      Matcher outlet = BRACKETED_OUTLET.matcher(text).region(at, text.length());
      if (outlet.lookingAt()) {
        String name = text.substring(outlet.start("outlet"), outlet.end("outlet"));
        if (!EDITORIAL_LABEL.matcher(name).find()) {
          found.sourceIfUnset(
              found.original.substring(outlet.start("outlet"), outlet.end("outlet")));
        }
        at = found.take(outlet.start(), outlet.end(), text);
        progress = true;
        continue;
      }
      Matcher dateline = DATELINE.matcher(text).region(at, text.length());
      if (found.dateline == null && dateline.lookingAt() && endsAtBreak(text, dateline.end())) {
        found.dateline = found.original.substring(dateline.start(), dateline.end());
        found.sourceIfUnset(agency(dateline, found.original));
        at = found.take(dateline.start(), dateline.end(), text);
        progress = true;
        continue;
      }
      Matcher group = CREDIT_GROUP.matcher(text).region(at, text.length());
      if (group.lookingAt()) {
        found.reporters(text, group.start(), group.end());
        at = found.take(group.start(), group.end(), text);
        progress = true;
        continue;
      }
      int lineEnd = lineEnd(text, at);
      Matcher byline = BYLINE_LINE.matcher(text).region(at, lineEnd);
      if (lineEnd - at <= MAX_BYLINE_CHARS && byline.matches()) {
        found.reporters(text, at, lineEnd);
        at = found.take(at, lineEnd, text);
        progress = true;
      }
    }
    return found.spans.isEmpty() ? 0 : Math.min(at, text.length());
  }

  /** Closing source, editor and reporter lines, from the last line up. */
  private static void trailing(String text, Found found) {
    int end = text.length();
    for (int lines = 0; lines < 4 && end > 0; lines++) {
      int stop = end;
      while (stop > 0 && Character.isWhitespace(text.charAt(stop - 1))) {
        stop--;
      }
      int start = text.lastIndexOf('\n', stop - 1) + 1;
      if (start >= stop || start < found.lastLeadingEnd) {
        return;
      }
      Matcher closing = CLOSING_LINE.matcher(text).region(start, stop);
      if (closing.matches()) {
        if (closing.group("label").contains("来源")) {
          found.sourceIfUnset(
              found.original.substring(closing.start("value"), closing.end("value")).strip());
        }
        found.spans.add(new Span(start, stop));
        end = start;
        continue;
      }
      Matcher group = CLOSING_GROUP.matcher(text).region(start, stop);
      if (group.find()) {
        found.reporters(text, group.start(), group.end());
        found.spans.add(new Span(group.start(), group.end()));
      }
      return;
    }
  }

  private static String agency(Matcher dateline, String original) {
    for (String name : new String[] {"agency", "agency2", "outlet"}) {
      int start = dateline.start(name);
      if (start >= 0) {
        String agency = original.substring(start, dateline.end(name));
        return agency.startsWith("本") ? null : agency;
      }
    }
    return null;
  }

  /** A dateline is followed by a space, a bracket, punctuation or the end, never by a word. */
  private static boolean endsAtBreak(String text, int end) {
    if (end >= text.length()) {
      return true;
    }
    char next = text.charAt(end);
    return Character.isWhitespace(next) || "（【：，。".indexOf(next) >= 0 || next == '\u3000';
  }

  private static int skipBlank(String text, int at) {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    return at;
  }

  private static int lineEnd(String text, int at) {
    int newline = text.indexOf('\n', at);
    return newline < 0 ? text.length() : newline;
  }

  /** What has been found so far; names and source are cut from the original text. */
  private static final class Found {
    final String original;
    final List<Span> spans = new ArrayList<>();
    final List<Credits.Reporter> reporters = new ArrayList<>();
    String source;
    String dateline;
    int lastLeadingEnd;

    Found(String original) {
      this.original = original;
    }

    void sourceIfUnset(String value) {
      if (source == null && value != null && !value.isBlank()) {
        source = value;
      }
    }

    /** Records a leading span and returns where the next element may start. */
    int take(int start, int end, String text) {
      spans.add(new Span(start, end));
      lastLeadingEnd = end;
      int next = end;
      while (next < text.length()
          && (Character.isWhitespace(text.charAt(next)) || text.charAt(next) == '：')) {
        next++;
      }
      return next;
    }

    void reporters(String text, int start, int end) {
      Matcher names = NAMES_IN.matcher(text).region(start, end);
      while (names.find()) {
        String name = original.substring(names.start("name"), names.end("name"));
        if (!isRoleWord(text.substring(names.start("name"), names.end("name")))) {
          reporters.add(
              new Credits.Reporter(name, new Span(names.start("name"), names.end("name"))));
        }
      }
    }

    private static boolean isRoleWord(String word) {
      return word.matches(ROLE) || word.equals("报道") || word.equals("完");
    }
  }
}
