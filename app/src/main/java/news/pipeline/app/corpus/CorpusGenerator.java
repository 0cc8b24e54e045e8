package news.pipeline.app.corpus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.pipeline.classify.BodySketch;
import news.pipeline.classify.DuplicateDetector;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.model.RawArticle;
import news.pipeline.ingest.ArticleIds;

/**
 * Derives a stream of distinct, realistic articles from the seed articles, for load and chaos runs:
 * each is a seed's lead and some of its paragraphs with a few from other seeds, moved to another
 * province, with other dates and figures and the paragraphs in another order; some announce a new
 * policy of their own, some repost an earlier article under a different header and footer. An
 * original is never what classify (at its default repost distance) would take for a repost, and a
 * repost always is. Deterministic for a given random seed, so a run can be repeated.
 */
public final class CorpusGenerator {

  /** Shares of the stream and the length to aim at (0 keeps each seed's own length). */
  public record Options(double policyShare, double repostShare, int targetChars) {
    public static Options realistic() {
      return new Options(0.1, 0.1, 0);
    }

    public Options withTargetChars(int chars) {
      return new Options(policyShare, repostShare, chars);
    }
  }

  /** Provincial divisions a seed can move to: full name, short name, capital. */
  private static final String[][] PROVINCES = {
    {"湖北省", "湖北", "武汉"}, {"河南省", "河南", "郑州"}, {"江苏省", "江苏", "南京"},
    {"云南省", "云南", "昆明"}, {"河北省", "河北", "石家庄"}, {"浙江省", "浙江", "杭州"},
    {"辽宁省", "辽宁", "沈阳"}, {"江西省", "江西", "南昌"}, {"四川省", "四川", "成都"},
    {"湖南省", "湖南", "长沙"}, {"山东省", "山东", "济南"}, {"福建省", "福建", "福州"},
    {"安徽省", "安徽", "合肥"}, {"陕西省", "陕西", "西安"}, {"广东省", "广东", "广州"},
    {"贵州省", "贵州", "贵阳"}, {"甘肃省", "甘肃", "兰州"}, {"山西省", "山西", "太原"},
    {"黑龙江省", "黑龙江", "哈尔滨"}, {"广西壮族自治区", "广西", "南宁"},
  };

  private static final String[] POLICY_TOPICS = {
    "老年助餐服务", "困难群众救助帮扶", "农村留守儿童关爱保护", "社会组织规范化建设", "特困人员供养服务",
    "低收入人口动态监测", "儿童福利机构转型发展", "行业协会商会服务高质量发展", "社区长者食堂运营补贴", "临时救助",
  };
  private static final String[] POLICY_KINDS = {"实施方案", "实施意见", "管理办法", "工作规范", "若干措施"};
  private static final String[] REPOST_HEADERS = {"来源：民政之窗", "转自：中国社会报", "本文转载自：民政微讯"};
  private static final String[] REPOST_FOOTERS = {"(责任编辑：张晓)", "(编辑：李然 审核：王平)", "【打印本页】【关闭窗口】"};

  /** Ingest's clean articles separate paragraphs with one line break. */
  private static final String PARAGRAPH_BREAK = "\n";

  private static final int MAX_ATTEMPTS = 1_000;
  private static final double KEPT_SHARE = 0.4;

