package news.pipeline.enrich.text;

import com.hankcs.hanlp.seg.common.Term;
import java.util.BitSet;
import java.util.List;

/**
 * An article segmented once; recognizers, keywords and summary all read these terms. Offsets are
 * into the text the article carries.
 */
public final class Segmentation {

  private final String text;
  private final List<Term> terms;
  private final BitSet starts = new BitSet();
  private final BitSet ends = new BitSet();

  Segmentation(String text, List<Term> terms) {
    this.text = text;
    this.terms = List.copyOf(terms);
    for (Term term : terms) {
      starts.set(term.offset);
      ends.set(term.offset + term.length());
    }
    ends.set(text.length());
  }

  public String text() {
    return text;
  }

  public List<Term> terms() {
    return terms;
  }

  /** True when a word starts at {@code begin} and one ends at {@code end}. */
  public boolean isWord(int begin, int end) {
    return starts.get(begin) && ends.get(end);
  }

  /** The term that starts at {@code offset}, if one does. */
  public Term termAt(int offset) {
    if (!starts.get(offset)) {
      return null;
    }
    int low = 0;
    int high = terms.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int at = terms.get(mid).offset;
      if (at == offset) {
        return terms.get(mid);
      } else if (at < offset) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return null;
  }
}
