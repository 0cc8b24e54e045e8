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
 * <p>Candidates come from a band index (pigeonhole: two fingerprints at most {@code d} bits apart
 * agree exactly on at least one of {@code d + 1} bands), so a lookup touches a handful of entries,
 * not the whole retention. The index is memory only and rebuilt from the store on start.
 */
public final class DuplicateDetector {
  public static final String MAX_DISTANCE = "news.classify.dedup.max.distance";
  public static final String RETENTION = "news.classify.dedup.retention";
  public static final String MIN_CHARS = "news.classify.dedup.min.chars";

  /** Where fingerprints live: a Kafka Streams store, or a map offline. */
  public interface FingerprintStore {
    Fingerprint get(String id);

    void put(String id, Fingerprint fingerprint);

    void delete(String id);

    void forEach(BiConsumer<String, Fingerprint> action);
  }

  private final FingerprintStore store;
  private final int maxDistance;
  private final long retentionMs;
  private final int minChars;
  private final int[] bandStarts;
  private final List<Map<Long, Set<String>>> bands = new ArrayList<>();

  public DuplicateDetector(
      FingerprintStore store, int maxDistance, Duration retention, int minChars) {
    if (maxDistance < 0 || maxDistance > 31) {
      throw new IllegalArgumentException(MAX_DISTANCE + " must be in [0,31], not " + maxDistance);
    }
    this.store = store;
    this.maxDistance = maxDistance;
    this.retentionMs = retention.toMillis();
    this.minChars = minChars;
    int bandCount = maxDistance + 1;
    this.bandStarts = new int[bandCount + 1];
    for (int b = 0; b <= bandCount; b++) {
      bandStarts[b] = b * 64 / bandCount;
      if (b < bandCount) {
        bands.add(new HashMap<>());
      }
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
          public Fingerprint get(String id) {
            return map.get(id);
          }

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
    Fingerprint known = store.get(id);
    if (known != null) {
      return known.firstId().equals(id) ? null : known.firstId();
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
    List<String> expired = new ArrayList<>();
    Map<String, Fingerprint> expiredPrints = new HashMap<>();
    store.forEach(
        (id, fingerprint) -> {
          if (fingerprint.seenAt() < oldest) {
            expired.add(id);
            expiredPrints.put(id, fingerprint);
          }
        });
    for (String id : expired) {
      store.delete(id);
      unindex(id, expiredPrints.get(id));
    }
    return expired.size();
  }

  private String nearest(long simHash, long now) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    long bestSeen = Long.MAX_VALUE;
    Set<String> checked = new HashSet<>();
    for (int b = 0; b < bands.size(); b++) {
      for (String candidate : bands.get(b).getOrDefault(band(simHash, b), Set.of())) {
        if (!checked.add(candidate)) {
          continue;
        }
        Fingerprint known = store.get(candidate);
        if (known == null || known.shortText() || !live(known, now)) {
          continue;
        }
        int distance = SimHash.distance(simHash, known.simHash());
        if (distance <= maxDistance
            && (distance < bestDistance
                || (distance == bestDistance && known.seenAt() < bestSeen))) {
          best = known.firstId();
          bestDistance = distance;
          bestSeen = known.seenAt();
        }
      }
    }
    return best;
  }

  private String exactMatch(long simHash, long now) {
    String best = null;
    long bestSeen = Long.MAX_VALUE;
    for (String candidate : bands.get(0).getOrDefault(band(simHash, 0), Set.of())) {
      Fingerprint known = store.get(candidate);
      if (known != null
          && known.simHash() == simHash
          && live(known, now)
          && known.seenAt() < bestSeen) {
        best = known.firstId();
        bestSeen = known.seenAt();
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
    for (int b = 0; b < bands.size(); b++) {
      bands.get(b).computeIfAbsent(band(fingerprint.simHash(), b), k -> new HashSet<>()).add(id);
    }
  }

  private void unindex(String id, Fingerprint fingerprint) {
    for (int b = 0; b < bands.size(); b++) {
      Long key = band(fingerprint.simHash(), b);
      Set<String> ids = bands.get(b).get(key);
      if (ids != null && ids.remove(id) && ids.isEmpty()) {
        bands.get(b).remove(key);
      }
    }
  }

  private long band(long simHash, int b) {
    int width = bandStarts[b + 1] - bandStarts[b];
    long mask = width == 64 ? -1L : (1L << width) - 1;
    return (simHash >>> bandStarts[b]) & mask;
  }
}
