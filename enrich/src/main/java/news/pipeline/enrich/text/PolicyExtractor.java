package news.pipeline.enrich.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.pipeline.common.model.DateMention;
import news.pipeline.common.model.Policy;
import news.pipeline.common.model.Span;

/**
 * Policy documents named in 《》, with whether this article announces them.
 *
 * <p>A 《》 is a policy when its title ends in a document kind (方案, 意见, 办法, 规范, 条例…, after markers
 * such as (征求意见稿)); newspapers, books, programmes, contracts and slogans do not. A declared alias
 * (以下简称《实施意见》) and a bare kind that repeats an earlier title's ending (《行动方案》 after
 * 《积极发展老年助餐服务行动方案》) are mentions of that policy, never policies of their own.
 *
 * <p>The article announces a policy when its clause says the policy is issued, published, drafted
 * for comment or brought into force (印发, 出台, 发布, 公布, 制定, 起草, 征求意见, 施行, 审议通过, 转发…), before or after
 * the title, and the clause does not put it under study or implementation (学习, 贯彻, 落实, 宣传, 解读, 抓好,
 * 按照…) or in the future (要, 将, 拟…).
 */
public final class PolicyExtractor {

  private static final Pattern BRACKETED = Pattern.compile("《([^《》]{1,120})》");
  private static final Pattern MARKERS =
      Pattern.compile("[(（][^()（）]{0,12}(?:稿|草案|试行|暂行|修订|版|年)[)）]$");
  private static final Pattern STANDARD_AFTER = Pattern.compile("(?:国家|行业|地方|团体)?标准");
  private static final Pattern DRAFT = Pattern.compile("征求意见稿|草案|送审稿");
  private static final List<String> KINDS =
      List.of(
          "实施方案", "行动方案", "工作方案", "方案", "实施意见", "指导意见", "意见", "实施办法", "管理办法", "办法", "规范", "实施条例",
          "条例", "通知", "规划", "标准", "指南", "指引", "实施细则", "细则", "规定", "决定", "纲要", "行动计划", "计划", "规则",
          "准则", "导则", "措施", "清单", "目录", "公告", "通告", "决议", "要点", "法");
  private static final Pattern NOT_A_POLICY =
      Pattern.compile("(?:报|日报|晚报|杂志|周刊|期刊|新闻联播|节目|纪录片|合同|协议|书|歌|剧|集|史|论)$");
  private static final Pattern ALIAS_DECLARATION = Pattern.compile("^\\s*[(（](?:以下|下文)?简称\\s*$");
  private static final Pattern ACTION_BEFORE =
      Pattern.compile(
          "(联合印发|印发|出台|发布|公布|颁布|制定|制发|修订|起草|审议通过|转发|下发|出炉|推出|施行|实施|征求意见)(了)?"
              + "[^，,。；;！!？?]{0,30}$");
  private static final Pattern ACTION_AFTER =
      Pattern.compile("^[^，,。；;！!？?]{0,40}?(?:(?:正式)?(印发|出台|发布|公布|颁布|出炉|施行|审议通过|征求意见|实施))");
  private static final Pattern NEGATION =
      Pattern.compile("学习|贯彻|落实|宣传|解读|抓好|按照|根据|依据|对照|执行|围绕|遵照|结合|落地|培训|研讨|要求|部署");

  /** Not done yet: 将于近期出台, 正在起草, 要研究制定. */
  private static final Pattern FUTURE = Pattern.compile("(?<![主重需])要|将|拟|需|计划|正在|争取|推动|研究");

  private static final Pattern RECENT = Pattern.compile("近日|日前|近期|最新|新近|刚刚|今天|今日|本周");
  private static final Pattern PAST = Pattern.compile("去年|此前|前期|早前|上年|之前|曾|已于|(?:19|20)\\d{2}年");

  /** 《…》出台以来 and 《…》发布后 look back at an old document; 《…》发布会 is an event. */
  private static final Pattern RETROSPECTIVE = Pattern.compile("^(?:以来|之后|以后|后|的|前|之前|周年|会)");

  private static final Pattern CLAUSE_END = Pattern.compile("[。；;！!？?]");
  private static final Pattern DEADLINE = Pattern.compile("截[止至](?:日期|时间)?(?:为|是|到)?");

