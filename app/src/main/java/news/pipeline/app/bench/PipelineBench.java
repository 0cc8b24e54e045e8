package news.pipeline.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import news.pipeline.app.corpus.GeneratedArticle;
import news.pipeline.app.service.JvmMonitor;
import news.pipeline.app.service.ServiceJvm;
import news.pipeline.classify.ArticleClassifier;
import news.pipeline.classify.ClassifyService;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.kafka.TopicProvisioner;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.RawArticle;
import news.pipeline.enrich.ArticleEnricher;
import news.pipeline.enrich.EnrichService;
import news.pipeline.ingest.IngestSummary;
import news.pipeline.ingest.Ingester;
import news.pipeline.kafka.embedded.EmbeddedKafka;

/**
 * One benchmark run: (a) enrichment alone in this process, then the pipeline with classify and
 * enrich as child JVMs, as deployed: (b) sustained throughput, (c) latency at a fixed rate, by
 * stage, and again far below capacity, (d) heap per service, (e) cost by article length and by
 * stream threads. The in-process figures are taken before any service starts, so the two compete
 * for no CPU.
 */
final class PipelineBench {

  /** What to run; see {@code BenchCommand} for the meaning of each. */
  record Settings(
      int articles,
      int rate,
      Duration rateDuration,
      int quietRate,
      List<Integer> threads,
      List<Integer> lengths,
      int charsPerLength,
      long randomSeed,
      String serviceHeap,
      List<String> serviceJvmOptions,
      Duration timeout,
      int warmup) {}

  private static final int INGEST_CHUNK = 100;
  private static final Duration IDLE_WINDOW = Duration.ofSeconds(5);
  private static final Duration RATE_TICK = Duration.ofMillis(20);
  // Alerts trail the domain copies by a repartition and a commit; a busy machine needs longer.
  private static final Duration ALERT_GRACE = Duration.ofSeconds(30);
  private static final Duration JMX_WITHIN = Duration.ofSeconds(60);

  private final PipelineConfig config;
  private final Path configFile;
  private final Map<String, String> serviceFlags;
  private final boolean embedded;
  private final Settings settings;
  private final Path workDir;
  private final PrintWriter progress;
  private final String runTag;
  private int chunk;

  /**
   * @param configFile the {@code --config} file the services load too, or null
   * @param serviceFlags the command line's settings, passed on to the services
   */
  PipelineBench(
      PipelineConfig config,
      Path configFile,
      Map<String, String> serviceFlags,
      boolean embedded,
      Settings settings,
      Path workDir,
      PrintWriter progress) {
    this.config = config;
    this.configFile = configFile;
    this.serviceFlags = serviceFlags;
    this.embedded = embedded;
    this.settings = settings;
    this.workDir = workDir;
    this.progress = progress;
    this.runTag = "bench-" + Long.toString(System.currentTimeMillis(), 36);
  }

