package news.pipeline.enrich;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.DateMention;
import news.pipeline.common.model.EnrichedArticle;
import news.pipeline.common.model.Entities;
import news.pipeline.common.model.Organization;
import news.pipeline.common.model.Place;
import news.pipeline.common.model.Policy;
import news.pipeline.common.model.Region;
import news.pipeline.common.model.Span;
import news.pipeline.enrich.text.DateExtractor;
import news.pipeline.enrich.text.Division;
import news.pipeline.enrich.text.Gazetteer;
import news.pipeline.enrich.text.Mention;
import news.pipeline.enrich.text.OrganizationRecognizer;
import news.pipeline.enrich.text.PersonRecognizer;
import news.pipeline.enrich.text.PolicyExtractor;
import news.pipeline.enrich.text.QuantityExtractor;
import news.pipeline.enrich.text.RegionResolver;
import news.pipeline.enrich.text.Segmentation;
import news.pipeline.enrich.text.Segmenter;
import news.pipeline.enrich.text.TextRanker;

/**
 * Turns a classified article into an enriched one: people and officials, organizations, places and
 * region, policies, dates, quantities, keywords and summary. The text is segmented once and every
 * recognizer reads those terms. Thread-safe after construction, which loads and warms HanLP.
 */
public final class ArticleEnricher {

  public static final String KEYWORDS = "news.enrich.keywords";
  public static final String SUMMARY_SENTENCES = "news.enrich.summary.sentences";

  private final Gazetteer gazetteer = Gazetteer.load();
  private final OrganizationRecognizer organizations = new OrganizationRecognizer();
  private final Segmenter segmenter =
      new Segmenter(gazetteer.writtenNames(), organizations.names());
  private final PersonRecognizer people = new PersonRecognizer();
  private final RegionResolver regions = new RegionResolver();
  private final PolicyExtractor policies = new PolicyExtractor();
  private final DateExtractor dates = new DateExtractor();
  private final QuantityExtractor quantities = new QuantityExtractor();
  private final TextRanker ranker = new TextRanker();
  private final int keywordCount;
  private final int summarySentences;

  private ArticleEnricher(int keywordCount, int summarySentences) {
    this.keywordCount = keywordCount;
    this.summarySentences = summarySentences;
  }

  public static ArticleEnricher fromConfig(PipelineConfig config) {
    return new ArticleEnricher(config.getInt(KEYWORDS), config.getInt(SUMMARY_SENTENCES));
  }

  /**
   * @throws IllegalArgumentException when the article breaks {@link ClassifiedArticleContract}
   */
  public EnrichedArticle enrich(ClassifiedArticle article) {
    ClassifiedArticleContract.check(article);
    String text = Objects.requireNonNullElse(article.text(), "");
    String title = article.headline();
    Segmentation body = segmenter.segment(text);
    Segmentation headline = segmenter.segment(title);
    List<Mention<Division>> places = gazetteer.find(text, body);
    List<Mention<Division>> headlinePlaces = gazetteer.find(title, headline);
    Region region =
        regions.resolve(
            headlinePlaces,
            places,
            organizations.find(title, headlinePlaces, Region.unknown()),
            organizations.find(text, places, Region.unknown()));
    List<Mention<OrganizationRecognizer.Found>> bodies = organizations.find(text, places, region);
    PersonRecognizer.People named =
        people.find(body, bodies, places, region, article.reporter(), article.source());
    List<DateMention> dateMentions = dates.find(text, article.publishedAt());
    List<Policy> policyMentions = policies.find(text, bodies, dateMentions);
    Entities entities =
        new Entities(
            named.persons(),
            named.officials(),
            organizationsOf(bodies),
            placesOf(places),
            policyMentions,
            dateMentions,
            quantities.find(body));
    return EnrichedArticle.of(
        article,
        entities,
        region,
        ranker.keywords(body, keywordCount, word -> isEntity(word, entities)),
        ranker.summary(body, summarySentences));
  }

  /** Names, places and bodies are entities already; a fragment of a name (文序) is noise. */
  private boolean isEntity(String word, Entities entities) {
    return gazetteer.lookup(word).isPresent()
        || entities.persons().stream().anyMatch(p -> p.name().contains(word))
        || entities.organizations().stream().anyMatch(o -> o.name().endsWith(word));
  }

  private static List<Organization> organizationsOf(
      List<Mention<OrganizationRecognizer.Found>> mentions) {
    Map<String, Organization> byName = new LinkedHashMap<>();
    for (Mention<OrganizationRecognizer.Found> mention : mentions) {
      Span span = new Span(mention.start(), mention.end());
      byName.merge(
          mention.value().name(),
          new Organization(mention.value().name(), mention.value().type(), List.of(span)),
          (known, added) ->
              new Organization(known.name(), known.type(), concat(known.mentions(), span)));
    }
    return new ArrayList<>(byName.values());
  }

  private static List<Place> placesOf(List<Mention<Division>> mentions) {
    Map<String, Place> byName = new LinkedHashMap<>();
    for (Mention<Division> mention : mentions) {
      Division d = mention.value();
      Span span = new Span(mention.start(), mention.end());
      byName.merge(
          d.name(),
          new Place(d.name(), d.province(), d.city(), d.county(), d.level(), List.of(span)),
          (known, added) ->
              new Place(
                  known.name(),
                  known.province(),
                  known.city(),
                  known.county(),
                  known.level(),
                  concat(known.mentions(), span)));
    }
    return new ArrayList<>(byName.values());
  }

  private static List<Span> concat(List<Span> spans, Span span) {
    List<Span> all = new ArrayList<>(spans);
    all.add(span);
    return List.copyOf(all);
  }
}
