package news.pipeline.common.model;

import java.time.Instant;
import java.time.LocalDate;

/** One article as ingest publishes it to {@code news.articles.raw}. */
public record RawArticle(
    String id,
    String title,
    String text,
    String source,
    String reporter,
    String url,
    LocalDate publishedAt,
    Instant ingestedAt,
    String origin,
    String contentHash) {}
