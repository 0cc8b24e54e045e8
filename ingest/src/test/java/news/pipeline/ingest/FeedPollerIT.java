package news.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import news.pipeline.common.json.Json;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.RawArticle;
import news.pipeline.kafka.embedded.KafkaBrokerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Feeds served by a local HTTP server (no internet here), polled into a real broker. */
class FeedPollerIT {
  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  private final String token = UUID.randomUUID().toString();
  private final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
  private HttpServer server;

  private String rss() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel>
          <title>民政部新闻</title><link>https://www.mca.gov.cn/</link><description>民政要闻</description>
          <item>
            <title>民政部召开全国老年助餐服务工作推进会 %1$s</title>
            <link>https://www.mca.gov.cn/n1/%1$s.html</link>
            <guid>mca-%1$s-1</guid>
            <pubDate>Thu, 07 Dec 2023 02:00:00 GMT</pubDate>
            <description><![CDATA[<p>12月7日，民政部召开全国积极发展老年助餐服务工作推进会。</p><p>会议强调，要准确把握老年助餐服务的关键环节。</p>]]></description>
          </item>
          <item>
            <title>三项儿童福利机构行业标准公开征求意见 %1$s</title>
            <link>https://www.mca.gov.cn/n2/%1$s.html</link>
            <guid>mca-%1$s-2</guid>
            <description>民政部儿童福利司组织起草了三项行业标准，并面向社会公开征求意见。</description>
          </item>
        </channel></rss>
        """
        .formatted(token);
  }

  private String atom() {
    return """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>湖北民政</title><id>urn:hubei:%1$s</id><updated>2024-03-20T08:00:00Z</updated>
          <entry>
            <title>湖北省民政厅举办全省社会事务工作培训班 %1$s</title>
            <id>urn:hubei:%1$s:1</id>
            <link href="https://mzt.hubei.gov.cn/%1$s.shtml"/>
            <updated>2024-03-20T08:00:00Z</updated>
            <content type="html">&lt;p&gt;3月20日,湖北省民政厅在武汉举办全省社会事务工作培训班。&lt;/p&gt;</content>
          </entry>
        </feed>
        """
        .formatted(token);
  }

  @BeforeEach
  void serveFeeds() throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/rss", exchange -> serve(exchange, rss(), "\"rss-v1\""));
    server.createContext("/atom", exchange -> serve(exchange, atom(), "\"atom-v1\""));
    server.createContext(
        "/broken",
        exchange -> {
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    server.start();
  }

  private void serve(HttpExchange exchange, String body, String etag) throws IOException {
    String condition = exchange.getRequestHeaders().getFirst("If-None-Match");
    if (condition != null) {
      ifNoneMatch.add(condition);
    }
    if (etag.equals(condition)) {
      exchange.sendResponseHeaders(304, -1);
    } else {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("ETag", etag);
      exchange.getResponseHeaders().set("Content-Type", "application/xml; charset=utf-8");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI feed(String path) {
    return URI.create("http://localhost:" + server.getAddress().getPort() + path);
  }

  private FeedPoller poller(Ingester ingester, List<URI> feeds) {
    return new FeedPoller(
        ingester,
        feeds,
        Duration.ofMillis(200),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        ZoneId.of("Asia/Shanghai"));
  }

  private static Ingester ingester(SimpleMeterRegistry registry) {
    return new Ingester(
        KAFKA.pipelineConfig().with("news.ingest.transactional.id", "feed-it-" + UUID.randomUUID()),
        new IngestMetrics(registry));
  }

  @Test
  void shouldSendEntriesOnceAndAskConditionallyWhenPolledAgain() throws Exception {
    URI rss = feed("/rss");
    try (Ingester ingester = ingester(new SimpleMeterRegistry());
        FeedPoller poller = poller(ingester, List.of(rss))) {
      IngestSummary first = poller.pollOnce(rss);
      assertThat(first.sent()).isEqualTo(2);
      assertThat(first.articleIds()).containsExactly("mca-" + token + "-1", "mca-" + token + "-2");

      assertThat(poller.pollOnce(rss).read()).isZero();
      assertThat(ifNoneMatch).containsExactly("\"rss-v1\"");
    }
    RawArticle article =
        RawTopicReader.readAll(KAFKA.bootstrapServers(), Topics.RAW_ARTICLES.name()).stream()
            .map(
                r ->
                    Json.mapper()
                        .convertValue(
                            Json.parseTree(new String(r.value(), StandardCharsets.UTF_8)),
                            RawArticle.class))
            .filter(a -> a.id().equals("mca-" + token + "-1"))
            .findFirst()
            .orElseThrow();
    assertThat(article.text()).isEqualTo("12月7日，民政部召开全国积极发展老年助餐服务工作推进会。\n会议强调，要准确把握老年助餐服务的关键环节。");
    assertThat(article.source()).isEqualTo("民政部新闻");
    assertThat(article.url()).isEqualTo("https://www.mca.gov.cn/n1/" + token + ".html");
    assertThat(article.publishedAt()).isEqualTo(LocalDate.of(2023, 12, 7));
    assertThat(article.origin()).isEqualTo(rss.toString());
  }

  @Test
  void shouldKeepPollingGoodFeedWhenAnotherFeedFails() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    URI broken = feed("/broken");
    try (Ingester ingester = ingester(registry);
        FeedPoller poller = poller(ingester, List.of(broken, feed("/atom"))).start()) {
      String id = "urn:hubei:" + token + ":1";
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  RawTopicReader.keys(KAFKA.bootstrapServers(), Topics.RAW_ARTICLES.name())
                      .contains(id));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  registry
                              .find("news.ingest.feed.failures")
                              .tag("feed", broken.toString())
                              .counter()
                          != null
                      && registry
                              .find("news.ingest.feed.failures")
                              .tag("feed", broken.toString())
                              .counter()
                              .count()
                          >= 2);
    }
  }
}
