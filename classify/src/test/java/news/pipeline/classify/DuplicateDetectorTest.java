package news.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
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

  /** The same fingerprint with {@code bits} distinct random bits flipped. */
  private static long flipped(long simHash, int bits, Random random) {
    Set<Integer> positions = new HashSet<>();
    while (positions.size() < bits) {
      positions.add(random.nextInt(64));
    }
    long result = simHash;
    for (int position : positions) {
      result ^= 1L << position;
    }
    return result;
  }

  @Test
  void shouldFindEveryNearFingerprintWhenItsDifferencesFallInAnyBands() {
    // Among thousands of unrelated articles, each probe within the distance must find its original
    // and each beyond it must not, wherever the differing bits fall across the bands.
    Random random = new Random(20261123);
    int maxDistance = 10;
    for (int i = 0; i < 5_000; i++) {
      detector.firstSeen("background-" + i, new BodySketch(random.nextLong(), 500), DAY);
    }
    for (int i = 0; i < 500; i++) {
      long original = random.nextLong();
      detector.firstSeen("original-" + i, new BodySketch(original, 500), DAY);
      int near = random.nextInt(maxDistance + 1);
      assertThat(
              detector.firstSeen(
                  "near-" + i, new BodySketch(flipped(original, near, random), 500), DAY))
          .as("%d bits away", near)
          .isEqualTo("original-" + i);
      int far = 2 * maxDistance + 1 + random.nextInt(8);
      assertThat(
              detector.firstSeen(
                  "far-" + i, new BodySketch(flipped(original, far, random), 500), DAY))
          .as("%d bits away", far)
          .isNotEqualTo("original-" + i);
    }
  }

  @Test
  void shouldProbeEachBandValueWithinTheRadiusOnceWhenDistanceIsTen() {
    int[] flips = DuplicateDetector.flips(2);

    assertThat(flips).hasSize(1 + 16 + 120).doesNotHaveDuplicates().startsWith(0);
    assertThat(
            Arrays.stream(flips).allMatch(mask -> Integer.bitCount(mask) <= 2 && mask >>> 16 == 0))
        .isTrue();
  }
}
