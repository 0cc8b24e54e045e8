package news.pipeline.common.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.stream.Collectors;

/** The JSON Schemas of our public messages, loaded from {@code schemas/} on the classpath. */
public enum MessageSchema {
  RAW_ARTICLE("raw-article"),
  CLASSIFIED_ARTICLE("classified-article"),
  ENRICHED_ARTICLE("enriched-article"),
  POLICY_ALERT("policy-alert");

  /** The schemas' {@code $id} prefix; mapped to the classpath so nothing is fetched. */
  public static final String ID_PREFIX = "https://news-pipeline.dev/schemas/";

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder -> builder.schemaMappers(m -> m.mapPrefix(ID_PREFIX, "classpath:schemas/")));

  private final String fileName;
  private volatile JsonSchema schema;

  MessageSchema(String name) {
    this.fileName = name + ".schema.json";
  }

  public String fileName() {
    return fileName;
  }

  /** Returns the violations, empty when the document conforms. */
  public Set<String> violations(JsonNode document) {
    Set<ValidationMessage> messages = schema().validate(document);
    return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
  }

  /** Throws a {@code schema} refusal naming every violation. */
  public void validate(JsonNode document) {
    // The boolean check stops at the first violation and builds no messages: a quarter of the
    // cost of collecting them, paid on every record; the messages only for a refused one.
    if (schema().validate(document, OutputFormat.BOOLEAN)) {
      return;
    }
    throw new InvalidRecordException(
        "schema",
        fileName + ": " + String.join("; ", violations(document).stream().sorted().toList()));
  }

  private JsonSchema schema() {
    JsonSchema loaded = schema;
    if (loaded == null) {
      loaded = FACTORY.getSchema(SchemaLocation.of(ID_PREFIX + fileName));
      loaded.initializeValidators();
      schema = loaded;
    }
    return loaded;
  }
}
