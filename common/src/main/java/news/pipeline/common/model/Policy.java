package news.pipeline.common.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A policy document named in 《》. {@code announced} is true when this article issues, publishes,
 * drafts for comment or brings the policy into force; {@code status} is draft, issued or in-force.
 */
public record Policy(
    String title,
    String kind,
    String action,
    boolean announced,
    String issuer,
    String status,
    LocalDate deadline,
    List<String> aliases,
    List<Span> mentions) {}
