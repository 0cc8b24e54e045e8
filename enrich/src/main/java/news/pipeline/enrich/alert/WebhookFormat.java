package news.pipeline.enrich.alert;

import java.util.Map;
import news.pipeline.common.json.Json;
import news.pipeline.common.model.PolicyAlert;
import news.pipeline.common.model.Region;

/** The message bodies webhook receivers understand. */
public enum WebhookFormat {
  /** The alert itself, as on {@code news.alerts.policy}. */
  GENERIC,
  /** DingTalk custom robot: {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}}. */
  DINGTALK,
  /** WeCom (企业微信) group robot: {@code {"msgtype":"markdown","markdown":{"content":…}}}. */
  WECOM;

  public byte[] body(PolicyAlert alert) {
    return switch (this) {
      case GENERIC -> Json.toBytes(alert);
      case DINGTALK ->
          Json.toBytes(
              Map.of(
                  "msgtype",
                  "markdown",
                  "markdown",
                  Map.of("title", "新政策：" + alert.policyTitle(), "text", markdown(alert))));
      case WECOM ->
          Json.toBytes(
              Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown(alert))));
    };
  }

  /** Robots answer HTTP 200 with {@code errcode} ≠ 0 when they reject a message. */
  public boolean accepted(String responseBody) {
    if (this == GENERIC || responseBody == null || responseBody.isBlank()) {
      return true;
    }
    try {
      return Json.parseTree(responseBody).path("errcode").asInt(0) == 0;
    } catch (RuntimeException notJson) {
      return true;
    }
  }

  static String markdown(PolicyAlert alert) {
    StringBuilder text = new StringBuilder();
    text.append("### 新政策：《").append(alert.policyTitle()).append("》\n");
    line(text, "动作", join(alert.issuer(), alert.action()));
    line(text, "状态", status(alert.status()));
    line(text, "征求意见截止", alert.deadline() == null ? null : alert.deadline().toString());
    line(text, "地区", place(alert.region()));
    line(text, "领域", alert.domains().isEmpty() ? null : String.join("、", alert.domains()));
    line(text, "来源", alert.articleTitle());
    return text.toString();
  }

  private static void line(StringBuilder text, String label, String value) {
    if (value != null && !value.isBlank()) {
      text.append("> **").append(label).append("**：").append(value).append("\n\n");
    }
  }

  private static String join(String issuer, String action) {
    if (issuer == null) {
      return action;
    }
    return action == null ? issuer : issuer + " " + action;
  }

  private static String status(String status) {
    if (status == null) {
      return null;
    }
    return switch (status) {
      case "draft" -> "征求意见稿";
      case "in-force" -> "施行";
      default -> "已印发";
    };
  }

  static String place(Region region) {
    if (region == null || "unknown".equals(region.level())) {
      return null;
    }
    if ("national".equals(region.level())) {
      return "全国";
    }
    StringBuilder place = new StringBuilder();
    for (String part : new String[] {region.province(), region.city(), region.county()}) {
      if (part != null && place.indexOf(part) < 0) {
        place.append(place.length() == 0 ? "" : " ").append(part);
      }
    }
    return place.toString();
  }
}
