package news.pipeline.enrich.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.pipeline.common.model.DateMention;
import news.pipeline.common.model.Span;

/**
 * Dates as written (2024年1月27日, 3月20日, 12月4日至5日, 2024年) with their ISO value; a date without a year
 * takes the publication year, and stays without value when that is unknown.
 */
public final class DateExtractor {

  private static final Pattern DATE =
      Pattern.compile(
          "(?:(?<year>(?:19|20)\\d{2})年)?(?:(?<month>1[0-2]|0?[1-9])月(?:(?<day>3[01]|[12]\\d|0?[1-9])[日号])?"
              + "(?:至(?<toDay>3[01]|[12]\\d|0?[1-9])[日号])?)?");

  public List<DateMention> find(String text, LocalDate publishedAt) {
    List<DateMention> dates = new ArrayList<>();
    Matcher date = DATE.matcher(text);
    while (date.find()) {
      String year = date.group("year");
      String month = date.group("month");
      if (year == null && (month == null || date.group("day") == null)) {
        continue; // a bare 5月 or an empty match says too little
      }
      if (year != null && month == null && followedByNumber(text, date.end())) {
        continue;
      }
      Integer knownYear =
          year != null ? Integer.valueOf(year) : publishedAt != null ? publishedAt.getYear() : null;
      int end = date.group("toDay") != null ? date.start("toDay") - 1 : date.end();
      dates.add(
          new DateMention(
              text.substring(date.start(), end),
              iso(knownYear, month, date.group("day")),
              new Span(date.start(), end)));
      if (date.group("toDay") != null) {
        dates.add(
            new DateMention(
                text.substring(date.start("toDay"), date.end()),
                iso(knownYear, month, date.group("toDay")),
                new Span(date.start("toDay"), date.end())));
      }
    }
    return dates;
  }

  /** 2024年度 is a date; 2024年1.2万 cannot be. */
  private static boolean followedByNumber(String text, int at) {
    return at < text.length() && Character.isDigit(text.charAt(at));
  }

  private static String iso(Integer year, String month, String day) {
    if (year == null) {
      return null;
    }
    if (month == null) {
      return String.valueOf(year);
    }
    if (day == null) {
      return String.format("%04d-%02d", year, Integer.parseInt(month));
    }
    try {
      return LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day)).toString();
    } catch (DateTimeException e) {
      return null;
    }
  }
}
