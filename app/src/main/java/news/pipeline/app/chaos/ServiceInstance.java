package news.pipeline.app.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service instance in its own JVM, launched as an operator would ({@code news-pipeline classify
 * -b … -D …}), with its own state directory kept across restarts as a pod's volume is. {@link
 * #kill()} is {@code kill -9}: no shutdown hook, no commit, no clean close.
 */
final class ServiceInstance {
  private final String name;
  private final List<String> command;
  private final Path log;
  private Process process;
  private int starts;

  /**
   * @param service the subcommand, {@code classify} or {@code enrich}
   * @param settings {@code -D} settings; the instance adds its own state directory
   */
  ServiceInstance(String service, int index, Map<String, String> settings, Path workDir) {
    this.name = service + "-" + index;
    this.log = workDir.resolve("logs").resolve(name + ".log");
    List<String> args = new ArrayList<>(javaCommand());
    args.add(service);
    settings.forEach((key, value) -> args.add("-D" + key + "=" + value));
    args.add("-Dnews.state.dir=" + workDir.resolve("state").resolve(name));
    // Static membership: a restarted instance takes its partitions back at once instead of
    // waiting out the session of the member it replaces.
    args.add("-Dconsumer.group.instance.id=chaos-" + name);
    // ...and if it is slow to come back, its partitions move to the others after this long.
    args.add("-Dconsumer.session.timeout.ms=15000");
    this.command = List.copyOf(args);
  }

  String name() {
    return name;
  }

  synchronized void start() {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "---- start " + (++starts) + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  /** SIGKILL, then waits until the process is gone. */
  synchronized void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  /** SIGTERM (the service closes cleanly from its shutdown hook), SIGKILL after a deadline. */
  synchronized void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /**
   * Waits until the current start has printed its {@code running} line; false if the process died
   * or the deadline passed first.
   */
  boolean awaitRunning(java.time.Instant deadline) throws InterruptedException {
    Process current;
    int expected;
    synchronized (this) {
      current = process;
      expected = starts;
    }
    while (java.time.Instant.now().isBefore(deadline)) {
      if (runningLines() >= expected) {
        return true;
      }
      // Doubles as the poll interval: returns at once if the process dies.
      if (current.waitFor(250, TimeUnit.MILLISECONDS)) {
        return false;
      }
    }
    return false;
  }

  private int runningLines() {
    try {
      String text = Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
      return text.split(": running", -1).length - 1;
    } catch (IOException e) {
      return 0;
    }
  }

  synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** This JVM's java, class path and a small heap: the child runs the same code as the parent. */
  private static List<String> javaCommand() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(
        java,
        "-Xmx384m",
        "-XX:+UseSerialGC",
        "-cp",
        System.getProperty("java.class.path"),
        "news.pipeline.app.NewsPipeline");
  }
}