  BenchReport run(List<RawArticle> seeds) throws IOException, InterruptedException {
    Instant startedAt = Instant.now();
    double loadBefore = loadAverage();
    BenchCorpus corpus = BenchCorpus.of(seeds, settings.randomSeed(), 0, runTag + "-");
    int warmupCount = settings.warmup();
    List<GeneratedArticle> warmup = corpus.next(warmupCount);
    List<List<GeneratedArticle>> throughputSets = new ArrayList<>();
    for (int ignored : settings.threads()) {
      throughputSets.add(corpus.next(settings.articles()));
    }
    List<GeneratedArticle> rated = corpus.next(articlesAt(settings.rate()));
    List<GeneratedArticle> quietlyRated =
        settings.quietRate() > 0 ? corpus.next(articlesAt(settings.quietRate())) : List.of();

    ArticleClassifier classifier = ArticleClassifier.fromConfig(config);
    ArticleEnricher enricher = ArticleEnricher.fromConfig(config);
    RawEnrichment raw = new RawEnrichment(enricher);

    step("(a) raw enrichment in-process: warming up on %d articles", warmup.size());
    raw.measure(classify(classifier, warmup), 1);
    List<ClassifiedArticle> mainSet = classify(classifier, throughputSets.get(0));
    Map<Integer, RawEnrichment.Throughput> rawByThreads = new LinkedHashMap<>();
    for (int threads : settings.threads()) {
      RawEnrichment.Throughput measured = raw.measure(mainSet, threads);
      rawByThreads.put(threads, measured);
      step(
          "(a) raw enrichment, %d thread(s): %.1f articles/s, %.0f chars/s, CPU %.2f ms/article",
          threads, measured.articlesPerSec(), measured.charsPerSec(), measured.cpuMsPerArticle());
    }
    List<BenchReport.LengthPoint> byLength = new ArrayList<>();
    for (int length : settings.lengths()) {
      byLength.add(lengthPoint(seeds, length, classifier, raw));
    }

    Map<String, Double> heapMb = new LinkedHashMap<>();
    Map<String, BenchReport.ServiceCost> serviceCost = new LinkedHashMap<>();
    Map<Integer, Double> pipelineByThreads = new LinkedHashMap<>();
    BenchReport.RateRun latency = null;
    BenchReport.RateRun belowCapacity = null;
    try (EmbeddedKafka broker = embedded ? startBroker() : null) {
      PipelineConfig onBroker =
          broker == null
              ? config
              : config.with(PipelineConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
      List<String> domainIds = ClassifyService.domainIds(onBroker);
      TopicProvisioner.ensure(onBroker, Topics.allNames(domainIds));
      PipelineConfig ingestConfig =
          onBroker.with("news.ingest.transactional.id", "news-ingest-" + runTag);
      try (DeliveryWatcher watcher = new DeliveryWatcher(onBroker, domainIds);
          Ingester ingester = new Ingester(ingestConfig)) {
        for (int i = 0; i < settings.threads().size(); i++) {
          int threads = settings.threads().get(i);
          boolean primary = i == 0;
          step(
              "starting classify and enrich with %d stream thread(s), commit interval %d ms",
              threads, config.getLong(PipelineConfig.COMMIT_INTERVAL_MS));
          try (Service classify = startService("classify", onBroker, threads);
              Service enrich = startService("enrich", onBroker, threads)) {
            List<Service> services = List.of(classify, enrich);
            warmUp(
                ingester, watcher, corpus, primary ? warmup : corpus.next(warmupCount), services);
            Map<String, JvmMonitor.Usage> idleFrom = usage(services);
            if (primary) {
              // A quiet window: what the services spend doing nothing (polls, commits, timers).
              LockSupport.parkNanos(IDLE_WINDOW.toNanos());
            }
            Map<String, JvmMonitor.Usage> before = usage(services);
            List<GeneratedArticle> measured = throughputSets.get(i);
            double perSec = throughput(ingester, watcher, measured, services);
            pipelineByThreads.put(threads, perSec);
            step("(b) pipeline, %d thread(s): %.1f articles/s", threads, perSec);
            if (primary) {
              Map<String, JvmMonitor.Usage> after = usage(services);
              for (Service service : services) {
                serviceCost.put(
                    service.service(),
                    cost(
                        idleFrom.get(service.service()),
                        before.get(service.service()),
                        after.get(service.service()),
                        measured.size()));
              }
              latency = fixedRate(ingester, watcher, rated, settings.rate(), perSec, services);
              if (!quietlyRated.isEmpty()) {
                belowCapacity =
                    fixedRate(
                        ingester, watcher, quietlyRated, settings.quietRate(), perSec, services);
              }
              for (Service service : services) {
                heapMb.put(service.service(), service.monitor().heapAfterGcMb());
              }
              step("(d) heap after GC: %s", heapMb);
            }
          }
        }
        if (!watcher.undecodable().isEmpty()) {
          throw new IllegalStateException("undecodable alerts: " + watcher.undecodable());
        }
      }
    }

    int primaryThreads = settings.threads().get(0);
    RawEnrichment.Throughput primaryRaw = rawByThreads.get(primaryThreads);
    double pipeline = pipelineByThreads.get(primaryThreads);
    double ratio = pipeline / primaryRaw.articlesPerSec();
    List<BenchReport.ThreadsPoint> byThreads = new ArrayList<>();
    settings
        .threads()
        .forEach(
            t -> {
              double rawPerSec = rawByThreads.get(t).articlesPerSec();
              double pipePerSec = pipelineByThreads.get(t);
              byThreads.add(
                  new BenchReport.ThreadsPoint(t, rawPerSec, pipePerSec, pipePerSec / rawPerSec));
            });
    BenchReport.Conditions conditions =
        new BenchReport.Conditions(
            settings.articles(),
            (double) primaryRaw.chars() / primaryRaw.articles(),
            settings.rate(),
            settings.rateDuration().toMillis() / 1000.0,
            settings.randomSeed(),
            embedded ? "embedded" : "external " + config.get(PipelineConfig.BOOTSTRAP_SERVERS),
            config.getInt(PipelineConfig.TOPIC_PARTITIONS),
            config.get(PipelineConfig.PROCESSING_GUARANTEE),
            config.getLong(PipelineConfig.COMMIT_INTERVAL_MS),
            settings.serviceHeap(),
            settings.serviceJvmOptions(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
            loadBefore,
            loadAverage());
    return new BenchReport(
        startedAt.toString(),
        conditions,
        primaryRaw.articlesPerSec(),
        primaryRaw.charsPerSec(),
        primaryRaw.cpuMsPerArticle(),
        pipeline,
        ratio,
        latency.domainLatencyMs(),
        latency.alertLatencyMs(),
        latency.stageLatencyMs(),
        latency.utilization(),
        latency.announcements(),
        latency.announcementsMarkedReposts(),
        latency.alertsExpected(),
        latency.alertsSeen(),
        belowCapacity,
        heapMb,
        serviceCost,
        primaryRaw.cpuMsPerArticle() / serviceCost.get("enrich").cpuMsPerArticle(),
        byLength,
        byThreads,
        BenchReport.targets(ratio, latency.alertLatencyMs(), heapMb));
  }

  private BenchReport.LengthPoint lengthPoint(
      List<RawArticle> seeds, int length, ArticleClassifier classifier, RawEnrichment raw)
      throws InterruptedException {
    BenchCorpus corpus =
        BenchCorpus.of(seeds, settings.randomSeed() + length, length, runTag + "-");
    int count = Math.max(3, settings.charsPerLength() / length);
    raw.measure(classify(classifier, corpus.next(Math.max(2, count / 5))), 1);
    List<GeneratedArticle> articles = corpus.next(count);
    long start = System.nanoTime();
    List<ClassifiedArticle> classified = classify(classifier, articles);
    double classifyMs = (System.nanoTime() - start) / 1e6 / count;
    RawEnrichment.Throughput measured = raw.measure(classified, 1);
    double meanChars = (double) measured.chars() / measured.articles();
    double msPerArticle = 1000.0 / measured.articlesPerSec();
    double cpuMsPerArticle = measured.cpuMsPerArticle();
    step(
        "(e) length ≈ %d: %d articles, %.1f articles/s, %.0f chars/s",
        length, count, measured.articlesPerSec(), measured.charsPerSec());
    return new BenchReport.LengthPoint(
        length,
        count,
        meanChars,
        measured.articlesPerSec(),
        measured.charsPerSec(),
        msPerArticle,
        msPerArticle * 1000 / meanChars,
        cpuMsPerArticle,
        cpuMsPerArticle * 1000 / meanChars,
        classifyMs);
  }

  private static List<ClassifiedArticle> classify(
      ArticleClassifier classifier, List<GeneratedArticle> articles) {
    return articles.stream().map(a -> classifier.classify(a.article())).toList();
  }

  private EmbeddedKafka startBroker() {
    step("starting an embedded Kafka broker");
    return EmbeddedKafka.builder().dataDir(workDir.resolve("kafka")).start();
  }

  private int articlesAt(int rate) {
    return (int) Math.max(1, Math.round(rate * settings.rateDuration().toMillis() / 1000.0));
  }

  /** A service's JVM and the monitor that reads its heap and CPU. */
  private record Service(String service, ServiceJvm jvm, JvmMonitor monitor)
      implements AutoCloseable {
    @Override
    public void close() {
      monitor.close();
      jvm.close();
    }
  }

  private Service startService(String service, PipelineConfig onBroker, int threads)
      throws IOException, InterruptedException {
    Map<String, String> flags = new LinkedHashMap<>(serviceFlags);
    flags.put(PipelineConfig.BOOTSTRAP_SERVERS, onBroker.get(PipelineConfig.BOOTSTRAP_SERVERS));
    flags.put(PipelineConfig.STATE_DIR, workDir.resolve("state-" + service).toString());
    flags.put(PipelineConfig.STREAM_THREADS, Integer.toString(threads));
    // Own application ids, so a run on a shared cluster starts with empty stores and reads only
    // this run's articles (the warm-up waits until the services are positioned).
    flags.put(ClassifyService.APPLICATION_ID, "news-classify-" + runTag);
    flags.put(EnrichService.APPLICATION_ID, "news-enrich-" + runTag);
    flags.put("auto.offset.reset", "latest");
    JvmMonitor.Agent agent = JvmMonitor.Agent.onFreePort();
    ServiceJvm jvm =
        new ServiceJvm(
                service + "-t" + threads,
                new ServiceJvm.JvmOptions(settings.serviceHeap(), settings.serviceJvmOptions())
                    .with(agent.jvmOptions()),
                new ServiceJvm.Command(service, configFile, flags),
                workDir)
            .start();
    try {
      return new Service(service, jvm, agent.connect(jvm, JMX_WITHIN));
    } catch (IOException | InterruptedException | RuntimeException e) {
      jvm.kill();
      throw e;
    }
  }

  /**
   * Sends one probe article a second until one reaches a domain topic (the services are then
   * running and positioned at the end of their input), then the warm-up articles, and waits for
   * them: JIT-compiles both services before anything is timed.
   */
  private void warmUp(
      Ingester ingester,
      DeliveryWatcher watcher,
      BenchCorpus probes,
      List<GeneratedArticle> articles,
      List<Service> services)
      throws InterruptedException {
    step("waiting for the services, then warming the pipeline up on %d articles", articles.size());
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    List<String> sent = new ArrayList<>();
    BooleanSupplier anyArrived =
        () -> sent.stream().anyMatch(id -> watcher.firstDelivery(id) != null);
    while (!anyArrived.getAsBoolean()) {
      checkAlive(services);
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "no article reached a domain topic within " + settings.timeout() + logs(services));
      }
      List<GeneratedArticle> probe = probes.next(1);
      ingest(ingester, probe);
      sent.add(probe.get(0).article().id());
      awaitUntil(anyArrived, Duration.ofSeconds(1));
    }
    ingestInChunks(ingester, articles);
    awaitDelivery(watcher, ids(articles), services);
  }

