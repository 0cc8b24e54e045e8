package news.pipeline.enrich.text;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.pipeline.common.model.Region;

/**
 * Organizations from a lexicon of national bodies plus suffix rules: a division followed by a
 * department (湖北省民政厅, 武汉市江汉区民政局, and the 、教育厅、公安厅 that share its prefix), a named body followed by
 * 协会/商会/基金会/联合会/大学, and abbreviations (省民政厅, 市民政局) resolved against the article's province or city.
 */
public final class OrganizationRecognizer {

  /** An organization mention; {@code name} is the full, resolved name. */
  public record Found(String name, String type, Division division) {}

  private static final String DEPARTMENT =
      "(?:民政|财政|教育|公安|司法|人力资源和社会保障|人力资源社会保障|卫生健康|市场监督管理|市场监管|乡村振兴"
          + "|农业农村|住房和城乡建设|住房城乡建设|自然资源|应急管理|商务|发展和改革|发展改革|审计|统计|税务"
          + "|医疗保障|退役军人事务|文化和旅游|体育|交通运输|水利|生态环境|科学技术|科技|工业和信息化"
          + "|社会组织管理|社会事业|公共服务|残疾人联合会|妇女联合会|老龄工作|消防救援|数据|宣传|组织"
          + "|社会工作|网信)";
  private static final String DEPARTMENT_SUFFIX = "(?:厅|局|委员会|委|部)";
  private static final Pattern DEPARTMENT_AT =
      Pattern.compile(DEPARTMENT + DEPARTMENT_SUFFIX + "|(?:人民政府|政府|消防总队|残联|妇联|团委)");
  private static final Pattern NEXT_IN_LIST =
      Pattern.compile("^、(" + DEPARTMENT + DEPARTMENT_SUFFIX + ")");
  private static final Pattern ABBREVIATED =
      Pattern.compile(
          "(?<![各全本该外两多分社])(省|市|自治区|县|区)(" + DEPARTMENT + DEPARTMENT_SUFFIX + "|消防救援总队|消防总队)");

  /** A verb or function word inside a would-be name: 合肥召开行业协会 is no association. */
  private static final Pattern NOT_IN_A_NAME =
      Pattern.compile("召开|举办|举行|开展|组织|参加|成立|在|的|和|与|及|等|各|为|对|向");

  private static final Pattern BODY =
      Pattern.compile("^([\\u4e00-\\u9fa5]{0,10}?)(协会|商会|基金会|联合会|促进会|研究会|研究院|大学|学院)");
  private static final Pattern NATIONAL_BODY =
      Pattern.compile("(中国|中华|全国)([\\u4e00-\\u9fa5]{1,10}?)(协会|商会|基金会|联合会|促进会|研究会)");

  /** Words that make a 协会/商会 phrase generic (行业协会商会, 各类协会). */
  private static final Pattern GENERIC_BODY = Pattern.compile("^(行业|各类|有关|相关|各|该|本)?$");

  private final Map<String, String> lexicon;
  private final AhoCorasickDoubleArrayTrie<String> trie = new AhoCorasickDoubleArrayTrie<>();

  public OrganizationRecognizer() {
    TreeMap<String, String> types = new TreeMap<>();
    for (String line : Resources.lines("organizations.txt")) {
      String[] fields = line.strip().split("\\|");
      types.put(fields[0], fields[1]);
    }
    this.lexicon = types;
    trie.build(types);
  }

  public java.util.Set<String> names() {
    return lexicon.keySet();
  }

  /**
   * Organizations in text order. {@code places} are the gazetteer's mentions; {@code home} is the
   * article's region for abbreviations (省民政厅), unknown when it cannot be told yet.
   */
  public List<Mention<Found>> find(String text, List<Mention<Division>> places, Region home) {
    List<Mention<Found>> hits = new ArrayList<>();
    trie.parseText(
        text,
        (begin, end, type) -> {
          // 民政部门 is "civil-affairs departments", not the ministry.
          if (end >= text.length() || text.charAt(end) != '门') {
            hits.add(
                new Mention<>(
                    begin, end, text.substring(begin, end), found(text, begin, end, type, null)));
          }
        });
    addDivisionBodies(text, places, hits);
    addAbbreviations(text, home, hits);
    Matcher national = NATIONAL_BODY.matcher(text);
    while (national.find()) {
      if (!GENERIC_BODY.matcher(national.group(2)).matches()) {
        hits.add(
            new Mention<>(
                national.start(),
                national.end(),
                national.group(),
                new Found(national.group(), typeOf(national.group(3)), null)));
      }
    }
    return Spans.longestNonOverlapping(hits);
  }

