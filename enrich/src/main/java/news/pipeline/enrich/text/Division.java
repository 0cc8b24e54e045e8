package news.pipeline.enrich.text;

import news.pipeline.common.model.Region;

/** One administrative division: its full name and the divisions it lies in. */
public record Division(String name, String province, String city, String county, String level) {

  public Region region() {
    return new Region(province, city, county, level);
  }
}
