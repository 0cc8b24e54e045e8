package news.pipeline.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import news.pipeline.app.bench.BenchCorpus;
import news.pipeline.ingest.ArticleReader;
import news.pipeline.ingest.ReadResult;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingest's reader on seed-format text: one operation reads one seed file (decoding, splitting into
 * articles, cleaning, bylines, dates); {@code articles} counts the articles it yields, so the
 * result reads per file and per article.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx512m"})
@State(Scope.Thread)
public class SplitterBenchmark {
  private final List<byte[]> files = new ArrayList<>();
  private int next;

  /** Articles read, reported per second beside the files. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counts {
    public long articles;

    @Setup(Level.Iteration)
    public void reset() {
      articles = 0;
    }
  }

  @Setup
  public void setUp() throws IOException {
    try (Stream<Path> paths = Files.list(BenchCorpus.locateSeeds())) {
      for (Path path : paths.sorted().toList()) {
        files.add(Files.readAllBytes(path));
      }
    }
  }

  @Benchmark
  public ReadResult splitSeedFile(Counts counts) {
    byte[] file = files.get(next);
    next = (next + 1) % files.size();
    ReadResult read = ArticleReader.read(new ByteArrayInputStream(file), "seed-" + next);
    counts.articles += read.articles().size();
    return read;
  }
}
