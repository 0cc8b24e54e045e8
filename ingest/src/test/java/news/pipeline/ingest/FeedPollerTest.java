package news.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedPollerTest {
  @Test
  void shouldDoubleDelayUpToTheMaximumWhenFeedKeepsFailing() {
    Duration interval = Duration.ofMinutes(5);
    Duration max = Duration.ofHours(1);
    assertThat(FeedPoller.backoff(interval, max, 1)).isEqualTo(Duration.ofMinutes(10));
    assertThat(FeedPoller.backoff(interval, max, 3)).isEqualTo(Duration.ofMinutes(40));
    assertThat(FeedPoller.backoff(interval, max, 4)).isEqualTo(max);
    assertThat(FeedPoller.backoff(interval, max, 60)).isEqualTo(max);
  }

  @Test
  void shouldKeepParagraphsWhenFeedContentIsHtml() {
    assertThat(
            HtmlText.toText(
                "<div><p>12月7日，民政部召开会议。</p><p>会议强调，<b>要</b>抓好落实。<br>二要形成合力。</p>"
                    + "<script>x()</script></div>"))
        .isEqualTo("12月7日，民政部召开会议。\n会议强调，要抓好落实。\n二要形成合力。");
  }
}
