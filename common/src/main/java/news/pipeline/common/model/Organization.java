package news.pipeline.common.model;

import java.util.List;

/** An organization by its full name; {@code type} is e.g. government, association, university. */
public record Organization(String name, String type, List<Span> mentions) {}
