package news.pipeline.ingest.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import news.pipeline.common.json.Json;
import news.pipeline.common.model.RawArticle;
import news.pipeline.ingest.ArticleReader;
import news.pipeline.ingest.ReadResult;
import news.pipeline.ingest.Rejection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code news-pipeline split FILE…}: the articles in files, as JSON Lines, without a broker. */
@Command(
    name = "split",
    mixinStandardHelpOptions = true,
    description = {
      "Reads seed-format text, JSON and JSON Lines files (directories recursively) and prints the"
          + " articles found as JSON Lines, one raw article per line. Needs no broker.",
      "Refused input is reported on stderr, one line each: FILE[:LINE]: REASON: DETAIL."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:every input was read and at least one article printed",
      "1:a file, line or article was refused, or no article was found (articles found are"
          + " still printed)",
      "2:bad usage"
    })
public final class SplitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or directories to read.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int articles = 0;
    int rejections = 0;
    for (Path file : files) {
      ReadResult result = ArticleReader.read(file);
      for (RawArticle article : result.articles()) {
        out.println(Json.toJson(article));
        articles++;
      }
      for (Rejection rejection : result.rejections()) {
        err.println("error: " + rejection.describe());
        rejections++;
      }
    }
    out.flush();
    if (articles == 0 && rejections == 0) {
      err.println("error: no articles found");
    }
    return articles > 0 && rejections == 0 ? 0 : 1;
  }
}
