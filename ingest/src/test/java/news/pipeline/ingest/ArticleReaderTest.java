package news.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.OptionalInt;
import news.pipeline.common.model.RawArticle;
import news.pipeline.common.testing.SeedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleReaderTest {
  @TempDir Path dir;

  private static ReadResult readJson(String content) {
    return ArticleReader.read(
        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "test");
  }

  @Test
  void shouldReadGoodLinesAndRejectBadOnesWhenJsonLinesMixBoth() {
    ReadResult result =
        readJson(
            """
            {"title":"民政部召开会议","text":"会议部署养老服务工作。","source":"民政部","url":"https://www.mca.gov.cn/1","publishedAt":"2024-03-20"}
            {"title": "缺少引号, "text": 1}

            {"title":"只有标题"}
            {"title":"标题","text":"   "}
            ["not", "an", "object"]
            {"id":42,"title":"社会救助","text":"低保标准提高。","publishedAt":"三月"}
            {"id":"a-7","title":"社会救助","text":"低保标准提高。","publishedAt":"2024-03-20T10:00:00+08:00"}
            """);

    assertThat(result.articles()).hasSize(2);
    RawArticle first = result.articles().get(0);
    assertThat(first.id()).isEqualTo("https://www.mca.gov.cn/1");
    assertThat(first.source()).isEqualTo("民政部");
    assertThat(first.publishedAt()).isEqualTo(LocalDate.of(2024, 3, 20));
    assertThat(first.origin()).isEqualTo("test");
    assertThat(result.articles().get(1).id()).isEqualTo("a-7");
    assertThat(result.rejections())
        .extracting(Rejection::describe)
        .containsExactly(
            "test:2: bad-json: Unexpected character ('t' (code 116)): was expecting comma to separate Object entries",
            "test:4: schema: missing \"text\"",
            "test:5: empty: article \"标题\" has no text",
            "test:6: schema: expected a JSON object, found an array",
            "test:7: schema: \"publishedAt\" is not an ISO date (2024-03-20) or date-time: \"三月\"");
  }

  @Test
  void shouldReadArrayWhenJsonFileHoldsSeveralArticles() throws IOException {
    Path file = dir.resolve("dump.json");
    Files.writeString(
        file,
        """
        [
          {"title": "民政部召开会议", "text": "会议部署养老服务工作。"},
          {"title": "上海推进老年助餐", "text": "全市社区长者食堂达到400家。"}
        ]
        """);
    assertThat(ArticleReader.read(file).articles())
        .extracting(RawArticle::title)
        .containsExactly("民政部召开会议", "上海推进老年助餐");
  }

  @Test
  void shouldReadPrettyPrintedObjectWhenJsonFileHoldsOneArticle() throws IOException {
    Path file = dir.resolve("one.json");
    Files.writeString(file, "{\n  \"title\": \"民政部召开会议\",\n  \"text\": \"会议部署养老服务工作。\"\n}\n");
    ReadResult result = ArticleReader.read(file);
    assertThat(result.rejections()).isEmpty();
    assertThat(result.articles()).hasSize(1);
  }

  @Test
  void shouldRejectFileNamingByteAndLineWhenUtf8IsInvalid() throws IOException {
    Path file = dir.resolve("broken.txt");
    byte[] good = "民政部召开会议\n\n会议部署养老服务工作。\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[good.length + 2];
    System.arraycopy(good, 0, bytes, 0, good.length);
    bytes[good.length] = (byte) 0xC3;
    bytes[good.length + 1] = '(';
    Files.write(file, bytes);

    ReadResult result = ArticleReader.read(file);

    assertThat(result.articles()).isEmpty();
    assertThat(result.rejections())
        .extracting(Rejection::describe)
        .containsExactly(file + ": bad-utf8: invalid UTF-8 at byte " + good.length + " (line 4)");
  }

  @Test
  void shouldRejectBinaryFileWhenItHasNulBytes() throws IOException {
    Path file = dir.resolve("scan.pdf");
    Files.write(file, new byte[] {'%', 'P', 'D', 'F', 0, 1, 2});
    assertThat(ArticleReader.read(file).rejections())
        .extracting(Rejection::code)
        .containsExactly("binary");
  }

  @Test
  void shouldRejectFileWhenItIsEmptyOrMissing() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.txt"), "  \n\n");
    assertThat(ArticleReader.read(empty).rejections())
        .extracting(Rejection::describe)
        .containsExactly(empty + ": empty: no articles: the file is empty");
    Path missing = dir.resolve("missing.txt");
    assertThat(ArticleReader.read(missing).rejections())
        .extracting(Rejection::describe)
        .containsExactly(missing + ": unreadable: no such file or directory");
  }

  @Test
  void shouldRejectArticleWhenTextIsOverTheCap() {
    ReadOptions options =
        new ReadOptions(10, 1 << 20, OptionalInt.empty(), java.time.Clock.systemUTC());
    Reading reading =
        ArticleReader.read(
            new ByteArrayInputStream(
                "{\"title\":\"标题\",\"text\":\"这是一段超过十个字符的正文内容。\"}"
                    .getBytes(StandardCharsets.UTF_8)),
            "http",
            options);
    assertThat(reading.toResult().rejections())
        .extracting(Rejection::describe)
        .containsExactly("http:1: too-large: text is 16 characters, over the 10 limit");
  }

  @Test
  void shouldReadDirectoryRecursivelyAndSkipHiddenFilesWhenGivenAFolder() throws IOException {
    Path nested = Files.createDirectories(dir.resolve("a/b"));
    Files.copy(SeedFiles.textFiles().get(0), nested.resolve("seed.txt"));
    Files.writeString(dir.resolve(".hidden.txt"), "不是文章");
    Files.writeString(dir.resolve("partial.txt.part"), "不是文章");
    ReadResult result = ArticleReader.read(dir);
    assertThat(result.articles()).hasSize(4);
    assertThat(result.rejections()).isEmpty();
    assertThat(result.articles().get(0).origin()).isEqualTo(nested.resolve("seed.txt").toString());
  }

  @Test
  void shouldUseReferenceYearWhenLeadStatesOnlyMonthAndDay() {
    ReadOptions options =
        new ReadOptions(100_000, 1 << 20, OptionalInt.of(2024), java.time.Clock.systemUTC());
    Reading reading = ArticleReader.read(SeedFiles.textFiles().get(1), options);
    RawArticle hubei = reading.articles().get(1);
    assertThat(hubei.title()).isEqualTo("湖北省民政厅举办全省社会事务工作培训班");
    assertThat(hubei.publishedAt()).isEqualTo(LocalDate.of(2024, 3, 20));
    assertThat(ArticleReader.read(SeedFiles.textFiles().get(1)).articles().get(1).publishedAt())
        .isNull();
  }
}
