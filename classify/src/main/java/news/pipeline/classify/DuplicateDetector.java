package news.pipeline.classify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import news.pipeline.common.config.PipelineConfig;

/**
 * Finds reposts: an article whose normalized body is within {@code maxDistance} bits (SimHash) of
 * one seen within the retention is a duplicate of that article's first id. Not thread-safe: one
 * instance per store, as a Streams processor or an offline run uses it.
 *
 * <p>Candidates come from a multi-index hash (Manku et al., "Detecting near-duplicates for web
 * crawling", 2007): the 64 bits are four 16-bit bands, and two fingerprints at most {@code d} bits
 * apart differ in at most {@code d / 4} bits in at least one band (pigeonhole). A lookup probes
 * every band value within that radius (137 a band at the default {@code d = 10}), each an array
 * slot holding about {@code n / 65536} fingerprints. The earlier {@code d + 1} exact-match bands
 * were only 5–6 bits wide, so a lookup read a quarter of the whole retention from the store.
 *
 * <p>The index holds the fingerprints themselves, so a lookup never reads the store. It is memory
 * only (about 200 bytes an article) and rebuilt from the store on start; the store stays the
 * durable, changelogged record.
 */
public final class DuplicateDetector {
  public static final String MAX_DISTANCE = "news.classify.dedup.max.distance";
  public static final String RETENTION = "news.classify.dedup.retention";
  public static final String MIN_CHARS = "news.classify.dedup.min.chars";

  private static final int BANDS = 4;
  private static final int BAND_BITS = 64 / BANDS;
  private static final int BAND_MASK = (1 << BAND_BITS) - 1;

  /** Where fingerprints live: a Kafka Streams store, or a map offline. */
  public interface FingerprintStore {
    void put(String id, Fingerprint fingerprint);

    void delete(String id);

    void forEach(BiConsumer<String, Fingerprint> action);
  }

  private record Entry(String id, Fingerprint print) {}

  private final FingerprintStore store;
  private final int maxDistance;
  private final long retentionMs;
  private final int minChars;
  private final int[] probes;
  private final List<List<Entry>[]> bands = new ArrayList<>();
  private final Map<String, Fingerprint> known = new HashMap<>();

  @SuppressWarnings("unchecked")
  public DuplicateDetector(
      FingerprintStore store, int maxDistance, Duration retention, int minChars) {
    if (maxDistance < 0 || maxDistance > 31) {
      throw new IllegalArgumentException(MAX_DISTANCE + " must be in [0,31], not " + maxDistance);
    }
    this.store = store;
    this.maxDistance = maxDistance;
    this.retentionMs = retention.toMillis();
    this.minChars = minChars;
    this.probes = flips(maxDistance / BANDS);
    for (int b = 0; b < BANDS; b++) {
      bands.add(new List[1 << BAND_BITS]);
    }
    store.forEach(this::index);
  }

  /** A detector over a map, for offline runs. */
  public static DuplicateDetector inMemory(PipelineConfig config) {
    Map<String, Fingerprint> map = new HashMap<>();
    return fromConfig(
        config,
        new FingerprintStore() {
          @Override
          public void put(String id, Fingerprint fingerprint) {
            map.put(id, fingerprint);
          }

          @Override
          public void delete(String id) {
            map.remove(id);
          }

          @Override
          public void forEach(BiConsumer<String, Fingerprint> action) {
            map.forEach(action);
          }
        });
  }

  public static DuplicateDetector fromConfig(PipelineConfig config, FingerprintStore store) {
    return new DuplicateDetector(
        store,
        config.getInt(MAX_DISTANCE),
        config.getDuration(RETENTION),
        config.getInt(MIN_CHARS));
  }

  /**
   * Remembers the article and returns the id of the first article it reposts, or null when it is
   * new. Seeing the same id again (a replay) gives the same answer as the first time.
   */
  public String firstSeen(String id, String body, long timestamp) {
    return firstSeen(id, BodySketch.of(body), timestamp);
  }

