package dev.e911.benchmarks.dialplan;

import dev.e911.api.routing.Classification;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.core.dialplan.DialPlan;
import dev.e911.core.dialplan.DialResult;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Dial-string classification on the hot path: the compiled {@link DialPlan} trie against a naive
 * implementation that compiles each rule's regex per call and one that uses precompiled
 * {@code Pattern}s (both normalise into a new String first), plus an empty {@code baseline()} that
 * only reads the next input. Inputs are pre-generated in {@code @Setup} into a power-of-two array
 * of distinct String instances read through a masked index, so nothing is constant-folded; the
 * {@code mixed} scenario interleaves every other scenario at random to defeat branch prediction.
 * US rules ({@code ^911$}, {@code ^933$}) with outside-line prefix 9. Run with {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DialPlanBenchmark {

  private static final int SIZE = 1 << 10;
  private static final int MASK = SIZE - 1;
  private static final List<String> SCENARIOS =
      List.of("911", "933", "9911", "tel:911", "sip:911@host;user=phone", "2125551234");

  @Param({"911", "933", "9911", "tel:911", "sip:911@host;user=phone", "2125551234", "mixed"})
  String dialled;

  private final CharSequence[] inputs = new CharSequence[SIZE];
  private int index;
  private DialPlan plan;
  private NaiveDialPlan naive;

  @Setup
  public void setup() {
    List<EmergencyRoutingRule> rules = EmergencyRoutingRule.usDefaults();
    plan = DialPlan.builder().rules(rules).outsideLinePrefix("9").build();
    naive = new NaiveDialPlan(rules, "9");
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < SIZE; i++) {
      String s = dialled.equals("mixed") ? SCENARIOS.get(random.nextInt(SCENARIOS.size())) : dialled;
      inputs[i] = new String(s.toCharArray());
      Classification fast = plan.classify(inputs[i]).classification();
      if (fast != naive.classifyPrecompiled(inputs[i]) || fast != naive.classifyCompilingPerCall(inputs[i])) {
        throw new IllegalStateException("implementations disagree on " + s);
      }
    }
    index = random.nextInt();
  }

  @Benchmark
  public CharSequence baseline() {
    return inputs[index++ & MASK];
  }

  @Benchmark
  public DialResult dialPlan() {
    return plan.classify(inputs[index++ & MASK]);
  }

  @Benchmark
  public Classification precompiledPattern() {
    return naive.classifyPrecompiled(inputs[index++ & MASK]);
  }

  @Benchmark
  public Classification naiveCompilePerCall() {
    return naive.classifyCompilingPerCall(inputs[index++ & MASK]);
  }
}
