package news.pipeline.common.model;

/** A date as written and, when the year is known, its ISO form (2024-03-20, 2024-03 or 2024). */
public record DateMention(String text, String value, Span span) {}
