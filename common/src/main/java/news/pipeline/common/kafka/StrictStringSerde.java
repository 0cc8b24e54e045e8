package news.pipeline.common.kafka;

import java.nio.charset.StandardCharsets;
import news.pipeline.common.json.Json;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * String keys decoded strictly: Kafka's StringDeserializer would turn bad UTF-8 into U+FFFD and a
 * corrupt key would silently become a different key.
 */
public final class StrictStringSerde implements Serde<String> {
  @Override
  public Serializer<String> serializer() {
    return (topic, value) -> value == null ? null : value.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Deserializer<String> deserializer() {
    return (topic, bytes) -> bytes == null ? null : Json.decodeUtf8(bytes);
  }
}
