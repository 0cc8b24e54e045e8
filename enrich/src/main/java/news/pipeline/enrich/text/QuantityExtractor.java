package news.pipeline.enrich.text;

import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.pipeline.common.model.Quantity;
import news.pipeline.common.model.Span;

/**
 * Numbers with a unit and what they count: 400家 社区长者食堂, 2456.5万元, 190万人次, 日均25万客. What is counted
 * is the noun phrase after the number (21家社会组织), or else the one the sentence puts before it
 * (社区长者食堂达到400家).
 */
public final class QuantityExtractor {

  private static final Pattern QUANTITY =
      Pattern.compile(
          "(?:日均|月均|年均|人均)?(?<![\\d.])(?<number>\\d+(?:\\.\\d+)?)(?<scale>万亿|亿|万|千)?(?<approx>余|多)?"
              + "(?<unit>人次|场次|户次|平方米|公里|个|家|人|名|元|项|场|户|所|张|床|间|次|类|客|批|条|件|份|处|座|支|套|亩|岁|%|％)");
  private static final Pattern BEFORE_VERB =
      Pattern.compile("([\\u4e00-\\u9fa5]{2,10}?)(?:达到|达|为|约|累计|共|有|近|超过|突破|已|日均|月均|年均|人均)+$");

  public List<Quantity> find(Segmentation segmentation) {
    String text = segmentation.text();
    List<Quantity> quantities = new ArrayList<>();
    Matcher quantity = QUANTITY.matcher(text);
    while (quantity.find()) {
      double value = Double.parseDouble(quantity.group("number")) * scale(quantity.group("scale"));
      String unit = quantity.group("unit").replace('％', '%');
      quantities.add(
          new Quantity(
              quantity.group(),
              value,
              unit,
              counted(segmentation, quantity.start(), quantity.end(), unit),
              new Span(quantity.start(), quantity.end())));
    }
    return quantities;
  }

  private static double scale(String scale) {
    if (scale == null) {
      return 1;
    }
    return switch (scale) {
      case "千" -> 1e3;
      case "万" -> 1e4;
      case "亿" -> 1e8;
      default -> 1e12;
    };
  }

  private static String counted(Segmentation segmentation, int start, int end, String unit) {
    if (unit.equals("%") || unit.equals("元")) {
      return null;
    }
    StringBuilder after = new StringBuilder();
    for (int at = end; at < segmentation.text().length() && after.length() < 10; ) {
      Term term = segmentation.termAt(at);
      if (term == null || !isNounish(term)) {
        break;
      }
      after.append(term.word);
      at += term.length();
    }
    if (after.length() >= 2) {
      return after.toString();
    }
    String before = segmentation.text().substring(Math.max(0, start - 16), start);
    Matcher subject = BEFORE_VERB.matcher(before.replaceFirst("^.*[，,。、；;：:\\s]", ""));
    return subject.find() ? subject.group(1).replaceFirst("^(?:全市|全省|全国|其中)", "") : null;
  }

  private static boolean isNounish(Term term) {
    String nature = term.nature.toString();
    return nature.startsWith("n")
        || nature.equals("vn")
        || nature.equals("gi")
        || nature.equals("nz");
  }
}
