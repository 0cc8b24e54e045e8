package news.pipeline.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.json.Json;
import news.pipeline.common.model.ClassifiedArticle;
import news.pipeline.common.model.Domains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {
  @TempDir Path dir;

  @Test
  void shouldListBuiltInDomainsWithOtherWhenNoFileIsConfigured() {
    assertThat(ClassifyService.domainIds(PipelineConfig.defaults()))
        .containsExactlyElementsOf(Domains.BUILT_IN);
  }

  /** A user adds 殡葬 to a copy of the taxonomy file; no code changes. */
  @Test
  void shouldClassifyIntoAddedDomainWhenTaxonomyFileAddsIt() throws IOException {
    ObjectNode taxonomy;
    try (InputStream in = Taxonomy.class.getResourceAsStream(Taxonomy.BUILT_IN_RESOURCE)) {
      taxonomy = (ObjectNode) Json.mapper().readTree(in);
    }
    ObjectNode funeral = Json.mapper().createObjectNode();
    funeral.put("id", "funeral-services");
    funeral.put("name", "殡葬服务");
    funeral.put("threshold", 0.5);
    funeral.put("titleWeight", 2.0);
    ObjectNode terms = funeral.putObject("terms");
    terms.put("殡葬", 4).put("殡仪馆", 4).put("公益性公墓", 4).put("火化", 3).put("文明祭扫", 3);
    ((ArrayNode) taxonomy.get("domains")).insert(0, funeral);
    Path file = dir.resolve("taxonomy.json");
    Files.writeString(file, Json.toJson(taxonomy));
    PipelineConfig config = PipelineConfig.defaults().with(Taxonomy.CONFIG_KEY, file.toString());

    assertThat(ClassifyService.domainIds(config)).contains("funeral-services", Domains.OTHER);
    ClassifiedArticle article =
        ArticleClassifier.fromConfig(config)
            .classify(
                Fixtures.raw(
                    "funeral-1",
                    "清明祭扫服务保障有序",
                    "全市各殡仪馆和公益性公墓共接待祭扫群众30万人次，民政部门推行文明祭扫，" + "深化殡葬改革，推动节地生态安葬。"));
    assertThat(article.primaryDomain()).isEqualTo("funeral-services");
  }

  @Test
  void shouldRejectTaxonomyWhenKeyIsMisspelt() throws IOException {
    Path file = dir.resolve("typo.json");
    Files.writeString(
        file,
        "{\"saturation\":4,\"fullShare\":0.3,\"secondaryMinSentences\":2,\"secondaryMinDedicatedHits\":3,\"domains\":[{\"id\":\"other\",\"threshold\":0,"
            + "\"titleWeight\":1,\"terms\":{},\"negativTerms\":[]}]}");
    assertThatThrownBy(() -> Taxonomy.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negativTerms");
  }

  @Test
  void shouldRejectTaxonomyWhenOtherIsMissing() {
    assertThatThrownBy(
            () ->
                Taxonomy.parse(
                    "{\"saturation\":4,\"fullShare\":0.3,\"secondaryMinSentences\":2,\"secondaryMinDedicatedHits\":3,\"domains\":[{\"id\":\"x\",\"threshold\":0.5,"
                        + "\"titleWeight\":1,\"terms\":{\"词\":1}}]}",
                    "test"))
        .hasMessageContaining("other");
  }

  @Test
  void shouldRejectDomainWhenThresholdIsMissing() {
    assertThatThrownBy(
            () ->
                Taxonomy.parse(
                    "{\"saturation\":4,\"fullShare\":0.3,\"secondaryMinSentences\":2,\"secondaryMinDedicatedHits\":3,\"domains\":[{\"id\":\"other\",\"threshold\":0,"
                        + "\"titleWeight\":1},{\"id\":\"x\",\"titleWeight\":1,\"terms\":{\"词\":1}}]}",
                    "test"))
        .hasMessageContaining("threshold");
  }
}
