package dev.e911.reliability.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Requested-versus-applied accounting of one scenario (a remote, a fault class): every operation the
 * test asked for, whether the adapter said it worked, whether the fake holds it (read from the fake
 * directly), and how many copies the fake holds. An operation reported as failed is re-run as an
 * outbox would: up to {@link #STORM_RERUNS} times while the storm still rages, then up to
 * {@link #CALM_RERUNS} times after it passed.
 */
final class Ledger {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Ledger.class);

  static final int STORM_RERUNS = 3;
  static final int CALM_RERUNS = 3;
  static final List<Ledger> ALL = new CopyOnWriteArrayList<>();

  enum Verdict { OK, FAILED, WRONG }

  record Outcome(Verdict verdict, String detail) {
    static Outcome ok() {
      return new Outcome(Verdict.OK, "");
    }

    static Outcome failed(String detail) {
      return new Outcome(Verdict.FAILED, detail);
    }

    static Outcome wrong(String detail) {
      return new Outcome(Verdict.WRONG, detail);
    }
  }

  /**
   * One operation: how to run it, whether the fake now holds its effect, and how many copies of the
   * thing it creates the fake holds (1 when applied once; a removal's step counts 0 when gone).
   */
  record Step(String kind, Supplier<Outcome> run, BooleanSupplier applied, IntSupplier copies, int expectedCopies) {}

  final String remote;
  final FaultClass faultClass;
  int requested;
  int okFirstTime;
  int reportedFailed;
  int convergedInStorm;
  int convergedAfterStorm;
  int applied;
  int lost;
  int duplicated;
  int falseOk;
  final List<String> wrong = new ArrayList<>();
  final List<String> problems = new ArrayList<>();
  Map<String, Integer> injected = new TreeMap<>();
  int requests;

  Ledger(String remote, FaultClass faultClass) {
    this.remote = remote;
    this.faultClass = faultClass;
    ALL.add(this);
  }

  void drive(Storm storm, List<Step> steps) {
    drive(storm, steps, () -> {});
  }

  /** As {@link #drive(Storm, List)}, calling {@code later} before each re-run (an outbox retries later: time moves). */
  void drive(Storm storm, List<Step> steps, Runnable later) {
    for (Step step : steps) {
      requested++;
      storm.rage(true);
      Outcome o = run(step);
      if (o.verdict() == Verdict.OK) {
        okFirstTime++;
      } else {
        reportedFailed++;
        for (int round = 1; round <= STORM_RERUNS + CALM_RERUNS && o.verdict() != Verdict.OK; round++) {
          storm.rage(round <= STORM_RERUNS);
          later.run();
          o = run(step);
          if (o.verdict() == Verdict.OK) {
            if (round <= STORM_RERUNS) {
              convergedInStorm++;
            } else {
              convergedAfterStorm++;
            }
          }
        }
      }
      storm.rage(true);
      if (step.applied().getAsBoolean()) {
        applied++;
      } else {
        lost++;
        problems.add(step.kind() + " not applied at the end (last outcome " + o + ")");
      }
      int copies = step.copies().getAsInt();
      if (copies > step.expectedCopies()) {
        duplicated += copies - step.expectedCopies();
        problems.add(step.kind() + " left " + copies + " copies at the fake, expected " + step.expectedCopies());
      }
    }
  }

  private Outcome run(Step step) {
    Outcome o = step.run().get();
    if (o.verdict() != Verdict.OK) {
      // the adapter's own failure text, logged so that the secret scan reads every message it made
      LOG.info("{} / {}: {} reported {}: {}", remote, faultClass.label, step.kind(), o.verdict(), o.detail());
    }
    if (o.verdict() == Verdict.WRONG) {
      wrong.add(step.kind() + ": " + o.detail());
    }
    if (o.verdict() == Verdict.OK && !step.applied().getAsBoolean()) {
      falseOk++;
      problems.add(step.kind() + " reported success but the fake does not hold it");
    }
    return o;
  }

  int injectedTotal() {
    return injected.entrySet().stream().filter(e -> !e.getKey().equals("pass")).mapToInt(Map.Entry::getValue).sum();
  }

  /** The report: one row per fault class (all remotes), then one per scenario. */
  static String table() {
    StringBuilder sb = new StringBuilder();
    sb.append("| fault class | injected | faults injected | operations requested | applied | lost | duplicated |"
        + " reported failed | converged in storm / after |\n");
    sb.append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
    Map<FaultClass, List<Ledger>> byClass = new TreeMap<>();
    for (Ledger l : ALL) {
      byClass.computeIfAbsent(l.faultClass, k -> new ArrayList<>()).add(l);
    }
    byClass.forEach((fc, ls) -> sb.append(String.format(java.util.Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %d | %d / %d |%n",
        fc.label, fc.injected, ls.stream().mapToInt(Ledger::injectedTotal).sum(),
        ls.stream().mapToInt(l -> l.requested).sum(), ls.stream().mapToInt(l -> l.applied).sum(),
        ls.stream().mapToInt(l -> l.lost).sum(), ls.stream().mapToInt(l -> l.duplicated).sum(),
        ls.stream().mapToInt(l -> l.reportedFailed).sum(), ls.stream().mapToInt(l -> l.convergedInStorm).sum(),
        ls.stream().mapToInt(l -> l.convergedAfterStorm).sum())));
    sb.append("\n| remote | fault class | requests | faults injected (by kind) | requested | ok first time | applied | lost |"
        + " duplicated | false ok |\n");
    sb.append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
    for (Ledger l : ALL) {
      Map<String, Integer> kinds = new TreeMap<>(l.injected);
      kinds.remove("pass");
      sb.append(String.format(java.util.Locale.ROOT, "| %s | %s | %d | %s | %d | %d | %d | %d | %d | %d |%n", l.remote,
          l.faultClass.label, l.requests, kinds, l.requested, l.okFirstTime, l.applied, l.lost, l.duplicated, l.falseOk));
    }
    return sb.toString();
  }

  static void write(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, table(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
