package news.pipeline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import news.pipeline.app.NewsPipeline;
import news.pipeline.common.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The bench command end to end at a tiny scale: embedded broker, classify and enrich as child JVMs,
 * every phase; proves the command and the report's shape, not the figures.
 */
class BenchCommandIT {

  @Test
  void shouldWriteEveryMeasureWhenRunOnTheEmbeddedBroker(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("bench.json");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = NewsPipeline.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int exit =
        cli.execute(
            "bench",
            "--articles",
            "10",
            "--rate",
            "10",
            "--rate-duration",
            "PT3S",
            "--threads",
            "1",
            "--lengths",
            "1000,4000",
            "--chars-per-length",
            "8000",
            "--timeout",
            "PT3M",
            "--work-dir",
            dir.resolve("work").toString(),
            "--report",
            report.toString());

    assertThat(exit).as(out + "\n" + err).isZero();
    JsonNode json = Json.mapper().readTree(Files.readString(report));
    assertThat(json.get("rawEnrichArticlesPerSec").asDouble()).isPositive();
    assertThat(json.get("pipelineArticlesPerSec").asDouble()).isPositive();
    assertThat(json.get("ratio").asDouble())
        .isCloseTo(
            json.get("pipelineArticlesPerSec").asDouble()
                / json.get("rawEnrichArticlesPerSec").asDouble(),
            org.assertj.core.data.Offset.offset(1e-9));
    JsonNode domain = json.get("domainLatencyMs");
    assertThat(domain.get("count").asInt()).isEqualTo(30);
    assertThat(domain.get("p50").asDouble())
        .isPositive()
        .isLessThanOrEqualTo(domain.get("p95").asDouble());
    assertThat(domain.get("p95").asDouble()).isLessThanOrEqualTo(domain.get("p99").asDouble());
    assertThat(json.get("alertsSeen").asInt()).isEqualTo(json.get("alertsExpected").asInt());
    if (json.get("alertsExpected").asInt() > 0) {
      assertThat(json.get("alertLatencyMs").get("p99").asDouble()).isPositive();
    }
    assertThat(json.get("heapMb").get("classify").asDouble()).isPositive();
    assertThat(json.get("heapMb").get("enrich").asDouble()).isPositive();
    JsonNode enrichCost = json.get("serviceCost").get("enrich");
    assertThat(enrichCost.get("cpuMsPerArticle").asDouble()).isPositive();
    assertThat(json.get("rawEnrichCpuMsPerArticle").asDouble()).isPositive();
    assertThat(json.get("byLength")).hasSize(2);
    assertThat(json.get("byLength").get(1).get("meanChars").asDouble())
        .isGreaterThan(json.get("byLength").get(0).get("meanChars").asDouble() * 2);
    assertThat(json.get("byThreads")).hasSize(1);
    assertThat(out.toString()).contains("| ratio b / a |").contains("(d) heap after GC, enrich");
  }
}
