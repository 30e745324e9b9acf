package dev.e911.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.agent.Agent;
import dev.e911.api.location.Location;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.routing.Classification;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.routing.RouteWarning;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.core.E911;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.config.NetworkMapping;
import dev.e911.core.network.IpPrefix;
import dev.e911.core.store.InMemoryLocationStore;
import dev.e911.testkit.store.FailingLocationStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code e911 chaos}: the emergency guarantee, measured on a real configuration. Builds the library
 * on the file, then for each fault (store down, carrier hanging, notifier hanging, a snapshot swap
 * storm, all at once) routes emergency calls from several threads while a churn thread keeps agents
 * moving, and reports how many calls were routed, the route latency (p50, p99, max) and the
 * warnings. The faults are injected in-process, in front of the real store, carrier and notifier.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
    description = "Route emergency calls while faults are injected (store down, carrier hanging, notifier hanging, snapshot swap storm).",
    footer = {"", "Examples:", "  ./e911 chaos --config examples/contact-center.json",
        "  ./e911 chaos --config examples/contact-center.json --faults store,swap --routes 50000 --format json", "",
        "Every emergency call must be routed, whatever fails; the figures are this machine's.",
        "Exit codes: 0 every call routed under every fault, 4 at least one call was not, 1 bad input, 2 usage."})
final class ChaosCommand implements Callable<Integer> {

  /** What can be broken. */
  enum Fault { store, carrier, notifier, swap }

