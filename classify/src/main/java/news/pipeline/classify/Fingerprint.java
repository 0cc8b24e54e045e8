package news.pipeline.classify;

/**
 * What the duplicate detector remembers of one article.
 *
 * @param simHash the body's SimHash
 * @param seenAt when it was seen (record time, epoch ms), for retention
 * @param firstId the id of the first article with this body: itself, or the one it reposts
 * @param shortText whether the body was too short for near matching (only exact matches count)
 */
public record Fingerprint(long simHash, long seenAt, String firstId, boolean shortText) {}
