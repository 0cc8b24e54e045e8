package news.pipeline.common.model;

import java.util.List;

/** Everything enrich found in one article. */
public record Entities(
    List<Person> persons,
    List<Official> officials,
    List<Organization> organizations,
    List<Place> places,
    List<Policy> policies,
    List<DateMention> dates,
    List<Quantity> quantities) {

  public static Entities none() {
    return new Entities(
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
