package news.pipeline.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.testing.SeedFiles;
import news.pipeline.kafka.embedded.EmbeddedKafka;

/**
 * Measures ingest on the embedded broker: N seed-format files (the seed files with every title made
 * unique), first run, re-run (nothing new) and the start-up of a new instance (ledger load). Not a
 * test: run {@code main} with the test classpath, e.g. {@code N=2000}.
 */
public final class IngestThroughputHarness {
  private IngestThroughputHarness() {}

  public static void main(String[] args) throws Exception {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Path dir = Files.createTempDirectory("ingest-harness-");
    List<Path> seeds = SeedFiles.textFiles();
    for (int i = 0; i < files; i++) {
      String seed = Files.readString(seeds.get(i % seeds.size()), StandardCharsets.UTF_8);
      // Every title line (the line after an attribution or at the top) gets a unique suffix.
      String unique = seed.replace("召开", "召开（" + i + "）").replace("举办", "举办（" + i + "）");
      Files.writeString(dir.resolve("f" + i + ".txt"), unique, StandardCharsets.UTF_8);
    }
    long splitStart = System.nanoTime();
    int articles = ArticleReader.read(dir).articles().size();
    report("read+split only", files, articles, splitStart);

    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      PipelineConfig config =
          PipelineConfig.defaults()
              .with(PipelineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers())
              .with("news.ingest.transactional.id", "harness");
      long start = System.nanoTime();
      try (Ingester ingester = new Ingester(config)) {
        IngestSummary first = ingester.ingest(List.of(dir));
        report("first ingest (" + first.describe() + ")", files, first.read(), start);
        long again = System.nanoTime();
        IngestSummary second = ingester.ingest(List.of(dir));
        report("re-ingest (" + second.describe() + ")", files, second.read(), again);
      }
      long restart = System.nanoTime();
      try (Ingester ingester = new Ingester(config)) {
        System.out.printf(
            "new instance ready (ledger loaded) in %d ms%n",
            (System.nanoTime() - restart) / 1_000_000);
      }
    }
  }

  private static void report(String what, int files, int articles, long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf(
        "%s: %d files, %d articles in %.2f s = %.0f files/s, %.0f articles/s%n",
        what, files, articles, seconds, files / seconds, articles / seconds);
  }
}
