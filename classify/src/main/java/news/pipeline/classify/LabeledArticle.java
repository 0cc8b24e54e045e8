package news.pipeline.classify;

import java.util.List;

/** One line of a labeled JSONL file: an article and the domains a person gave it. */
public record LabeledArticle(
    String id, String title, String text, List<String> labels, String primary) {}
