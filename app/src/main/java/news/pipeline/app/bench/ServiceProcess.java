package news.pipeline.app.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import news.pipeline.app.NewsPipeline;

/**
 * One pipeline service ({@code classify}, {@code enrich}) in its own JVM, as in production, so its
 * heap and CPU can be read apart from the others' through JMX on a loopback-only port.
 */
final class ServiceProcess implements AutoCloseable {
  private static final Duration CONNECT_WITHIN = Duration.ofSeconds(60);

  private final String service;
  private final Process process;
  private final Path log;
  private final JMXConnector jmx;
  private final MemoryMXBean memory;
  private final OperatingSystemMXBean os;
  private final CompilationMXBean jit;
  private final List<GarbageCollectorMXBean> collectors;

  private ServiceProcess(String service, Process process, Path log, int jmxPort)
      throws IOException, InterruptedException {
    this.service = service;
    this.process = process;
    this.log = log;
    this.jmx = connect(jmxPort);
    MBeanServerConnection server = jmx.getMBeanServerConnection();
    this.memory =
        ManagementFactory.newPlatformMXBeanProxy(
            server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
    this.os =
        ManagementFactory.newPlatformMXBeanProxy(
            server, ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME, OperatingSystemMXBean.class);
    this.jit =
        ManagementFactory.newPlatformMXBeanProxy(
            server, ManagementFactory.COMPILATION_MXBEAN_NAME, CompilationMXBean.class);
    this.collectors = ManagementFactory.getPlatformMXBeans(server, GarbageCollectorMXBean.class);
  }

  /**
   * Starts {@code news-pipeline <service> -D key=value…} on this JVM's class path with the given
   * maximum heap; its output goes to {@code <workDir>/<service>.log}.
   */
  static ServiceProcess start(
      String service, Map<String, String> settings, String maxHeap, Path workDir)
      throws IOException, InterruptedException {
    int jmxPort = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-Dcom.sun.management.jmxremote.port=" + jmxPort);
    command.add("-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort);
    command.add("-Dcom.sun.management.jmxremote.host=127.0.0.1");
    command.add("-Djava.rmi.server.hostname=127.0.0.1");
    command.add("-Dcom.sun.management.jmxremote.authenticate=false");
    command.add("-Dcom.sun.management.jmxremote.ssl=false");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(NewsPipeline.class.getName());
    command.add(service);
    settings.forEach(
        (key, value) -> {
          command.add("-D");
          command.add(key + "=" + value);
        });
    Path log = workDir.resolve(service + ".log");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      return new ServiceProcess(service, process, log, jmxPort);
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw new IOException(service + " did not start: " + logTail(log), e);
    }
  }

  String service() {
    return service;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Heap in use right after a full collection, in MiB: what the service really keeps. */
  double heapAfterGcMb() {
    // Twice: the first collection may leave objects that only became unreachable during it.
    memory.gc();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  /** What the process has used so far: CPU, JIT compilation and garbage collection time. */
  Usage usage() {
    long gc = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    return new Usage(
        System.nanoTime(), os.getProcessCpuTime() / 1e6, jit.getTotalCompilationTime(), gc);
  }

  /** Cumulative milliseconds at {@code atNanos} ({@link System#nanoTime()}). */
  record Usage(long atNanos, double cpuMs, double jitMs, double gcMs) {}

  /** The end of the service's log, for error messages. */
  String logTail() {
    return logTail(log);
  }

  @Override
  public void close() {
    try {
      jmx.close();
    } catch (IOException e) {
      // The process is going away anyway.
    }
    process.destroy(); // SIGTERM: the shutdown hook closes the Streams client cleanly.
    try {
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private JMXConnector connect(int port) throws IOException, InterruptedException {
    JMXServiceURL url =
        new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
    long deadline = System.nanoTime() + CONNECT_WITHIN.toNanos();
    while (true) {
      try {
        return JMXConnectorFactory.connect(url);
      } catch (IOException e) {
        if (!process.isAlive()) {
          throw new IOException(service + " exited with " + process.exitValue(), e);
        }
        if (System.nanoTime() > deadline) {
          throw e;
        }
        // The agent opens its port while the JVM starts; ask again shortly.
        process.waitFor(100, TimeUnit.MILLISECONDS);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String logTail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
