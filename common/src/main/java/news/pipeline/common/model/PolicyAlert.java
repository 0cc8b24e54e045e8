package news.pipeline.common.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Raised once, the first time any article announces a policy. */
public record PolicyAlert(
    String policyTitle,
    String kind,
    String action,
    String issuer,
    String status,
    LocalDate deadline,
    List<String> domains,
    Region region,
    String articleId,
    String articleTitle,
    Instant firstSeenAt) {}
