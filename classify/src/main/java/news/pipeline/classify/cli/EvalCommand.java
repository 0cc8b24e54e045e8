package news.pipeline.classify.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import news.pipeline.classify.ArticleClassifier;
import news.pipeline.classify.Evaluation;
import news.pipeline.classify.LabeledArticle;
import news.pipeline.common.cli.ConfigOptions;
import news.pipeline.common.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code news-pipeline eval LABELED.jsonl…}: how well the classifier agrees with people. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Classifies labeled articles and reports per-domain precision/recall/F1, macro-F1, primary"
          + " accuracy and the confusion matrix.",
      "Each line: {\"id\":…,\"title\":…,\"text\":…,\"labels\":[…],\"primary\":…}."
    })
public final class EvalCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions;

  @Parameters(arity = "1..*", paramLabel = "LABELED.jsonl", description = "Labeled JSONL files.")
  List<Path> files;

  @Option(names = "--json", description = "Print the report as one JSON object.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ArticleClassifier classifier = ArticleClassifier.fromConfig(configOptions.load());
    List<LabeledArticle> articles = new ArrayList<>();
    for (Path file : files) {
      articles.addAll(Evaluation.read(file));
    }
    Evaluation evaluation = Evaluation.run(classifier, articles);
    spec.commandLine().getOut().print(json ? Json.toJson(evaluation) + "\n" : evaluation.toText());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
