package dev.e911.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Runs one input class's fuzz cases from a fixed, printed seed (override with
 * {@code -De911.fuzz.seed=...}): each case gets its own {@link Random} derived from the seed and its
 * index, so a failure names the one case to replay. A case returns the name of its outcome (counted
 * for the report) or throws an {@link AssertionError} / unexpected exception, which is collected;
 * the run fails listing the first few. Per-case time is bounded generously (a loaded 2-core CI box
 * must stay green); throughput is reported, never asserted.
 */
final class FuzzRun {

  static final long SEED = Long.getLong("e911.fuzz.seed", 0x911F022L);
  /** Per-case time bound: generous on purpose (the figures are reported, not asserted tightly). */
  static final long MAX_CASE_NANOS = 10_000_000_000L;

  interface Case {
    String run(Random random) throws Exception;
  }

  private static final StringBuilder NOTE = new StringBuilder();

  private FuzzRun() {}

  /** Describes the current case (printed for a failing or slow case). */
  static void note(String text) {
    if (NOTE.length() < 500) {
      NOTE.append(text).append("; ");
    }
  }

  /** MurmurHash3's 64-bit finalizer. */
  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb53fe1a85ec3L;
    return z ^ (z >>> 33);
  }

  /** A string of up to {@code max} characters drawn from {@code alphabet}. */
  static String string(Random random, String alphabet, int max) {
    int n = random.nextInt(max + 1);
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /**
   * A hostile string of up to {@code max} UTF-16 units: ASCII, controls, NUL, lone surrogates,
   * combining marks, non-ASCII digits, right-to-left marks, emoji, BOM.
   */
  static String anyString(Random random, int max) {
    int n = random.nextInt(max + 1);
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(8)) {
        case 0 -> b.append((char) random.nextInt(0x20));
        case 1 -> b.append((char) (0xD800 + random.nextInt(0x800)));
        case 2 -> b.append(oneOf(random, "\u0301", "\u200F", "\uFEFF", "\u0660", "\u0669", "\uFF11", "\uD83D\uDE00", "\u00A0"));
        case 3 -> b.append((char) random.nextInt(0x10000));
        default -> b.append((char) (0x20 + random.nextInt(0x5F)));
      }
    }
    return b.toString();
  }

  /** Runs {@code cases} cases of {@code name}; returns the outcome counts. */
  static Map<String, Integer> run(String name, int cases, Case body) {
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int failed = 0;
    long slowest = 0;
    int slowestCase = -1;
    long start = System.nanoTime();
    for (int i = 0; i < cases; i++) {
      Random random = new Random(mix(SEED + i)); // mixed: java.util.Random's first draws from close seeds correlate
      long t0 = System.nanoTime();
      NOTE.setLength(0);
      try {
        outcomes.merge(body.run(random), 1, Integer::sum);
      } catch (Throwable t) {
        failed++;
        if (failures.size() < 5) {
          String text = t.toString().replaceAll("\\s+", " ");
          failures.add("case " + i + " [" + NOTE + "]: " + (text.length() > 1200 ? text.substring(0, 1200) + "..." : text));
        }
      }
      long took = System.nanoTime() - t0;
      if (took > 1_000_000_000L) {
        System.out.printf("[fuzz] %s: slow case #%d %.1f ms [%s]%n", name, i, took / 1e6, NOTE);
      }
      if (took > slowest) {
        slowest = took;
        slowestCase = i;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("[fuzz] %s: %d cases in %.2f s (%.0f cases/s), slowest case #%d %.1f ms, seed=%d, outcomes %s%n",
        name, cases, seconds, cases / seconds, slowestCase, slowest / 1e6, SEED, outcomes);
    assertThat(failures).as("%s: %d of %d cases broke the contract (seed %d)", name, failed, cases, SEED).isEmpty();
    assertThat(slowest).as("%s: slowest case #%d in ns", name, slowestCase).isLessThan(MAX_CASE_NANOS);
    return outcomes;
  }

  /** A typed error's violations: never empty, each with a path and a rule. */
  static void checkViolations(List<Violation> violations, Function<String, Boolean> pathOk) {
    assertThat(violations).isNotEmpty();
    for (Violation v : violations) {
      assertThat(v.rule()).as("rule of %s", v).isNotBlank();
      assertThat(pathOk.apply(v.path())).as("path of %s", v).isTrue();
    }
  }

  /** Picks one element. */
  @SafeVarargs
  static <T> T oneOf(Random random, T... options) {
    return options[random.nextInt(options.length)];
  }
}
