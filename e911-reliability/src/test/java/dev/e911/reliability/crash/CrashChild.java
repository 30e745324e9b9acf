package dev.e911.reliability.crash;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.agent.Agent;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.location.LocationService;
import dev.e911.core.store.JdbcLocationStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;

/**
 * The JVM the crash test kills: opens the H2 file store, finishes what the last run left in the
 * outbox, prints {@code READY}, then confirms addresses for random agents (confirm → validate →
 * provision → assign) until it is killed. Arguments: config file, database URL, ledger base URI, seed.
 */
public final class CrashChild {

  private CrashChild() {}

  public static void main(String[] args) {
    ContactCenterConfig config = ConfigLoader.load(Path.of(args[0]));
    String url = args[1];
    URI ledger = URI.create(args[2]);
    long seed = Long.parseLong(args[3]);
    JdbcLocationStore store = JdbcLocationStore.builder().url(url).clock(Clock.systemUTC()).createSchema(true).build();
    LocationService service = service(config, store, ledger, Clock.systemUTC());
    service.processOutbox(); // recovery: what the killed run left behind
    System.out.println("READY");
    System.out.flush();
    Random random = new Random(seed);
    List<Agent> agents = config.agents();
    DispatchableAddress base = config.locations().get(0).address();
    for (int n = 0; ; n++) {
      Agent agent = agents.get(random.nextInt(agents.size()));
      service.confirm(agent.id(), address(base, seed, n), "crash-test");
      if (random.nextInt(8) == 0) {
        service.processOutbox();
      }
    }
  }

  static LocationService service(ContactCenterConfig config, JdbcLocationStore store, URI ledger, Clock clock) {
    return LocationService.builder(config).clock(clock).store(store)
        .carrier(new LedgerAdapters.Carrier(ledger, clock))
        .platform(new LedgerAdapters.Platform(ledger))
        .build();
  }

  /** A unique, dispatchable address per (run, confirmation). */
  static DispatchableAddress address(DispatchableAddress base, long seed, int n) {
    return base.toBuilder().set(CivicElement.UNIT, "Unit " + Long.toHexString(seed & 0xffffffL) + "-" + n)
        .build().withoutValidation();
  }
}
