package news.pipeline.app.chaos;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Record-for-record accounting of what a run produced against what the outputs hold, as Kafka's own
 * EOS system test checks it: every expected (topic, article) pair present exactly once, each output
 * partition in production order, one alert per announced policy.
 *
 * <p>Pure bookkeeping: {@link OutputReader} feeds it the committed records.
 */
final class DeliveryAudit {
  /** Article id → the topics it must reach exactly once. */
  private final Map<String, Set<String>> expected;

  /** Article id → its position in the produced stream. */
  private final Map<String, Long> sequences;

  /** Article id → the key of the new policy it announces. */
  private final Map<String, String> announcements;

  private final Map<String, Map<String, Integer>> copies = new HashMap<>();
  private final Map<String, Long> lastSequence = new HashMap<>();
  private final Map<String, Integer> alerts = new HashMap<>();
  private final Map<String, int[]> topicCounts = new TreeMap<>();
  private int outOfOrder;
  private int unexpected;

  DeliveryAudit(
      Map<String, Set<String>> expected,
      Map<String, Long> sequences,
      Map<String, String> announcements) {
    this.expected = expected;
    this.sequences = sequences;
    this.announcements = announcements;
  }

  /** One committed article record from an output topic partition. */
  void article(String topic, int partition, String articleId) {
    topicCounts.computeIfAbsent(topic, t -> new int[1])[0]++;
    Set<String> topics = expected.get(articleId);
    if (topics == null || !topics.contains(topic)) {
      unexpected++;
      return;
    }
    int seen =
        copies.computeIfAbsent(articleId, id -> new HashMap<>()).merge(topic, 1, Integer::sum);
    if (seen > 1) {
      return; // a duplicate, counted as such, not also as out of order
    }
    // One producer wrote the input in sequence order, keyed by article id, and every stage keeps
    // the key and the partition count: each output partition must be in sequence order.
    long sequence = sequences.get(articleId);
    String partitionKey = topic + "-" + partition;
    Long previous = lastSequence.get(partitionKey);
    if (previous != null && sequence < previous) {
      outOfOrder++;
    } else {
      lastSequence.put(partitionKey, sequence);
    }
  }

  /** One committed alert, by its normalized policy key. */
  void alert(String policyKey) {
    alerts.merge(policyKey, 1, Integer::sum);
  }

  /** Expected (article, topic) pairs not yet seen. */
  int missingCopies() {
    int missing = 0;
    for (var entry : expected.entrySet()) {
      Map<String, Integer> seen = copies.getOrDefault(entry.getKey(), Map.of());
      for (String topic : entry.getValue()) {
        if (!seen.containsKey(topic)) {
          missing++;
        }
      }
    }
    return missing;
  }

  boolean complete() {
    return missingCopies() == 0 && missingAlerts() == 0;
  }

  /** Announcing articles whose policy has no alert, reposts or not. */
  private int missingAlerts() {
    return (int) announcements.values().stream().filter(key -> !alerts.containsKey(key)).count();
  }

  Result result() {
    int lost = 0;
    int duplicated = 0;
    for (var entry : expected.entrySet()) {
      Map<String, Integer> seen = copies.getOrDefault(entry.getKey(), Map.of());
      if (!seen.keySet().containsAll(entry.getValue())) {
        lost++;
      }
      for (int count : seen.values()) {
        duplicated += count - 1;
      }
    }
    int duplicateAlerts = 0;
    for (int count : alerts.values()) {
      duplicateAlerts += count - 1;
    }
    Map<String, Integer> records = new LinkedHashMap<>();
    topicCounts.forEach((topic, count) -> records.put(topic, count[0]));
    return new Result(
        expected.size(),
        lost,
        missingCopies(),
        duplicated,
        outOfOrder,
        unexpected,
        announcements.size(),
        alerts.values().stream().mapToInt(Integer::intValue).sum(),
        duplicateAlerts,
        missingAlerts(),
        records);
  }

  /**
   * @param lost articles that missed at least one topic they were due on
   * @param missingCopies expected (article, topic) pairs absent
   * @param duplicated extra copies of an article on a topic
   * @param outOfOrder first copies that arrived behind a later article of their partition
   * @param unexpected records of articles not produced, or on a topic they were not due on
   * @param announcements generated originals that announce a new policy
   * @param missingAlerts announcements whose policy never got an alert
   */
  record Result(
      int produced,
      int lost,
      int missingCopies,
      int duplicated,
      int outOfOrder,
      int unexpected,
      int announcements,
      int alerts,
      int duplicateAlerts,
      int missingAlerts,
      Map<String, Integer> recordsPerTopic) {}
}