  private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})月(\\d{1,2})日");
  private static final Pattern COUNT = Pattern.compile("(\\d{2,4})(人|家|个|名|项|场次)");

  private final List<RawArticle> seeds;
  private final Options options;
  private final Random random;
  private final List<GeneratedArticle> originals = new ArrayList<>();
  private final Set<String> bodiesSeen = new HashSet<>();
  private final List<Long> sketches = new ArrayList<>();
  private final int repostDistance =
      PipelineConfig.defaults().getInt(DuplicateDetector.MAX_DISTANCE);
  private long sequence;

  public CorpusGenerator(List<RawArticle> seeds, long randomSeed, Options options) {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("the corpus generator needs at least one seed article");
    }
    this.seeds = List.copyOf(seeds);
    this.options = options;
    this.random = new Random(randomSeed);
  }

  public List<GeneratedArticle> generate(int count) {
    List<GeneratedArticle> articles = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      articles.add(next());
    }
    return articles;
  }

  public GeneratedArticle next() {
    long seq = ++sequence;
    if (!originals.isEmpty() && random.nextDouble() < options.repostShare()) {
      GeneratedArticle repost = repost(seq, originals.get(random.nextInt(originals.size())));
      if (isNewBody(repost.article())) {
        sketches.add(BodySketch.of(repost.article().text()).simHash());
        return repost;
      }
    }
    GeneratedArticle generated = original(seq);
    originals.add(generated);
    return generated;
  }

  /** A varied seed whose content no earlier article has: a few seeds have little room to vary. */
  private GeneratedArticle original(long seq) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      RawArticle seed = seeds.get(random.nextInt(seeds.size()));
      String[] target = PROVINCES[random.nextInt(PROVINCES.length)];
      String title = moveProvince(seed.title(), seed, target);
      String text = vary(moveProvince(mixedBody(seed), seed, target));
      String policy = null;
      if (random.nextDouble() < options.policyShare()) {
        policy = policyTitle(target, seq);
        text = announcement(target, policy) + PARAGRAPH_BREAK + text;
      }
      RawArticle article = article(seq, title, fitLength(text), seed.source());
      if (isNewBody(article) && !resemblesEarlierArticle(article)) {
        sketches.add(BodySketch.of(article.text()).simHash());
        return new GeneratedArticle(seq, article, null, policy);
      }
    }
    throw new IllegalStateException("the seeds allow no new article after " + seq + " articles");
  }

  private GeneratedArticle repost(long seq, GeneratedArticle original) {
    RawArticle first = original.article();
    String text =
        REPOST_HEADERS[random.nextInt(REPOST_HEADERS.length)]
            + PARAGRAPH_BREAK
            + first.text()
            + PARAGRAPH_BREAK
            + REPOST_FOOTERS[random.nextInt(REPOST_FOOTERS.length)];
    return new GeneratedArticle(
        seq, article(seq, first.title(), text, "转载"), first.id(), original.announcedPolicy());
  }

  /**
   * Whether classify would take the article for a repost of an earlier one: then it is not a new
   * story, and what it announces is not what a new story announces.
   */
  private boolean resemblesEarlierArticle(RawArticle article) {
    long simHash = BodySketch.of(article.text()).simHash();
    for (long known : sketches) {
      if (Long.bitCount(simHash ^ known) <= repostDistance) {
        return true;
      }
    }
    return false;
  }

  private boolean isNewBody(RawArticle article) {
    return bodiesSeen.add(ArticleIds.contentHash("", article.text()));
  }

  private RawArticle article(long seq, String title, String text, String source) {
    return new RawArticle(
        String.format("gen-%09d", seq),
        title,
        false,
        text,
        source,
        null,
        null,
        null,
        null,
        Instant.now(),
        "generator",
        ArticleIds.contentHash(title, text));
  }

  /** Replaces the seed's home province, short name and capital with the target's. */
  private static String moveProvince(String text, RawArticle seed, String[] target) {
    String[] home = homeProvince(seed);
    if (home == null) {
      return text;
    }
    return text.replace(home[0], target[0]).replace(home[1], target[1]).replace(home[2], target[2]);
  }

  private static String[] homeProvince(RawArticle seed) {
    String opening = seed.title() + seed.text().substring(0, Math.min(200, seed.text().length()));
    String[] best = null;
    int bestIndex = Integer.MAX_VALUE;
    for (String[] province : PROVINCES) {
      int index = opening.indexOf(province[1]);
      if (index >= 0 && index < bestIndex) {
        best = province;
        bestIndex = index;
      }
    }
    return best;
  }

  /**
   * The seed's lead, most of its paragraphs and one to three from other seeds: enough change that
   * two articles from one seed are different stories, not reposts of each other.
   */
  private String mixedBody(RawArticle seed) {
    List<String> own = List.of(seed.text().split(PARAGRAPH_BREAK));
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(own.get(0));
    for (String paragraph : own.subList(1, own.size())) {
      if (random.nextDouble() < KEPT_SHARE) {
        paragraphs.add(paragraph);
      }
    }
    int borrowed = 1 + random.nextInt(3);
    for (int i = 0; i < borrowed; i++) {
      List<String> other =
          List.of(seeds.get(random.nextInt(seeds.size())).text().split(PARAGRAPH_BREAK));
      paragraphs.add(other.get(random.nextInt(other.size())));
    }
    return String.join(PARAGRAPH_BREAK, paragraphs);
  }

  /** Other dates and figures, and the body paragraphs after the lead in another order. */
  private String vary(String text) {
    String varied =
        replaceAll(
            MONTH_DAY, text, m -> (1 + random.nextInt(12)) + "月" + (1 + random.nextInt(28)) + "日");
    varied =
        replaceAll(
            COUNT,
            varied,
            m ->
                Math.max(2, Integer.parseInt(m.group(1)) * (50 + random.nextInt(100)) / 100)
                    + m.group(2));
    List<String> paragraphs = new ArrayList<>(List.of(varied.split(PARAGRAPH_BREAK)));
    if (paragraphs.size() > 3) {
      List<String> body = paragraphs.subList(1, paragraphs.size() - 1);
      Collections.shuffle(body, random);
    }
    return String.join(PARAGRAPH_BREAK, paragraphs);
  }

  private String fitLength(String text) {
    int target = options.targetChars();
    if (target <= 0) {
      return text;
    }
    StringBuilder fitted = new StringBuilder(text);
    while (fitted.length() < target) {
      RawArticle filler = seeds.get(random.nextInt(seeds.size()));
      fitted.append(PARAGRAPH_BREAK).append(filler.text());
    }
    int cut = fitted.lastIndexOf("。", target - 1);
    return fitted.substring(0, cut > target / 2 ? cut + 1 : target);
  }

  private String policyTitle(String[] province, long seq) {
    String topic = POLICY_TOPICS[random.nextInt(POLICY_TOPICS.length)];
    String kind = POLICY_KINDS[random.nextInt(POLICY_KINDS.length)];
    // The sequence makes each announced policy new, as a real stream of announcements is.
    return province[0] + "关于推进" + topic + "第" + seq + "批试点的" + kind;
  }

  private static String announcement(String[] province, String policy) {
    return "近日，" + province[0] + "民政厅、" + province[0] + "财政厅联合印发《" + policy + "》，自印发之日起施行。";
  }

  private static String replaceAll(
      Pattern pattern, String text, Function<java.util.regex.MatchResult, String> replacement) {
    return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(replacement.apply(m)));
  }
}