  /** The policies in text order; {@code dates} lets a comment deadline be read once. */
  public List<Policy> find(
      String text,
      List<Mention<OrganizationRecognizer.Found>> organizations,
      List<DateMention> dates) {
    Map<String, Draft> byTitle = new LinkedHashMap<>();
    Map<String, String> aliases = new LinkedHashMap<>();
    Matcher bracketed = BRACKETED.matcher(text);
    Draft previous = null;
    while (bracketed.find()) {
      String written = bracketed.group(1);
      String title = written.replaceAll("\\s+", "");
      Span span = new Span(bracketed.start(1), bracketed.end(1));
      if (previous != null && isAliasDeclaration(text, previous, bracketed.start())) {
        previous.aliases.add(title);
        previous.mentions.add(span);
        aliases.put(title, previous.title);
        continue;
      }
      String known = aliases.get(title);
      if (known == null && byTitle.get(title) == null) {
        known = impliedAlias(title, byTitle);
      }
      if (known != null) {
        byTitle.get(known).mentions.add(span);
        continue;
      }
      Optional<String> kind = kindOf(title).or(() -> kindWrittenAfter(text, bracketed.end()));
      if (kind.isEmpty()) {
        continue;
      }
      Draft policy = byTitle.computeIfAbsent(title, t -> new Draft(t, kind.get()));
      policy.mentions.add(span);
      policy.lastEnd = bracketed.end();
      if (!policy.announced) {
        announcement(text, bracketed.start(), bracketed.end(), previous, policy);
      }
      previous = policy;
    }
    LocalDate deadline = commentDeadline(text, dates);
    List<Policy> policies = new ArrayList<>();
    for (Draft policy : byTitle.values()) {
      boolean draft =
          DRAFT.matcher(policy.title).find()
              || "征求意见".equals(policy.action)
              || "起草".equals(policy.action);
      String status =
          !policy.announced
              ? null
              : draft ? "draft" : "施行".equals(policy.action) ? "in-force" : "issued";
      policies.add(
          new Policy(
              policy.title,
              policy.kind,
              policy.action,
              policy.announced,
              policy.announced ? issuer(text, subjectEnd(policy), organizations) : null,
              status,
              "draft".equals(status) ? deadline : null,
              List.copyOf(policy.aliases),
              List.copyOf(policy.mentions)));
    }
    return policies;
  }

  /** The kind a title ends in, after markers such as (征求意见稿); empty for non-documents. */
  static Optional<String> kindOf(String title) {
    String bare = title;
    for (Matcher marker = MARKERS.matcher(bare); marker.find(); marker = MARKERS.matcher(bare)) {
      bare = bare.substring(0, marker.start());
    }
    if (bare.length() < 2 || NOT_A_POLICY.matcher(bare).find()) {
      return Optional.empty();
    }
    for (String kind : KINDS) {
      if (bare.endsWith(kind)) {
        return Optional.of(shortKind(kind));
      }
    }
    return Optional.empty();
  }

