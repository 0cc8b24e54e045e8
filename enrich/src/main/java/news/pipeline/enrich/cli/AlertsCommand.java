package news.pipeline.enrich.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import news.pipeline.common.cli.ConfigOptions;
import news.pipeline.common.json.Json;
import news.pipeline.common.kafka.Topics;
import news.pipeline.common.model.PolicyAlert;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code news-pipeline alerts}: the policy alerts so far, and with --follow the ones to come. */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = "Prints the policy alerts on news.alerts.policy, oldest first.")
public final class AlertsCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions;

  @Option(names = "--follow", description = "Keep printing new alerts until interrupted.")
  boolean follow;

  @Option(names = "--json", description = "Print each alert as its JSON record.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (TopicFollower<PolicyAlert> follower =
        new TopicFollower<>(configOptions.load(), Topics.POLICY_ALERTS, true)) {
      if (follow) {
        Runtime.getRuntime().addShutdownHook(new Thread(follower::wakeup, "alerts-shutdown"));
      }
      follower.run(
          follow,
          record -> {
            out.println(json ? Json.toJson(record.value()) : line(record.value()));
            out.flush();
          },
          spec.commandLine().getErr()::println);
    }
    return 0;
  }

  static String line(PolicyAlert alert) {
    StringBuilder line = new StringBuilder();
    line.append(alert.firstSeenAt().toString(), 0, 16).append("  ");
    line.append("[").append(TailCommand.regionName(alert.region())).append("]  ");
    line.append("《").append(alert.policyTitle()).append("》");
    if (alert.issuer() != null) {
      line.append("  ").append(alert.issuer());
    }
    if (alert.action() != null) {
      line.append(" ").append(alert.action());
    }
    if ("draft".equals(alert.status())) {
      line.append("  征求意见稿");
      if (alert.deadline() != null) {
        line.append(" 截止 ").append(alert.deadline());
      }
    }
    line.append("  ← ").append(alert.articleTitle());
    return line.toString();
  }
}
