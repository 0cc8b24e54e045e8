package news.pipeline.app;

import news.pipeline.app.cli.VersionProvider;
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
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // User errors are one clear line, never a stack trace.
    cli.setExecutionExceptionHandler(
        (e, command, parseResult) -> {
          command.getErr().println(command.getColorScheme().errorText("error: " + e.getMessage()));
          return 2;
        });
    return cli;
  }
}
