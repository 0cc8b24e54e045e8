package news.pipeline.enrich.text;

/** Something found at {@code [start, end)} of the article text. */
public record Mention<T>(int start, int end, String written, T value) {}
