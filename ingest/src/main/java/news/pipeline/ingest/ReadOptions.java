package news.pipeline.ingest;

import java.time.Clock;
import java.util.OptionalInt;
import news.pipeline.common.config.PipelineConfig;

/**
 * Limits and context for reading input.
 *
 * @param maxTextChars longest article text accepted ({@code news.ingest.max.text.chars})
 * @param maxInputBytes largest file or HTTP body read ({@code news.ingest.max.input.bytes})
 * @param referenceYear the year of a date stated without one ({@code 3月20日}), when known ({@code
 *     news.ingest.reference.year}); empty means such dates are not used
 * @param clock stamps {@code ingestedAt}
 */
public record ReadOptions(
    int maxTextChars, long maxInputBytes, OptionalInt referenceYear, Clock clock) {
  public static final String MAX_TEXT_CHARS = "news.ingest.max.text.chars";
  public static final String MAX_INPUT_BYTES = "news.ingest.max.input.bytes";
  public static final String REFERENCE_YEAR = "news.ingest.reference.year";

  public static final int DEFAULT_MAX_TEXT_CHARS = 100_000;
  public static final long DEFAULT_MAX_INPUT_BYTES = 64L * 1024 * 1024;

  public static ReadOptions defaults() {
    return new ReadOptions(
        DEFAULT_MAX_TEXT_CHARS, DEFAULT_MAX_INPUT_BYTES, OptionalInt.empty(), Clock.systemUTC());
  }

  public static ReadOptions fromConfig(PipelineConfig config) {
    return new ReadOptions(
        config.has(MAX_TEXT_CHARS) ? config.getInt(MAX_TEXT_CHARS) : DEFAULT_MAX_TEXT_CHARS,
        config.has(MAX_INPUT_BYTES) ? config.getLong(MAX_INPUT_BYTES) : DEFAULT_MAX_INPUT_BYTES,
        config.has(REFERENCE_YEAR)
            ? OptionalInt.of(config.getInt(REFERENCE_YEAR))
            : OptionalInt.empty(),
        Clock.systemUTC());
  }

  public ReadOptions withMaxInputBytes(long bytes) {
    return new ReadOptions(maxTextChars, bytes, referenceYear, clock);
  }
}
