package news.pipeline.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import news.pipeline.common.config.PipelineConfig;
import news.pipeline.common.json.Json;
import news.pipeline.common.model.Domains;

/**
 * The product's taxonomy as data: the built-in resource, or a file named by {@code
 * news.classify.taxonomy}. Adding a domain is an edit to that file, never to code.
 *
 * @param saturation the term mass at which a domain's evidence is 63% "saturated" (1-e^-1)
 * @param fullShare the share of an article's matched mass at which a domain counts as fully
 *     covered; below it the score falls proportionally, so a passing mention in a report about
 *     something else stays a mention
 * @param secondaryMinSentences how many sentences (the title is one) a domain other than the
 *     primary must be matched in to be labelled too
 * @param secondaryMinDedicatedHits or how many term hits it needs in one sentence it dominates
 * @param domains the domains; {@code other} is the fallback and gets no threshold of its own
 */
public record Taxonomy(
    double saturation,
    double fullShare,
    int secondaryMinSentences,
    int secondaryMinDedicatedHits,
    List<DomainDefinition> domains) {
  public static final String CONFIG_KEY = "news.classify.taxonomy";
  public static final String BUILT_IN_RESOURCE = "/news/pipeline/classify/taxonomy.json";

  public Taxonomy {
    if (saturation <= 0 || fullShare <= 0 || fullShare > 1) {
      throw new IllegalArgumentException(
          "taxonomy needs saturation > 0 and fullShare in (0,1], not "
              + saturation
              + " / "
              + fullShare);
    }
    if (secondaryMinSentences < 0 || secondaryMinDedicatedHits < 0) {
      throw new IllegalArgumentException("secondary label minimums must not be negative");
    }
    domains = List.copyOf(domains);
    Set<String> ids = new HashSet<>();
    for (DomainDefinition domain : domains) {
      if (!ids.add(domain.id())) {
        throw new IllegalArgumentException("taxonomy lists domain '" + domain.id() + "' twice");
      }
    }
    if (!ids.contains(Domains.OTHER)) {
      throw new IllegalArgumentException("taxonomy must define the fallback domain 'other'");
    }
  }

  /** The configured taxonomy: {@code news.classify.taxonomy} if set, else the built-in one. */
  public static Taxonomy fromConfig(PipelineConfig config) {
    return config.has(CONFIG_KEY) ? read(config.getPath(CONFIG_KEY)) : builtIn();
  }

  public static Taxonomy builtIn() {
    try (InputStream in = Taxonomy.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("built-in taxonomy " + BUILT_IN_RESOURCE + " is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Taxonomy read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read taxonomy " + file + ": " + e.getMessage());
    }
  }

  public static Taxonomy parse(String json, String origin) {
    try {
      // A misspelt key must fail loudly, not silently drop a domain's terms.
      return Json.mapper()
          .readerFor(Taxonomy.class)
          .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .readValue(json);
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException(
          "taxonomy " + origin + " is invalid at " + path(e) + ": " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "taxonomy " + origin + " is invalid: " + e.getOriginalMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "taxonomy " + origin + " is invalid: " + e.getMessage(), e);
    }
  }

  /** Where in the file the problem is, e.g. {@code domains[2].threshold}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "the top level" : path.toString();
  }

  /** Every domain id, {@code other} included, in file order. */
  public List<String> domainIds() {
    return domains.stream().map(DomainDefinition::id).toList();
  }
}
