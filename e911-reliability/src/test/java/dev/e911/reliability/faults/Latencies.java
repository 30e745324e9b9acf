package dev.e911.reliability.faults;

import java.util.Arrays;

/**
 * Percentiles of {@code System.nanoTime} deltas (sorted array; no HdrHistogram on the class path), in
 * microseconds. A report: tests assert only generous bounds on it.
 */
public record Latencies(int count, double p50Micros, double p99Micros, double maxMicros) {

  /** From raw nanosecond samples (the array is sorted in place). */
  public static Latencies of(long[] nanos, int count) {
    if (count == 0) {
      return new Latencies(0, 0, 0, 0);
    }
    Arrays.sort(nanos, 0, count);
    return new Latencies(count, nanos[index(count, 0.50)] / 1e3, nanos[index(count, 0.99)] / 1e3, nanos[count - 1] / 1e3);
  }

  private static int index(int count, double q) {
    return Math.min(count - 1, (int) Math.ceil(q * count) - 1);
  }

  /** {@code p50 12.3 µs, p99 45.6 µs, max 789.0 µs}. */
  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "p50 %.1f µs, p99 %.1f µs, max %.1f µs (%d samples)", p50Micros, p99Micros, maxMicros, count);
  }
}
