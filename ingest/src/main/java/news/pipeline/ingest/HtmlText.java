package news.pipeline.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Feed content is HTML; articles are plain text with one paragraph per line. */
final class HtmlText {
  private HtmlText() {}

  static String toText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
              out.append(text.text());
            } else if (node instanceof Element element && element.normalName().equals("br")) {
              out.append('\n');
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element element && element.isBlock()) {
              out.append('\n');
            }
          }
        },
        Jsoup.parseBodyFragment(html).body());
    StringBuilder text = new StringBuilder();
    for (String line : out.toString().split("\n")) {
      String cleaned = SeedFormatSplitter.clean(line);
      if (!cleaned.isEmpty()) {
        text.append(text.length() == 0 ? "" : "\n").append(cleaned);
      }
    }
    return text.toString();
  }
}
