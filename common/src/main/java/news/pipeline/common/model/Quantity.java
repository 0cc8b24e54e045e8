package news.pipeline.common.model;

/** A number with its unit and what it counts: 400家 社区长者食堂. */
public record Quantity(String text, double value, String unit, String counted, Span span) {}
