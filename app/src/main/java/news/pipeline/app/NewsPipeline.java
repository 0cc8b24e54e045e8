package news.pipeline.app;

import news.pipeline.app.bench.BenchCommand;
import news.pipeline.app.chaos.ChaosCommand;
import news.pipeline.app.cli.ProcessCommand;
import news.pipeline.app.cli.VersionProvider;
import news.pipeline.classify.cli.ClassifyCommand;
import news.pipeline.classify.cli.EvalCommand;
import news.pipeline.enrich.cli.AlertsCommand;
import news.pipeline.enrich.cli.EnrichCommand;
import news.pipeline.enrich.cli.TailCommand;
import news.pipeline.ingest.cli.IngestCommand;
import news.pipeline.ingest.cli.SplitCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code news-pipeline} command line: one entry point for every service and tool. */
@Command(
    name = "news-pipeline",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Watches Chinese civil-affairs (民政) news: ingest, classify, enrich, alert.",
    subcommands = {CommandLine.HelpCommand.class})
public final class NewsPipeline {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests execute it in-process. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new NewsPipeline());
    // Each service module owns its commands; registration order is the order `--help` lists.
    // (registered subcommands)
    cli.addSubcommand(new DemoCommand());
    cli.addSubcommand(new SplitCommand());
    cli.addSubcommand(new IngestCommand());
    cli.addSubcommand(new ClassifyCommand());
    cli.addSubcommand(new EvalCommand());
    cli.addSubcommand(new ProcessCommand());
    cli.addSubcommand(new EnrichCommand());
    cli.addSubcommand(new TailCommand());
    cli.addSubcommand(new AlertsCommand());
    cli.addSubcommand(new ChaosCommand());
    cli.addSubcommand(new BenchCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // User errors are one clear line, never a stack trace.
    cli.setExecutionExceptionHandler(
        (e, command, parseResult) -> {
          command.getErr().println(command.getColorScheme().errorText("error: " + oneLine(e)));
          return 2;
        });
    return cli;
  }

  /**
   * The error's message, ending with its innermost cause's when that says more: a refused TLS
   * handshake reads "SSL handshake failed" at the top and why (an untrusted certificate path, the
   * broker's "bad_certificate" alert) only at the bottom of the chain.
   */
  static String oneLine(Throwable error) {
    String message = String.valueOf(error.getMessage());
    Throwable innermost = error;
    while (innermost.getCause() != null && innermost.getCause() != innermost) {
      innermost = innermost.getCause();
    }
    String why = innermost.getMessage();
    return innermost == error || why == null || message.contains(why)
        ? message
        : message + ": " + why;
  }
}