  /** Articles per second from the first ingest to the last article's first domain copy. */
  private double throughput(
      Ingester ingester,
      DeliveryWatcher watcher,
      List<GeneratedArticle> articles,
      List<Service> services)
      throws InterruptedException {
    step("(b) sustained throughput on %d articles", articles.size());
    long start = System.nanoTime();
    ingestInChunks(ingester, articles);
    List<String> ids = ids(articles);
    awaitDelivery(watcher, ids, services);
    long last = ids.stream().mapToLong(watcher::firstDelivery).max().orElseThrow();
    return articles.size() / ((last - start) / 1e9);
  }

  /**
   * Sends articles on a fixed schedule and measures from each article's scheduled time, so a
   * stalled sender cannot hide latency (no coordinated omission): end to end, and by stage from the
   * same send times.
   *
   * @param capacity the pipeline's sustained throughput (b), articles/s
   */
  private BenchReport.RateRun fixedRate(
      Ingester ingester,
      DeliveryWatcher watcher,
      List<GeneratedArticle> articles,
      int rate,
      double capacity,
      List<Service> services)
      throws InterruptedException {
    step(
        "(c) latency: %d articles at %d/s (%.2f of the throughput b)",
        articles.size(), rate, rate / capacity);
    Set<String> announcing =
        articles.stream()
            .filter(a -> a.announcedPolicy() != null && a.repostOf() == null)
            .map(a -> a.article().id())
            .collect(Collectors.toSet());
    watcher.inspect(announcing);
    Map<String, Long> scheduled = sendOnSchedule(ingester, articles, rate);
    List<String> ids = ids(articles);
    awaitDelivery(watcher, ids, services);
    // A repost's policy may have been alerted by its original: await the originals' alerts.
    Set<String> expected =
        announcing.stream()
            .filter(id -> Boolean.FALSE.equals(watcher.markedRepost(id)))
            .collect(Collectors.toSet());
    awaitUntil(
        () ->
            watcher.alerts().stream()
                .map(DeliveryWatcher.Arrival::articleId)
                .collect(Collectors.toSet())
                .containsAll(expected),
        ALERT_GRACE);
    // An article's earlier stages were committed before its domain copy; the watcher may still be
    // handing them over when one poll returned them out of order.
    awaitUntil(
        () ->
            ids.stream()
                .allMatch(
                    id -> watcher.firstRaw(id) != null && watcher.firstClassified(id) != null),
        Duration.ofSeconds(5));

    List<DeliveryWatcher.Arrival> alerts =
        watcher.alerts().stream()
            .filter(alert -> scheduled.containsKey(alert.articleId()))
            .toList();
    long seen =
        alerts.stream()
            .map(DeliveryWatcher.Arrival::articleId)
            .filter(expected::contains)
            .distinct()
            .count();
    Function<String, Long> sent = scheduled::get;
    BenchReport.StageLatency stages =
        new BenchReport.StageLatency(
            between(ids, sent, watcher::firstRaw),
            between(ids, watcher::firstRaw, watcher::firstClassified),
            between(ids, sent, watcher::firstClassified),
            between(ids, watcher::firstClassified, watcher::firstDelivery),
            Latency.of(
                alerts.stream()
                    .filter(alert -> watcher.firstDelivery(alert.articleId()) != null)
                    .map(
                        alert -> (alert.atNanos() - watcher.firstDelivery(alert.articleId())) / 1e6)
                    .toList()));
    BenchReport.RateRun run =
        new BenchReport.RateRun(
            rate,
            articles.size() / (double) rate,
            rate / capacity,
            between(ids, sent, watcher::firstDelivery),
            Latency.of(
                alerts.stream()
                    .map(alert -> (alert.atNanos() - scheduled.get(alert.articleId())) / 1e6)
                    .toList()),
            stages,
            announcing.size(),
            announcing.size() - expected.size(),
            expected.size(),
            (int) seen);
    step(
        "(c) at %d/s: domain latency %s; alert latency %s",
        rate, run.domainLatencyMs(), run.alertLatencyMs());
    return run;
  }

