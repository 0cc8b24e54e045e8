package news.pipeline.classify;

import java.util.regex.Pattern;

/**
 * What repost detection needs of a body: its SimHash and how many letters and digits it has.
 * Computed where articles are labelled, in parallel, so the one dedup task only compares.
 */
public record BodySketch(long simHash, int contentChars) {
  /**
   * Short lines a repost adds or rewrites around the same story: source, editor, reporter and
   * byline credits, share widgets. They are not the article, so they are not hashed.
   */
  private static final Pattern ATTRIBUTION =
      Pattern.compile(
          "^[\\s■●◆▲★【\\[（(]*"
              + "((来源|信息来源|稿件来源|责任编辑|编辑|责编|作者|记者|本报记者|通讯员|原标题|发布时间|发布日期"
              + "|审核|校对|供稿|图片来源)[\\s:：]"
              + "|转自|转载自|本文转载|本文来源|分享到|扫一扫|【?字体).*"
              // The credit line closing many reposts: (据湖北省民政厅)
              + "|^[（(]据[^）)]*[）)]$");

  private static final int MAX_ATTRIBUTION_CHARS = 60;

  public static BodySketch of(String body) {
    String content = SimHash.content(Text.normalize(withoutAttribution(body)));
    return new BodySketch(SimHash.of(content), content.length());
  }

  static String withoutAttribution(String body) {
    if (body == null) {
      return "";
    }
    StringBuilder kept = new StringBuilder(body.length());
    for (String line : body.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.length() <= MAX_ATTRIBUTION_CHARS && ATTRIBUTION.matcher(trimmed).matches()) {
        continue;
      }
      kept.append(line).append('\n');
    }
    return kept.toString();
  }
}
