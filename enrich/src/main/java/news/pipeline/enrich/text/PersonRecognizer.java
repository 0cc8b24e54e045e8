package news.pipeline.enrich.text;

import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.pipeline.common.model.Official;
import news.pipeline.common.model.Person;
import news.pipeline.common.model.Region;
import news.pipeline.common.model.Span;

/**
 * People anchored on what news writes next to a name. HanLP's own person tags are half fragments on
 * this text (苏式助, 保民生), so a name counts only where a title word stands right before it (副厅长刘四海,
 * 本报记者 皮磊) or a leader's title right after it (习近平总书记); every other occurrence of an anchored name
 * is then a mention.
 */
public final class PersonRecognizer {

  /** What was found: officials carry title and organization, persons include everyone. */
  public record People(List<Person> persons, List<Official> officials) {}

  private static final String TITLE_WORDS =
      "党组书记|党组副书记|党组成员|党委书记|党委副书记|一级巡视员|二级巡视员|巡视员|副省长|省长|副市长|市长"
          + "|副县长|县长|副区长|区长|副部长|部长|副厅长|厅长|副局长|局长|副司长|司长|副处长|处长"
          + "|副主任|主任|副秘书长|秘书长|副书记|书记|副主席|主席|副理事长|理事长|副会长|会长"
          + "|副院长|院长|副校长|校长|董事长|总经理|记者|通讯员";
  private static final Pattern TITLE = Pattern.compile("(?:" + TITLE_WORDS + ")");
  private static final Pattern LEADING_TITLE = Pattern.compile("^(?:总书记|总理|委员长|主席)");

  /** Words that follow a name: they end it (副厅长陈进主持 → 陈进). */
  private static final Pattern AFTER_NAME =
      Pattern.compile(
          "^(?:出席|主持|作了|作|在|对|指出|强调|表示|说|介绍|讲话|致辞|参加|带队|率队|一行|同志|等|和|与|及"
              + "|为|向|到|赴|就|陪同|调研|会见|宣读|通报|要求|传达|代表|分别|先后|也|还|并|主讲|解读|发表"
              + "|提出|看望|慰问|听取|召开|部署|总结|宣布|出任|任|是|的)");

  private final Set<String> surnames = new HashSet<>();

  public PersonRecognizer() {
    for (String line : Resources.lines("surnames.txt")) {
      for (String surname : line.strip().split("\\s+")) {
        surnames.add(surname);
      }
    }
  }

  public People find(
      Segmentation segmentation,
      List<Mention<OrganizationRecognizer.Found>> organizations,
      List<Mention<Division>> places,
      Region home,
      String reporter,
      String source) {
    String text = segmentation.text();
    Map<String, Official> officials = new LinkedHashMap<>();
    Map<String, String> roles = new LinkedHashMap<>();
    Matcher title = TITLE.matcher(text);
    while (title.find()) {
      int nameStart = skipSpaces(text, title.end());
      int length = nameLength(segmentation, nameStart);
      if (length == 0) {
        continue;
      }
      String name = text.substring(nameStart, nameStart + length);
      boolean reporterTitle = title.group().equals("记者") || title.group().equals("通讯员");
      int chainStart = titleChainStart(text, title.start());
      String titles = text.substring(chainStart, title.end());
      String organization =
          reporterTitle
              ? reporterOrganization(text, chainStart, source)
              : organizationBefore(text, chainStart, organizations, places, home, titles);
      officials.putIfAbsent(name, new Official(name, titles, organization, List.of()));
      roles.putIfAbsent(name, reporterTitle ? "reporter" : "official");
    }
    addLeaders(segmentation, officials, roles);
    if (reporter != null && !reporter.isBlank()) {
      for (String name : reporter.strip().split("[\\s,，、]+")) {
        if (isName(name)) {
          officials.putIfAbsent(name, new Official(name, "记者", source, List.of()));
          roles.putIfAbsent(name, "reporter");
        }
      }
    }
    List<Official> withMentions = new ArrayList<>();
    List<Person> persons = new ArrayList<>();
    for (Map.Entry<String, String> role : roles.entrySet()) {
      String name = role.getKey();
      List<Span> mentions = occurrences(text, name);
      persons.add(new Person(name, role.getValue(), mentions));
      Official official = officials.get(name);
      if (official != null) {
        withMentions.add(
            new Official(official.name(), official.title(), official.organization(), mentions));
      }
    }
    return new People(persons, withMentions);
  }

