package news.pipeline.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import news.pipeline.common.json.Json;
import news.pipeline.common.model.RawArticle;
import news.pipeline.common.testing.SeedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SplitCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new SplitCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void shouldPrintSeventeenJsonLinesWhenSplittingSeeds() throws Exception {
    List<String> args = new ArrayList<>();
    SeedFiles.textFiles().forEach(p -> args.add(p.toString()));
    assertThat(run(args.toArray(String[]::new))).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(17);
    RawArticle first = Json.mapper().readValue(lines.get(0), RawArticle.class);
    assertThat(first.title()).isEqualTo("湖北省民政厅举办全省养老服务体系建设的培训班");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void shouldPrintGoodArticlesAndOneErrorLineWhenAFileIsCorrupt() throws Exception {
    Path bad = dir.resolve("bad.txt");
    Files.write(bad, new byte[] {'a', (byte) 0xFF, 'b'});
    int code = run(SeedFiles.textFiles().get(0).toString(), bad.toString());
    assertThat(code).isEqualTo(1);
    assertThat(out.toString().lines()).hasSize(4);
    assertThat(err.toString().lines())
        .containsExactly("error: " + bad + ": bad-utf8: invalid UTF-8 at byte 1 (line 1)");
  }
}
