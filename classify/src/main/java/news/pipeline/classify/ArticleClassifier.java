package news.pipeline.classify;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.DomainLabel;
import news.pipeline.common.model.Domains;
import news.pipeline.common.model.Evidence;
import news.pipeline.common.model.MatchedTerm;
import news.pipeline.common.model.RawArticle;

/**
 * Labels an article with every domain of the taxonomy it really covers, a score in [0,1] per label
 * and the evidence behind it. Pure and thread-safe: all state is built in the constructor.
 *
 * <p>Scoring, per domain: weighted term hits (one Aho-Corasick pass over the text for every term of
 * every domain), repeated terms damped logarithmically, a title bonus; the mass is saturated
 * ({@code 1 - e^(-mass/saturation)}) and multiplied by the domain's share of all matched mass
 * (capped at {@code fullShare}), so a passing mention inside a report about something else stays
 * below the threshold. Look-alikes are cancelled per sentence by negative terms, ambiguous words
 * need a context word in their sentence, the one before or the title, and short terms that hide
 * inside longer words are checked against word boundaries. The primary label is the most prominent
 * domain; further labels need several sentences or one sentence given over to them.
 * docs/classify.md walks through it.
 */
public final class ArticleClassifier {
  private static final int MAX_EVIDENCE_CHARS = 240;

  private enum Kind {
    TERM,
    CONTEXTUAL,
    CONTEXT,
    NEGATIVE
  }

  private record Role(int domain, Kind kind, double weight, boolean boundary) {}

  /** A trie value: the term and what it means to each domain that lists it. */
  private record Entry(String term, Role[] roles) {}

  private final Taxonomy taxonomy;
  private final List<DomainDefinition> domains;
  private final int otherIndex;
  private final AhoCorasickDoubleArrayTrie<Entry> trie = new AhoCorasickDoubleArrayTrie<>();

  public ArticleClassifier(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
    this.domains = taxonomy.domains();
    this.otherIndex = taxonomy.domainIds().indexOf(Domains.OTHER);
    Map<String, List<Role>> roles = new HashMap<>();
    for (int d = 0; d < domains.size(); d++) {
      DomainDefinition domain = domains.get(d);
      int index = d;
      domain
          .terms()
          .forEach(
              (term, weight) -> add(roles, term, index, Kind.TERM, weight, domain.boundaryTerms()));
      domain
          .contextual()
          .forEach(
              (term, weight) ->
                  add(roles, term, index, Kind.CONTEXTUAL, weight, domain.boundaryTerms()));
      domain.contextTerms().forEach(term -> add(roles, term, index, Kind.CONTEXT, 0, List.of()));
      domain.negativeTerms().forEach(term -> add(roles, term, index, Kind.NEGATIVE, 0, List.of()));
    }
    TreeMap<String, Entry> entries = new TreeMap<>();
    roles.forEach((term, list) -> entries.put(term, new Entry(term, list.toArray(Role[]::new))));
    trie.build(entries);
    if (domains.stream().anyMatch(domain -> !domain.boundaryTerms().isEmpty())) {
      WordBoundaries.warmUp();
    }
  }

  public static ArticleClassifier fromConfig(PipelineConfig config) {
    return new ArticleClassifier(Taxonomy.fromConfig(config));
  }

  public Taxonomy taxonomy() {
    return taxonomy;
  }

  private static void add(
      Map<String, List<Role>> roles,
      String term,
      int domain,
      Kind kind,
      double weight,
      List<String> boundaryTerms) {
    String key = Text.normalize(term);
    roles
        .computeIfAbsent(key, k -> new ArrayList<>())
        .add(new Role(domain, kind, weight, boundaryTerms.contains(term)));
  }

  /** Labels one article; duplicates are not this class's business ({@code duplicateOf} null). */
  public ClassifiedArticle classify(RawArticle article) {
    List<DomainLabel> labels = label(article.headline(), article.text());
    return ClassifiedArticle.of(article, labels, labels.get(0).domain(), null);
  }