  /** 《养老机构等级划分与评定》国家标准: the kind follows the brackets. */
  private static Optional<String> kindWrittenAfter(String text, int end) {
    Matcher standard =
        STANDARD_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 6)));
    return standard.lookingAt() ? Optional.of("标准") : Optional.empty();
  }

  private static String shortKind(String kind) {
    for (String base : List.of("方案", "意见", "办法", "条例", "细则", "计划")) {
      if (kind.endsWith(base)) {
        return base;
      }
    }
    return kind;
  }

  private static boolean isAliasDeclaration(String text, Draft previous, int start) {
    return previous.lastEnd <= start
        && ALIAS_DECLARATION.matcher(text.substring(previous.lastEnd, start)).matches();
  }

  /** 《行动方案》 after 《积极发展老年助餐服务行动方案》: a short title that ends an earlier one. */
  private static String impliedAlias(String title, Map<String, Draft> byTitle) {
    if (title.length() > 6) {
      return null;
    }
    String match = null;
    for (String earlier : byTitle.keySet()) {
      if (earlier.length() > title.length() && earlier.endsWith(title)) {
        match = earlier;
      }
    }
    return match;
  }

  /** Reads the clause around the title for an action that announces it. */
  private static void announcement(String text, int start, int end, Draft previous, Draft policy) {
    int clauseStart = clauseStart(text, start);
    // 《A》《B》和《C》 share the verb in front of the first of them.
    if (previous != null
        && previous.announced
        && previous.lastEnd >= clauseStart
        && text.substring(previous.lastEnd, start).matches("[、和及与以及，,\\s]*")) {
      policy.action = previous.action;
      policy.actionAt = previous.actionAt;
      policy.announced = true;
      return;
    }
    String before = text.substring(clauseStart, start);
    // Only the comma clause around the title: 为贯彻落实…,民政部印发 still announces.
    String commaClause = before.replaceFirst("^.*[，,]", "");
    Matcher verb = ACTION_BEFORE.matcher(before);
    if (verb.find()) {
      String context = before.substring(0, verb.start()).replaceFirst("^.*[，,]", "");
      String tail = before.substring(verb.end(1));
      boolean negated = NEGATION.matcher(context).find() || FUTURE.matcher(context).find();
      // 去年出台的《…》 names an existing document; 近日印发的《…》 is news.
      boolean attributive = tail.endsWith("的");
      boolean recent =
          RECENT.matcher(context + tail).find() && !PAST.matcher(context + tail).find();
      policy.action = verb.group(1).replace("联合", "");
      policy.actionAt = clauseStart + verb.start();
      policy.announced = !negated && !policy.action.equals("实施") && (!attributive || recent);
      if (policy.announced) {
        return;
      }
    }
    Matcher after = ACTION_AFTER.matcher(text.substring(end, clauseEnd(text, end)));
    if (after.find()) {
      String action = after.group(1);
      String between = text.substring(end, end + after.start(1));
      String following =
          text.substring(end + after.end(1), Math.min(text.length(), end + after.end(1) + 3));
      boolean inForce = action.equals("施行") || action.equals("实施") && between.contains("起");
      boolean negated =
          NEGATION.matcher(commaClause).find()
              || FUTURE.matcher(between).find() && !inForce
              || RETROSPECTIVE.matcher(following).find();
      if (!negated && (!action.equals("实施") || inForce)) {
        policy.action = inForce ? "施行" : action;
        policy.actionAt = clauseStart;
        policy.announced = true;
      }
    }
  }

  private static int clauseStart(String text, int at) {
    int start = at;
    while (start > 0 && !CLAUSE_END.matcher(String.valueOf(text.charAt(start - 1))).matches()) {
      start--;
    }
    return start;
  }

  private static int clauseEnd(String text, int at) {
    Matcher end = CLAUSE_END.matcher(text);
    return end.find(at) ? end.start() : text.length();
  }

  /**
   * Where the issuer's words end: at the verb (上海市民政局…印发《…》), or at the title when the verb follows
   * it (省民政厅联合制定的《…》自3月1日起施行).
   */
  private static int subjectEnd(Draft policy) {
    return Math.max(policy.actionAt, policy.mentions.get(0).start());
  }

  /** The organizations written in the sentence before {@code actionAt}, where the subject ends. */
  private static String issuer(
      String text, int actionAt, List<Mention<OrganizationRecognizer.Found>> organizations) {
    int sentenceStart = clauseStart(text, actionAt);
    List<String> names = new ArrayList<>();
    Mention<OrganizationRecognizer.Found> lastBefore = null;
    for (Mention<OrganizationRecognizer.Found> organization : organizations) {
      if (organization.end() <= actionAt) {
        lastBefore = organization;
        if (organization.start() >= sentenceStart && !names.contains(organization.value().name())) {
          names.add(organization.value().name());
        }
      }
    }
    if (names.isEmpty() && lastBefore != null) {
      // 一是制定《…》: the subject is written earlier; in this news it is the 民政 body.
      names.add(
          organizations.stream()
              .filter(o -> o.end() <= actionAt && o.end() >= actionAt - 400)
              .map(o -> o.value().name())
              .filter(name -> name.contains("民政厅") || name.contains("民政局"))
              .reduce((first, second) -> second)
              .orElse(lastBefore.value().name()));
    } else if (text.substring(sentenceStart, actionAt).contains("联合") && names.size() == 1) {
      // 联合省乡村振兴局印发: the subject is written earlier; in this news it is the 民政 body.
      organizations.stream()
          .filter(o -> o.end() <= sentenceStart && o.end() >= sentenceStart - 400)
          .map(o -> o.value().name())
          .filter(name -> name.contains("民政厅") || name.contains("民政局"))
          .reduce((first, second) -> second)
          .filter(name -> !names.contains(name))
          .ifPresent(name -> names.add(0, name));
    }
    if (names.isEmpty()) {
      // 省民政厅、省财政厅联合制定 in an article that never names its province: as written.
      names.addAll(OrganizationRecognizer.abbreviationsBetween(text, sentenceStart, actionAt));
    }
    return names.isEmpty() ? null : String.join("、", names);
  }

  /** 征求意见截止日期为2024年1月27日 → 2024-01-27. */
  private static LocalDate commentDeadline(String text, List<DateMention> dates) {
    Matcher deadline = DEADLINE.matcher(text);
    while (deadline.find()) {
      for (DateMention date : dates) {
        if (date.span() != null
            && date.span().start() >= deadline.end()
            && date.span().start() - deadline.end() <= 4
            && date.value() != null
            && date.value().length() == 10) {
          return LocalDate.parse(date.value());
        }
      }
    }
    return null;
  }

  private static final class Draft {
    final String title;
    final String kind;
    final List<String> aliases = new ArrayList<>();
    final List<Span> mentions = new ArrayList<>();
    String action;
    int actionAt;
    boolean announced;
    int lastEnd;

    Draft(String title, String kind) {
      this.title = title;
      this.kind = kind;
    }
  }
}
