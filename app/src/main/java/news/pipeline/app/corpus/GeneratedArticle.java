package news.pipeline.app.corpus;

import news.pipeline.common.model.RawArticle;

/**
 * One generated article with what the generator knows about it: the article it reposts (null when
 * original) and the policy title it announces (null when none).
 */
public record GeneratedArticle(
    long sequence, RawArticle article, String repostOf, String announcedPolicy) {}
