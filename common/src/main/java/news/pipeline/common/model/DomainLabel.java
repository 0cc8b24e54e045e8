package news.pipeline.common.model;

/** One domain an article belongs to, with a score in [0,1] and why. */
public record DomainLabel(String domain, double score, Evidence evidence) {}