  private static Found found(String text, int begin, int end, String type, Division division) {
    return new Found(text.substring(begin, end), type, division);
  }

  /** A chain of divisions (武汉市江汉区) directly followed by a department or a named body. */
  private static void addDivisionBodies(
      String text, List<Mention<Division>> places, List<Mention<Found>> hits) {
    for (int i = 0; i < places.size(); i++) {
      Mention<Division> first = places.get(i);
      int end = first.end();
      Division division = first.value();
      int j = i;
      while (j + 1 < places.size() && places.get(j + 1).start() == end) {
        j++;
        end = places.get(j).end();
        division = places.get(j).value();
      }
      String rest = text.substring(end, Math.min(text.length(), end + 16));
      Matcher department = DEPARTMENT_AT.matcher(rest);
      if (department.lookingAt()) {
        int stop = end + department.end();
        hits.add(
            new Mention<>(
                first.start(),
                stop,
                text.substring(first.start(), stop),
                found(text, first.start(), stop, "government", division)));
        addListContinuation(text, text.substring(first.start(), end), stop, division, hits);
        continue;
      }
      Matcher body = BODY.matcher(rest);
      if (body.lookingAt()
          && !NOT_IN_A_NAME.matcher(body.group(1)).find()
          && (!GENERIC_BODY.matcher(body.group(1)).matches()
              || body.group(1).isEmpty() && body.group(2).endsWith("学"))) {
        int stop = end + body.end();
        hits.add(
            new Mention<>(
                first.start(),
                stop,
                text.substring(first.start(), stop),
                found(text, first.start(), stop, typeOf(body.group(2)), division)));
      }
    }
  }

  /** 广西壮族自治区民政厅、教育厅、公安厅: the later departments share the first one's division. */
  private static void addListContinuation(
      String text, String prefix, int from, Division division, List<Mention<Found>> hits) {
    int at = from;
    while (true) {
      Matcher next = NEXT_IN_LIST.matcher(text.substring(at, Math.min(text.length(), at + 16)));
      if (!next.find()) {
        return;
      }
      int start = at + next.start(1);
      int stop = at + next.end(1);
      hits.add(
          new Mention<>(
              start,
              stop,
              next.group(1),
              new Found(prefix + next.group(1), "government", division)));
      at = stop;
    }
  }

  private static void addAbbreviations(String text, Region home, List<Mention<Found>> hits) {
    Matcher abbreviated = ABBREVIATED.matcher(text);
    while (abbreviated.find()) {
      String owner =
          switch (abbreviated.group(1)) {
            case "市" -> home.city() != null ? home.city() : municipality(home);
            case "县", "区" -> home.county();
            default -> home.province();
          };
      if (owner == null) {
        continue;
      }
      String name = owner + abbreviated.group(2);
      hits.add(
          new Mention<>(
              abbreviated.start(),
              abbreviated.end(),
              abbreviated.group(),
              new Found(name, "government", null)));
    }
  }

  /**
   * The abbreviation (市民政局) written right before {@code end}, for an official whose body cannot be
   * resolved because the article does not say which province or city it is in.
   */
  public static String abbreviationEndingAt(String text, int end) {
    Matcher abbreviated = ABBREVIATED.matcher(text.substring(Math.max(0, end - 16), end));
    String last = null;
    while (abbreviated.find()) {
      if (abbreviated.end() == Math.min(16, end)) {
        last = abbreviated.group();
      }
    }
    return last;
  }

  /** The abbreviations (省民政厅, 市财政局) written in {@code text[start, end)}, in order. */
  public static List<String> abbreviationsBetween(String text, int start, int end) {
    Matcher abbreviated = ABBREVIATED.matcher(text).region(start, end);
    List<String> found = new ArrayList<>();
    while (abbreviated.find()) {
      found.add(abbreviated.group());
    }
    return found;
  }

  /** 上海市 is both the province-level division and the city 市民政局 refers to. */
  private static String municipality(Region home) {
    String province = home.province();
    return province != null && province.endsWith("市") ? province : null;
  }

  private static String typeOf(String suffix) {
    return switch (suffix) {
      case "大学", "学院" -> "university";
      case "基金会" -> "foundation";
      case "研究院" -> "institute";
      default -> "association";
    };
  }
}