  private static final String[] DIALLED = {"911", "9911", "933"};

  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "The contact-center configuration (JSON).")
  Path config;

  @Option(names = "--faults", split = ",", paramLabel = "FAULT",
      description = "Faults to run, each alone and then all together: store, carrier, notifier, swap (default: all of them).")
  List<Fault> faults;

  @Option(names = "--routes", defaultValue = "20000", paramLabel = "N", description = "Calls routed per scenario (default: ${DEFAULT-VALUE}).")
  int routes;

  @Option(names = "--threads", defaultValue = "4", paramLabel = "N", description = "Routing threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--seed", defaultValue = "911", description = "Seed of the call and churn mix (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  /** One scenario's figures. */
  record Outcome(String name, Set<Fault> faults, int routes, int failures, List<String> failureSamples, long p50Nanos,
      long p99Nanos, long maxNanos, Map<String, Integer> warnings, long churnOps, long churnErrors) {}

  @Override
  public Integer call() {
    if (routes < 1 || routes > 10_000_000) {
      throw new Output.BadInput("--routes must be between 1 and 10000000");
    }
    if (threads < 1 || threads > 64) {
      throw new Output.BadInput("--threads must be between 1 and 64");
    }
    ContactCenterConfig c = ConfigFiles.load(config);
    if (c.agents().isEmpty()) {
      throw new Output.BadInput(config + ": the configuration has no agents to route calls for");
    }
    Set<Fault> chosen = faults == null || faults.isEmpty() ? EnumSet.allOf(Fault.class) : EnumSet.copyOf(faults);
    List<Set<Fault>> scenarios = new ArrayList<>();
    scenarios.add(EnumSet.noneOf(Fault.class));
    chosen.forEach(f -> scenarios.add(EnumSet.of(f)));
    if (chosen.size() > 1) {
      scenarios.add(chosen);
    }
    List<Outcome> outcomes = new ArrayList<>();
    Progress progress = Progress.start(spec.commandLine().getErr(), "chaos", scenarios.size(), format);
    for (Set<Fault> s : scenarios) {
      progress.step(name(s));
      outcomes.add(run(c, s));
    }
    progress.finish();
    boolean held = outcomes.stream().allMatch(o -> o.failures() == 0);
    print(spec.commandLine().getOut(), c, outcomes, held);
    return held ? ExitCode.OK : ExitCode.AUDIT_ERRORS;
  }

  private Outcome run(ContactCenterConfig c, Set<Fault> active) {
    FailingLocationStore store = FailingLocationStore.over(InMemoryLocationStore.create());
    ChaosFaults.Notifier notifier = new ChaosFaults.Notifier();
    CarrierAdapter real = ConfigFiles.carrier(c, java.time.Clock.systemUTC(), "").orElse(null);
    ChaosFaults.Carrier carrier = real == null ? null : new ChaosFaults.Carrier(real);
    E911.Builder b = E911.builder().config(c).store(store).notifier(notifier).entityDomain("chaos.e911.invalid");
    if (carrier != null) {
      b.carrier(carrier);
    }
    try (E911 e911 = b.build()) {
      store.down(active.contains(Fault.store));
      notifier.hang.set(active.contains(Fault.notifier));
      if (carrier != null) {
        carrier.hang.set(active.contains(Fault.carrier));
      }
      AtomicBoolean running = new AtomicBoolean(true);
      LongAdder churnOps = new LongAdder();
      LongAdder churnErrors = new LongAdder();
      List<Thread> background = new ArrayList<>();
      background.add(start("e911-chaos-churn", true, () -> churn(e911, c, running, churnOps, churnErrors)));
      if (active.contains(Fault.swap)) {
        background.add(start("e911-chaos-swap", true, () -> {
          while (running.get()) {
            e911.router().publish(c, "chaos.e911.invalid");
          }
        }));
      }
      long[] latencies = new long[routes];
      AtomicInteger next = new AtomicInteger();
      AtomicInteger failures = new AtomicInteger();
      List<String> samples = java.util.Collections.synchronizedList(new ArrayList<>());
      Map<String, Integer> warnings = new ConcurrentHashMap<>();
      List<Thread> callers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SplittableRandom random = new SplittableRandom(seed + t);
        callers.add(start("e911-chaos-route-" + t, false, () -> {
          for (int i = next.getAndIncrement(); i < routes; i = next.getAndIncrement()) {
            Agent agent = c.agents().get(random.nextInt(c.agents().size()));
            String dialled = DIALLED[random.nextInt(DIALLED.length)];
            NetworkObservation o = random.nextBoolean() ? null : observation(c, random, e911);
            long start = System.nanoTime();
            String problem;
            try {
              problem = check(e911.router().route(agent.id(), dialled, o), dialled, warnings);
            } catch (RuntimeException ex) {
              problem = "route threw " + ex.getClass().getSimpleName();
            }
            latencies[i] = System.nanoTime() - start;
            if (problem != null) {
              failures.incrementAndGet();
              if (samples.size() < 5) {
                samples.add(agent.id() + " dialled " + dialled + ": " + problem);
              }
            }
          }
        }));
      }
      join(callers);
      running.set(false);
      notifier.release();
      if (carrier != null) {
        carrier.release();
      }
      join(background);
      Arrays.sort(latencies);
      return new Outcome(name(active), active, routes, failures.get(), List.copyOf(samples), latencies[routes / 2],
          latencies[Math.min(routes - 1, (int) Math.ceil(routes * 0.99) - 1)], latencies[routes - 1], new TreeMap<>(warnings),
          churnOps.sum(), churnErrors.sum());
    }
  }

  /** Null when the route is what an emergency call needs; else what is missing. */
  static String check(EmergencyRoute r, String dialled, Map<String, Integer> warnings) {
    Classification expected = dialled.equals("933") ? Classification.EMERGENCY_TEST : Classification.EMERGENCY;
    if (!(r instanceof EmergencyRoute.Emergency e)) {
      return "not routed as an emergency (" + r.classification() + ")";
    }
    for (RouteWarning w : e.warnings()) {
      warnings.merge(w.code().name(), 1, Integer::sum);
    }
    if (e.classification() != expected) {
      return "classified " + e.classification() + ", expected " + expected;
    }
    if (e.callbackNumber().isEmpty()
        && e.warnings().stream().noneMatch(w -> w.code() == RouteWarning.Code.NO_CALLBACK_NUMBER)) {
      return "no callback number, and no NO_CALLBACK_NUMBER warning saying so";
    }
    if (e.presentedNumber().isPresent() && e.callbackNumber().isEmpty()) {
      return "a number is presented that the 911 center cannot call back";
    }
    if (e.location().isEmpty() || e.pidfLoLength() == 0 || e.geolocation().isEmpty()) {
      return "no location, PIDF-LO or Geolocation header";
    }
    return null;
  }

  /** Keeps agents moving (observations, now and then a confirmation) through the store and the carrier. */
  private void churn(E911 e911, ContactCenterConfig c, AtomicBoolean running, LongAdder ops, LongAdder errors) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x911L);
    while (running.get()) {
      Agent agent = c.agents().get(random.nextInt(c.agents().size()));
      try {
        NetworkObservation o = observation(c, random, e911);
        if (o != null) {
          e911.locations().observe(agent.id(), o);
        }
        if (random.nextInt(8) == 0) {
          // an agent confirms their site's default address (the carrier validates it)
          Optional<Location> home = c.site(agent.siteId()).flatMap(s -> c.location(s.defaultLocationId()));
          if (home.isPresent()) {
            e911.locations().confirm(agent.id(), home.get().address(), agent.id());
          }
        }
      } catch (RuntimeException ex) {
        errors.increment();
      }
      ops.increment();
    }
  }

  /** An observation from inside one of the configuration's subnets, or null when it maps none. */
  private static NetworkObservation observation(ContactCenterConfig c, SplittableRandom random, E911 e911) {
    List<NetworkMapping> map = c.networkMap();
    if (map.isEmpty()) {
      return null;
    }
    NetworkMapping m = map.get(random.nextInt(map.size()));
    if (m.subnets().isEmpty()) {
      return null;
    }
    IpPrefix p = m.subnets().get(random.nextInt(m.subnets().size()));
    return NetworkObservation.builder(e911.locations().clock().instant()).localAddress(p.network().toString()).build();
  }

  private static Thread start(String name, boolean daemon, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(daemon);
    t.start();
    return t;
  }

  private static void join(List<Thread> threads) {
    for (Thread t : threads) {
      try {
        t.join(TimeUnit.MINUTES.toMillis(10));
        if (t.isAlive()) {
          throw new IllegalStateException(t.getName() + " did not finish within 10 minutes");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private static String name(Set<Fault> faults) {
    if (faults.isEmpty()) {
      return "none";
    }
    return String.join("+", faults.stream().map(Enum::name).toList());
  }

  private static String injected(Fault f) {
    return switch (f) {
      case store -> "every store call throws StoreException";
      case carrier -> "every carrier call hangs until the scenario ends";
      case notifier -> "the on-site notifier hangs until the scenario ends";
      case swap -> "the configuration is republished continuously";
    };
  }

  private void print(PrintWriter out, ContactCenterConfig c, List<Outcome> outcomes, boolean held) {
    if (format == Format.json) {
      ObjectNode doc = Output.F.objectNode();
      doc.put("config", c.name());
      doc.put("threads", threads);
      doc.put("routesPerScenario", routes);
      doc.put("seed", seed);
      doc.put("guaranteeHeld", held);
      ArrayNode list = doc.putArray("scenarios");
      for (Outcome o : outcomes) {
        ObjectNode n = list.addObject();
        n.put("name", o.name());
        ArrayNode inj = n.putArray("injected");
        o.faults().forEach(f -> inj.addObject().put("fault", f.name()).put("what", injected(f)));
        n.put("routes", o.routes());
        n.put("failures", o.failures());
        ArrayNode fs = n.putArray("failureSamples");
        o.failureSamples().forEach(fs::add);
        n.put("p50Micros", o.p50Nanos() / 1000.0);
        n.put("p99Micros", o.p99Nanos() / 1000.0);
        n.put("maxMicros", o.maxNanos() / 1000.0);
        ObjectNode w = n.putObject("warnings");
        o.warnings().forEach(w::put);
        n.put("churnOps", o.churnOps());
        n.put("churnErrors", o.churnErrors());
      }
      out.println(Output.json(doc));
      return;
    }
    out.printf("Emergency calls under faults: %s, %d threads, %d calls per scenario (seed %d)%n%n", c.name(), threads, routes, seed);
    out.printf("%-32s %8s %8s %10s %10s %10s %12s%n", "faults", "routed", "failed", "p50 µs", "p99 µs", "max µs", "churn (err)");
    for (Outcome o : outcomes) {
      out.printf("%-32s %8d %8d %10.1f %10.1f %10.1f %12s%n", o.name(), o.routes() - o.failures(), o.failures(),
          o.p50Nanos() / 1000.0, o.p99Nanos() / 1000.0, o.maxNanos() / 1000.0, o.churnOps() + " (" + o.churnErrors() + ")");
      o.failureSamples().forEach(s -> out.println("    ! " + s));
    }
    out.println();
    for (Fault f : EnumSet.allOf(Fault.class)) {
      if (outcomes.stream().anyMatch(o -> o.faults().contains(f))) {
        out.println("  " + f + ": " + injected(f));
      }
    }
    out.println(held ? "Every emergency call was routed under every fault."
        : "Some emergency calls were NOT routed: the guarantee did not hold (exit 4).");
  }
}