  /**
   * 习近平总书记 (a leader's title after the name) and 习近平同志 (a person named with respect): names HanLP
   * tagged, anchored by what follows them.
   */
  private void addLeaders(
      Segmentation segmentation, Map<String, Official> officials, Map<String, String> roles) {
    String text = segmentation.text();
    for (Term term : segmentation.terms()) {
      if (!term.nature.startsWith("nr")
          || term.length() < 2
          || term.length() > 4
          || officials.containsKey(term.word)
          || roles.containsKey(term.word)) {
        continue;
      }
      int end = term.offset + term.length();
      String after = text.substring(end, Math.min(text.length(), end + 4));
      Matcher leader = LEADING_TITLE.matcher(after);
      if (leader.find()) {
        officials.put(term.word, new Official(term.word, leader.group(), null, List.of()));
        roles.put(term.word, "official");
      } else if (after.startsWith("同志") && isName(term.word)) {
        roles.put(term.word, "person");
      }
    }
  }

  /** 0 when no name starts here; otherwise 2 or 3 (or 4 with a compound surname). */
  private int nameLength(Segmentation segmentation, int start) {
    String text = segmentation.text();
    int surname = surnameLength(text, start);
    if (surname == 0) {
      return 0;
    }
    for (int length = surname + 1; length <= surname + 2; length++) {
      if (start + length > text.length() || !isHan(text.charAt(start + length - 1))) {
        return 0;
      }
      String after = text.substring(start + length, Math.min(text.length(), start + length + 4));
      if (after.isEmpty() || !isHan(after.charAt(0)) || AFTER_NAME.matcher(after).find()) {
        return length;
      }
    }
    Term term = segmentation.termAt(start);
    if (term != null && term.nature.startsWith("nr") && isName(term.word)) {
      return term.length();
    }
    return 0;
  }

  private int surnameLength(String text, int start) {
    if (start + 2 <= text.length() && surnames.contains(text.substring(start, start + 2))) {
      return 2;
    }
    if (start < text.length() && surnames.contains(text.substring(start, start + 1))) {
      return 1;
    }
    return 0;
  }

  private boolean isName(String word) {
    if (word.length() < 2 || word.length() > 4 || !word.chars().allMatch(c -> isHan((char) c))) {
      return false;
    }
    return surnames.contains(word.substring(0, 1)) || surnames.contains(word.substring(0, 2));
  }

  /** 党组书记、厅长 and 党组成员、副部长: titles joined by 、 belong to the same person. */
  private static int titleChainStart(String text, int titleStart) {
    int start = titleStart;
    while (true) {
      int before = start > 0 && text.charAt(start - 1) == '、' ? start - 1 : start;
      Matcher previous = TITLE.matcher(text.substring(Math.max(0, before - 6), before));
      int found = -1;
      while (previous.find()) {
        if (Math.max(0, before - 6) + previous.end() == before) {
          found = Math.max(0, before - 6) + previous.start();
        }
      }
      if (found < 0) {
        return start;
      }
      start = found;
    }
  }

  /**
   * The organization written right before the titles (省民政厅党组成员 → 湖北省民政厅), or a division (浙江省副省长 →
   * 浙江省); 厅党组成员 means the article's own 厅; a bare 省长 is the home province's.
   */
  private static String organizationBefore(
      String text,
      int chainStart,
      List<Mention<OrganizationRecognizer.Found>> organizations,
      List<Mention<Division>> places,
      Region home,
      String titles) {
    for (Mention<OrganizationRecognizer.Found> organization : organizations) {
      if (organization.end() == chainStart) {
        return organization.value().name();
      }
    }
    for (Mention<Division> place : places) {
      if (place.end() == chainStart) {
        return place.value().name();
      }
    }
    if (chainStart > 0 && text.charAt(chainStart - 1) == '厅') {
      return organizations.stream()
          .map(m -> m.value().name())
          .filter(name -> name.endsWith("厅"))
          .findFirst()
          .orElse(null);
    }
    if (titles.endsWith("省长") && home.province() != null) {
      return home.province();
    }
    return OrganizationRecognizer.abbreviationEndingAt(text, chainStart);
  }

  /** 本报记者: the publication is the article's source when it is known. */
  private static String reporterOrganization(String text, int chainStart, String source) {
    return chainStart >= 2 && text.startsWith("本报", chainStart - 2) ? source : null;
  }

  private static int skipSpaces(String text, int at) {
    int i = at;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\u3000')) {
      i++;
    }
    return i;
  }

  private static List<Span> occurrences(String text, String name) {
    List<Span> spans = new ArrayList<>();
    for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length())) {
      spans.add(new Span(at, at + name.length()));
    }
    return spans;
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }
}
