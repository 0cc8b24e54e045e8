package news.pipeline.app.bench;

import java.util.Arrays;
import java.util.Collection;

/** Latency percentiles in milliseconds, by nearest rank; {@code count} samples. */
public record Latency(double p50, double p95, double p99, double max, int count) {

  /** Null when there are no samples. */
  public static Latency of(Collection<Double> millis) {
    if (millis.isEmpty()) {
      return null;
    }
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    return new Latency(
        rank(sorted, 0.50),
        rank(sorted, 0.95),
        rank(sorted, 0.99),
        sorted[sorted.length - 1],
        sorted.length);
  }

  private static double rank(double[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
