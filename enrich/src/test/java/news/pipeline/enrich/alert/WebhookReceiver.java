package news.pipeline.enrich.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real local HTTP receiver (JDK HttpServer): it records every body posted and answers with the
 * scripted status while an outage lasts, 200 afterwards.
 */
public final class WebhookReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int outageStatus = 503;
  private volatile String okBody = "";

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          boolean down = failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
          byte[] reply = (down ? "unavailable" : okBody).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(
              down ? outageStatus : 200, reply.length == 0 ? -1 : reply.length);
          if (reply.length > 0) {
            exchange.getResponseBody().write(reply);
          }
          exchange.close();
        });
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  /** The next {@code requests} requests fail with {@code status}. */
  public void outage(int requests, int status) {
    outageStatus = status;
    failuresLeft.set(requests);
  }

  public void answerOkWith(String body) {
    okBody = body;
  }

  public List<String> bodies() {
    return bodies;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