  /** The labels of a title and body, best first; {@code other} alone when nothing passes. */
  public List<DomainLabel> label(String title, String body) {
    Tally tally = new Tally(domains.size());
    String normalizedTitle = Text.normalize(title);
    scan(normalizedTitle, new int[] {normalizedTitle.length()}, tally, true);
    String normalizedBody = Text.normalize(body);
    scan(normalizedBody, Text.sentenceEnds(normalizedBody), tally, false);
    return labels(tally);
  }

  private List<DomainLabel> labels(Tally tally) {
    int n = domains.size();
    double[] mass = new double[n];
    double total = 0;
    for (int d = 0; d < n; d++) {
      mass[d] = tally.mass(d, domains.get(d).titleWeight());
      total += mass[d];
    }
    List<DomainLabel> labels = new ArrayList<>();
    Map<String, Double> prominence = new HashMap<>();
    double best = 0;
    for (int d = 0; d < n; d++) {
      if (d == otherIndex || mass[d] == 0) {
        continue;
      }
      double saturated = 1 - Math.exp(-mass[d] / taxonomy.saturation());
      double share = Math.min(1, mass[d] / total / taxonomy.fullShare());
      double score = round(saturated * share);
      best = Math.max(best, score);
      // Even the first label needs coverage, the title, or more weight than the article's other
      // civil-affairs work: one passing clause in a report about something else (…还要做好老年人
      // 助餐等便民服务。) is a mention, while a short story told in one sentence is not.
      boolean subject = covered(tally, d) || tally.inTitle(d) || mass[d] > mass[otherIndex];
      if (score >= domains.get(d).threshold() && subject) {
        labels.add(new DomainLabel(domains.get(d).id(), score, tally.evidence(d)));
        prominence.put(domains.get(d).id(), tally.prominence(d));
      }
    }
    if (labels.isEmpty()) {
      // Confidence that the article is about none of the domains.
      labels.add(new DomainLabel(Domains.OTHER, round(1 - best), tally.evidence(otherIndex)));
    }
    // Scores saturate near 1 for every domain a report covers well; the primary is the most
    // prominent domain, so labels are ordered by prominence, primary first.
    labels.sort(
        Comparator.comparingDouble(
                (DomainLabel label) -> prominence.getOrDefault(label.domain(), 0.0))
            .reversed());
    // A further label needs real coverage: several sentences, or one sentence given over to it.
    // One clause in a report about something else is a mention, however strong its words.
    List<DomainLabel> kept = new ArrayList<>(List.of(labels.get(0)));
    for (DomainLabel label : labels.subList(1, labels.size())) {
      if (covered(tally, indexOf(label.domain()))) {
        kept.add(label);
      }
    }
    return kept;
  }

  private boolean covered(Tally tally, int d) {
    return tally.sentences[d] >= taxonomy.secondaryMinSentences()
        || tally.dedicatedHits[d] >= taxonomy.secondaryMinDedicatedHits();
  }

  private int indexOf(String domainId) {
    return taxonomy.domainIds().indexOf(domainId);
  }

  private static double round(double score) {
    return Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000.0;
  }

