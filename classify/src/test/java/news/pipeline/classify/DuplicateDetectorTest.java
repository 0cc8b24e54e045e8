package news.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import news.pipeline.common.config.PipelineConfig;
import org.junit.jupiter.api.Test;

class DuplicateDetectorTest {
  private static final long DAY = Duration.ofDays(1).toMillis();

  private final DuplicateDetector detector = DuplicateDetector.inMemory(PipelineConfig.defaults());

  /** A repost as another site carries it: its own header, attribution and footer. */
  private static String repost(String body) {
    return "来源：中国社会报  发布时间：2024-03-22 09:15  【字体：大 中 小】\n"
        + body.replace("(据辽宁省民政厅)", "")
        + "\n（本文转载自辽宁省民政厅官网，责任编辑：刘洋）\n分享到：微信 微博";
  }

  @Test
  void shouldMarkRepostWhenHeaderAndFooterDiffer() {
    for (LabeledArticle seed : Fixtures.seeds()) {
      detector.firstSeen(seed.id(), seed.text(), 0);
    }
    for (LabeledArticle seed : Fixtures.seeds()) {
      assertThat(detector.firstSeen(seed.id() + "-repost", repost(seed.text()), DAY))
          .as(seed.title())
          .isEqualTo(seed.id());
    }
  }

  @Test
  void shouldMarkRepostWhenParagraphsAreReflowedAndOneIsCut() {
    LabeledArticle original = Fixtures.seed("广西启动农村留守儿童");
    detector.firstSeen(original.id(), original.text(), 0);
    List<String> paragraphs = List.of(original.text().split("\n+"));
    // Reposts often drop the closing paragraph and join lines differently.
    String edited = String.join("", paragraphs.subList(0, paragraphs.size() - 2));
    assertThat(detector.firstSeen("edited", edited, DAY)).isEqualTo(original.id());
  }

  @Test
  void shouldNotMarkDifferentArticlesWhenTheyShareATopic() {
    List<LabeledArticle> seeds = Fixtures.seeds();
    for (LabeledArticle seed : seeds) {
      assertThat(detector.firstSeen(seed.id(), seed.text(), 0)).as(seed.title()).isNull();
    }
  }

  @Test
  void shouldPointToFirstArticleWhenRepostOfRepostArrives() {
    LabeledArticle original = Fixtures.seed("辽宁省民政厅召开会议");
    detector.firstSeen(original.id(), original.text(), 0);
    String first = repost(original.text());
    assertThat(detector.firstSeen("repost-1", first, DAY)).isEqualTo(original.id());
    assertThat(detector.firstSeen("repost-2", "转自微信公众号“民政之声”\n" + first, 2 * DAY))
        .isEqualTo(original.id());
  }

  @Test
  void shouldFindFirstArticleWhenEditedRepostsDriftBeyondReachOfIt() {
    // Bits 0-7 differ from the first article, bits 3-13 from it for the next: 8 and then 11 bits
    // away from the first (past the default 10), but 9 away from the repost it was made from.
    BodySketch original = new BodySketch(0L, 1_000);
    BodySketch edited = new BodySketch(0xFFL, 1_000);
    BodySketch editedAgain = new BodySketch(0x3FF8L, 1_000);
    assertThat(detector.firstSeen("first", original, 0)).isNull();
    assertThat(detector.firstSeen("edited", edited, DAY)).isEqualTo("first");
    assertThat(detector.firstSeen("edited-again", editedAgain, 2 * DAY)).isEqualTo("first");
  }

  @Test
  void shouldGiveSameAnswerWhenSameArticleIsSeenAgain() {
    LabeledArticle original = Fixtures.seed("辽宁省民政厅召开会议");
    assertThat(detector.firstSeen(original.id(), original.text(), 0)).isNull();
    assertThat(detector.firstSeen(original.id(), original.text(), DAY)).isNull();
    detector.firstSeen("repost", repost(original.text()), DAY);
    assertThat(detector.firstSeen("repost", repost(original.text()), 2 * DAY))
        .isEqualTo(original.id());
  }

