package news.pipeline.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import news.pipeline.app.chaos.ChaosReport;
import news.pipeline.app.chaos.ChaosRun;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.json.Json;
import news.pipeline.common.testing.SeedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI-sized chaos runs: classify and enrich as two child JVMs each, SIGKILLed at random every
 * 10-20 s while articles flow, every output checked record for record. One embedded broker node
 * here to fit the CI budget on two cores; {@code news-pipeline chaos} runs three by default.
 */
class ChaosIT {
  @TempDir Path workDir;

  @Test
  void shouldLoseAndDuplicateNothingWhenInstancesAreKilledUnderExactlyOnce() throws Exception {
    ChaosReport report = run("exactly_once_v2", Duration.ofSeconds(60), Map.of());

    assertThat(report.produced()).isEqualTo(1200);
    assertThat(report.kills()).isGreaterThanOrEqualTo(3);
    assertThat(report.lost()).isZero();
    assertThat(report.duplicated()).isZero();
    assertThat(report.duplicateAlerts()).isZero();
    assertThat(report.outOfOrder()).isZero();
    assertThat(report.missingAlerts()).isZero();
    assertThat(report.passed()).isTrue();
  }

  /**
   * Tests the test: the same kills under at-least-once must show up as duplicates, or the verifier
   * could not see them. A long commit interval (Kafka's own at-least-once default is 30 s) leaves
   * processed but uncommitted records at every kill, which the restarted instance processes again.
   */
  @Test
  void shouldDetectDuplicatesWhenInstancesAreKilledUnderAtLeastOnce() throws Exception {
    ChaosReport report =
        run(
            "at_least_once",
            Duration.ofSeconds(40),
            Map.of(PipelineConfig.COMMIT_INTERVAL_MS, "20000"));

    assertThat(report.kills()).isGreaterThanOrEqualTo(2);
    assertThat(report.lost()).isZero();
    assertThat(report.duplicated()).isPositive();
    assertThat(report.passed()).as("at-least-once allows duplicates, not loss").isTrue();
  }

  private ChaosReport run(String guarantee, Duration feedFor, Map<String, String> settings)
      throws Exception {
    ChaosReport report =
        new ChaosRun(
                new ChaosRun.Plan(
                    guarantee,
                    (int) (20 * feedFor.toSeconds()),
                    feedFor,
                    1,
                    2,
                    2,
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(20),
                    Duration.ofMinutes(8),
                    42,
                    SeedFiles.directory(),
                    workDir,
                    settings))
            .run();
    System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
    return report;
  }
}
