package news.pipeline.common.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The one JSON mapping of the project, hardened so that hostile input costs almost nothing. */
public final class Json {
  /** Records larger than this are refused before parsing. */
  public static final int MAX_RECORD_BYTES = 4 * 1024 * 1024;

  /** Our messages are at most four levels deep; 64 leaves room and stops nesting bombs. */
  public static final int MAX_NESTING_DEPTH = 64;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_NESTING_DEPTH)
                          .maxStringLength(MAX_RECORD_BYTES)
                          .maxDocumentLength(MAX_RECORD_BYTES)
                          .maxNumberLength(64)
                          .build())
                  .build())
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static byte[] toBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes UTF-8 strictly: malformed, truncated and overlong sequences are errors, never the
   * silent U+FFFD replacement of {@code new String(bytes, UTF_8)}.
   */
  public static String decodeUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidRecordException("bad-utf8", "not valid UTF-8 (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Parses one JSON document, mapping every parser complaint to a {@code bad-json} refusal. A
   * document whose strings are not Unicode text is refused as {@code bad-text}: strict UTF-8 keeps
   * malformed bytes out, but a JSON escape can still spell half a surrogate pair (<code>
   * "&#92;ud800"</code>), which Jackson decodes into a Java string that is not Unicode text.
   */
  public static JsonNode parseTree(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidRecordException("bad-json", e.getOriginalMessage(), e);
    }
    if (node == null || node.isMissingNode()) {
      throw new InvalidRecordException("bad-json", "empty document");
    }
    // Such a string can only come from a backslash-u escape: a document without one needs no walk.
    if (json.indexOf("\\u") >= 0) {
      String where = unpairedSurrogateAt(node, "");
      if (where != null) {
        throw new InvalidRecordException(
            "bad-text", "unpaired surrogate in " + where + "; text must be valid Unicode");
      }
    }
    return node;
  }

  /** The JSON pointer of the first name or string holding an unpaired surrogate, or null. */
  private static String unpairedSurrogateAt(JsonNode node, String pointer) {
    if (node.isTextual()) {
      return isUnicodeText(node.textValue()) ? null : pointer;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (!isUnicodeText(field.getKey())) {
          return "a field name under " + (pointer.isEmpty() ? "/" : pointer);
        }
        String inside = unpairedSurrogateAt(field.getValue(), pointer + "/" + field.getKey());
        if (inside != null) {
          return inside;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String inside = unpairedSurrogateAt(node.get(i), pointer + "/" + i);
        if (inside != null) {
          return inside;
        }
      }
    }
    return null;
  }

  /** True when every surrogate in {@code text} is half of a well-formed pair. */
  private static boolean isUnicodeText(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
