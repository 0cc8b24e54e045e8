package news.pipeline.common.model;

/** A taxonomy term found in an article and how often. */
public record MatchedTerm(String term, int count) {}
