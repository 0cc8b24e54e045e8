package news.pipeline.common.model;

/** Character offsets into the article text: {@code text.substring(start, end)} is the mention. */
public record Span(int start, int end) {}
