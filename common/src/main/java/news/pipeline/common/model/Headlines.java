package news.pipeline.common.model;

/** The one rule for what analysis may read as a headline, shared by the flat article records. */
final class Headlines {
  private Headlines() {}

  static String of(String title, boolean titleDerived) {
    return titleDerived || title == null ? "" : title;
  }
}
