package news.pipeline.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import news.pipeline.common.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /articles}: one JSON article, an array of them or JSON Lines. Answers 200 with {@code
 * {"ids":[…],"sent":n,"alreadySent":m}}; 400 naming every refused line (the good lines of the same
 * body are still ingested, and a retry of the whole body is safe: what was sent is not sent again);
 * 401 without the configured bearer token; 413 over the size limit; 405 for another method; 503
 * when Kafka cannot take the articles (nothing was sent). {@code GET /health} answers 200.
 */
final class HttpIngestServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpIngestServer.class);

  static final String PORT = "news.ingest.http.port";
  static final String TOKEN = "news.ingest.http.token";
  static final String MAX_BYTES = "news.ingest.http.max.bytes";
  static final String ORIGIN = "http";

  private final Function<Reading, IngestSummary> sink;
  private final ReadOptions options;
  private final byte[] token;
  private final HttpServer server;
  private final ExecutorService executor;

  /**
   * @param sink sends what a request read (the ingester in service, a plain function in tests)
   * @param token the bearer token requests must carry; null or blank: none required
   */
  HttpIngestServer(
      Function<Reading, IngestSummary> sink, ReadOptions options, String token, int port)
      throws IOException {
    this.sink = sink;
    this.options = options;
    this.token =
        token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    this.server = HttpServer.create(new InetSocketAddress(port), 64);
    this.executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread thread = new Thread(r, "ingest-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/articles", this::articles);
    server.createContext("/health", this::health);
  }

  HttpIngestServer start() {
    server.start();
    LOG.info(
        "accepting POST /articles on port {}{}",
        port(),
        token == null ? " (no token required)" : " (bearer token required)");
    return this;
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void health(HttpExchange exchange) throws IOException {
    try (exchange) {
      respond(exchange, 200, Map.of("status", "ok"));
    }
  }

  private void articles(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/articles")) {
        respond(exchange, 404, error("no such resource; POST articles to /articles"));
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        respond(exchange, 405, error("use POST"));
        return;
      }
      if (!authorized(exchange)) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        respond(exchange, 401, error("missing or wrong bearer token"));
        return;
      }
      String length = exchange.getRequestHeaders().getFirst("Content-Length");
      if (length != null && parseLong(length) > options.maxInputBytes()) {
        respond(exchange, 413, tooLarge());
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxInputBytes() + 1));
      }
      if (body.length > options.maxInputBytes()) {
        respond(exchange, 413, tooLarge());
        return;
      }
      handle(exchange, body);
    }
  }

  private void handle(HttpExchange exchange, byte[] body) throws IOException {
    Reading reading = readBody(body);
    IngestSummary summary;
    try {
      summary = sink.apply(reading);
    } catch (IngestException e) {
      LOG.warn("POST /articles: {}", e.getMessage());
      respond(exchange, 503, error("cannot ingest now, nothing was sent: " + e.getMessage()));
      return;
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    List<Rejection> rejections = reading.rejected().stream().map(RejectedInput::rejection).toList();
    if (!rejections.isEmpty()) {
      answer.put("error", rejections.get(0).describe());
      answer.put(
          "errors",
          rejections.stream()
              .map(r -> Map.of("location", r.location(), "reason", r.reason()))
              .toList());
    }
    answer.put("ids", summary.articleIds());
    answer.put("sent", summary.sent());
    answer.put("alreadySent", summary.alreadySent());
    respond(exchange, rejections.isEmpty() ? 200 : 400, answer);
  }

  /** The body must be JSON: one article, an array or JSON Lines. */
  Reading readBody(byte[] body) {
    int first = ArticleReader.firstContentByte(body);
    if (first != '{' && first != '[') {
      return Reading.rejected(
          RejectedInput.of(
              ORIGIN,
              first < 0 ? "empty" : "bad-json",
              first < 0
                  ? "empty body; send one JSON article, an array of them or JSON Lines"
                  : "expected one JSON article object, an array of them or JSON Lines",
              body));
    }
    return ArticleReader.read(new java.io.ByteArrayInputStream(body), ORIGIN, options);
  }

  private boolean authorized(HttpExchange exchange) {
    if (token == null) {
      return true;
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token);
  }

  private Map<String, Object> tooLarge() {
    return error("body is over the " + options.maxInputBytes() + "-byte limit");
  }

  private static Map<String, Object> error(String message) {
    return Map.of("error", message);
  }

  private static void respond(HttpExchange exchange, int status, Map<String, Object> body)
      throws IOException {
    byte[] bytes = Json.toBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static long parseLong(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
