package news.pipeline.kafka.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode, in this JVM: each node is a combined broker and
 * controller of one static quorum, listening on localhost. It backs the demo and every {@code *IT}
 * test; nothing about it is mocked.
 *
 * <p>{@code EmbeddedKafka.start()} gives one node in a temporary directory; {@link #builder()}
 * gives more nodes, a persistent data directory, secured client listeners (SASL/SCRAM, SASL_SSL,
 * mutual TLS) and extra broker settings. {@link #stopNode} and {@link #restartNode} keep a node's
 * ports and data, so a test can take a broker away and bring it back.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

  private static final String BROKER_LISTENER = "PLAINTEXT";
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  /** The mechanism of the optional SASL_PLAINTEXT listener. */
  public static final String SCRAM_MECHANISM = "SCRAM-SHA-256";

  /** The stronger SCRAM mechanism; every SASL listener accepts both, every user has both. */
  public static final String SCRAM_SHA_512_MECHANISM = "SCRAM-SHA-512";

  /**
   * What a TLS listener presents and whom it trusts: PKCS12 stores under one password, the key
   * store holding the broker's key and certificate chain, the trust store the CA certificates.
   */
  public record TlsStores(Path keystore, Path truststore, String password) {
    public TlsStores {
      java.util.Objects.requireNonNull(keystore, "keystore");
      java.util.Objects.requireNonNull(truststore, "truststore");
      java.util.Objects.requireNonNull(password, "password");
    }
  }

  /** The optional client listeners beside PLAINTEXT, each on its own port of every node. */
  private enum ClientListener {
    SASL("SASL_PLAINTEXT"),
    SASL_SSL("SASL_SSL"),
    MTLS("SSL");

    private final String protocol;

    ClientListener(String protocol) {
      this.protocol = protocol;
    }

    /** The listener's prefix for its own settings, e.g. {@code listener.name.sasl_ssl.}. */
    String prefix() {
      return "listener.name." + name().toLowerCase(java.util.Locale.ROOT) + ".";
    }
  }

  private static final String META_PROPERTIES = "meta.properties";
  private static final int START_ATTEMPTS = 5;

  private final List<Node> nodes;
  private final Path dataDir;
  private final boolean deleteDataDirOnClose;
  private final Duration startTimeout;
  private volatile boolean closed;

  private EmbeddedKafka(
      List<Node> nodes, Path dataDir, boolean deleteDataDirOnClose, Duration startTimeout) {
    this.nodes = nodes;
    this.dataDir = dataDir;
    this.deleteDataDirOnClose = deleteDataDirOnClose;
    this.startTimeout = startTimeout;
  }

  /** One node, a temporary data directory (deleted on close), free ports. */
  public static EmbeddedKafka start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code host:port} of every running node's client listener. */
  public String bootstrapServers() {
    return nodes.stream()
        .filter(Node::isRunning)
        .map(node -> "localhost:" + node.brokerPort)
        .collect(Collectors.joining(","));
  }

  /**
   * {@code host:port} of every running node's SASL_PLAINTEXT listener (SCRAM), which exists when
   * the builder was given {@link Builder#scramUser} users; clients must log in there.
   */
  public String saslBootstrapServers() {
    return clientBootstrapServers(ClientListener.SASL, "Builder.scramUser");
  }

  /**
   * {@code host:port} of every running node's SASL_SSL listener (SCRAM over TLS), which exists when
   * the builder was given {@link Builder#saslSslListener}; clients must trust its CA and log in.
   */
  public String saslSslBootstrapServers() {
    return clientBootstrapServers(ClientListener.SASL_SSL, "Builder.saslSslListener");
  }

  /**
   * {@code host:port} of every running node's SSL listener that requires a client certificate
   * (mutual TLS), which exists when the builder was given {@link Builder#mutualTlsListener}.
   */
  public String mutualTlsBootstrapServers() {
    return clientBootstrapServers(ClientListener.MTLS, "Builder.mutualTlsListener");
  }

  private String clientBootstrapServers(ClientListener listener, String howToAdd) {
    if (!nodes.get(0).clientPorts.containsKey(listener)) {
      throw new IllegalStateException(
          "no " + listener.protocol + " listener: add one with " + howToAdd);
    }
    return nodes.stream()
        .filter(Node::isRunning)
        .map(node -> "localhost:" + node.clientPorts.get(listener))
        .collect(Collectors.joining(","));
  }

  /** {@code host:port} of one node, running or not (its port never changes). */
  public String bootstrapServers(int node) {
    return "localhost:" + node(node).brokerPort;
  }

  public int nodeCount() {
    return nodes.size();
  }

  public boolean isRunning(int node) {
    return node(node).isRunning();
  }

  /** Where the nodes keep their logs: {@code <dataDir>/node-<i>}. */
  public Path dataDir() {
    return dataDir;
  }

  /** Shuts one node down cleanly; its ports and data stay reserved for {@link #restartNode}. */
  public void stopNode(int node) {
    node(node).stop();
  }

  /** Starts a stopped node again on the same ports and data; returns once it is serving. */
  public void restartNode(int node) {
    Node target = node(node);
    if (target.isRunning()) {
      throw new IllegalStateException("node " + node + " is running; stop it first");
    }
    awaitAll(List.of(inOwnThread(target)), startTimeout);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    String servers = bootstrapServers();
    stopAll(nodes);
    LOG.info("Kafka at {} stopped", servers);
    if (deleteDataDirOnClose) {
      deleteRecursively(dataDir);
    }
  }

  private Node node(int index) {
    if (index < 0 || index >= nodes.size()) {
      throw new IllegalArgumentException(
          "no node " + index + "; nodes are 0.." + (nodes.size() - 1));
    }
    return nodes.get(index);
  }

  /** Settings for a cluster; {@link #start()} formats the storage if needed and starts it. */
  public static final class Builder {
    private int nodeCount = 1;
    private Path dataDir;
    private Duration startTimeout = Duration.ofSeconds(90);
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();
    private final Map<String, String> scramUsers = new LinkedHashMap<>();
    private TlsStores saslSslStores;
    private TlsStores mutualTlsStores;

    private Builder() {}

    /**
     * Adds a SASL_PLAINTEXT listener (SCRAM-SHA-256 or -512, {@link #saslBootstrapServers()}) and
     * this user to it and to the SASL_SSL listener, if any; the PLAINTEXT listener stays for the
     * cluster's own traffic and for admin tooling.
     */
    public Builder scramUser(String username, String password) {
      scramUsers.put(username, password);
      return this;
    }

    /**
     * Adds a SASL_SSL listener ({@link #saslSslBootstrapServers()}) presenting {@code stores}' key:
     * clients must trust its CA and log in as a {@link #scramUser} with SCRAM-SHA-256 or -512.
     */
    public Builder saslSslListener(TlsStores stores) {
      this.saslSslStores = stores;
      return this;
    }

    /**
     * Adds an SSL listener ({@link #mutualTlsBootstrapServers()}) presenting {@code stores}' key
     * and requiring a client certificate its trust store vouches for ({@code
     * ssl.client.auth=required}): the certificate is the login, no password.
     */
    public Builder mutualTlsListener(TlsStores stores) {
      this.mutualTlsStores = stores;
      return this;
    }

    /** 1 (the default) or more; every node is a voter, replication follows (at most 3). */
    public Builder nodes(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("a cluster needs at least one node, not " + count);
      }
      this.nodeCount = count;
      return this;
    }

    /**
     * Keep the logs here (kept on close, reused on the next start) instead of a temporary
     * directory.
     */
    public Builder dataDir(Path dir) {
      this.dataDir = dir;
      return this;
    }

    /** Any broker setting; it wins over this class's defaults (listeners included). */
    public Builder brokerProperty(String key, String value) {
      brokerProperties.put(key, value);
      return this;
    }

    /** How long start and restart may take before they fail. */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = timeout;
      return this;
    }

    public EmbeddedKafka start() {
      if (saslSslStores != null && scramUsers.isEmpty()) {
        throw new IllegalStateException("a SASL_SSL listener needs a user: add one with scramUser");
      }
      boolean temporary = dataDir == null;
      Path root = temporary ? createTempDir() : createDirectories(dataDir);
      RuntimeException failure = null;
      // Free ports are picked, released, then bound by the broker: another process may take one
      // in between, so a bind failure is retried with new ports.
      for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
        List<Node> nodes = plan(root);
        EmbeddedKafka cluster = new EmbeddedKafka(nodes, root, temporary, startTimeout);
        long started = System.nanoTime();
        try {
          awaitAll(nodes.stream().map(EmbeddedKafka::inOwnThread).toList(), startTimeout);
          createScramUsers(cluster.bootstrapServers(), scramUsers);
          LOG.info(
              "Kafka {} node(s) serving at {} after {} ms",
              nodes.size(),
              cluster.bootstrapServers(),
              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
          return cluster;
        } catch (RuntimeException e) {
          stopAll(nodes);
          failure = e;
          if (!isBindFailure(e)) {
            break;
          }
          LOG.warn("a port was taken while Kafka started (attempt {}); retrying", attempt);
        }
      }
      if (temporary) {
        deleteRecursively(root);
      }
      throw failure;
    }

    private List<Node> plan(Path root) {
      List<ClientListener> listeners = clientListeners();
      int perNode = 2 + listeners.size();
      int[] reserved = freePorts(nodeCount * perNode);
      List<int[]> ports =
          IntStream.range(0, nodeCount)
              .mapToObj(i -> Arrays.copyOfRange(reserved, i * perNode, (i + 1) * perNode))
              .toList();
      String voters =
          IntStream.range(0, nodeCount)
              .mapToObj(i -> i + "@localhost:" + ports.get(i)[1])
              .collect(Collectors.joining(","));
      String clusterId = existingClusterId(root).orElseGet(() -> Uuid.randomUuid().toString());
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < nodeCount; i++) {
        Path logDir = root.resolve("node-" + i);
        Properties props = nodeProperties(i, ports.get(i)[0], ports.get(i)[1], voters, logDir);
        Map<ClientListener, Integer> clientPorts = new java.util.EnumMap<>(ClientListener.class);
        for (int l = 0; l < listeners.size(); l++) {
          clientPorts.put(listeners.get(l), ports.get(i)[2 + l]);
          addClientListener(props, listeners.get(l), ports.get(i)[2 + l]);
        }
        // Explicit broker properties win over everything this class sets, listeners included.
        brokerProperties.forEach(props::put);
        nodes.add(
            new Node(
                i, ports.get(i)[0], clientPorts, logDir, clusterId, KafkaConfig.fromProps(props)));
      }
      return nodes;
    }

    private List<ClientListener> clientListeners() {
      List<ClientListener> listeners = new ArrayList<>();
      if (!scramUsers.isEmpty()) {
        listeners.add(ClientListener.SASL);
      }
      if (saslSslStores != null) {
        listeners.add(ClientListener.SASL_SSL);
      }
      if (mutualTlsStores != null) {
        listeners.add(ClientListener.MTLS);
      }
      return listeners;
    }

    /** A client listener next to the PLAINTEXT one, with its own SASL and TLS settings. */
    private void addClientListener(Properties props, ClientListener listener, int port) {
      String address = listener.name() + "://localhost:" + port;
      props.put("listeners", props.getProperty("listeners") + "," + address);
      props.put("advertised.listeners", props.getProperty("advertised.listeners") + "," + address);
      props.put(
          "listener.security.protocol.map",
          props.getProperty("listener.security.protocol.map")
              + ","
              + listener.name()
              + ":"
              + listener.protocol);
      String prefix = listener.prefix();
      switch (listener) {
        case SASL -> addScram(props, prefix);
        case SASL_SSL -> {
          addScram(props, prefix);
          addTls(props, prefix, saslSslStores);
        }
        case MTLS -> {
          addTls(props, prefix, mutualTlsStores);
          props.put(prefix + "ssl.client.auth", "required");
        }
      }
    }

    /** Both SCRAM mechanisms; the credentials live in the cluster metadata, not here. */
    private static void addScram(Properties props, String prefix) {
      props.put(
          prefix + "sasl.enabled.mechanisms", SCRAM_MECHANISM + "," + SCRAM_SHA_512_MECHANISM);
      for (String mechanism : List.of(SCRAM_MECHANISM, SCRAM_SHA_512_MECHANISM)) {
        props.put(
            prefix + mechanism.toLowerCase(java.util.Locale.ROOT) + ".sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required;");
      }
    }

    private static void addTls(Properties props, String prefix, TlsStores stores) {
      props.put(prefix + "ssl.keystore.type", "PKCS12");
      props.put(prefix + "ssl.keystore.location", stores.keystore().toString());
      props.put(prefix + "ssl.keystore.password", stores.password());
      props.put(prefix + "ssl.key.password", stores.password());
      props.put(prefix + "ssl.truststore.type", "PKCS12");
      props.put(prefix + "ssl.truststore.location", stores.truststore().toString());
      props.put(prefix + "ssl.truststore.password", stores.password());
    }

    private Properties nodeProperties(
        int id, int brokerPort, int controllerPort, String voters, Path logDir) {
      int replication = Math.min(nodeCount, 3);
      int minIsr = replication > 1 ? 2 : 1;
      Properties props = new Properties();
      props.put("process.roles", "broker,controller");
      props.put("node.id", String.valueOf(id));
      props.put("controller.quorum.voters", voters);
      props.put(
          "listeners",
          BROKER_LISTENER
              + "://localhost:"
              + brokerPort
              + ","
              + CONTROLLER_LISTENER
              + "://localhost:"
              + controllerPort);
      props.put("advertised.listeners", BROKER_LISTENER + "://localhost:" + brokerPort);
      props.put(
          "listener.security.protocol.map",
          BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
      props.put("controller.listener.names", CONTROLLER_LISTENER);
      props.put("inter.broker.listener.name", BROKER_LISTENER);
      props.put("log.dirs", logDir.toString());

      // Durability a single node can give: exactly-once needs the transaction log's min ISR met.
      props.put("offsets.topic.replication.factor", String.valueOf(replication));
      props.put("transaction.state.log.replication.factor", String.valueOf(replication));
      props.put("transaction.state.log.min.isr", String.valueOf(minIsr));
      props.put("default.replication.factor", String.valueOf(replication));
      props.put("min.insync.replicas", String.valueOf(minIsr));

      // A small machine shared with the services: few threads, small internal topics and
      // buffers, no waiting for more group members before the first rebalance.
      props.put("offsets.topic.num.partitions", "5");
      props.put("transaction.state.log.num.partitions", "5");
      props.put("group.initial.rebalance.delay.ms", "0");
      props.put("num.network.threads", "2");
      props.put("num.io.threads", "2");
      props.put("background.threads", "2");
      props.put("num.replica.fetchers", "1");
      props.put("num.recovery.threads.per.data.dir", "1");
      props.put("log.cleaner.threads", "1");
      props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
      props.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
      props.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
      return props;
    }
  }

  /** One combined broker+controller; a stopped node can be started again with the same config. */
  private static final class Node {
    private final int id;
    private final int brokerPort;
    private final Map<ClientListener, Integer> clientPorts;
    private final Path logDir;
    private final String clusterId;
    private final KafkaConfig config;
    private KafkaRaftServer server;

    Node(
        int id,
        int brokerPort,
        Map<ClientListener, Integer> clientPorts,
        Path logDir,
        String clusterId,
        KafkaConfig config) {
      this.id = id;
      this.brokerPort = brokerPort;
      this.clientPorts = clientPorts;
      this.logDir = logDir;
      this.clusterId = clusterId;
      this.config = config;
    }

    synchronized boolean isRunning() {
      return server != null;
    }

    /** Blocks until the node has joined the quorum and its broker is unfenced. */
    void start() {
      formatIfNew();
      KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
      synchronized (this) {
        server = starting;
      }
      try {
        starting.startup();
      } catch (RuntimeException e) {
        stop();
        throw e;
      }
    }

    void stop() {
      KafkaRaftServer running;
      synchronized (this) {
        running = server;
        server = null;
      }
      if (running != null) {
        try {
          running.shutdown();
          running.awaitShutdown();
        } catch (RuntimeException e) {
          LOG.warn("node {} did not shut down cleanly", id, e);
        }
      }
    }

    /** Formats the storage once; a data directory that holds a cluster keeps it across runs. */
    private void formatIfNew() {
      if (Files.exists(logDir.resolve(META_PROPERTIES))) {
        return;
      }
      try {
        new Formatter()
            .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
            .setNodeId(id)
            .setClusterId(clusterId)
            .setDirectories(List.of(logDir.toString()))
            .setMetadataLogDirectory(logDir.toString())
            .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
            .setControllerListenerName(CONTROLLER_LISTENER)
            .run();
      } catch (Exception e) {
        throw new IllegalStateException("cannot format Kafka storage in " + logDir, e);
      }
    }
  }

  /** SCRAM credentials live in the cluster metadata: set them through the PLAINTEXT listener. */
  private static void createScramUsers(String bootstrapServers, Map<String, String> users) {
    if (users.isEmpty()) {
      return;
    }
    try (org.apache.kafka.clients.admin.Admin admin =
        org.apache.kafka.clients.admin.Admin.create(
            Map.of("bootstrap.servers", (Object) bootstrapServers))) {
      // A request may alter each user once: one request per mechanism.
      for (var mechanism :
          List.of(
              org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_256,
              org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512)) {
        List<org.apache.kafka.clients.admin.UserScramCredentialAlteration> upserts =
            new ArrayList<>();
        users.forEach(
            (user, password) ->
                upserts.add(
                    new org.apache.kafka.clients.admin.UserScramCredentialUpsertion(
                        user,
                        new org.apache.kafka.clients.admin.ScramCredentialInfo(mechanism, 4096),
                        password)));
        admin.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create SCRAM users: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating SCRAM users", e);
    }
  }

  private static java.util.Optional<String> existingClusterId(Path root) {
    Path meta = root.resolve("node-0").resolve(META_PROPERTIES);
    if (!Files.exists(meta)) {
      return java.util.Optional.empty();
    }
    Properties props = new Properties();
    try (var in = Files.newInputStream(meta)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + meta, e);
    }
    return java.util.Optional.ofNullable(props.getProperty("cluster.id"));
  }

  /**
   * Stops every node at once: one by one, the last nodes would wait minutes for a controller quorum
   * that has already gone to approve their controlled shutdown.
   */
  private static void stopAll(List<Node> nodes) {
    List<Thread> stopping =
        nodes.stream()
            .filter(Node::isRunning)
            .map(
                node -> {
                  Thread thread = new Thread(node::stop, "embedded-kafka-stop-" + node.id);
                  thread.start();
                  return thread;
                })
            .toList();
    for (Thread thread : stopping) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Nodes start concurrently: each one's startup blocks until a quorum of them is up. */
  private static CompletableFuture<Void> inOwnThread(Node node) {
    CompletableFuture<Void> started = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                node.start();
                started.complete(null);
              } catch (Throwable e) {
                started.completeExceptionally(e);
              }
            },
            "embedded-kafka-start-" + node.id);
    thread.setDaemon(true);
    thread.start();
    return started;
  }

  private static void awaitAll(List<CompletableFuture<Void>> starts, Duration timeout) {
    try {
      CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException("Kafka did not start: " + cause, cause);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not start within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Kafka was starting", e);
    }
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException
          || (t.getMessage() != null && t.getMessage().contains("failed to bind"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code count} distinct free ports. Every socket stays open until all are picked: a port closed
   * before the next pick can be handed out again, and two listeners of one node then collide.
   */
  static int[] freePorts(int count) {
    List<ServerSocket> sockets = new ArrayList<>(count);
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    } finally {
      sockets.forEach(EmbeddedKafka::closeQuietly);
    }
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("cannot close port probe {}: {}", socket.getLocalPort(), e.getMessage());
    }
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("embedded-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException e) {
                  LOG.warn("cannot delete {}: {}", path, e.getMessage());
                }
              });
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", dir, e.getMessage());
    }
  }
}
