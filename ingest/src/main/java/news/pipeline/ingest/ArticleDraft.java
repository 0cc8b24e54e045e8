package news.pipeline.ingest;

import java.time.LocalDate;

/**
 * An article as a source states it, before ingest gives it an identity: what the splitter, the JSON
 * reader, the feed poller and the HTTP endpoint all produce. {@code location} names where it was
 * found ({@code file:line}); {@code raw} holds the bytes it came from, for the dead-letter topic
 * should it be refused.
 */
record ArticleDraft(
    String sourceId,
    String title,
    String text,
    String source,
    String reporter,
    String url,
    LocalDate publishedAt,
    String location,
    byte[] raw) {}
