package news.pipeline.common.model;

/** Where an article is about; {@code level} is national, province, city, county or unknown. */
public record Region(String province, String city, String county, String level) {

  public static Region unknown() {
    return new Region(null, null, null, "unknown");
  }
}
