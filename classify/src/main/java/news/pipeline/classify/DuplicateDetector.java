package news.pipeline.classify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import news.pipeline.common.config.PipelineConfig;

/**
 * Finds reposts: an article whose normalized body is within {@code maxDistance} bits (SimHash) of
 * one seen within the retention is a duplicate of that article's first id. Not thread-safe: one
 * instance per store, as a Streams processor or an offline run uses it.
 *
 * <p>The store is the durable copy; every fingerprint is also held in memory (rebuilt from the
 * store on start), so a lookup never reads the store. Candidates come from a multi-index hash
 * (Norouzi et al.): the 64 bits are cut into {@code m = ceil((d + 1) / 2)} blocks, and two
 * fingerprints at most {@code d} bits apart differ in at most one bit of at least one block
 * (pigeonhole: two bits in every block would be {@code 2m > d}). A lookup probes, per block, its
 * own key and every key one bit away — for {@code d = 10}, six blocks of 10–11 bits, 70 probes —
 * and scans each probed bucket's SimHashes as a flat array: about {@code n / 30} comparisons, not
 * {@code n}, and few cache misses, which are what a lookup costs.
 */
public final class DuplicateDetector {
  public static final String MAX_DISTANCE = "news.classify.dedup.max.distance";
  public static final String RETENTION = "news.classify.dedup.retention";
  public static final String MIN_CHARS = "news.classify.dedup.min.chars";

  /** The durable copy of the fingerprints: a Kafka Streams store, or nothing offline. */
  public interface FingerprintStore {
    void put(String id, Fingerprint fingerprint);

    void delete(String id);

    void forEach(BiConsumer<String, Fingerprint> action);
  }

  /** One remembered article as the index holds it. */
  private record Entry(String id, Fingerprint fingerprint) {}

  /** The entries sharing one block key, their SimHashes side by side for a fast scan. */
  private static final class Bucket {
    private long[] simHashes = new long[2];
    private Entry[] entries = new Entry[2];
    private int size;

    void add(Entry entry) {
      if (size == entries.length) {
        simHashes = Arrays.copyOf(simHashes, size * 2);
        entries = Arrays.copyOf(entries, size * 2);
      }
      simHashes[size] = entry.fingerprint().simHash();
      entries[size++] = entry;
    }

    /** Removes the entry; true when the bucket is then empty. */
    boolean remove(Entry entry) {
      for (int i = 0; i < size; i++) {
        if (entries[i] == entry) {
          size--;
          simHashes[i] = simHashes[size];
          entries[i] = entries[size];
          entries[size] = null;
          break;
        }
      }
      return size == 0;
    }
  }

  private final FingerprintStore store;
  private final int maxDistance;
  private final long retentionMs;
  private final int minChars;

  /** Where block {@code b} starts: bit {@code blockStarts[b]}, up to {@code blockStarts[b + 1]}. */
  private final int[] blockStarts;

  private final Map<String, Entry> entries = new HashMap<>();
  private final List<Map<Long, Bucket>> blocks = new ArrayList<>();

  public DuplicateDetector(
      FingerprintStore store, int maxDistance, Duration retention, int minChars) {
    if (maxDistance < 0 || maxDistance > 31) {
      throw new IllegalArgumentException(MAX_DISTANCE + " must be in [0,31], not " + maxDistance);
    }
    this.store = store;
    this.maxDistance = maxDistance;
    this.retentionMs = retention.toMillis();
    this.minChars = minChars;
    int blockCount = (maxDistance + 2) / 2;
    this.blockStarts = new int[blockCount + 1];
    for (int b = 0; b <= blockCount; b++) {
      blockStarts[b] = b * Long.SIZE / blockCount;
      if (b < blockCount) {
        blocks.add(new HashMap<>());
      }
    }
    store.forEach((id, fingerprint) -> index(new Entry(id, fingerprint)));
  }

