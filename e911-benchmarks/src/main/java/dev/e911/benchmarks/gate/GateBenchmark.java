package dev.e911.benchmarks.gate;

import dev.e911.benchmarks.route.SyntheticContactCenter;
import dev.e911.core.E911;
import dev.e911.core.gate.AvailabilityGate;
import dev.e911.core.gate.GateDecision;
import java.time.Clock;
import java.util.SplittableRandom;
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
 * The availability hard stop: {@code AvailabilityGate.check(agentId)} on a {@link SyntheticContactCenter}
 * wired by {@code E911.builder()} (system clock). {@code allowed} draws verified home agents and
 * office agents on a network match (allowed on a FIXED site by the default policy); {@code blocked}
 * draws unverified agents (UNVERIFIED) and agents with no location (NO_LOCATION). Setup checks that
 * every input gets the decision its scenario names. 1 024 inputs, masked counter, empty baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GateBenchmark {

  private static final int SIZE = 1 << 10;
  private static final int MASK = SIZE - 1;

  @Param({"100000"})
  int agents;

  @Param({"allowed", "blocked"})
  String scenario;

  private final String[] ids = new String[SIZE];
  private AvailabilityGate gate;
  private int index;

  @Setup
  public void setup() {
    Clock clock = Clock.systemUTC();
    SyntheticContactCenter cc = SyntheticContactCenter.generate(agents, clock.instant());
    E911 e911 = E911.builder().config(cc.config).clock(clock).build();
    gate = e911.gate();
    SplittableRandom random = new SplittableRandom(agents + scenario.hashCode());
    String[] drawn = scenario.equals("allowed")
        ? cc.agentsOf(SIZE, random, SyntheticContactCenter.Kind.HOME_VERIFIED, SyntheticContactCenter.Kind.OFFICE)
        : cc.agentsOf(SIZE, random, SyntheticContactCenter.Kind.UNVERIFIED, SyntheticContactCenter.Kind.NO_LOCATION);
    for (int i = 0; i < SIZE; i++) {
      ids[i] = new String(drawn[i].toCharArray());
      GateDecision d = gate.check(ids[i]);
      if ((d instanceof GateDecision.Allow) != scenario.equals("allowed")) {
        throw new IllegalStateException(ids[i] + ": " + d);
      }
    }
    index = random.nextInt();
  }

  @Benchmark
  public Object baseline() {
    return ids[index++ & MASK];
  }

  @Benchmark
  public GateDecision check() {
    return gate.check(ids[index++ & MASK]);
  }
}
