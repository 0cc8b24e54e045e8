package news.pipeline.ingest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits seed-format text (several articles per file, one paragraph per line, blank lines between)
 * into articles and repairs what PDF-style extraction did to them.
 *
 * <p>An article is a title line, an optional byline ({@code ■ 本报记者 李庆}), body paragraphs and an
 * optional attribution ({@code (据湖北省民政厅)}, {@code (湖北省民政厅)}, {@code 来源：…}) on its own line or at
 * the end of the last paragraph. An attribution closes its article.
 *
 * <p>A line that does not end a sentence is either a title or the first part of a sentence that a
 * page end broke across blank lines. It is a title when the text so far ended a sentence or an
 * article and the line looks like a headline (short, no clause punctuation such as {@code ，} or
 * {@code ；}, not a list item or a caption) — or, whatever precedes it, when a byline follows it.
 * Otherwise it is joined with the next line, again and again until the sentence ends. Lines of
 * punctuation only are dropped (a lone {@code ”} closes an open quote of the paragraph before it
 * instead, if there is one), and a paragraph whose content already appeared earlier in the same
 * article is dropped.
 */
final class SeedFormatSplitter {
  /** Longest line taken as a title on its shape alone; headlines are far shorter. */
  static final int MAX_TITLE_CHARS = 64;

  /** Longest line taken as a list heading ({@code 一、总体要求}) rather than a broken sentence. */
  private static final int MAX_HEADING_CHARS = 30;

  /** Longest first line of a file taken as its title. */
  private static final int MAX_LEADING_TITLE_CHARS = 200;

  private static final String SENTENCE_END = "。！？!?…；;：:";
  private static final String CLOSERS = "”’」』)）】》\"'";
  private static final String CLAUSE_PUNCTUATION = "，,；;。";

  private static final Pattern ATTRIBUTION =
      Pattern.compile("^[(（]\\s*(据)?\\s*([^()（）]{2,60}?)\\s*[)）]$");
  private static final Pattern TRAILING_ATTRIBUTION =
      Pattern.compile("^(.*[。！？!?”])\\s*[(（]\\s*(据)?\\s*([^()（）。]{2,60}?)\\s*[)）]$");
  private static final Pattern SOURCE_LINE =
      Pattern.compile("^(?:来源|稿源|信息来源|文章来源|消息来源)\\s*[:：]\\s*(.{2,60})$");
  private static final Pattern SOURCE_PREFIX =
      Pattern.compile("^(?:来源|稿源|信息来源|文章来源|消息来源)\\s*[:：]\\s*");
  private static final Pattern BYLINE =
      Pattern.compile("^[■□●◆▲★·\\s]*(?:本报|本刊|本网)?(?:特约|实习|见习)?记者\\s*[:：]?\\s*(.+)$");
  private static final Pattern WRITER_BYLINE =
      Pattern.compile("^[■□●◆▲★·\\s]*(?:文|撰文|作者)\\s*[/／:：|｜]\\s*(.+)$");
  private static final Pattern EDITOR_LINE =
      Pattern.compile("^(?:责任编辑|编辑|责编|审核|校对)\\s*[:：].{1,30}$");
  private static final Pattern LIST_ITEM =
      Pattern.compile(
          "^(?:第?[一二三四五六七八九十百]+[、是要条章节．.]|[(（][一二三四五六七八九十\\d]+[)）]|\\d+\\s*[、.．)）]|[①-⑳])");
  private static final Pattern CAPTION = Pattern.compile("^(?:图为|图[:：]|图片|照片|视频|附件)");

  /** A metadata line of scraped pages, between title and body: 发布时间：2024-03-20 来源：… */
  private static final Pattern META_DATE =
      Pattern.compile(
          "(?:发布时间|发布日期|发表时间|时间|日期)\\s*[:：]\\s*(\\d{4})\\s*[-/年.]\\s*(\\d{1,2})\\s*[-/月.]\\s*(\\d{1,2})");