  /** Ingests each article at its turn; returns its scheduled time ({@link System#nanoTime()}). */
  private Map<String, Long> sendOnSchedule(
      Ingester ingester, List<GeneratedArticle> articles, int rate) {
    double intervalNanos = 1e9 / rate;
    long start = System.nanoTime() + RATE_TICK.toNanos();
    Map<String, Long> scheduled = new HashMap<>();
    int sent = 0;
    while (sent < articles.size()) {
      long now = System.nanoTime();
      int due = (int) Math.min(articles.size(), Math.floor((now - start) / intervalNanos) + 1);
      if (due > sent) {
        List<GeneratedArticle> batch = articles.subList(sent, due);
        for (int i = sent; i < due; i++) {
          scheduled.put(articles.get(i).article().id(), start + Math.round(i * intervalNanos));
        }
        ingest(ingester, batch);
        sent = due;
      } else {
        LockSupport.parkNanos(start + Math.round(sent * intervalNanos) - now);
      }
    }
    return scheduled;
  }

  /** Milliseconds from {@code from} to {@code to} for each article that has both. */
  private static Latency between(
      List<String> ids, Function<String, Long> from, Function<String, Long> to) {
    List<Double> millis = new ArrayList<>();
    for (String id : ids) {
      Long start = from.apply(id);
      Long end = to.apply(id);
      if (start != null && end != null) {
        millis.add((end - start) / 1e6);
      }
    }
    return Latency.of(millis);
  }

