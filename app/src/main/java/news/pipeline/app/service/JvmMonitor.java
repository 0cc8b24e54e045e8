package news.pipeline.app.service;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads a {@link ServiceJvm}'s heap, CPU, JIT and collector time through the JVM's own JMX agent on
 * a loopback-only port: what the process spends, apart from any other on the machine.
 */
public final class JvmMonitor implements AutoCloseable {
  private static final Duration RETRY = Duration.ofMillis(100);

  private final JMXConnector connector;
  private final MemoryMXBean memory;
  private final OperatingSystemMXBean os;
  private final CompilationMXBean jit;
  private final List<GarbageCollectorMXBean> collectors;

  /** The JMX agent a child JVM opens with {@link #jvmOptions()}, on a port free when chosen. */
  public record Agent(int port) {
    public static Agent onFreePort() throws IOException {
      try (ServerSocket socket = new ServerSocket(0)) {
        return new Agent(socket.getLocalPort());
      }
    }

    /** Loopback only, and one port for registry and connections: nothing listens outside. */
    public List<String> jvmOptions() {
      return List.of(
          "-Dcom.sun.management.jmxremote.port=" + port,
          "-Dcom.sun.management.jmxremote.rmi.port=" + port,
          "-Dcom.sun.management.jmxremote.host=127.0.0.1",
          "-Djava.rmi.server.hostname=127.0.0.1",
          "-Dcom.sun.management.jmxremote.authenticate=false",
          "-Dcom.sun.management.jmxremote.ssl=false");
    }

    /**
     * Connects once the JVM's agent listens; fails at once if the JVM exits first.
     *
     * @throws IOException if the JVM exited or its agent did not answer within {@code within}
     */
    public JvmMonitor connect(ServiceJvm jvm, Duration within)
        throws IOException, InterruptedException {
      JMXServiceURL url =
          new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
      long deadline = System.nanoTime() + within.toNanos();
      while (true) {
        try {
          return new JvmMonitor(JMXConnectorFactory.connect(url));
        } catch (IOException e) {
          if (!jvm.isAlive()) {
            throw new IOException(
                jvm.name() + " exited with " + jvm.exitValue() + ":\n" + jvm.logTail(), e);
          }
          if (System.nanoTime() > deadline) {
            throw new IOException(
                jvm.name() + ": no JMX agent within " + within + ":\n" + jvm.logTail(), e);
          }
          // The agent opens its port while the JVM starts; ask again shortly.
          LockSupport.parkNanos(RETRY.toNanos());
          if (Thread.interrupted()) {
            throw new InterruptedException();
          }
        }
      }
    }
  }

  private JvmMonitor(JMXConnector connector) throws IOException {
    this.connector = connector;
    MBeanServerConnection server = connector.getMBeanServerConnection();
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

  /** Heap in use right after a full collection, in MiB: what the service really keeps. */
  public double heapAfterGcMb() {
    // Twice: the first collection may leave objects that only became unreachable during it.
    memory.gc();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  /** What the process has used so far: CPU, JIT compilation and garbage collection time. */
  public Usage usage() {
    long gc = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    return new Usage(
        System.nanoTime(), os.getProcessCpuTime() / 1e6, jit.getTotalCompilationTime(), gc);
  }

  /** Cumulative milliseconds at {@code atNanos} ({@link System#nanoTime()}). */
  public record Usage(long atNanos, double cpuMs, double jitMs, double gcMs) {}

  @Override
  public void close() {
    try {
      connector.close();
    } catch (IOException e) {
      // The JVM is going away anyway.
    }
  }
}
