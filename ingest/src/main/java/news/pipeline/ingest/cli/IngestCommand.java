package news.pipeline.ingest.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import news.pipeline.common.cli.ConfigOptions;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.ingest.IngestListener;
import news.pipeline.ingest.IngestService;
import news.pipeline.ingest.IngestSummary;
import news.pipeline.ingest.Ingester;
import news.pipeline.ingest.Rejection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code news-pipeline ingest}: files once, or a watched directory, feeds and HTTP until stopped.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Sends articles to news.articles.raw exactly once: what was sent before (by any earlier run)"
          + " is skipped. Files and directories are read, sent and summarized; with --watch, --feed"
          + " or --http-port ingest keeps running until interrupted.",
      "Refused input is reported on stderr (FILE[:LINE]: REASON: DETAIL) and sent to news.dlq."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:everything read was sent or had been sent before",
      "1:some input was refused (the rest was sent)",
      "2:bad usage, or Kafka could not be used"
    })
public final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOptions config;

  @Option(
      names = "--watch",
      paramLabel = "DIR",
      description = "Ingest new and changed files of DIR.")
  Path watch;

  @Option(
      names = "--feed",
      paramLabel = "URL",
      description = "Poll this RSS/Atom feed (repeatable).")
  List<URI> feeds = new ArrayList<>();

  @Option(names = "--http-port", paramLabel = "N", description = "Accept POST /articles on port N.")
  Integer httpPort;

  @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files or directories to ingest.")
  List<Path> files = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PipelineConfig settings = config.load();
    PrintWriter err = spec.commandLine().getErr();
    boolean continuous =
        watch != null
            || !feeds.isEmpty()
            || httpPort != null
            || settings.has(IngestService.WATCH_DIR)
            || settings.has("news.ingest.feeds")
            || settings.has("news.ingest.http.port");
    if (!continuous && files.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "nothing to ingest: give FILEs, --watch, --feed or --http-port");
    }
    if (!continuous) {
      try (Ingester ingester = new Ingester(settings)) {
        return ingestFiles(ingester, err);
      }
    }
    IngestService service = IngestService.start(settings, watch, feeds, httpPort);
    Thread hook = new Thread(service::close, "ingest-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    int code = files.isEmpty() ? 0 : ingestFiles(service.ingester(), err);
    err.println("ingest running; stop with Ctrl-C");
    err.flush();
    service.awaitStop();
    return code;
  }

  private int ingestFiles(Ingester ingester, PrintWriter err) {
    Progress progress = new Progress(err);
    IngestSummary summary = ingester.ingest(files, progress);
    err.println("ingest: " + summary.describe());
    err.flush();
    return summary.rejected() == 0 ? 0 : 1;
  }

  /** Errors as they come; a progress line at most every two seconds for long runs. */
  private static final class Progress implements IngestListener {
    private static final Duration EVERY = Duration.ofSeconds(2);
    private final PrintWriter err;
    private long lastReport = System.nanoTime();

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void rejected(Rejection rejection) {
      err.println("error: " + rejection.describe());
      err.flush();
    }

    @Override
    public void fileDone(Path file, int filesDone, int filesTotal, IngestSummary soFar) {
      long now = System.nanoTime();
      if (now - lastReport >= EVERY.toNanos() && filesDone < filesTotal) {
        lastReport = now;
        err.printf("ingest: %d/%d files, %s%n", filesDone, filesTotal, soFar.describe());
        err.flush();
      }
    }
  }
}
