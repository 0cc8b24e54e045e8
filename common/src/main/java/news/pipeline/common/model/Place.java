package news.pipeline.common.model;

import java.util.List;

/** A place as written, normalized to the administrative division it lies in. */
public record Place(
    String name, String province, String city, String county, String level, List<Span> mentions) {}
