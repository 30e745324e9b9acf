package dev.e911.benchmarks.route;

import dev.e911.api.network.IpAddress;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.core.E911;
import dev.e911.core.network.NetworkLocator;
import dev.e911.core.route.EmergencyRouter;
import java.time.Clock;
import java.util.HashMap;
import java.util.IntSummaryStatistics;
import java.util.Map;
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
 * The emergency-call hot path end to end: {@code EmergencyRouter.route(agent, dialled, observation)}
 * on a {@link SyntheticContactCenter} wired by {@code E911.builder()} (in-memory store, system clock,
 * one emergency listener list), against
 * <ul>
 *   <li>{@code floor}: one {@code HashMap.get} of the agent's document, one longest-prefix lookup of the
 *       observation's address in the same {@link NetworkLocator}, one copy of the document's bytes
 *       into a fresh array — the least any router answering with a fresh PIDF-LO must do;
 *   <li>{@code naive}: {@link NaiveRouter} (regex compiled per call, linear subnet scan, DOM PIDF-LO).
 * </ul>
 * Three ways to take the document: {@code route} (the route only; its PIDF-LO is already a fresh
 * array inside the answer), {@code routeWritePidfLo} (what an integration writing the INVITE body
 * does: {@code writePidfLo} into a reused buffer — the headline) and {@code routePidfLo} (the
 * defensive-copy accessor {@code pidfLo()}, one more array).
 * Scenarios: {@code verified} draws home agents (USER_CONFIRMED, on their unmapped home network) and
 * office agents (NETWORK_MATCH, observed inside their location's subnet, so the locator agrees with
 * the claim); {@code unverified} draws unverified and no-location agents; {@code unknown} draws ids
 * the configuration does not know. Dialled: {@code 911}, {@code 933}, {@code 9911} (outside-line 9)
 * or {@code normal} (a random ten-digit number). 1 024 inputs, distinct String instances, masked counter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouteBenchmark {

  private static final int SIZE = 1 << 10;
  private static final int MASK = SIZE - 1;

  @Param({"1000", "100000"})
  int agents;

  @Param({"verified", "unverified", "unknown"})
  String scenario;

  @Param({"911", "933", "9911", "normal"})
  String dialled;

  private final String[] ids = new String[SIZE];
  private final CharSequence[] numbers = new CharSequence[SIZE];
  private final NetworkObservation[] observations = new NetworkObservation[SIZE];
  private final IpAddress[] probes = new IpAddress[SIZE];
  private EmergencyRouter router;
  private NaiveRouter naive;
  private NetworkLocator locator;
  private Map<String, byte[]> documents;
  private byte[] fallbackDocument;
  private byte[] buffer;
  private int index;

  @Setup
  public void setup() throws Exception {
    Clock clock = Clock.systemUTC();
    long t0 = System.nanoTime();
    SyntheticContactCenter cc = SyntheticContactCenter.generate(agents, clock.instant());
    long t1 = System.nanoTime();
    E911 e911 = E911.builder().config(cc.config).clock(clock).entityDomain("contact.example.com").onEmergency(e -> { }).build();
    long t2 = System.nanoTime();
    router = e911.router();
    locator = e911.locations().locator();
    naive = new NaiveRouter(cc.config, clock);
    SplittableRandom random = new SplittableRandom(agents * 31L + scenario.hashCode() * 7L + dialled.hashCode());
    String[] drawn = switch (scenario) {
      case "verified" -> cc.agentsOf(SIZE, random, SyntheticContactCenter.Kind.HOME_VERIFIED, SyntheticContactCenter.Kind.OFFICE);
      case "unverified" -> cc.agentsOf(SIZE, random, SyntheticContactCenter.Kind.UNVERIFIED, SyntheticContactCenter.Kind.NO_LOCATION);
      case "unknown" -> null;
      default -> throw new IllegalArgumentException(scenario);
    };
    for (int i = 0; i < SIZE; i++) {
      if (drawn == null) {
        int ghost = random.nextInt(1_000_000);
        ids[i] = "ghost-" + ghost;
        observations[i] = cc.observations[ghost % agents];
      } else {
        ids[i] = drawn[i];
        observations[i] = cc.observations[SyntheticContactCenter.indexOf(drawn[i])];
      }
      probes[i] = observations[i].localAddresses().get(0);
      String d = dialled.equals("normal") ? "512" + (2_000_000 + random.nextInt(7_000_000)) : dialled;
      numbers[i] = new String(d.toCharArray());
    }
    // the floor's map: every agent's document as the router renders it now
    documents = new HashMap<>();
    IntSummaryStatistics lengths = new IntSummaryStatistics();
    for (String id : cc.agentIds) {
      byte[] doc = ((EmergencyRoute.Emergency) router.route(id, "911", null)).pidfLo();
      documents.put(id, doc);
    }
    fallbackDocument = ((EmergencyRoute.Emergency) router.route("ghost-0", "911", null)).pidfLo();
    int max = fallbackDocument.length;
    for (int i = 0; i < SIZE; i++) {
      EmergencyRoute fast = router.route(ids[i], numbers[i], observations[i]);
      EmergencyRoute slow = naive.route(ids[i], numbers[i], observations[i]);
      if (fast.classification() != slow.classification()) {
        throw new IllegalStateException("routers disagree on " + numbers[i] + ": " + fast + " / " + slow);
      }
      if (fast instanceof EmergencyRoute.Emergency e) {
        EmergencyRoute.Emergency n = (EmergencyRoute.Emergency) slow;
        if (!e.location().orElseThrow().address().equals(n.location().orElseThrow().address())) {
          throw new IllegalStateException("routers disagree on the location of " + ids[i]);
        }
        lengths.accept(e.pidfLoLength());
        max = Math.max(max, e.pidfLoLength());
      }
    }
    buffer = new byte[max];
    System.out.printf("%n[setup] %d agents: generated in %.2f s, E911 built (store + locator + router snapshot) in %.2f s; "
        + "PIDF-LO of the inputs: %s; B/op budget = PIDF-LO length + 200%n", agents, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
        lengths.getCount() == 0 ? "none (not an emergency)" : lengths.getMin() + "-" + lengths.getMax() + " bytes, mean "
            + Math.round(lengths.getAverage()));
    index = random.nextInt();
  }

  /** Reads the next input: the cost of the harness and the masked counter. */
  @Benchmark
  public Object baseline() {
    int i = index++ & MASK;
    return ids[i];
  }

  /** The router alone: its answer holds a fresh PIDF-LO array. */
  @Benchmark
  public EmergencyRoute route() {
    int i = index++ & MASK;
    return router.route(ids[i], numbers[i], observations[i]);
  }

  /** The headline: route, then write the PIDF-LO into the integration's reused buffer. */
  @Benchmark
  public Object routeWritePidfLo() {
    int i = index++ & MASK;
    EmergencyRoute r = router.route(ids[i], numbers[i], observations[i]);
    if (r instanceof EmergencyRoute.Emergency e) {
      e.writePidfLo(buffer, 0);
      return buffer;
    }
    return r;
  }

  /** Route, then take the document through the defensive-copy accessor (one more array). */
  @Benchmark
  public Object routePidfLo() {
    int i = index++ & MASK;
    EmergencyRoute r = router.route(ids[i], numbers[i], observations[i]);
    return r instanceof EmergencyRoute.Emergency e ? e.pidfLo() : r;
  }

  /** The floor: one HashMap.get, one longest-prefix lookup, one copy of the same bytes into a fresh array. */
  @Benchmark
  public Object floor() {
    int i = index++ & MASK;
    byte[] doc = documents.get(ids[i]);
    if (doc == null) {
      doc = fallbackDocument;
    }
    int entry = locator.subnetEntry(probes[i]);
    byte[] out = new byte[doc.length];
    System.arraycopy(doc, 0, out, 0, doc.length);
    out[0] ^= (byte) entry; // keep the lookup alive
    return out;
  }

  /** The comparison: regex compiled per call, linear subnet scan, DOM + Transformer PIDF-LO. */
  @Benchmark
  public EmergencyRoute naive() throws Exception {
    int i = index++ & MASK;
    return naive.route(ids[i], numbers[i], observations[i]);
  }
}
