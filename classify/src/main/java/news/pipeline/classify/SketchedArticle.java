package news.pipeline.classify;

import news.pipeline.common.model.ClassifiedArticle;

/** A labelled article on its way to the dedup partition, with its body's sketch. */
public record SketchedArticle(ClassifiedArticle article, BodySketch sketch) {}
