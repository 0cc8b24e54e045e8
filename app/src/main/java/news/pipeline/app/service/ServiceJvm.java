package news.pipeline.app.service;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import news.pipeline.app.NewsPipeline;

/**
 * One pipeline service ({@code news-pipeline classify|enrich -D …}) in a child JVM that runs this
 * JVM's code, as an operator would launch it: the bench measures it apart from the other services,
 * the chaos run kills and restarts it. The JVM's output is appended to one log file per instance,
 * each start preceded by a marker line; the instance can be started again after it stopped.
 */
public final class ServiceJvm implements AutoCloseable {
  /** A clean stop (Streams' close with its own 30 s timeout) gets this long before SIGKILL. */
  private static final Duration STOP_WITHIN = Duration.ofSeconds(40);

  private static final Duration POLL = Duration.ofMillis(250);
  private static final String RUNNING = ": running";
  private static final int TAIL_LINES = 20;

  /**
   * The child JVM's options.
   *
   * @param maxHeap {@code -Xmx}, e.g. {@code 512m}
   * @param extra further options in order, e.g. {@code -XX:+UseSerialGC} or {@code
   *     -XX:StartFlightRecording=filename={name}.jfr}; {@value #NAME} is replaced by the instance's
   *     name, so per-instance files (recordings, GC logs) do not overwrite each other
   */
  public record JvmOptions(String maxHeap, List<String> extra) {
    public static final String NAME = "{name}";

    public JvmOptions {
      extra = List.copyOf(extra);
    }

    public JvmOptions with(List<String> more) {
      List<String> all = new ArrayList<>(extra);
      all.addAll(more);
      return new JvmOptions(maxHeap, all);
    }

    List<String> arguments(String name) {
      List<String> arguments = new ArrayList<>();
      arguments.add("-Xmx" + maxHeap);
      // As in the container image: a service out of memory dies and is restarted, not limps on.
      arguments.add("-XX:+ExitOnOutOfMemoryError");
      extra.forEach(option -> arguments.add(option.replace(NAME, name)));
      return arguments;
    }
  }

  private final String name;
  private final List<String> command;
  private final String described;
  private final Path log;
  private Process process;
  private long logStart;
  private int starts;

  /**
   * What the child runs: {@code news-pipeline <subcommand> [--config FILE] -D key=value…
   * [operands…]}.
   *
   * @param subcommand {@code classify}, {@code enrich}, {@code ingest}…
   * @param configFile a properties file, the layer under the settings; null for none
   * @param settings the last layer of the service's configuration
   * @param operands what follows the options, e.g. the files {@code ingest} reads
   */
  public record Command(
      String subcommand, Path configFile, Map<String, String> settings, List<String> operands) {
    public Command {
      settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
      operands = List.copyOf(operands);
    }

    public Command(String subcommand, Path configFile, Map<String, String> settings) {
      this(subcommand, configFile, settings, List.of());
    }

    public static Command of(String subcommand, Map<String, String> settings) {
      return new Command(subcommand, null, settings);
    }

    List<String> arguments() {
      List<String> arguments = new ArrayList<>();
      arguments.add(subcommand);
      if (configFile != null) {
        arguments.add("--config");
        arguments.add(configFile.toAbsolutePath().toString());
      }
      settings.forEach((key, value) -> arguments.add("-D" + key + "=" + value));
      arguments.addAll(operands);
      return arguments;
    }
  }

  /**
   * @param name names the instance in its log file ({@code <logDir>/<name>.log}) and in messages
   */
  public ServiceJvm(String name, JvmOptions jvmOptions, Command service, Path logDir) {
    this.name = name;
    this.log = logDir.resolve(name + ".log");
    List<String> jvmArguments = jvmOptions.arguments(name);
    // What the log shows of each start: not the class path (long, the parent's own), nor the
    // settings' values, which may hold credentials.
    this.described = String.join(" ", jvmArguments) + " " + service.subcommand();
    List<String> args = new ArrayList<>();
    args.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    args.addAll(jvmArguments);
    args.add("-cp");
    args.add(System.getProperty("java.class.path"));
    args.add(NewsPipeline.class.getName());
    args.addAll(service.arguments());
    this.command = List.copyOf(args);
  }

  public String name() {
    return name;
  }

  public Path log() {
    return log;
  }

  /** Launches the JVM; its output goes to the end of the log, after a start marker. */
  public synchronized ServiceJvm start() {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "---- start " + (++starts) + " at " + Instant.now() + ": " + described + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      logStart = Files.size(log);
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Waits until the current start has printed the service's {@code running} line; false if the
   * process died or the deadline passed first.
   */
  public boolean awaitRunning(Instant deadline) throws InterruptedException {
    Process current;
    long from;
    synchronized (this) {
      current = process;
      from = logStart;
    }
    while (Instant.now().isBefore(deadline)) {
      if (printedSince(from, RUNNING)) {
        return true;
      }
      // Doubles as the poll interval: returns at once if the process dies.
      if (current.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
        return printedSince(from, RUNNING);
      }
    }
    return false;
  }

  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Waits for the last start to exit on its own; false if it still runs after {@code within}. */
  public boolean awaitExit(Duration within) throws InterruptedException {
    Process current;
    synchronized (this) {
      current = process;
    }
    return current.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The exit code of the last start; only once it is no longer {@link #isAlive() alive}. */
  public synchronized int exitValue() {
    return process.exitValue();
  }

  /** SIGKILL ({@code kill -9}: no shutdown hook, no commit, no clean close), then waits. */
  public synchronized void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  /** SIGTERM (the service closes cleanly from its shutdown hook), SIGKILL after a deadline. */
  public synchronized void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** {@link #stop()}; an interrupt still ends the process, with SIGKILL. */
  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      synchronized (this) {
        if (process != null) {
          process.destroyForcibly();
        }
      }
      Thread.currentThread().interrupt();
    }
  }

  /** The last lines of the log, for error messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private boolean printedSince(long offset, String text) {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length() - offset;
      if (length <= 0) {
        return false;
      }
      byte[] written = new byte[(int) length];
      file.seek(offset);
      file.readFully(written);
      // ISO-8859-1 maps every byte, so a character cut at the end cannot fail the decoding.
      return new String(written, StandardCharsets.ISO_8859_1).contains(text);
    } catch (IOException e) {
      return false;
    }
  }
}