  @Test
  void shouldForgetArticleWhenRetentionHasPassed() {
    LabeledArticle original = Fixtures.seed("辽宁省民政厅召开会议");
    detector.firstSeen(original.id(), original.text(), 0);
    assertThat(detector.firstSeen("late", repost(original.text()), 31 * DAY)).isNull();
    assertThat(detector.purge(31 * DAY)).isEqualTo(1);
  }

  @Test
  void shouldMatchShortTextsOnlyExactlyWhenTooShortForNearMatching() {
    detector.firstSeen("a", "民政部发布通知。", 0);
    assertThat(detector.firstSeen("b", "民政部发布通知。", DAY)).isEqualTo("a");
    assertThat(detector.firstSeen("c", "民政部发布公告。", DAY)).isNull();
  }

  @Test
  void shouldIgnoreCreditLinesWhenSketchingBody() {
    String body = "全县各乡镇设立社会救助一门受理窗口，群众只需到一个窗口就可以申请低保和临时救助。";
    String credited = "来源：县政府网\n■ 本报记者 王平\n" + body + "\n(据县民政局)\n责任编辑：李明\n分享到：微信";
    assertThat(BodySketch.of(credited)).isEqualTo(BodySketch.of(body));
    // A paragraph that merely starts like a credit is kept.
    assertThat(BodySketch.withoutAttribution("据了解，全县共有低保对象3000人。")).contains("据了解");
  }

  /**
   * The index against the definition, an exhaustive scan: on a fixed random stream of originals and
   * edits at 0–16 bits (either side of the threshold), with the index rebuilt from its store half
   * way as after a restart, every answer is the one the scan gives.
   */
  @Test
  void shouldAnswerAsExhaustiveScanWhenEditsStraddleTheThreshold() {
    PipelineConfig config = PipelineConfig.defaults();
    int maxDistance = config.getInt(DuplicateDetector.MAX_DISTANCE);
    Map<String, Fingerprint> durable = new HashMap<>();
    DuplicateDetector.FingerprintStore store =
        new DuplicateDetector.FingerprintStore() {
          @Override
          public void put(String id, Fingerprint fingerprint) {
            durable.put(id, fingerprint);
          }

          @Override
          public void delete(String id) {
            durable.remove(id);
          }

          @Override
          public void forEach(BiConsumer<String, Fingerprint> action) {
            durable.forEach(action);
          }
        };
    DuplicateDetector indexed = DuplicateDetector.fromConfig(config, store);
    Random random = new Random(42);
    List<Fingerprint> seen = new ArrayList<>();
    int matched = 0;
    for (int i = 0; i < 4_000; i++) {
      if (i == 2_000) {
        indexed = DuplicateDetector.fromConfig(config, store);
      }
      long simHash = random.nextLong();
      if (!seen.isEmpty() && random.nextInt(3) > 0) {
        simHash = seen.get(random.nextInt(seen.size())).simHash();
        for (int flip = random.nextInt(17); flip > 0; flip--) {
          simHash ^= 1L << random.nextInt(64);
        }
      }
      String id = "a" + i;
      String expected = scan(seen, simHash, maxDistance);
      assertThat(indexed.firstSeen(id, new BodySketch(simHash, 1_000), i))
          .as(id)
          .isEqualTo(expected);
      matched += expected == null ? 0 : 1;
      seen.add(new Fingerprint(simHash, i, expected == null ? id : expected, false));
    }
    assertThat(matched).as("reposts among the queries").isBetween(1_000, 3_000);
  }

  /** The nearest earlier fingerprint within reach (ties: the older), by looking at every one. */
  private static String scan(List<Fingerprint> seen, long simHash, int max) {
    Fingerprint best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Fingerprint known : seen) {
      int distance = SimHash.distance(simHash, known.simHash());
      if (distance <= max && distance < bestDistance) {
        best = known;
        bestDistance = distance;
      }
    }
    return best == null ? null : best.firstId();
  }
}
