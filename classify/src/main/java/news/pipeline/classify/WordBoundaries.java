package news.pipeline.classify;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.BitSet;

/**
 * Word boundaries of a piece of text, from HanLP's segmenter: used only for the few short terms
 * that hide inside longer words (低保 in 最低保障), so segmentation costs nothing on most articles.
 */
final class WordBoundaries {
  /** Characters of context either side of a hit: enough for the segmenter to see the word. */
  private static final int WINDOW = 8;

  private static final class Segmenter {
    // Loaded on first use; analysis on a shared segment is thread-safe (HanLP issue #732).
    static final Segment INSTANCE = HanLP.newSegment();
  }

  private final String text;
  private final int start;
  private final int end;
  private int segmentedFrom = Integer.MAX_VALUE;
  private int segmentedTo = Integer.MIN_VALUE;
  private final BitSet cuts = new BitSet();

  /** Loads the segmenter's dictionaries now, so the first article does not wait for them. */
  static void warmUp() {
    Segmenter.INSTANCE.seg("城乡低保标准");
  }

  /** Boundaries within {@code text[start, end)}, computed lazily around each hit. */
  WordBoundaries(String text, int start, int end) {
    this.text = text;
    this.start = start;
    this.end = end;
  }

  /** True when {@code [begin, stop)} starts and ends at word boundaries. */
  boolean isWord(int begin, int stop) {
    if (begin < segmentedFrom || stop > segmentedTo) {
      segment(Math.max(start, begin - WINDOW), Math.min(end, stop + WINDOW));
    }
    return cuts.get(begin) && cuts.get(stop);
  }

  private void segment(int from, int to) {
    cuts.clear();
    int offset = from;
    cuts.set(offset);
    for (Term term : Segmenter.INSTANCE.seg(text.substring(from, to))) {
      offset += term.word.length();
      cuts.set(offset);
    }
    segmentedFrom = from;
    segmentedTo = to;
  }
}