  /** A detector for offline runs: memory only, nothing to restore from. */
  public static DuplicateDetector inMemory(PipelineConfig config) {
    return fromConfig(
        config,
        new FingerprintStore() {
          @Override
          public void put(String id, Fingerprint fingerprint) {}

          @Override
          public void delete(String id) {}

          @Override
          public void forEach(BiConsumer<String, Fingerprint> action) {}
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
    Entry known = entries.get(id);
    if (known != null) {
      String firstId = known.fingerprint().firstId();
      return firstId.equals(id) ? null : firstId;
    }
    boolean shortText = sketch.contentChars() < minChars;
    long simHash = sketch.simHash();
    Entry original = shortText ? exactMatch(simHash, timestamp) : nearest(simHash, timestamp);
    String originalId = original == null ? null : original.fingerprint().firstId();
    Fingerprint fingerprint =
        new Fingerprint(simHash, timestamp, originalId == null ? id : originalId, shortText);
    store.put(id, fingerprint);
    index(new Entry(id, fingerprint));
    return originalId;
  }

  /** Forgets articles seen before {@code now - retention}; returns how many. */
  public int purge(long now) {
    long oldest = now - retentionMs;
    List<Entry> expired =
        entries.values().stream().filter(e -> e.fingerprint().seenAt() < oldest).toList();
    for (Entry entry : expired) {
      store.delete(entry.id());
      unindex(entry);
    }
    return expired.size();
  }

  private Entry nearest(long simHash, long now) {
    Entry best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (int b = 0; b < blocks.size(); b++) {
      long key = block(simHash, b);
      int width = blockStarts[b + 1] - blockStarts[b];
      // The key itself, then every key one bit away (flip == width).
      for (int flip = width; flip >= 0; flip--) {
        Bucket bucket = blocks.get(b).get(flip == width ? key : key ^ 1L << flip);
        if (bucket == null) {
          continue;
        }
        // An entry near in several blocks is seen several times; the strict order below makes
        // that harmless.
        for (int i = 0; i < bucket.size; i++) {
          int distance = SimHash.distance(simHash, bucket.simHashes[i]);
          if (distance > maxDistance || distance > bestDistance) {
            continue;
          }
          Entry candidate = bucket.entries[i];
          Fingerprint known = candidate.fingerprint();
          if (!known.shortText()
              && live(known, now)
              && (best == null || distance < bestDistance || earlier(candidate, best))) {
            best = candidate;
            bestDistance = distance;
          }
        }
      }
    }
    return best;
  }

  private Entry exactMatch(long simHash, long now) {
    Entry best = null;
    Bucket bucket = blocks.get(0).get(block(simHash, 0));
    if (bucket == null) {
      return null;
    }
    for (int i = 0; i < bucket.size; i++) {
      Entry candidate = bucket.entries[i];
      if (bucket.simHashes[i] == simHash
          && live(candidate.fingerprint(), now)
          && (best == null || earlier(candidate, best))) {
        best = candidate;
      }
    }
    return best;
  }

  /**
   * The older entry, and on a tie the smaller id: an order independent of how the index was filled,
   * so a restored index answers as the one it replaces.
   */
  private static boolean earlier(Entry a, Entry b) {
    long seenA = a.fingerprint().seenAt();
    long seenB = b.fingerprint().seenAt();
    return seenA != seenB ? seenA < seenB : a.id().compareTo(b.id()) < 0;
  }

  private boolean live(Fingerprint fingerprint, long now) {
    return fingerprint.seenAt() >= now - retentionMs;
  }

  /**
   * Every article is a candidate, reposts too: a repost of an edited repost may be within reach of
   * that repost only, and it still points at the first article through {@code firstId}.
   */
  private void index(Entry entry) {
    entries.put(entry.id(), entry);
    for (int b = 0; b < blocks.size(); b++) {
      blocks
          .get(b)
          .computeIfAbsent(block(entry.fingerprint().simHash(), b), k -> new Bucket())
          .add(entry);
    }
  }

  private void unindex(Entry entry) {
    entries.remove(entry.id());
    for (int b = 0; b < blocks.size(); b++) {
      long key = block(entry.fingerprint().simHash(), b);
      Bucket bucket = blocks.get(b).get(key);
      if (bucket != null && bucket.remove(entry)) {
        blocks.get(b).remove(key);
      }
    }
  }

  private long block(long simHash, int b) {
    int width = blockStarts[b + 1] - blockStarts[b];
    long mask = width == Long.SIZE ? -1L : (1L << width) - 1;
    return (simHash >>> blockStarts[b]) & mask;
  }
}
