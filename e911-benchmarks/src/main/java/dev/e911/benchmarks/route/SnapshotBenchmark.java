package dev.e911.benchmarks.route;

import dev.e911.core.location.LocationService;
import dev.e911.core.route.EmergencyRouter;
import java.time.Clock;
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
 * Snapshot rebuild: {@code EmergencyRouter.publish(config, domain)} for a whole
 * {@link SyntheticContactCenter} — what a configuration change costs (compile the dial plan, index
 * sites, locations and agents, and rebuild every agent's entry with its pre-rendered PIDF-LO).
 * Single shot: every measured publish is one whole rebuild. Retained heap is measured separately by
 * {@link RetainedHeap} (a small {@code main}), not here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SnapshotBenchmark {

  @Param({"10000", "100000"})
  int agents;

  private SyntheticContactCenter cc;
  private EmergencyRouter router;

  @Setup
  public void setup() {
    Clock clock = Clock.systemUTC();
    cc = SyntheticContactCenter.generate(agents, clock.instant());
    LocationService locations = LocationService.builder(cc.config).clock(clock).build();
    router = EmergencyRouter.create(locations, cc.config, "contact.example.com", null);
  }

  @Benchmark
  public EmergencyRouter publish() {
    router.publish(cc.config, "contact.example.com");
    return router;
  }
}