  private void ingestInChunks(Ingester ingester, List<GeneratedArticle> articles) {
    for (int from = 0; from < articles.size(); from += INGEST_CHUNK) {
      ingest(ingester, articles.subList(from, Math.min(articles.size(), from + INGEST_CHUNK)));
    }
  }

  /** Ingests the articles from a JSON Lines file, as ingest reads any batch of input. */
  private void ingest(Ingester ingester, List<GeneratedArticle> articles) {
    Path file =
        BenchCorpus.writeJsonLines(articles, workDir.resolve("input-" + (++chunk) + ".jsonl"));
    IngestSummary summary = ingester.ingest(List.of(file));
    if (summary.sent() != articles.size()) {
      throw new IllegalStateException(
          "ingest sent " + summary.sent() + " of " + articles.size() + ": " + summary.describe());
    }
  }

  private void awaitDelivery(DeliveryWatcher watcher, List<String> ids, List<Service> services)
      throws InterruptedException {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    while (!watcher.delivered(ids)) {
      checkAlive(services);
      if (System.nanoTime() > deadline) {
        long missing = ids.stream().filter(id -> watcher.firstDelivery(id) == null).count();
        throw new IllegalStateException(
            missing
                + " of "
                + ids.size()
                + " articles did not reach a domain topic within "
                + settings.timeout()
                + logs(services));
      }
      awaitUntil(() -> watcher.delivered(ids), Duration.ofMillis(500));
    }
  }

