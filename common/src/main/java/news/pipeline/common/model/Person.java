package news.pipeline.common.model;

import java.util.List;

/** A person named in the article; {@code role} is official, reporter or person. */
public record Person(String name, String role, List<Span> mentions) {}
