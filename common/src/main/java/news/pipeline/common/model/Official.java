package news.pipeline.common.model;

import java.util.List;

/** A named office holder: 民政部党组书记 陆治原 → {name 陆治原, title 党组书记, organization 民政部}. */
public record Official(String name, String title, String organization, List<Span> mentions) {}
