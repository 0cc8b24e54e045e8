package news.pipeline.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.pipeline.common.config.PipelineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The child-JVM launcher: its command line, and real child JVMs that need no broker. */
class ServiceJvmTest {
  @TempDir Path dir;

  @Test
  void shouldGiveEachInstanceItsOwnFilesWhenJvmOptionsNameTheInstance() {
    ServiceJvm.JvmOptions options =
        new ServiceJvm.JvmOptions("256m", List.of("-XX:+UseSerialGC"))
            .with(List.of("-XX:StartFlightRecording=filename={name}.jfr,settings=profile"));

    assertThat(options.arguments("enrich-t2"))
        .containsExactly(
            "-Xmx256m",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:+UseSerialGC",
            "-XX:StartFlightRecording=filename=enrich-t2.jfr,settings=profile");
  }

  @Test
  void shouldPassTheConfigFileUnderTheSettingsWhenOneIsGiven() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(PipelineConfig.COMMIT_INTERVAL_MS, "50");
    settings.put(PipelineConfig.STREAM_THREADS, "2");

    assertThat(
            new ServiceJvm.Command("classify", Path.of("pipeline.properties"), settings)
                .arguments())
        .containsExactly(
            "classify",
            "--config",
            Path.of("pipeline.properties").toAbsolutePath().toString(),
            "-Dnews.streams.commit.interval.ms=50",
            "-Dnews.streams.threads=2");
    assertThat(ServiceJvm.Command.of("enrich", Map.of()).arguments()).containsExactly("enrich");
  }

  @Test
  void shouldPutOperandsAfterTheSettingsWhenACommandReadsFiles() {
    assertThat(
            new ServiceJvm.Command(
                    "ingest",
                    null,
                    Map.of("news.ingest.batch.records", "50"),
                    List.of("seeds/001.txt", "seeds/002.txt"))
                .arguments())
        .containsExactly(
            "ingest", "-Dnews.ingest.batch.records=50", "seeds/001.txt", "seeds/002.txt");
  }

  @Test
  void shouldLogEveryStartAndReportTheExitWhenTheChildEndsBeforeRunning() throws Exception {
    ServiceJvm jvm =
        new ServiceJvm(
            "version-0",
            new ServiceJvm.JvmOptions("64m", List.of()),
            ServiceJvm.Command.of("--version", Map.of()),
            dir.resolve("logs"));

    for (int start = 1; start <= 2; start++) {
      jvm.start();
      assertThat(jvm.awaitRunning(Instant.now().plus(Duration.ofMinutes(1))))
          .as("--version prints no running line")
          .isFalse();
      assertThat(jvm.isAlive()).isFalse();
      assertThat(jvm.exitValue()).isZero();
    }

    String log = Files.readString(jvm.log());
    assertThat(jvm.log()).isEqualTo(dir.resolve("logs").resolve("version-0.log"));
    assertThat(log).contains("---- start 1 at ").contains("---- start 2 at ");
    assertThat(log.indexOf("---- start 2")).isGreaterThan(log.indexOf("---- start 1"));
    assertThat(log).contains("-Xmx64m -XX:+ExitOnOutOfMemoryError --version");
    assertThat(jvm.logTail()).contains("---- start 2");
  }

  @Test
  void shouldEndTheChildWhenStoppedOrKilledBeforeItRuns() throws Exception {
    // Nothing listens on port 1: the service waits for its broker until it is ended.
    ServiceJvm jvm =
        new ServiceJvm(
            "classify-0",
            new ServiceJvm.JvmOptions("128m", List.of("-XX:+UseSerialGC")),
            ServiceJvm.Command.of(
                "classify", Map.of(PipelineConfig.BOOTSTRAP_SERVERS, "127.0.0.1:1")),
            dir);

    jvm.start();
    assertThat(jvm.isAlive()).isTrue();
    jvm.stop();
    assertThat(jvm.isAlive()).isFalse();

    jvm.start();
    assertThat(jvm.isAlive()).isTrue();
    jvm.kill();
    assertThat(jvm.isAlive()).isFalse();
    assertThat(jvm.exitValue()).as("SIGKILL").isEqualTo(128 + 9);
  }
}
