package news.pipeline.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * The identity rule of ingest. Title and text are each normalized by Unicode NFKC (full-width
 * letters, digits and ASCII-range punctuation such as {@code ，（）：} become their ASCII forms, the
 * ideographic space becomes a space) and then every whitespace character is removed. The content
 * hash is the SHA-256 (lower-case hex) of {@code normalizedTitle U+0000 normalizedText}; the id is
 * its first 32 hex digits, unless the source names its own id or URL.
 *
 * <p>So the same article re-scraped with other spacing, line breaks or punctuation width keeps its
 * id, and any change of wording gives a new one.
 */
public final class ArticleIds {
  /** Hex digits of the content hash used as id: 128 bits. */
  public static final int ID_HEX_DIGITS = 32;

  /** Longest source id or URL used verbatim as a key (the schema's limit). */
  public static final int MAX_SOURCE_ID_LENGTH = 256;

  private ArticleIds() {}

  public static String normalize(String text) {
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(nfkc.length());
    for (int i = 0; i < nfkc.length(); ) {
      int cp = nfkc.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  public static String contentHash(String title, String text) {
    return sha256Hex(normalize(title) + '\u0000' + normalize(text));
  }

  /**
   * The record key: the source's own id, else its URL, else the content-derived id. An over-long
   * source id or URL is replaced by a hash of it, so the key stays stable and within bounds.
   */
  public static String id(String sourceId, String url, String contentHash) {
    String given = firstNonBlank(sourceId, url);
    if (given == null) {
      return contentHash.substring(0, ID_HEX_DIGITS);
    }
    return given.length() <= MAX_SOURCE_ID_LENGTH
        ? given
        : sha256Hex(given).substring(0, ID_HEX_DIGITS);
  }

  static String sha256Hex(String value) {
    return sha256Hex(value.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a.trim();
    }
    return b != null && !b.isBlank() ? b.trim() : null;
  }
}
