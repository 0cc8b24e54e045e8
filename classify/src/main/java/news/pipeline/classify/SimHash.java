package news.pipeline.classify;

/**
 * 64-bit SimHash of a text's character shingles (Charikar 2002): near-identical texts get
 * fingerprints a few bits apart, different texts about 32 apart.
 */
final class SimHash {
  static final int SHINGLE = 3;

  private SimHash() {}

  /** The letters and digits of a text, no spacing or punctuation, which reposts rewrite freely. */
  static String content(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The number of shingles {@link #of} hashes for content of this length. */
  static int shingles(String content) {
    return Math.max(0, content.length() - SHINGLE + 1);
  }

  /** The fingerprint of {@link #content}; 0 for content shorter than one shingle. */
  static long of(String content) {
    // Ones per bit position; a bit is set when most shingles set it. Counting is bit-sliced:
    // each hash byte adds its 8 bits to 8 one-byte counters packed in a long, flushed before they
    // can overflow, so a shingle costs 8 additions instead of 64.
    int[] ones = new int[64];
    long[] packed = new long[8];
    int n = shingles(content);
    for (int i = 0; i < n; i++) {
      long hash = hash(content, i);
      for (int b = 0; b < 8; b++) {
        packed[b] += SPREAD[(int) (hash >>> (8 * b)) & 0xff];
      }
      if (i % 255 == 254) {
        flush(packed, ones);
      }
    }
    flush(packed, ones);
    long fingerprint = 0;
    for (int bit = 0; bit < 64; bit++) {
      if (2 * ones[bit] > n) {
        fingerprint |= 1L << bit;
      }
    }
    return fingerprint;
  }

  /** Byte value → its 8 bits spread one per byte: 0b101 → 0x0000000000010001. */
  private static final long[] SPREAD = new long[256];

  static {
    for (int value = 0; value < 256; value++) {
      for (int bit = 0; bit < 8; bit++) {
        if ((value >>> bit & 1) == 1) {
          SPREAD[value] |= 1L << (8 * bit);
        }
      }
    }
  }

  private static void flush(long[] packed, int[] ones) {
    for (int b = 0; b < 8; b++) {
      for (int bit = 0; bit < 8; bit++) {
        ones[8 * b + bit] += (int) (packed[b] >>> (8 * bit)) & 0xff;
      }
      packed[b] = 0;
    }
  }

  static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** FNV-1a over the shingle's chars, then the SplitMix64 finalizer to spread every bit. */
  private static long hash(String content, int start) {
    long h = 0xcbf29ce484222325L;
    for (int i = start; i < start + SHINGLE; i++) {
      h ^= content.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    h ^= h >>> 31;
    return h;
  }
}
