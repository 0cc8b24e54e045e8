package news.pipeline.common.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The project's one JSON serde. With a schema it is strict, as topic input must be: null, oversize,
 * bad UTF-8, text that is not Unicode, bad JSON and schema violations throw {@link
 * InvalidRecordException}, which the services route to the dead-letter topic. Without a schema
 * (state stores, internal topics: bytes only we wrote) it binds directly and null stays null.
 */
public final class JsonSerde<T> implements Serde<T> {
  private final Class<T> type;
  private final MessageSchema schema;

  private JsonSerde(Class<T> type, MessageSchema schema) {
    this.type = type;
    this.schema = schema;
  }

  /** A serde that validates every record it reads against {@code schema}. */
  public static <T> JsonSerde<T> validated(Class<T> type, MessageSchema schema) {
    return new JsonSerde<>(type, schema);
  }

  /**
   * A serde for our own state and internal topics, which only we write from records that passed a
   * validated serde: it skips the checks, binding the bytes straight to {@code type} (no string
   * copy, no tree), and refuses only what Jackson cannot read.
   */
  public static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(type, null);
  }

  /** Reads one record, with every check when this serde has a schema. */
  public T read(byte[] bytes) {
    if (schema == null) {
      return bytes == null ? null : bound(() -> Json.mapper().readValue(bytes, type));
    }
    if (bytes == null) {
      throw new InvalidRecordException("null", "record has no value");
    }
    if (bytes.length > Json.MAX_RECORD_BYTES) {
      throw new InvalidRecordException(
          "too-large",
          "record is " + bytes.length + " bytes, over the " + Json.MAX_RECORD_BYTES + " limit");
    }
    JsonNode tree = Json.parseTree(Json.decodeUtf8(bytes));
    schema.validate(tree);
    return bound(() -> Json.mapper().treeToValue(tree, type));
  }

  private interface Binding<T> {
    T bind() throws IOException;
  }

  private static <T> T bound(Binding<T> binding) {
    try {
      return binding.bind();
    } catch (MismatchedInputException e) {
      throw new InvalidRecordException("schema", e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidRecordException("bad-json", e.getMessage(), e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : Json.toBytes(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> read(bytes);
  }
}
