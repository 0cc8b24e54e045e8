package news.pipeline.enrich.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import news.pipeline.common.cli.ConfigOptions;
import news.pipeline.common.json.Json;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.EnrichedArticle;
import news.pipeline.common.model.Official;
import news.pipeline.common.model.Policy;
import news.pipeline.common.model.Region;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code news-pipeline tail DOMAIN}: follows one domain topic, one readable line per article. */
@Command(
    name = "tail",
    mixinStandardHelpOptions = true,
    description = "Follows news.domain.DOMAIN: time, region, title, officials, policies.")
public final class TailCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions;

  @Parameters(index = "0", paramLabel = "DOMAIN", description = "Domain id, e.g. elderly-meals.")
  String domain;

  @Option(names = "--from-beginning", description = "Start at the oldest article, not now.")
  boolean fromBeginning;

  @Option(
      names = "--region",
      paramLabel = "NAME",
      description = "Only articles whose region names this (湖北, 湖北省, 苏州, 全国).")
  String region;

  @Option(names = "--json", description = "Print each article as its JSON record.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (TopicFollower<EnrichedArticle> follower =
        new TopicFollower<>(configOptions.load(), Topics.domain(domain), fromBeginning)) {
      Runtime.getRuntime().addShutdownHook(new Thread(follower::wakeup, "tail-shutdown"));
      follower.run(
          true,
          record -> {
            EnrichedArticle article = record.value();
            if (matchesRegion(article.region(), region)) {
              out.println(json ? Json.toJson(article) : line(article));
              out.flush();
            }
          },
          err::println);
    }
    return 0;
  }

  static boolean matchesRegion(Region region, String wanted) {
    if (wanted == null || wanted.isBlank()) {
      return true;
    }
    if (wanted.equals("全国") || wanted.equalsIgnoreCase("national")) {
      return "national".equals(region.level());
    }
    return Stream.of(region.province(), region.city(), region.county())
        .anyMatch(name -> name != null && name.startsWith(wanted.strip()));
  }

  static String line(EnrichedArticle article) {
    String when =
        article.publishedAt() != null
            ? article.publishedAt().toString()
            : article.ingestedAt() != null ? article.ingestedAt().toString().substring(0, 16) : "-";
    String officials =
        article.entities().officials().stream()
            .map(TailCommand::official)
            .collect(Collectors.joining("、"));
    String policies =
        article.entities().policies().stream()
            .map(p -> "《" + p.title() + "》" + (p.announced() ? announced(p) : ""))
            .collect(Collectors.joining(" "));
    return String.join(
            "  ",
            when,
            "[" + regionName(article.region()) + "]",
            article.title(),
            officials.isEmpty() ? "" : "官员: " + officials,
            policies.isEmpty() ? "" : "政策: " + policies)
        .strip();
  }

  private static String official(Official official) {
    String title = official.title() == null ? "" : official.title();
    String organization = official.organization() == null ? "" : official.organization();
    String detail = organization + title;
    return detail.isEmpty() ? official.name() : official.name() + "(" + detail + ")";
  }

  private static String announced(Policy policy) {
    return "[" + (policy.action() == null ? "发布" : policy.action()) + "]";
  }

  static String regionName(Region region) {
    if ("national".equals(region.level())) {
      return "全国";
    }
    if (region.province() == null) {
      return "未知";
    }
    StringBuilder name = new StringBuilder(region.province());
    if (region.city() != null && !region.city().equals(region.province())) {
      name.append(region.city());
    }
    if (region.county() != null) {
      name.append(region.county());
    }
    return name.toString();
  }
}