  private static final Pattern META_SOURCE =
      Pattern.compile("(?:来源|稿源|信息来源|文章来源|消息来源)\\s*[:：]\\s*([^\\s:：]{2,40})");

  /** A newspaper dateline naming the reporter: 本报讯（记者 李庆 通讯员 王五）3月20日，… */
  private static final Pattern DATELINE_REPORTER =
      Pattern.compile("^[^，,。]{0,12}讯\\s*[(（]\\s*((?:特约|实习|见习)?记者[^)）]{1,30})[)）]");

  private static final Pattern END_MARK = Pattern.compile("^[完终]|待续|全文完$");
  private static final Pattern NAME_SEPARATORS = Pattern.compile("[\\s、，,]+");
  private static final Set<String> NOT_REPORTERS = Set.of("报道", "摄", "文", "摄影", "发");
  private static final Set<String> BYLINE_STOP_WORDS = Set.of("通讯员", "实习生", "特约通讯员");

  /** Shorter paragraphs are repeats only when equal to an earlier one. */
  private static final int MIN_REPEAT_CHARS = 20;

  /** Shorter clauses ({@code 会议强调}) recur naturally and do not count as repeated content. */
  private static final int MIN_CLAUSE_CHARS = 4;

  private static final Pattern CLAUSE_BREAK = Pattern.compile("[,，。;；!！?？]");

  /** A paragraph this much of which already appeared in its article is a repeat. */
  private static final double REPEAT_COVERAGE = 0.8;

  private SeedFormatSplitter() {}

  /** One article found in the text, with the line range it came from. */
  record Split(
      String title,
      String reporter,
      String source,
      LocalDate publishedAt,
      List<String> paragraphs,
      int firstLine,
      int lastLine) {
    String text() {
      return String.join("\n", paragraphs);
    }
  }

  /** Paragraphs found before any title: text the splitter could not place in an article. */
  record Orphan(int firstLine, int lastLine) {}

  record Result(List<Split> articles, List<Orphan> orphans) {}

  record Line(int number, String text) {}

  static Result split(String content) {
    return new Walk(lines(content)).run();
  }

  /** The physical lines of {@code content}, as line numbers count them. */
  static String[] physicalLines(String content) {
    return content.split("\r\n|\r|\n", -1);
  }

