package dev.e911.genesys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.network.NetworkObservation;
import dev.e911.api.spi.PlatformResult;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.gate.AvailabilityGate;
import dev.e911.core.gate.GateDecision;
import dev.e911.core.gate.LiveHardStop;
import dev.e911.core.location.LocationService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live hard stop end to end: the core {@link LiveHardStop} over the real {@link GenesysPlatform}
 * against FakeGenesys's REST API and loopback websocket; Jane (Genesys u-jane) is e911's maria, who has
 * no verified location; Bob (u-bob) is grace, verified at the office.
 */
class LiveHardStopGenesysTest {

  static final ContactCenterConfig CONFIG = ConfigLoader.load(Path.of("..", "examples", "contact-center.json"));
  static final Map<String, String> AGENTS = Map.of("u-jane", "maria", "u-bob", "grace");

  final FakeGenesys fake = new FakeGenesys().cleanOrg();
  final List<LiveHardStop.Enforcement> told = new CopyOnWriteArrayList<>();
  GenesysPlatform genesys;
  LiveHardStop stop;
  AvailabilityGate gate;

  @BeforeEach
  void gate() {
    LocationService service = LocationService.builder(CONFIG).build();
    service.observe("grace", NetworkObservation.builder(java.time.Instant.now()).localAddress("10.10.2.57").build());
    gate = new AvailabilityGate(service);
    assertThat(gate.check("grace").allowed()).isTrue();
    assertThat(gate.check("maria")).isInstanceOf(GateDecision.Block.class);
  }

  @AfterEach
  void close() {
    if (stop != null) {
      stop.close();
    }
    if (genesys != null) {
      genesys.close();
    }
    fake.close();
  }

  void start(GenesysPlatform.Builder b) {
    genesys = b.heartbeatTimeout(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
        .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200)).build();
    LiveHardStop.Policy d = LiveHardStop.Policy.defaults();
    stop = LiveHardStop.builder(genesys, gate).onEnforcement(told::add)
        .policy(new LiveHardStop.Policy(d.reasonPrefix(), d.instruction(), Duration.ofMillis(300), 100, 1000)).build();
    assertThat(stop.start(AGENTS)).isInstanceOf(PlatformResult.Ok.class);
  }

  static void await(BooleanSupplier c) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!c.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition in time").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  String presenceOf(String user) {
    synchronized (fake) {
      var p = fake.presences.get(user);
      return p == null ? "" : p.path("presenceDefinition").path("systemPresence").asText();
    }
  }

  /** Jane goes On Queue, is set back to Busy with the reason, Bob stays Available. */
  void janeIsSetBackAndBobIsNot(int before) throws InterruptedException {
    fake.setPresence("u-bob", "Available");
    fake.setPresence("u-jane", "On Queue");
    await(() -> told.size() > before && "Busy".equals(presenceOf("u-jane")));
    LiveHardStop.Enforcement e = told.get(told.size() - 1);
    assertThat(e.userId()).isEqualTo("u-jane");
    assertThat(e.agentId()).isEqualTo("maria");
    assertThat(e.outcome()).isEqualTo(new LiveHardStop.Outcome.Applied("Busy"));
    synchronized (fake) {
      assertThat(fake.presences.get("u-jane").path("message").asText()).isEqualTo(e.message())
          .startsWith("E911: no verified 911 location");
      assertThat(fake.routingStatus.get("u-jane")).isEqualTo("OFF_QUEUE");
    }
    assertThat(presenceOf("u-bob")).isEqualTo("Available");
  }

  @Test
  void setsABlockedAgentBackOverTheLiveSocketAndNotItsOwnChange() throws Exception {
    start(fake.platform());
    await(() -> fake.notifications.connected().size() == 1);
    janeIsSetBackAndBobIsNot(0);
    // the Busy / OFF_QUEUE events its own PATCH caused come back over the socket and trigger nothing
    Thread.sleep(500);
    assertThat(told).hasSize(1);
    assertThat(fake.server.requests("PATCH", "/api/v2/users/u-jane/presences/purecloud")).hasSize(1);
    assertThat(fake.server.requests("PATCH", "/api/v2/users/u-bob/presences/purecloud")).isEmpty();
    assertThat(stop.status().connected()).isTrue();
  }

  @Test
  void anAgentAlreadyOnQueueAtStartIsSetBack() throws Exception {
    fake.setPresence("u-jane", "Available");
    start(fake.platform());
    await(() -> told.size() == 1 && "Busy".equals(presenceOf("u-jane")));
  }

  @Test
  void keepsEnforcingAfterTheSocketDrops() throws Exception {
    start(fake.platform());
    await(() -> fake.notifications.connected().size() == 1);
    fake.notifications.dropSockets();
    await(() -> fake.notifications.channels.size() == 2 && fake.notifications.connected().size() == 1);
    janeIsSetBackAndBobIsNot(0);
  }

  @Test
  void keepsEnforcingAfterSocketClosing() throws Exception {
    start(fake.platform());
    await(() -> fake.notifications.connected().size() == 1);
    fake.notifications.socketClosing();
    await(() -> fake.notifications.channels.size() == 2 && fake.notifications.connected().size() == 1
        && fake.notifications.connected().get(0).id.startsWith("streaming-2"));
    janeIsSetBackAndBobIsNot(0);
  }

  @Test
  void keepsEnforcingAfterTheChannelExpires() throws Exception {
    start(fake.platform());
    await(() -> fake.notifications.connected().size() == 1);
    fake.notifications.expireChannels();
    await(() -> fake.notifications.channels.size() == 2 && fake.notifications.connected().size() == 1);
    janeIsSetBackAndBobIsNot(0);
  }

  @Test
  void enforcesByPollingWhenUpgradesAreRefused() throws Exception {
    fake.notifications.refuseUpgrades = true;
    start(fake.platform());
    await(() -> !stop.status().connected());
    assertThat(stop.status().connection()).contains("polling");
    janeIsSetBackAndBobIsNot(0);
    assertThat(fake.notifications.connected()).isEmpty();
  }

  @Test
  void recordsTheFailureWhenGenesysRefusesThePresenceChangeAndRetries() throws Exception {
    start(fake.platform());
    await(() -> fake.notifications.connected().size() == 1);
    fake.fault("PATCH", "/api/v2/users/u-jane/presences", FakeGenesys.error(403, "missing.permissions",
        "Missing permission presence:userPresence:edit"));
    fake.setPresence("u-jane", "Available");
    await(() -> told.size() == 1);
    assertThat(told.get(0).outcome()).isInstanceOfSatisfying(LiveHardStop.Outcome.Failed.class,
        f -> assertThat(f.failure().message()).contains("presence:userPresence:edit"));
    fake.setPresence("u-jane", "Available");
    await(() -> told.size() == 2 && told.get(1).applied());
  }
}
