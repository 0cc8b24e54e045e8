package news.pipeline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import news.pipeline.common.json.Json;
import news.pipeline.common.testing.SeedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProcessCommandTest {
  @TempDir Path dir;

  private record Run(int exitCode, List<JsonNode> records, String err) {}

  private static Run process(String... args) throws IOException {
    CommandLine cli = new CommandLine(new ProcessCommand());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    List<JsonNode> records = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        records.add(Json.mapper().readTree(line));
      }
    }
    return new Run(exit, records, err.toString());
  }

  @Test
  void shouldPrintOneClassifiedRecordPerSeedArticleWhenGivenSeedDirectory() throws IOException {
    Run run = process(SeedFiles.directory().toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.records()).hasSize(17);
    for (JsonNode record : run.records()) {
      assertThat(record.get("primaryDomain").asText()).isNotBlank();
      assertThat(record.get("domains").size()).isPositive();
      assertThat(record.get("duplicateOf").isNull()).isTrue();
    }
  }

  @Test
  void shouldKeepGivenIdAndMarkRepostWhenJsonlRepeatsAnArticle() throws IOException {
    String body =
        "近日，区民政局公布社会组织等级评估结果，共有18家社会组织获评3A以上等级。"
            + "评估从基础条件、内部治理、工作绩效和社会评价等方面进行，"
            + "评估结果将作为政府购买服务和表彰奖励的重要参考。";
    Path file = dir.resolve("articles.jsonl");
    Files.writeString(
        file,
        Json.toJson(java.util.Map.of("id", "first", "title", "社会组织评估结果公布", "text", body))
            + "\n"
            + Json.toJson(
                java.util.Map.of(
                    "id", "copy", "title", "区社会组织评估结果出炉", "text", "来源：区政府网\n" + body + "\n责任编辑：李明"))
            + "\n");
    Run run = process(file.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.records())
        .extracting(r -> r.get("id").asText())
        .containsExactly("first", "copy");
    assertThat(run.records().get(0).get("primaryDomain").asText())
        .isEqualTo("social-organizations");
    assertThat(run.records().get(1).get("duplicateOf").asText()).isEqualTo("first");
  }

  @Test
  void shouldReportRefusedLineAndExitNonZeroWhenInputIsBad() throws IOException {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(
        file, "{\"title\":\"低保标准提高\",\"text\":\"城乡最低生活保障标准提高，临时救助同步加强。\"}\n{\"title\":\n");
    Run run = process(file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.records()).hasSize(1);
    assertThat(run.err()).contains("refused").contains("bad.jsonl:2");
  }
}
