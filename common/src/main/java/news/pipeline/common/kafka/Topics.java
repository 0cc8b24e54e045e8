package news.pipeline.common.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import news.pipeline.common.json.JsonSerde;
import news.pipeline.common.json.MessageSchema;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.EnrichedArticle;
import news.pipeline.common.model.PolicyAlert;
import news.pipeline.common.model.RawArticle;
import org.apache.kafka.common.serialization.Serdes;

/** The typed topic catalogue: every topic the pipeline reads or writes is named here only. */
public final class Topics {
  public static final StrictStringSerde KEYS = new StrictStringSerde();

  public static final Topic<String, RawArticle> RAW_ARTICLES =
      new Topic<>(
          "news.articles.raw",
          KEYS,
          JsonSerde.validated(RawArticle.class, MessageSchema.RAW_ARTICLE));

  public static final Topic<String, ClassifiedArticle> CLASSIFIED_ARTICLES =
      new Topic<>(
          "news.articles.classified",
          KEYS,
          JsonSerde.validated(ClassifiedArticle.class, MessageSchema.CLASSIFIED_ARTICLE));

  public static final Topic<String, PolicyAlert> POLICY_ALERTS =
      new Topic<>(
          "news.alerts.policy",
          KEYS,
          JsonSerde.validated(PolicyAlert.class, MessageSchema.POLICY_ALERT));

  /** Rejected records, kept as the bytes that arrived, with the reason in headers. */
  public static final Topic<byte[], byte[]> DEAD_LETTERS =
      new Topic<>("news.dlq", Serdes.ByteArray(), Serdes.ByteArray());

  /**
   * Ingest's ledger (compacted): what ingest has sent, written in the same transaction as the
   * articles, so a restart never sends an article twice. Values are ingest's own JSON.
   */
  public static final Topic<String, byte[]> INGEST_LEDGER =
      new Topic<>("news.ingest.ledger", KEYS, Serdes.ByteArray());

  public static final String DOMAIN_TOPIC_PREFIX = "news.domain.";

  private Topics() {}

  /** The enriched-article topic of one domain: {@code news.domain.<domain-id>}. */
  public static Topic<String, EnrichedArticle> domain(String domainId) {
    return new Topic<>(
        DOMAIN_TOPIC_PREFIX + domainId,
        KEYS,
        JsonSerde.validated(EnrichedArticle.class, MessageSchema.ENRICHED_ARTICLE));
  }

  /** Every topic name the pipeline needs for the given domains. */
  public static List<String> allNames(Collection<String> domainIds) {
    List<String> names = new ArrayList<>();
    names.add(RAW_ARTICLES.name());
    names.add(CLASSIFIED_ARTICLES.name());
    domainIds.forEach(id -> names.add(domain(id).name()));
    names.add(POLICY_ALERTS.name());
    names.add(DEAD_LETTERS.name());
    return names;
  }
}
