package news.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import news.pipeline.common.json.Json;
import news.pipeline.common.model.RawArticle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpIngestServerTest {
  private static final String ARTICLE =
      "{\"title\":\"民政部召开全国养老服务工作会议\",\"text\":\"会议部署老年助餐服务工作。\",\"url\":\"https://www.mca.gov.cn/a\"}";

  private final List<Reading> received = new CopyOnWriteArrayList<>();
  private final HttpClient client = HttpClient.newHttpClient();
  private HttpIngestServer server;

  /** Stands in for the ingester: everything is new. */
  private final Function<Reading, IngestSummary> sink =
      reading -> {
        received.add(reading);
        List<String> ids = reading.articles().stream().map(RawArticle::id).toList();
        return new IngestSummary(ids.size(), ids.size(), 0, reading.rejected().size(), ids);
      };

  private void start(String token, long maxBytes) throws IOException {
    ReadOptions options =
        new ReadOptions(100_000, maxBytes, OptionalInt.empty(), java.time.Clock.systemUTC());
    server = new HttpIngestServer(sink, options, token, 0).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String body, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/articles"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAnswerIdsWhenOneArticleIsPosted() throws Exception {
    start(null, 1 << 20);
    HttpResponse<String> response = post(ARTICLE, null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = Json.parseTree(response.body());
    assertThat(body.get("ids").get(0).asText()).isEqualTo("https://www.mca.gov.cn/a");
    assertThat(body.get("sent").asInt()).isEqualTo(1);
    assertThat(received.get(0).articles().get(0).origin()).isEqualTo("http");
  }

  @Test
  void shouldAnswer400NamingTheLineWhenJsonLinesHoldABadLine() throws Exception {
    start(null, 1 << 20);
    HttpResponse<String> response = post(ARTICLE + "\n{\"title\":\"只有标题\"}\n", null);
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = Json.parseTree(response.body());
    assertThat(body.get("error").asText()).isEqualTo("http:2: schema: missing \"text\"");
    assertThat(body.get("ids")).hasSize(1);
    assertThat(received.get(0).rejected()).hasSize(1);
  }

  @Test
  void shouldAnswer400WhenBodyIsNotJson() throws Exception {
    start(null, 1 << 20);
    HttpResponse<String> response = post("民政部召开会议", null);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Json.parseTree(response.body()).get("error").asText())
        .isEqualTo(
            "http: bad-json: expected one JSON article object, an array of them or JSON Lines");
  }

  @Test
  void shouldAnswer413WhenBodyIsOverTheLimit() throws Exception {
    start(null, 64);
    HttpResponse<String> response = post(ARTICLE, null);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(received).isEmpty();
  }

  @Test
  void shouldAnswer401WhenTokenIsMissingOrWrong() throws Exception {
    start("s3cret", 1 << 20);
    assertThat(post(ARTICLE, null).statusCode()).isEqualTo(401);
    assertThat(post(ARTICLE, "Bearer wrong").statusCode()).isEqualTo(401);
    assertThat(post(ARTICLE, "Bearer s3cret").statusCode()).isEqualTo(200);
    assertThat(received).hasSize(1);
  }

  @Test
  void shouldAnswer405WhenMethodIsNotPost() throws Exception {
    start(null, 1 << 20);
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/articles"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("POST");
  }

  @Test
  void shouldAnswer503WhenKafkaCannotTakeTheArticles() throws Exception {
    server =
        new HttpIngestServer(
                reading -> {
                  throw new IngestException("broker unreachable", null);
                },
                ReadOptions.defaults(),
                null,
                0)
            .start();
    HttpResponse<String> response = post(ARTICLE, null);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("nothing was sent: broker unreachable");
  }
}