  /** Checks {@code condition} every few milliseconds until it holds or {@code within} passes. */
  private static void awaitUntil(BooleanSupplier condition, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  private static void checkAlive(List<Service> services) {
    for (Service service : services) {
      if (!service.jvm().isAlive()) {
        throw new IllegalStateException(
            service.jvm().name() + " exited:\n" + service.jvm().logTail());
      }
    }
  }

  private static String logs(List<Service> services) {
    StringBuilder logs = new StringBuilder();
    services.forEach(
        s -> logs.append("\n--- ").append(s.jvm().log()).append(":\n").append(s.jvm().logTail()));
    return logs.toString();
  }

  private static Map<String, JvmMonitor.Usage> usage(List<Service> services) {
    Map<String, JvmMonitor.Usage> usage = new HashMap<>();
    services.forEach(s -> usage.put(s.service(), s.monitor().usage()));
    return usage;
  }

  private static BenchReport.ServiceCost cost(
      JvmMonitor.Usage idleFrom, JvmMonitor.Usage before, JvmMonitor.Usage after, int articles) {
    double idleSeconds = (before.atNanos() - idleFrom.atNanos()) / 1e9;
    return new BenchReport.ServiceCost(
        (after.cpuMs() - before.cpuMs()) / articles,
        (after.jitMs() - before.jitMs()) / articles,
        (after.gcMs() - before.gcMs()) / articles,
        (before.cpuMs() - idleFrom.cpuMs()) / idleSeconds);
  }

  private static List<String> ids(List<GeneratedArticle> articles) {
    return articles.stream().map(a -> a.article().id()).toList();
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private void step(String format, Object... args) {
    progress.printf("bench: " + format + "%n", args);
    progress.flush();
  }

  static Path createWorkDir() throws IOException {
    return Files.createTempDirectory("news-pipeline-bench-");
  }
}
