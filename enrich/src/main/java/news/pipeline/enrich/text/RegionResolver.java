package news.pipeline.enrich.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import news.pipeline.common.model.Region;

/**
 * Where an article is about. National when a national body is the actor (民政部 in the headline, or
 * first in a headline that names no place); otherwise the province the headline names, else the one
 * the body names most, down to the city or county when the headline names one inside it.
 */
public final class RegionResolver {

  private static final int HEADLINE_WEIGHT = 5;

  public Region resolve(
      List<Mention<Division>> headlinePlaces,
      List<Mention<Division>> bodyPlaces,
      List<Mention<OrganizationRecognizer.Found>> headlineOrganizations,
      List<Mention<OrganizationRecognizer.Found>> bodyOrganizations) {
    boolean nationalHeadline = headlineOrganizations.stream().anyMatch(RegionResolver::isNational);
    if (nationalHeadline
        || headlinePlaces.isEmpty()
            && !bodyOrganizations.isEmpty()
            && isNational(bodyOrganizations.get(0))) {
      return new Region(null, null, null, "national");
    }
    Map<String, Integer> scores = new LinkedHashMap<>();
    headlinePlaces.forEach(p -> scores.merge(p.value().province(), HEADLINE_WEIGHT, Integer::sum));
    bodyPlaces.forEach(p -> scores.merge(p.value().province(), 1, Integer::sum));
    String province =
        scores.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(null);
    if (province == null) {
      return Region.unknown();
    }
    Division mostSpecific = null;
    for (Mention<Division> place : headlinePlaces) {
      Division division = place.value();
      if (province.equals(division.province())
          && !division.level().equals("province")
          && (mostSpecific == null || division.level().equals("county"))) {
        mostSpecific = division;
      }
    }
    return mostSpecific != null
        ? mostSpecific.region()
        : new Region(province, null, null, "province");
  }

  /** A body without a division of its own: a ministry, 国务院, a national association. */
  private static boolean isNational(Mention<OrganizationRecognizer.Found> organization) {
    return organization.value().division() == null
        && !organization.written().startsWith("省")
        && !organization.written().startsWith("市");
  }
}
