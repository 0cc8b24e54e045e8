package news.pipeline.enrich.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import java.util.Collection;
import java.util.TreeMap;

/**
 * The one HanLP segmenter: Viterbi with person-name recognition; our places, organizations and
 * civil-affairs terms in a custom dictionary of its own instead of HanLP's JVM-wide one, so other
 * HanLP users in the same process (classify, in the offline pipeline) segment exactly as they do
 * alone. Configuration happens once, under a lock, before any article is analysed; analysis itself
 * is thread-safe.
 */
public final class Segmenter {

  private static final Object CONFIGURATION = new Object();
  private static final String WARM_UP = "近日，湖北省民政厅在孝感应城市举办全省养老服务体系建设的培训班。省民政厅党组成员、副厅长刘四海出席开班式并讲话。";

  private final Segment segment;

  public Segmenter(Collection<String> places, Collection<String> organizations) {
    synchronized (CONFIGURATION) {
      // Later kinds win: an organization that is also a place name (兵团) is an organization.
      TreeMap<String, CoreDictionary.Attribute> words = new TreeMap<>();
      for (String line : Resources.lines("domain-terms.txt")) {
        for (String term : line.strip().split("\\s+")) {
          words.put(term, CoreDictionary.Attribute.create("nz 1024"));
        }
      }
      // The core dictionary tags 民政部 and the like as suffixes (nis): ours win.
      places.forEach(name -> words.put(name, CoreDictionary.Attribute.create("ns 1024")));
      organizations.forEach(name -> words.put(name, CoreDictionary.Attribute.create("nt 1024")));
      DoubleArrayTrie<CoreDictionary.Attribute> lexicon = new DoubleArrayTrie<>();
      lexicon.build(words);
      DynamicCustomDictionary ours = new DynamicCustomDictionary(lexicon, new BinTrie<>(), null);
      segment =
          HanLP.newSegment()
              .enableCustomDictionary(ours)
              .enableNameRecognize(true)
              .enablePlaceRecognize(false)
              .enableOrganizationRecognize(false)
              .enableCustomDictionaryForcing(false)
              .enableOffset(true);
    }
    segment(WARM_UP);
  }

  public Segmentation segment(String text) {
    return new Segmentation(text, segment.seg(text));
  }
}
