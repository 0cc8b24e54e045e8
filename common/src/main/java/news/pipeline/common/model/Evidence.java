package news.pipeline.common.model;

import java.util.List;

/** The matched terms behind a label and the sentence that supports it best. */
public record Evidence(List<MatchedTerm> terms, String sentence) {}