  /** The lines {@code first..last} (1-based, inclusive) as UTF-8 bytes. */
  static byte[] rawLines(String[] all, int first, int last) {
    StringBuilder out = new StringBuilder();
    for (int i = first - 1; i < Math.min(last, all.length); i++) {
      out.append(all[i]).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<Line> lines(String content) {
    String[] raw = physicalLines(content);
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      String text = clean(raw[i]);
      if (!text.isEmpty()) {
        lines.add(new Line(i + 1, text));
      }
    }
    return lines;
  }

  /** Trims every kind of space (ideographic, no-break, BOM) and collapses inner runs to one. */
  static String clean(String line) {
    StringBuilder out = new StringBuilder(line.length());
    boolean pendingSpace = false;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\uFEFF' || cp == '\u200B') {
        continue;
      }
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  private static final class Walk {
    private final List<Line> lines;
    private final List<Split> articles = new ArrayList<>();
    private final List<Orphan> orphans = new ArrayList<>();
    private Draft current;
    private int orphanStart = -1;
    private int orphanEnd = -1;

    Walk(List<Line> lines) {
      this.lines = lines;
    }

    Result run() {
      int i = 0;
      while (i < lines.size()) {
        Line line = lines.get(i);
        String text = line.text();
        if (isPunctuationOnly(text)) {
          attachStrayCloser(text);
          i++;
        } else if (EDITOR_LINE.matcher(text).matches()) {
          i++;
        } else if (current != null && current.hasBody() && attribution(text) != null) {
          current.source = attribution(text);
          current.lastLine = line.number();
          close();
          i++;
        } else if (current != null && !current.hasBody() && reporter(text) != null) {
          current.reporter = reporter(text);
          current.lastLine = line.number();
          i++;
        } else if (current != null && !current.hasBody() && metadata(text) != null) {
          Metadata metadata = metadata(text);
          current.source = metadata.source() != null ? metadata.source() : current.source;
          current.publishedAt =
              metadata.publishedAt() != null ? metadata.publishedAt() : current.publishedAt;
          current.lastLine = line.number();
          i++;
        } else if (startsArticle(i, current == null || endsUnit(current.lastParagraph()))) {
          close();
          current = new Draft(text, line.number());
          i++;
        } else {
          i = paragraph(i);
        }
      }
      close();
      if (orphanStart > 0) {
        orphans.add(new Orphan(orphanStart, orphanEnd));
      }
      return new Result(articles, orphans);
    }

    /** Reads the paragraph starting at line {@code i}, rejoining page-break fragments. */
    private int paragraph(int i) {
      StringBuilder text = new StringBuilder(lines.get(i).text());
      int last = lines.get(i).number();
      int next = i + 1;
      while (!endsUnit(text.toString()) && next < lines.size()) {
        String candidate = lines.get(next).text();
        if (isPunctuationOnly(candidate)) {
          // A stray line inside a broken sentence: keep a quote it closes, drop anything else.
          if (closesOpenQuote(text, candidate)) {
            text.append(candidate);
          }
          next++;
          continue;
        }
        if (attribution(candidate) != null
            || reporter(candidate) != null
            || startsArticle(next, false)) {
          break;
        }
        join(text, candidate);
        last = lines.get(next).number();
        next++;
      }
      addParagraph(text.toString(), lines.get(i).number(), last);
      return next;
    }

    private void addParagraph(String text, int first, int last) {
      if (current == null) {
        // Text before any title cannot be attributed to an article.
        if (orphanStart < 0) {
          orphanStart = first;
        }
        orphanEnd = last;
        return;
      }
      Matcher trailing = TRAILING_ATTRIBUTION.matcher(text);
      String source = null;
      if (hasTrailingAttribution(text)
          && trailing.matches()
          && isSourceName(trailing.group(3), trailing.group(2) != null)) {
        text = trailing.group(1);
        source = trailing.group(3);
      }
      if (!current.hasBody() && current.reporter == null) {
        Matcher dateline = DATELINE_REPORTER.matcher(text);
        if (dateline.find()) {
          current.reporter = reporter(dateline.group(1));
        }
      }
      current.add(text);
      current.lastLine = last;
      if (source != null) {
        current.source = source;
        close();
      }
    }

    /**
     * Whether line {@code i} is a title. {@code afterBoundary}: the text before it ended a sentence
     * (or there is no article yet).
     */
    private boolean startsArticle(int i, boolean afterBoundary) {
      String text = lines.get(i).text();
      if (attribution(text) != null || reporter(text) != null || metadata(text) != null) {
        return false;
      }
      int following = nextContentLine(i);
      if (following < 0) {
        return false;
      }
      // A headline may end in ？ or ！, never in 。；：….
      if (endsSentence(text) && !isQuestionOrExclamation(text)) {
        return false;
      }
      String next = lines.get(following).text();
      if (reporter(next) != null || metadata(next) != null || current == null) {
        return text.length() <= MAX_LEADING_TITLE_CHARS;
      }
      if (endsSentence(text)) {
        // ？ and ！ end short paragraphs too; only a byline or an article boundary tells.
        return false;
      }
      return afterBoundary
          && current.hasBody()
          && looksLikeHeadline(text)
          && attribution(lines.get(following).text()) == null;
    }

    private int nextContentLine(int i) {
      for (int j = i + 1; j < lines.size(); j++) {
        if (!isPunctuationOnly(lines.get(j).text())) {
          return j;
        }
      }
      return -1;
    }

    private void attachStrayCloser(String text) {
      if (current == null || !current.hasBody() || !text.equals("”")) {
        return;
      }
      String last = current.lastParagraph();
      if (closesOpenQuote(last, text)) {
        current.replaceLast(last + text);
      }
    }

    private void close() {
      if (current != null) {
        articles.add(current.build());
        current = null;
      }
    }
  }

  private static final class Draft {
    final String title;
    final int firstLine;
    int lastLine;
    String reporter;
    String source;
    LocalDate publishedAt;
    final List<String> paragraphs = new ArrayList<>();

    Draft(String title, int firstLine) {
      this.title = title;
      this.firstLine = firstLine;
      this.lastLine = firstLine;
    }

    boolean hasBody() {
      return !paragraphs.isEmpty();
    }

    String lastParagraph() {
      return paragraphs.isEmpty() ? title : paragraphs.get(paragraphs.size() - 1);
    }

    void add(String paragraph) {
      paragraphs.add(paragraph);
    }

    void replaceLast(String paragraph) {
      paragraphs.set(paragraphs.size() - 1, paragraph);
    }

    Split build() {
      return new Split(
          title,
          reporter,
          source,
          publishedAt,
          withoutRepeats(paragraphs),
          firstLine,
          Math.max(firstLine, lastLine));
    }
  }

  static boolean endsSentence(String text) {
    int end = text.length();
    while (end > 0 && (CLOSERS.indexOf(text.charAt(end - 1)) >= 0 || text.charAt(end - 1) == ' ')) {
      end--;
    }
    if (end == 0) {
      return false;
    }
    return SENTENCE_END.indexOf(text.charAt(end - 1)) >= 0 || hasTrailingAttribution(text);
  }

  /** Cheap test first: the pattern backtracks over the whole paragraph. */
  private static boolean hasTrailingAttribution(String text) {
    char last = text.charAt(text.length() - 1);
    return (last == ')' || last == '）') && TRAILING_ATTRIBUTION.matcher(text).matches();
  }

  /** A sentence end, or a caption or a list heading ({@code 一、总体要求}), which stand alone. */
  private static boolean endsUnit(String text) {
    return endsSentence(text) || CAPTION.matcher(text).find() || isHeading(text);
  }

  private static boolean isHeading(String text) {
    return text.length() <= MAX_HEADING_CHARS
        && LIST_ITEM.matcher(text).find()
        && text.chars().noneMatch(c -> CLAUSE_PUNCTUATION.indexOf(c) >= 0);
  }

  private static boolean closesOpenQuote(CharSequence text, String stray) {
    return stray.equals("”") && count(text, '“') > count(text, '”');
  }

  private static boolean isQuestionOrExclamation(String text) {
    char last = text.charAt(text.length() - 1);
    return "？！?!".indexOf(last) >= 0;
  }

  /** Source and date of a metadata line, or null when the line is not one. */
  record Metadata(String source, LocalDate publishedAt) {}

  static Metadata metadata(String line) {
    if (line.length() > 100 || endsSentence(line)) {
      return null;
    }
    Matcher date = META_DATE.matcher(line);
    Matcher source = META_SOURCE.matcher(line);
    boolean hasDate = date.find();
    boolean hasSource = source.find();
    if (!hasDate && !hasSource) {
      return null;
    }
    LocalDate publishedAt = null;
    if (hasDate) {
      try {
        publishedAt =
            LocalDate.of(
                Integer.parseInt(date.group(1)),
                Integer.parseInt(date.group(2)),
                Integer.parseInt(date.group(3)));
      } catch (java.time.DateTimeException e) {
        publishedAt = null;
      }
    }
    return new Metadata(hasSource ? source.group(1) : null, publishedAt);
  }

  static boolean looksLikeHeadline(String text) {
    return text.length() >= 4
        && text.length() <= MAX_TITLE_CHARS
        && text.chars().noneMatch(c -> CLAUSE_PUNCTUATION.indexOf(c) >= 0)
        && !LIST_ITEM.matcher(text).find()
        && !CAPTION.matcher(text).find()
        && CLOSERS.indexOf(text.charAt(0)) < 0;
  }

  /** The source named by an attribution line, or null when the line is not one. */
  static String attribution(String line) {
    Matcher m = ATTRIBUTION.matcher(line);
    if (m.matches() && isSourceName(m.group(2), m.group(1) != null)) {
      return SOURCE_PREFIX.matcher(m.group(2).trim()).replaceFirst("");
    }
    Matcher source = SOURCE_LINE.matcher(line);
    return source.matches() ? source.group(1).trim() : null;
  }

  private static boolean isSourceName(String name, boolean introducedByJu) {
    if (END_MARK.matcher(name).find() || name.chars().allMatch(Character::isDigit)) {
      return false;
    }
    // Without 据 a parenthesis could be anything; a source names someone, in a few words.
    return introducedByJu
        || (name.length() <= 30 && name.codePoints().anyMatch(Character::isIdeographic));
  }

  /** The reporter(s) named by a byline, joined with 、, or null when the line is not a byline. */
  static String reporter(String line) {
    if (line.length() > 40 || line.chars().anyMatch(c -> "。！？!?；;".indexOf(c) >= 0)) {
      return null;
    }
    Matcher m = BYLINE.matcher(line);
    if (!m.matches()) {
      m = WRITER_BYLINE.matcher(line);
      if (!m.matches()) {
        return null;
      }
    }
    List<String> names = new ArrayList<>();
    for (String token : NAME_SEPARATORS.split(m.group(1).trim())) {
      if (BYLINE_STOP_WORDS.contains(token)) {
        break;
      }
      if (!token.isEmpty() && !NOT_REPORTERS.contains(token)) {
        names.add(token);
      }
    }
    return names.isEmpty() ? null : String.join("、", names);
  }

  static boolean isPunctuationOnly(String text) {
    return text.codePoints().noneMatch(Character::isLetterOrDigit);
  }

  /** Rejoins a sentence broken by a page end; Latin words keep the space a line break stood for. */
  private static void join(StringBuilder text, String continuation) {
    char before = text.charAt(text.length() - 1);
    char after = continuation.charAt(0);
    if (isLatinLetter(before) && isLatinLetter(after)) {
      text.append(' ');
    }
    text.append(continuation);
  }

  private static boolean isLatinLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static int count(CharSequence s, char c) {
    return (int) s.chars().filter(x -> x == c).count();
  }

  /**
   * Drops paragraphs whose content already appeared earlier in the article: exact repeats, and
   * repeats with another lead-in ({@code 同时,} + sentences already given). A paragraph is a repeat
   * when at least {@link #REPEAT_COVERAGE} of its characters are in clauses (text between {@code
   * ，。；！？}) that appear in the paragraphs kept before it.
   */
  static List<String> withoutRepeats(List<String> paragraphs) {
    List<String> kept = new ArrayList<>();
    Set<String> keptNormalized = new HashSet<>();
    StringBuilder earlier = new StringBuilder();
    for (String paragraph : paragraphs) {
      String normalized = ArticleIds.normalize(paragraph);
      if (keptNormalized.contains(normalized) || isMostlyRepeated(normalized, earlier)) {
        continue;
      }
      kept.add(paragraph);
      keptNormalized.add(normalized);
      earlier.append(normalized).append('\n');
    }
    return kept;
  }

  private static boolean isMostlyRepeated(String normalized, StringBuilder earlier) {
    if (normalized.length() < MIN_REPEAT_CHARS || earlier.length() == 0) {
      return false;
    }
    int repeated = 0;
    int total = 0;
    for (String clause : CLAUSE_BREAK.split(normalized)) {
      total += clause.length();
      if (clause.length() >= MIN_CLAUSE_CHARS && earlier.indexOf(clause) >= 0) {
        repeated += clause.length();
      }
    }
    return repeated >= REPEAT_COVERAGE * total;
  }
}
