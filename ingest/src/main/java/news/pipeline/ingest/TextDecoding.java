package news.pipeline.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding that says where the input went wrong, and a binary-file check. */
final class TextDecoding {
  /** A text file has no NUL in its first bytes; binary formats almost always do. */
  private static final int BINARY_SNIFF_BYTES = 64 * 1024;

  private TextDecoding() {}

  /** Thrown with a message fit for a {@link Rejection}: code and where. */
  static final class DecodingException extends Exception {
    private final String code;

    DecodingException(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    String code() {
      return code;
    }
  }

  /** Refuses binary content: UTF-16/32 text and anything with NUL bytes. */
  static void requireText(byte[] bytes) throws DecodingException {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
            || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
      throw new DecodingException("bad-utf8", "UTF-16 text (byte-order mark); save it as UTF-8");
    }
    int limit = Math.min(bytes.length, BINARY_SNIFF_BYTES);
    for (int i = 0; i < limit; i++) {
      if (bytes[i] == 0) {
        throw new DecodingException(
            "binary", "binary content (NUL byte at offset " + i + "), not a text file");
      }
    }
  }

  /** Decodes strictly; the error names the byte offset and line of the first bad sequence. */
  static String decode(byte[] bytes, int offset, int length) throws DecodingException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
    CharBuffer out = CharBuffer.allocate(length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      for (int i = offset; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new DecodingException(
          "bad-utf8", "invalid UTF-8 at byte " + (at - offset) + " (line " + line + ")");
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  static String decode(byte[] bytes) throws DecodingException {
    return decode(bytes, 0, bytes.length);
  }
}
