package dev.e911.benchmarks.location;

import dev.e911.api.network.IpAddress;
import dev.e911.api.network.NetworkObservation;
import dev.e911.benchmarks.route.SyntheticContactCenter;
import dev.e911.core.E911;
import dev.e911.core.location.LocationService;
import dev.e911.core.location.ObserveOutcome;
import dev.e911.core.location.Rule;
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
 * The location state machine: {@code LocationService.observe(agent, observation)} with the in-memory
 * store, on a {@link SyntheticContactCenter} of 100 000 agents.
 * <ul>
 *   <li>{@code same}: the agent's network has not changed — office agents seen again in their subnet
 *       (KNOWN_NETWORK_VERIFIES, nothing written) and home agents on the network they confirmed on
 *       (SAME_NETWORK_KEEPS_VERIFICATION);
 *   <li>{@code changes}: 512 office agents who move between two offices' subnets on every observation
 *       (slots 2k and 2k+1 of the input array are one agent in office A, then office B), so every call
 *       is a real transition: a new NETWORK_MATCH claim, a store write with a history row, and the
 *       listeners.
 * </ul>
 * {@code wiring}: {@code service} is a bare {@code LocationService}; {@code e911} is the service as
 * {@code E911.builder()} wires it, with the {@code EmergencyRouter} listening, so a transition also
 * rebuilds the agent's router entry (and pre-renders its PIDF-LO). Setup checks every input takes the
 * path its scenario names.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ObserveBenchmark {

  private static final int SIZE = 1 << 10;
  private static final int MASK = SIZE - 1;

  @Param({"100000"})
  int agents;

  @Param({"same", "changes"})
  String network;

  @Param({"service", "e911"})
  String wiring;

  private final String[] ids = new String[SIZE];
  private final NetworkObservation[] observations = new NetworkObservation[SIZE];
  private LocationService service;
  private int index;

  @Setup
  public void setup() {
    Clock clock = Clock.systemUTC();
    SyntheticContactCenter cc = SyntheticContactCenter.generate(agents, clock.instant());
    service = wiring.equals("e911") ? E911.builder().config(cc.config).clock(clock).build().locations()
        : LocationService.builder(cc.config).clock(clock).build();
    SplittableRandom random = new SplittableRandom(agents + network.hashCode());
    if (network.equals("same")) {
      String[] drawn = cc.agentsOf(SIZE, random, SyntheticContactCenter.Kind.HOME_VERIFIED, SyntheticContactCenter.Kind.OFFICE);
      for (int i = 0; i < SIZE; i++) {
        ids[i] = drawn[i];
        observations[i] = cc.observations[SyntheticContactCenter.indexOf(drawn[i])];
      }
    } else {
      String[] drawn = cc.agentsOf(SIZE / 2, random, SyntheticContactCenter.Kind.OFFICE);
      int locations = cc.locationSubnets.length;
      for (int k = 0; k < SIZE / 2; k++) {
        int a = random.nextInt(locations);
        int b = (a + 1 + random.nextInt(locations - 1)) % locations;
        for (int j = 0; j < 2; j++) {
          int[] nets = cc.locationSubnets[j == 0 ? a : b];
          ids[2 * k + j] = drawn[k];
          observations[2 * k + j] = NetworkObservation.builder(cc.now)
              .localAddress(IpAddress.ofV4(nets[random.nextInt(nets.length)] + 1 + random.nextInt(120))).build();
        }
      }
    }
    for (int round = 0; round < 2; round++) { // the second round is what the benchmark sees
      for (int i = 0; i < SIZE; i++) {
        ObserveOutcome o = service.observe(ids[i], observations[i]);
        boolean write = o.rule() == Rule.KNOWN_NETWORK_VERIFIES && network.equals("changes");
        boolean expected = network.equals("same")
            ? o.rule() == Rule.KNOWN_NETWORK_VERIFIES || o.rule() == Rule.SAME_NETWORK_KEEPS_VERIFICATION
            : write && !o.location().orElseThrow().since().isBefore(clock.instant().minusSeconds(5));
        if (round == 1 && !expected) {
          throw new IllegalStateException(ids[i] + ": " + o.rule() + " " + o.location());
        }
      }
    }
    index = 0;
  }

  @Benchmark
  public Object baseline() {
    int i = index++ & MASK;
    return observations[i];
  }

  @Benchmark
  public ObserveOutcome observe() {
    int i = index++ & MASK;
    return service.observe(ids[i], observations[i]);
  }
}
