package news.pipeline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
            "--quiet-rate",
            "2",
            "--threads",
            "1",
            "--lengths",
            "1000,4000",
            "--chars-per-length",
            "8000",
            "--timeout",
            "PT3M",
            "-D",
            "news.streams.commit.interval.ms=50",
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
            offset(1e-9));
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
    JsonNode stages = json.get("stageLatencyMs");
    for (String stage :
        List.of("ingestToRaw", "rawToClassified", "ingestToClassified", "classifiedToDomain")) {
      assertThat(stages.get(stage).get("count").asInt()).as(stage).isEqualTo(30);
    }
    // Each article reaches the classified topic after the raw one and before a domain topic.
    assertThat(stages.get("ingestToClassified").get("p50").asDouble())
        .isGreaterThan(stages.get("ingestToRaw").get("p50").asDouble())
        .isLessThanOrEqualTo(domain.get("p50").asDouble());
    assertThat(json.get("utilization").asDouble()).isPositive();
    JsonNode quiet = json.get("belowCapacity");
    assertThat(quiet.get("rate").asInt()).isEqualTo(2);
    assertThat(quiet.get("domainLatencyMs").get("count").asInt()).isEqualTo(6);
    assertThat(quiet.get("stageLatencyMs").get("classifiedToDomain").get("count").asInt())
        .isEqualTo(6);
    assertThat(quiet.get("utilization").asDouble())
        .isCloseTo(json.get("utilization").asDouble() / 5, offset(1e-9));
    assertThat(json.get("conditions").get("commitIntervalMs").asLong()).isEqualTo(50);
    assertThat(json.get("heapMb").get("classify").asDouble()).isPositive();
    assertThat(json.get("heapMb").get("enrich").asDouble()).isPositive();
    JsonNode enrichCost = json.get("serviceCost").get("enrich");
    assertThat(enrichCost.get("cpuMsPerArticle").asDouble()).isPositive();
    assertThat(json.get("rawEnrichCpuMsPerArticle").asDouble()).isPositive();
    assertThat(json.get("byLength")).hasSize(2);
    assertThat(json.get("byLength").get(1).get("meanChars").asDouble())
        .isGreaterThan(json.get("byLength").get(0).get("meanChars").asDouble() * 2);
    assertThat(json.get("byThreads")).hasSize(1);
    assertThat(out.toString())
        .contains("| ratio b / a |")
        .contains("(d) heap after GC, enrich")
        .contains("commit interval 50 ms")
        .contains("(c) stage classified → domain")
        .contains("(c) below capacity: ingest → alert at 2/s");
  }
}
