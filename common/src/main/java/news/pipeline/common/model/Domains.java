package news.pipeline.common.model;

import java.util.List;

/** The product's built-in domain ids; the taxonomy file may add more. */
public final class Domains {
  public static final String ELDERLY_MEALS = "elderly-meals";
  public static final String CHILD_WELFARE = "child-welfare";
  public static final String SOCIAL_ASSISTANCE = "social-assistance";
  public static final String SOCIAL_ORGANIZATIONS = "social-organizations";
  public static final String OTHER = "other";

  public static final List<String> BUILT_IN =
      List.of(ELDERLY_MEALS, CHILD_WELFARE, SOCIAL_ASSISTANCE, SOCIAL_ORGANIZATIONS, OTHER);

  private Domains() {}
}