  /** Finds every term in {@code text} and credits the domains sentence by sentence. */
  private void scan(String text, int[] sentenceEnds, Tally tally, boolean title) {
    if (text.isEmpty()) {
      return;
    }
    Hits hits = new Hits();
    trie.parseText(text.toCharArray(), (begin, end, entry) -> hits.add(begin, end, entry));
    hits.sortAndShadow();
    int n = domains.size();
    boolean[] negative = new boolean[n];
    boolean[] context = new boolean[n];
    // Context reaches a little beyond its sentence: the one before (老人… 。食堂…) and the title.
    boolean[] previousContext = new boolean[n];
    double[] sentenceMass = new double[n];
    int[] sentenceHits = new int[n];
    int sentenceStart = 0;
    int first = 0;
    for (int sentenceEnd : sentenceEnds) {
      int last = first;
      while (last < hits.size && hits.begin[last] < sentenceEnd) {
        last++;
      }
      boolean[] swap = previousContext;
      previousContext = context;
      context = swap;
      Arrays.fill(context, false);
      if (last > first) {
        Arrays.fill(negative, false);
        Arrays.fill(sentenceMass, 0);
        for (int h = first; h < last; h++) {
          for (Role role : hits.entry[h].roles()) {
            if (role.kind() == Kind.NEGATIVE) {
              negative[role.domain()] = true;
            } else if (role.kind() == Kind.CONTEXT) {
              context[role.domain()] = true;
            }
          }
        }
        WordBoundaries boundaries = null;
        Arrays.fill(sentenceHits, 0);
        for (int h = first; h < last; h++) {
          if (hits.shadowed[h]) {
            continue;
          }
          Entry entry = hits.entry[h];
          for (Role role : entry.roles()) {
            int d = role.domain();
            boolean inContext = context[d] || previousContext[d] || tally.titleContext[d];
            boolean counts =
                (role.kind() == Kind.TERM || (role.kind() == Kind.CONTEXTUAL && inContext))
                    && !negative[d];
            if (counts && role.boundary()) {
              if (boundaries == null) {
                boundaries = new WordBoundaries(text, sentenceStart, sentenceEnd);
              }
              counts = boundaries.isWord(hits.begin[h], hits.end[h]);
            }
            if (counts) {
              tally.count(d, entry.term(), role.weight(), title);
              sentenceMass[d] += role.weight();
              sentenceHits[d]++;
            }
          }
        }
        double sentenceTotal = 0;
        for (int d = 0; d < n; d++) {
          sentenceTotal += sentenceMass[d];
        }
        for (int d = 0; d < n; d++) {
          if (sentenceMass[d] > 0) {
            tally.sentence(d, sentenceMass[d], text, sentenceStart, sentenceEnd, title);
            // The characters of text a domain holds, each sentence shared among the domains it
            // matches in proportion to their weight there.
            double held = (sentenceEnd - sentenceStart) * sentenceMass[d] / sentenceTotal;
            double weight = title ? domains.get(d).titleWeight() : 1;
            tally.textHeld[d] += held * weight;
            tally.sentences[d]++;
            if (sentenceMass[d] * 2 > sentenceTotal) {
              tally.dedicatedHits[d] = Math.max(tally.dedicatedHits[d], sentenceHits[d]);
            }
            tally.rawMass[d] += sentenceMass[d] * weight;
          }
        }
      }
      first = last;
      sentenceStart = sentenceEnd;
    }
    if (title) {
      System.arraycopy(context, 0, tally.titleContext, 0, n);
    }
  }

  /** Term hits of one text in order of position, as parallel arrays (no object per hit). */
  private static final class Hits {
    int[] begin = new int[64];
    int[] end = new int[64];
    Entry[] entry = new Entry[64];
    int size;

    void add(int b, int e, Entry value) {
      if (size == begin.length) {
        begin = Arrays.copyOf(begin, size * 2);
        end = Arrays.copyOf(end, size * 2);
        entry = Arrays.copyOf(entry, size * 2);
      }
      begin[size] = b;
      end[size] = e;
      entry[size] = value;
      size++;
    }

    /** Whether a hit lies inside a longer one; set by {@link #sortAndShadow()}. */
    boolean[] shadowed = new boolean[0];

