package news.pipeline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import news.pipeline.common.model.RawArticle;
import news.pipeline.common.testing.SeedFiles;
import news.pipeline.ingest.ArticleReader;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `news-pipeline demo` as a user runs it: its own broker, the seeds, a readable summary. */
class DemoCommandIT {

  @Test
  void shouldNameEverySeedArticleAndExitZeroWhenTheDemoRunsOnTheSeeds() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = NewsPipeline.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int exitCode =
        cli.execute("demo", "--input", SeedFiles.directory().toString(), "--timeout", "PT120S");

    String printed = out.toString();
    assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
    List<String> titles =
        ArticleReader.read(SeedFiles.directory()).articles().stream()
            .map(RawArticle::title)
            .toList();
    assertThat(titles).hasSize(17);
    assertThat(printed).contains(titles);
    assertThat(printed).contains("== policy alerts (news.alerts.policy)").contains("Done in");
  }

  @Test
  void shouldFailWithAClearMessageWhenTheInputDoesNotExist() {
    StringWriter err = new StringWriter();
    CommandLine cli = NewsPipeline.commandLine();
    cli.setErr(new PrintWriter(err));

    int exitCode = cli.execute("demo", "--input", "/no/such/articles");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("no such file or directory: /no/such/articles");
  }
}
