package dev.e911.benchmarks.route;

import dev.e911.core.location.LocationService;
import dev.e911.core.route.EmergencyRouter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Retained heap of the router's state for N agents (no JOL on the class path: used heap after forced
 * GCs, read from the {@link MemoryMXBean}), in stages, with the wall time of each stage:
 * <ol>
 *   <li>the {@code ContactCenterConfig} alone (what the file would load);
 *   <li>plus the {@code LocationService} (in-memory store, network locator, claims);
 *   <li>plus the {@code EmergencyRouter} snapshot (one entry and one pre-rendered PIDF-LO per agent).
 * </ol>
 * Run: {@code java -Xmx8g -cp e911-benchmarks/target/benchmarks.jar dev.e911.benchmarks.route.RetainedHeap 100000 250000}.
 * Each N is measured from an empty heap (everything of the previous N is dropped first).
 */
public final class RetainedHeap {

  private RetainedHeap() {}

  public static void main(String[] args) {
    System.out.printf(Locale.ROOT, "%10s %12s %12s %12s %12s %10s %10s %10s %10s%n", "agents", "baseline MB", "config MB",
        "service MB", "router MB", "gen s", "service s", "router s", "B/agent");
    for (String arg : args) {
      measure(Integer.parseInt(arg));
    }
  }

  private static void measure(int n) {
    Instant now = Instant.parse("2026-11-25T14:00:00Z");
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    long base = usedAfterGc();
    long t0 = System.nanoTime();
    SyntheticContactCenter cc = SyntheticContactCenter.generate(n, now);
    long t1 = System.nanoTime();
    long config = usedAfterGc();
    LocationService locations = LocationService.builder(cc.config).clock(clock).build();
    long t2 = System.nanoTime();
    long service = usedAfterGc();
    EmergencyRouter router = EmergencyRouter.create(locations, cc.config, "contact.example.com", null);
    long t3 = System.nanoTime();
    long withRouter = usedAfterGc();
    System.out.printf(Locale.ROOT, "%10d %12.1f %12.1f %12.1f %12.1f %10.2f %10.2f %10.2f %10.0f%n", n, mb(base),
        mb(config - base), mb(service - config), mb(withRouter - service), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
        (double) (withRouter - service) / n);
    // keep everything reachable until after the last measurement
    if (router.hashCode() == System.identityHashCode(cc) && locations.hashCode() == 0) {
      System.out.println();
    }
  }

  private static long usedAfterGc() {
    MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, bean.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static double mb(long bytes) {
    return bytes / 1_000_000.0;
  }
}
