package news.pipeline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import news.pipeline.common.json.InvalidRecordException;
import news.pipeline.common.json.Json;

/**
 * Reads articles given as JSON: one object, an array of objects, or JSON Lines ({@code {id?, title,
 * text, source?, url?, reporter?, publishedAt?}} per line). Each line or element stands alone: a
 * bad one is refused with its line number and the others are read.
 */
final class JsonArticles {
  private JsonArticles() {}

  /** One parsed JSON value or the refusal of it. */
  sealed interface Item permits Parsed, Refused {}

  record Parsed(ArticleDraft draft) implements Item {}

  record Refused(RejectedInput rejection) implements Item {}

  /** JSON Lines; a document that is one pretty-printed value is read as that value instead. */
  static List<Item> readLines(byte[] bytes, String origin) {
    List<Item> items = new ArrayList<>();
    int lineStart = 0;
    int lineNumber = 0;
    boolean anyParsed = false;
    for (int i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] != '\n') {
        continue;
      }
      lineNumber++;
      int end = i > lineStart && bytes[i - 1] == '\r' ? i - 1 : i;
      int length = end - lineStart;
      if (!isBlank(bytes, lineStart, length)) {
        byte[] raw = java.util.Arrays.copyOfRange(bytes, lineStart, end);
        Item item = parse(raw, origin + ":" + lineNumber);
        anyParsed |= item instanceof Parsed;
        items.add(item);
      }
      lineStart = i + 1;
    }
    if (!anyParsed && items.size() > 1) {
      List<Item> whole = readDocument(bytes, origin);
      if (whole.stream().anyMatch(Parsed.class::isInstance)) {
        return whole;
      }
    }
    return items;
  }

  /** One JSON document: an article object or an array of them. */
  static List<Item> readDocument(byte[] bytes, String origin) {
    JsonNode root;
    try {
      root = Json.parseTree(TextDecoding.decode(bytes));
    } catch (TextDecoding.DecodingException e) {
      return List.of(refused(origin, e.code(), e.getMessage(), bytes));
    } catch (InvalidRecordException e) {
      return List.of(refused(origin, e.reason(), detail(e), bytes));
    }
    if (!root.isArray()) {
      return List.of(toItem(root, origin, bytes));
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode element = root.get(i);
      items.add(toItem(element, origin + "[" + i + "]", Json.toBytes(element)));
    }
    return items;
  }

  static Item parse(byte[] raw, String location) {
    if (raw.length > Json.MAX_RECORD_BYTES) {
      return refused(
          location,
          "too-large",
          "line is " + raw.length + " bytes, over the " + Json.MAX_RECORD_BYTES + " limit",
          raw);
    }
    try {
      return toItem(Json.parseTree(TextDecoding.decode(raw)), location, raw);
    } catch (TextDecoding.DecodingException e) {
      return refused(location, e.code(), e.getMessage(), raw);
    } catch (InvalidRecordException e) {
      return refused(location, e.reason(), detail(e), raw);
    }
  }

  private static Item toItem(JsonNode node, String location, byte[] raw) {
    if (!node.isObject()) {
      return refused(location, "schema", "expected a JSON object, found " + describe(node), raw);
    }
    try {
      return new Parsed(
          new ArticleDraft(
              optionalText(node, "id", true),
              requiredText(node, "title"),
              requiredText(node, "text"),
              optionalText(node, "source", false),
              optionalText(node, "reporter", false),
              optionalText(node, "url", false),
              date(node.get("publishedAt")),
              location,
              raw));
    } catch (InvalidRecordException e) {
      return refused(location, e.reason(), e.getMessage().substring(e.reason().length() + 2), raw);
    }
  }

  private static String requiredText(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidRecordException("schema", "missing \"" + field + "\"");
    }
    if (!value.isTextual()) {
      throw new InvalidRecordException(
          "schema", "\"" + field + "\" must be a string, found " + describe(value));
    }
    return value.textValue();
  }

  private static String optionalText(JsonNode node, String field, boolean numberAllowed) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual() || (numberAllowed && value.isIntegralNumber())) {
      String text = value.asText().trim();
      return text.isEmpty() ? null : text;
    }
    throw new InvalidRecordException(
        "schema", "\"" + field + "\" must be a string, found " + describe(value));
  }

  /** An ISO date, or the date part of an ISO date-time as the source wrote it. */
  private static LocalDate date(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidRecordException(
          "schema", "\"publishedAt\" must be an ISO date string, found " + describe(value));
    }
    String text = value.textValue().trim();
    try {
      return text.length() <= 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDateTime.parse(text).toLocalDate();
      } catch (DateTimeParseException again) {
        throw new InvalidRecordException(
            "schema",
            "\"publishedAt\" is not an ISO date (2024-03-20) or date-time: \"" + text + "\"");
      }
    }
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case STRING -> "a string";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String detail(InvalidRecordException e) {
    String message = e.getMessage();
    String prefix = e.reason() + ": ";
    String text = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    // Jackson appends the source location over several lines; the first says what is wrong.
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static Refused refused(String location, String code, String message, byte[] raw) {
    return new Refused(RejectedInput.of(location, code, message, raw));
  }

  private static boolean isBlank(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
