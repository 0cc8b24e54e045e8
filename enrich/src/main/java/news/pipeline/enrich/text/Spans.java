package news.pipeline.enrich.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Overlap resolution shared by the lexicon matchers. */
final class Spans {

  private Spans() {}

  /** Leftmost-longest mentions that do not overlap, in text order. */
  static <T> List<Mention<T>> longestNonOverlapping(List<Mention<T>> hits) {
    List<Mention<T>> sorted = new ArrayList<>(hits);
    sorted.sort(
        Comparator.<Mention<T>>comparingInt(Mention::start)
            .thenComparing(m -> -(m.end() - m.start())));
    List<Mention<T>> kept = new ArrayList<>();
    int covered = 0;
    for (Mention<T> hit : sorted) {
      if (hit.start() >= covered) {
        kept.add(hit);
        covered = hit.end();
      }
    }
    return kept;
  }
}
