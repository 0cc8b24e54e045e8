package news.pipeline.enrich.text;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Province-, prefecture- and some county-level divisions with the names news writes them by, found
 * in text with one Aho-Corasick pass (longest match first, no overlaps).
 */
public final class Gazetteer {

  private final TreeMap<String, Division> byWrittenName = new TreeMap<>();
  private final Set<String> shortNames = new HashSet<>();
  private final AhoCorasickDoubleArrayTrie<Division> trie = new AhoCorasickDoubleArrayTrie<>();

  private Gazetteer() {}

  public static Gazetteer load() {
    Gazetteer gazetteer = new Gazetteer();
    Set<String> ambiguous = new HashSet<>(Resources.lines("ambiguous-short-names.txt"));
    String province = null;
    String city = null;
    for (String line : Resources.lines("divisions.txt")) {
      int indent = line.length() - line.stripLeading().length();
      String[] names = line.strip().split("\\|");
      String name = names[0];
      Division division;
      if (indent == 0) {
        province = name;
        city = null;
        division = new Division(name, province, null, null, "province");
      } else if (indent == 2) {
        city = name;
        division = new Division(name, province, name, null, "city");
      } else {
        division = new Division(name, province, city, name, "county");
      }
      gazetteer.add(name, division, false);
      for (int i = 1; i < names.length; i++) {
        gazetteer.add(names[i], division, true);
      }
      if (indent == 2 && name.endsWith("市") && name.length() >= 3) {
        String stem = name.substring(0, name.length() - 1);
        if (!ambiguous.contains(stem)) {
          gazetteer.add(stem, division, true);
        }
      }
    }
    gazetteer.trie.build(gazetteer.byWrittenName);
    return gazetteer;
  }

  private void add(String written, Division division, boolean shortName) {
    // A municipality is its own prefecture-level city: keep the province-level entry.
    if (byWrittenName.putIfAbsent(written, division) == null && shortName) {
      shortNames.add(written);
    }
  }

  /** Every name written for a division, for the segmenter's dictionary. */
  public Set<String> writtenNames() {
    return byWrittenName.keySet();
  }

  public Optional<Division> lookup(String written) {
    return Optional.ofNullable(byWrittenName.get(written));
  }

  /**
   * Divisions named in {@code text}. A short name (湖北, 苏州) counts only where the segmenter put a
   * word boundary on both sides, so 惠民利民 or 浙江西部 do not invent places.
   */
  public List<Mention<Division>> find(String text, Segmentation segmentation) {
    List<Mention<Division>> hits = new ArrayList<>();
    trie.parseText(
        text,
        (begin, end, division) -> {
          String written = text.substring(begin, end);
          if (!shortNames.contains(written) || segmentation.isWord(begin, end)) {
            hits.add(new Mention<>(begin, end, written, division));
          }
        });
    return Spans.longestNonOverlapping(hits);
  }
}