  /** As {@link #firstSeen(String, String, long)}, with the body already sketched. */
  public String firstSeen(String id, BodySketch sketch, long timestamp) {
    Fingerprint seen = known.get(id);
    if (seen != null) {
      return seen.firstId().equals(id) ? null : seen.firstId();
    }
    boolean shortText = sketch.contentChars() < minChars;
    long simHash = sketch.simHash();
    String original = shortText ? exactMatch(simHash, timestamp) : nearest(simHash, timestamp);
    Fingerprint fingerprint =
        new Fingerprint(simHash, timestamp, original == null ? id : original, shortText);
    store.put(id, fingerprint);
    index(id, fingerprint);
    return original;
  }

  /** Forgets articles seen before {@code now - retention}; returns how many. */
  public int purge(long now) {
    long oldest = now - retentionMs;
    List<String> expired =
        known.entrySet().stream()
            .filter(entry -> entry.getValue().seenAt() < oldest)
            .map(Map.Entry::getKey)
            .toList();
    for (String id : expired) {
      store.delete(id);
      unindex(id, known.remove(id));
    }
    return expired.size();
  }

  private String nearest(long simHash, long now) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    long bestSeen = Long.MAX_VALUE;
    Set<String> checked = new HashSet<>();
    for (int b = 0; b < BANDS; b++) {
      List<Entry>[] buckets = bands.get(b);
      int value = band(simHash, b);
      for (int flip : probes) {
        List<Entry> bucket = buckets[value ^ flip];
        if (bucket == null) {
          continue;
        }
        for (Entry candidate : bucket) {
          Fingerprint print = candidate.print();
          int distance = SimHash.distance(simHash, print.simHash());
          if (distance > maxDistance
              || print.shortText()
              || !live(print, now)
              || !checked.add(candidate.id())) {
            continue;
          }
          if (distance < bestDistance || (distance == bestDistance && print.seenAt() < bestSeen)) {
            best = print.firstId();
            bestDistance = distance;
            bestSeen = print.seenAt();
          }
        }
      }
    }
    return best;
  }

  private String exactMatch(long simHash, long now) {
    String best = null;
    long bestSeen = Long.MAX_VALUE;
    List<Entry> bucket = bands.get(0)[band(simHash, 0)];
    for (Entry candidate : bucket == null ? List.<Entry>of() : bucket) {
      Fingerprint print = candidate.print();
      if (print.simHash() == simHash && live(print, now) && print.seenAt() < bestSeen) {
        best = print.firstId();
        bestSeen = print.seenAt();
      }
    }
    return best;
  }

  private boolean live(Fingerprint fingerprint, long now) {
    return fingerprint.seenAt() >= now - retentionMs;
  }

  /**
   * Every article is a candidate, reposts too: a repost of an edited repost may be within reach of
   * that repost only, and it still points at the first article through {@code firstId}.
   */
  private void index(String id, Fingerprint fingerprint) {
    known.put(id, fingerprint);
    Entry entry = new Entry(id, fingerprint);
    for (int b = 0; b < BANDS; b++) {
      List<Entry>[] buckets = bands.get(b);
      int value = band(fingerprint.simHash(), b);
      if (buckets[value] == null) {
        buckets[value] = new ArrayList<>(2);
      }
      buckets[value].add(entry);
    }
  }

  private void unindex(String id, Fingerprint fingerprint) {
    for (int b = 0; b < BANDS; b++) {
      List<Entry>[] buckets = bands.get(b);
      int value = band(fingerprint.simHash(), b);
      buckets[value].removeIf(entry -> entry.id().equals(id));
      if (buckets[value].isEmpty()) {
        buckets[value] = null;
      }
    }
  }

  private static int band(long simHash, int b) {
    return (int) (simHash >>> (b * BAND_BITS)) & BAND_MASK;
  }

  /** Every XOR mask of {@code BAND_BITS} bits with at most {@code radius} bits set, 0 first. */
  static int[] flips(int radius) {
    List<Integer> masks = new ArrayList<>();
    masks.add(0);
    addFlips(0, radius, 0, masks);
    return masks.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void addFlips(int mask, int radius, int fromBit, List<Integer> masks) {
    if (radius == 0) {
      return;
    }
    for (int bit = fromBit; bit < BAND_BITS; bit++) {
      int flipped = mask | (1 << bit);
      masks.add(flipped);
      addFlips(flipped, radius - 1, bit + 1, masks);
    }
  }
}
