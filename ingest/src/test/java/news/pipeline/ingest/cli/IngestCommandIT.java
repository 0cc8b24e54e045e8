package news.pipeline.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import news.pipeline.kafka.embedded.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IngestCommandIT {
  @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int ingest(String... files) {
    CommandLine cli = new CommandLine(new IngestCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] args = new String[files.length + 4];
    args[0] = "--bootstrap-servers=" + KAFKA.bootstrapServers();
    args[1] = "-Dnews.ingest.transactional.id=cli-it-" + UUID.randomUUID();
    args[2] = "-Dnews.topic.partitions=1";
    args[3] = "-Dnews.state.dir=" + dir.resolve("state");
    System.arraycopy(files, 0, args, 4, files.length);
    return cli.execute(args);
  }

  @Test
  void shouldReportOneClearErrorAndSendGoodArticlesWhenAFileIsCorrupt() throws Exception {
    String token = UUID.randomUUID().toString();
    Path good = dir.resolve("good.txt");
    Files.writeString(
        good,
        "民政局推进社区养老服务 "
            + token
            + "\n\n近日，某区民政局推进社区养老服务，新建长者食堂10家。\n\n"
            + "救助管理站开展寒冬送温暖专项行动 "
            + token
            + "\n\n近日，救助管理站开展寒冬送温暖专项行动，救助流浪乞讨人员。\n",
        StandardCharsets.UTF_8);
    Path bad = dir.resolve("scan.doc");
    Files.write(bad, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0});

    assertThat(ingest(good.toString(), bad.toString())).isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "error: " + bad + ": binary: binary content (NUL byte at offset 4), not a text file",
            "ingest: read 2, sent 2, already sent 0, rejected 1");

    err.getBuffer().setLength(0);
    assertThat(ingest(good.toString())).isZero();
    assertThat(err.toString().lines())
        .containsExactly("ingest: read 2, sent 0, already sent 2, rejected 0");
  }
}
