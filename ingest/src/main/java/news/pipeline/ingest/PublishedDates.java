package news.pipeline.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the date an article states for itself: a date in its first sentence, the place where
 * Chinese news reports say when the event happened ({@code 3月20日，湖北省民政厅…}). A full date ({@code
 * 2024年3月20日}) is taken as it stands; a month and day only when the year is known from elsewhere
 * (configuration or the source). Nothing is guessed: no date, no year or an impossible date gives
 * null.
 */
final class PublishedDates {
  private static final Pattern DATE =
      Pattern.compile("(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");

  /** The opening sentence is where the date is; later dates are deadlines, plans or history. */
  private static final int LEAD_LIMIT = 200;

  private PublishedDates() {}

  static LocalDate fromLead(String text, OptionalInt knownYear) {
    String lead = leadSentence(text);
    Matcher m = DATE.matcher(lead);
    if (!m.find()) {
      return null;
    }
    Integer year =
        m.group(1) != null
            ? Integer.valueOf(m.group(1))
            : knownYear.isPresent() ? knownYear.getAsInt() : null;
    if (year == null) {
      return null;
    }
    try {
      return LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String leadSentence(String text) {
    String lead = text.length() > LEAD_LIMIT ? text.substring(0, LEAD_LIMIT) : text;
    int end = indexOfAny(lead, "。！？!?\n");
    return end < 0 ? lead : lead.substring(0, end);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