    /**
     * Sorts by position (the trie reports by end) and marks every hit inside a longer one: the
     * longest match counts (食堂 in 高校食堂, 社会组织 in 黑社会组织 are not hits of their own), but a shadowed
     * hit still serves as context or negative for its sentence.
     */
    void sortAndShadow() {
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order, Comparator.<Integer>comparingInt(i -> begin[i]).thenComparingInt(i -> -end[i]));
      int[] sortedBegin = new int[size];
      int[] sortedEnd = new int[size];
      Entry[] sortedEntry = new Entry[size];
      shadowed = new boolean[size];
      int reach = -1;
      for (int k = 0; k < size; k++) {
        int i = order[k];
        sortedBegin[k] = begin[i];
        sortedEnd[k] = end[i];
        sortedEntry[k] = entry[i];
        shadowed[k] = end[i] <= reach;
        reach = Math.max(reach, end[i]);
      }
      begin = sortedBegin;
      end = sortedEnd;
      entry = sortedEntry;
    }
  }

  /** What one article's hits add up to, per domain. */
  private static final class Tally {
    private final List<Map<String, int[]>> bodyCounts = new ArrayList<>();
    private final List<Map<String, Double>> weights = new ArrayList<>();
    private final double[] titleMass;
    final double[] textHeld;
    final boolean[] titleContext;
    final int[] sentences;

    /** The most hits a domain has in one sentence where it holds most of the weight. */
    final int[] dedicatedHits;

    final double[] rawMass;
    private final double[] bestSentenceMass;
    private final String[] bestSentence;
    private final String[] titleSentence;

    Tally(int domains) {
      for (int d = 0; d < domains; d++) {
        bodyCounts.add(null);
        weights.add(null);
      }
      titleMass = new double[domains];
      textHeld = new double[domains];
      titleContext = new boolean[domains];
      sentences = new int[domains];
      dedicatedHits = new int[domains];
      rawMass = new double[domains];
      bestSentenceMass = new double[domains];
      bestSentence = new String[domains];
      titleSentence = new String[domains];
    }

    void count(int domain, String term, double weight, boolean title) {
      Map<String, int[]> counts = bodyCounts.get(domain);
      if (counts == null) {
        counts = new LinkedHashMap<>();
        bodyCounts.set(domain, counts);
        weights.set(domain, new HashMap<>());
      }
      counts.computeIfAbsent(term, t -> new int[2])[title ? 1 : 0]++;
      weights.get(domain).put(term, weight);
      if (title) {
        titleMass[domain] = Math.max(titleMass[domain], weight);
      }
    }

    void sentence(int domain, double mass, String text, int start, int end, boolean title) {
      if (title) {
        titleSentence[domain] = text.substring(start, end);
      } else if (mass > bestSentenceMass[domain]) {
        bestSentenceMass[domain] = mass;
        bestSentence[domain] = text.substring(start, end);
      }
    }

    /** Body hits damped as 1 + ln(count) per term, plus the strongest title term, weighted. */
    boolean inTitle(int domain) {
      return titleMass[domain] > 0;
    }

    double mass(int domain, double titleWeight) {
      Map<String, int[]> counts = bodyCounts.get(domain);
      if (counts == null) {
        return 0;
      }
      double mass = titleMass[domain] * titleWeight;
      Map<String, Double> termWeights = weights.get(domain);
      for (var e : counts.entrySet()) {
        int body = e.getValue()[0];
        if (body > 0) {
          mass += termWeights.get(e.getKey()) * (1 + Math.log(body));
        }
      }
      return mass;
    }

    /**
     * How much of the article is about a domain: the geometric mean of the text it holds (breadth)
     * and its undamped term weight (intensity), so neither a long list of passing mentions nor one
     * dense sentence wins alone.
     */
    double prominence(int domain) {
      return Math.sqrt(textHeld[domain] * rawMass[domain]);
    }

    Evidence evidence(int domain) {
      Map<String, int[]> counts = bodyCounts.get(domain);
      if (counts == null) {
        return new Evidence(List.of(), null);
      }
      List<MatchedTerm> terms =
          counts.entrySet().stream()
              .map(e -> new MatchedTerm(e.getKey(), e.getValue()[0] + e.getValue()[1]))
              .sorted(Comparator.comparingInt(MatchedTerm::count).reversed())
              .toList();
      String sentence = bestSentence[domain] != null ? bestSentence[domain] : titleSentence[domain];
      return new Evidence(terms, clip(sentence));
    }

    private static String clip(String sentence) {
      if (sentence == null) {
        return null;
      }
      String trimmed = sentence.strip();
      if (trimmed.length() <= MAX_EVIDENCE_CHARS) {
        return trimmed;
      }
      // Never between the halves of a surrogate pair (an emoji, a rare CJK ideograph): half a
      // pair is not text, and readers refuse it.
      int cut =
          Character.isHighSurrogate(trimmed.charAt(MAX_EVIDENCE_CHARS - 1))
              ? MAX_EVIDENCE_CHARS - 1
              : MAX_EVIDENCE_CHARS;
      return trimmed.substring(0, cut) + "…";
    }
  }
}
