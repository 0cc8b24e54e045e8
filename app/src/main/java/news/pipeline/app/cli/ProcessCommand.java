package news.pipeline.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import news.pipeline.app.OfflinePipeline;
import news.pipeline.common.cli.ConfigOptions;
import news.pipeline.common.json.Json;
import news.pipeline.ingest.Rejection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code news-pipeline process [FILE|DIR|-]…}: the pipeline offline, one JSON record a line. */
@Command(
    name = "process",
    mixinStandardHelpOptions = true,
    description = {
      "Reads seed-format text, JSONL ({\"id\"?,\"title\",\"text\",…}) or directories of them,"
          + " runs the pipeline without a broker and prints one JSON record per article.",
      "Refused input is reported on stderr; the exit code is 1 when anything was refused."
    })
public final class ProcessCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|DIR|-",
      description = "Input files or directories; - reads standard input.")
  List<String> inputs;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    OfflinePipeline pipeline = new OfflinePipeline(configOptions.load());
    PrintWriter out = spec.commandLine().getOut();
    OfflinePipeline.Summary summary =
        pipeline.run(inputs, System.in, record -> out.println(Json.toJson(record)));
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    for (Rejection rejection : summary.rejections()) {
      err.println("refused " + rejection.describe());
    }
    err.flush();
    return summary.rejections().isEmpty() ? 0 : 1;
  }
}
