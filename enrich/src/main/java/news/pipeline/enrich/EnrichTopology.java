package news.pipeline.enrich;

import java.util.List;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.json.JsonSerde;
import news.pipeline.common.json.MessageSchema;
import news.pipeline.common.kafka.Topic;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.EnrichedArticle;
import news.pipeline.common.model.PolicyAlert;
import news.pipeline.enrich.alert.FirstAnnouncementProcessor;
import news.pipeline.enrich.alert.PolicyAlerts;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * {@code news.articles.classified} → enriched copies on {@code news.domain.<id>} for each of the
 * article's domains, and one {@link PolicyAlert} on {@code news.alerts.policy} per policy, the
 * first time any article announces it.
 */
public final class EnrichTopology {

  public static final String SOURCE = "classified-articles-source";
  public static final String ENRICH = "enrich-article";
  public static final String FAN_OUT = "fan-out-to-domains";
  public static final String DOMAIN_SINK = "domain-topics-sink";
  public static final String ANNOUNCED_POLICIES = "announced-policies";

  /** Internal topic {@code <application.id>-policies-by-title-repartition}. */
  public static final String BY_TITLE = "policies-by-title";

  public static final String FIRST_ANNOUNCEMENT = "first-announcement";
  public static final String ALERTED_STORE = "alerted-policies";
  public static final String ALERT_SINK = "policy-alerts-sink";

  private EnrichTopology() {}

  public static Topology buildTopology(PipelineConfig config) {
    return buildTopology(ArticleEnricher.fromConfig(config));
  }

  /** The same topology around an enricher the caller already built (tests share one). */
  public static Topology buildTopology(ArticleEnricher enricher) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, EnrichedArticle> enriched =
        builder.stream(
                Topics.CLASSIFIED_ARTICLES.name(), Topics.CLASSIFIED_ARTICLES.consumedAs(SOURCE))
            .mapValues(enricher::enrich, Named.as(ENRICH));

    enriched
        .flatMapValues(EnrichTopology::copyPerDomain, Named.as(FAN_OUT))
        .to(domainTopic(), Produced.with(Topics.KEYS, DomainCopy.SERDE).withName(DOMAIN_SINK));

    // Articles are keyed by id, so two announcing the same policy may sit on different
    // partitions: re-key by normalized title so one store instance sees every announcement.
    StoreBuilder<KeyValueStore<String, PolicyAlert>> alerted =
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(ALERTED_STORE),
            Topics.KEYS,
            JsonSerde.of(PolicyAlert.class));
    builder.addStateStore(alerted);
    Serde<PolicyAlert> alertSerde =
        JsonSerde.validated(PolicyAlert.class, MessageSchema.POLICY_ALERT);
    enriched
        .flatMap(
            (id, article) ->
                PolicyAlerts.candidates(article).stream()
                    .map(alert -> KeyValue.pair(PolicyAlerts.key(alert.policyTitle()), alert))
                    .toList(),
            Named.as(ANNOUNCED_POLICIES))
        .repartition(Repartitioned.with(Topics.KEYS, alertSerde).withName(BY_TITLE))
        .process(FirstAnnouncementProcessor::new, Named.as(FIRST_ANNOUNCEMENT), ALERTED_STORE)
        .to(Topics.POLICY_ALERTS.name(), Topics.POLICY_ALERTS.producedAs(ALERT_SINK));
    return builder.build();
  }

  /**
   * One copy per domain, all sharing one serialization: every domain topic carries the same article
   * format, so the article is written to JSON once however many domains it has.
   */
  private static List<DomainCopy> copyPerDomain(EnrichedArticle article) {
    List<String> domains = article.domainIds();
    Topic<String, EnrichedArticle> first = Topics.domain(domains.get(0));
    byte[] json = first.valueSerde().serializer().serialize(first.name(), article);
    return domains.stream().map(domain -> new DomainCopy(domain, json)).toList();
  }

  /** Routes by the record's domain, so domains the taxonomy adds need no topology change. */
  private static TopicNameExtractor<String, DomainCopy> domainTopic() {
    return (key, copy, context) -> Topics.domain(copy.domain()).name();
  }

  /** One domain's copy of an article: the domain it goes to and the article as JSON. */
  record DomainCopy(String domain, byte[] json) {
    static final Serde<DomainCopy> SERDE =
        Serdes.serdeFrom(
            (topic, copy) -> copy == null ? null : copy.json(),
            (topic, bytes) -> {
              throw new UnsupportedOperationException("domain copies are only written");
            });
  }
}
