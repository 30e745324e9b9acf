package dev.e911.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.network.NetworkObservation;
import dev.e911.api.spi.PlatformAdapter;
import dev.e911.api.spi.PlatformEvent;
import dev.e911.api.spi.PlatformInventory;
import dev.e911.api.spi.PlatformResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.location.LocationService;
import dev.e911.core.testing.MutableClock;
import dev.e911.testkit.platform.InMemoryPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live hard stop over the in-memory platform's event stream. */
class LiveHardStopTest {

  static final ContactCenterConfig CONFIG = ConfigLoader.load(Path.of("..", "examples", "contact-center.json"));

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T14:00:00Z"));
  final LocationService service = LocationService.builder(CONFIG).clock(clock).build();
  final AvailabilityGate gate = new AvailabilityGate(service);
  final InMemoryPlatform platform = new InMemoryPlatform(new PlatformInventory(List.of(), List.of(), List.of()), clock);
  final List<LiveHardStop.Enforcement> told = new CopyOnWriteArrayList<>();
  LiveHardStop stop;

  @AfterEach
  void close() {
    if (stop != null) {
      stop.close();
    }
  }

  LiveHardStop start(LiveHardStop.Policy policy, String... agents) {
    stop = LiveHardStop.builder(platform, gate).policy(policy).clock(clock).onEnforcement(told::add).build();
    assertThat(stop.start(List.of(agents))).isInstanceOf(PlatformResult.Ok.class);
    return stop;
  }

  static LiveHardStop.Policy settle(Duration d) {
    LiveHardStop.Policy p = LiveHardStop.Policy.defaults();
    return new LiveHardStop.Policy(p.reasonPrefix(), p.instruction(), d, 5, p.queueCapacity());
  }

  static void await(BooleanSupplier c) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!c.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition in time").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  void graceAtTheOffice() {
    service.observe("grace", NetworkObservation.builder(clock.instant()).localAddress("10.10.2.57").build());
    assertThat(gate.check("grace").allowed()).isTrue();
  }

  @Test
  void aBlockedAgentGoingAvailableIsSetBackWithTheReason() throws Exception {
    assertThat(gate.check("maria")).isInstanceOf(GateDecision.Block.class);
    start(settle(Duration.ZERO), "maria");
    platform.setPresence("maria", "Available", "");
    await(() -> stop.enforcements().size() == 1);
    LiveHardStop.Enforcement e = stop.enforcements().get(0);
    assertThat(e.userId()).isEqualTo("maria");
    assertThat(e.reason()).isEqualTo(GateDecision.Reason.NO_LOCATION);
    assertThat(e.message()).startsWith("E911: no verified 911 location.");
    assertThat(e.outcome()).isEqualTo(new LiveHardStop.Outcome.Applied("Away"));
    assertThat(e.at()).isEqualTo(clock.instant());
    assertThat(platform.presence("maria")).isEqualTo("Away");
    assertThat(platform.changes()).containsExactly(new InMemoryPlatform.Change("forceNotReady", "maria", e.message()));
    assertThat(told).containsExactly(e);
  }

  @Test
  void onQueueByPresenceOrByRoutingStatusIsEnforcedAndSpellingsAreNormalised() throws Exception {
    start(settle(Duration.ZERO), "maria", "luis");
    platform.setPresence("maria", "ON_QUEUE", "");
    await(() -> stop.enforcements().size() == 1);
    platform.setPresence("luis", "Busy", "INTERACTING");
    await(() -> stop.enforcements().size() == 2);
    assertThat(stop.enforcements()).extracting(LiveHardStop.Enforcement::userId).containsExactly("maria", "luis");
    assertThat(LiveHardStop.ready("On Queue", "")).isTrue();
    assertThat(LiveHardStop.ready("onqueue", "")).isTrue();
    assertThat(LiveHardStop.ready("Idle", "OFF_QUEUE")).isFalse();
    assertThat(LiveHardStop.ready("Busy", "NOT_RESPONDING")).isTrue();
  }

  @Test
  void allowedAgentsNotReadyStatesAndOtherUsersAreLeftAlone() throws Exception {
    graceAtTheOffice();
    start(settle(Duration.ZERO), "grace", "maria");
    platform.setPresence("grace", "Available", "IDLE");
    platform.setPresence("maria", "Busy", "OFF_QUEUE");
    platform.setPresence("maria", "Away", "");
    platform.setPresence("dwayne", "Available", ""); // not subscribed
    platform.setPresence("maria", "Available", ""); // a marker: processed after all the above
    await(() -> stop.enforcements().size() == 1);
    assertThat(stop.enforcements()).extracting(LiveHardStop.Enforcement::userId).containsExactly("maria");
    assertThat(stop.status().events()).isEqualTo(4);
    assertThat(platform.presence("grace")).isEqualTo("Available");
  }

  @Test
  void itsOwnNotReadyChangeDoesNotTriggerItAgain() throws Exception {
    // a platform that, like Genesys, reports the presence the hard stop sets as a new event
    InMemoryPlatform echoing = new InMemoryPlatform(new PlatformInventory(List.of(), List.of(), List.of()), clock);
    PlatformAdapter echo = new Delegating(echoing) {
      @Override
      public PlatformResult<String> forceNotReady(String userId, String reason) {
        PlatformResult<String> r = echoing.forceNotReady(userId, reason);
        echoing.setPresence(userId, "Away", "OFF_QUEUE");
        return r;
      }
    };
    stop = LiveHardStop.builder(echo, gate).policy(settle(Duration.ZERO)).build();
    stop.start(List.of("maria"));
    echoing.setPresence("maria", "Available", "");
    await(() -> stop.status().events() >= 2 && stop.enforcements().size() == 1);
    Thread.sleep(100);
    assertThat(stop.enforcements()).hasSize(1);
    assertThat(echoing.changes()).hasSize(1);
  }

  @Test
  void readyEventsInTheSettleWindowAreCoalescedIntoOneRecheck() throws Exception {
    start(settle(Duration.ofMillis(300)), "maria");
    platform.setPresence("maria", "On Queue", "");
    await(() -> stop.enforcements().size() == 1);
    // the routing-status event of the same change, then the agent clicks Available again at once
    platform.setPresence("maria", "", "IDLE");
    platform.setPresence("maria", "Available", "");
    await(() -> stop.status().rechecks() == 1);
    assertThat(stop.status().coalesced()).isEqualTo(2);
    assertThat(stop.enforcements()).hasSize(1);
    assertThat(platform.presence("maria")).isEqualTo("Away"); // the re-check set her back again
  }

  @Test
  void platformFailuresAreRecordedTypedAndTheNextChangeIsEnforced() throws Exception {
    start(settle(Duration.ZERO), "maria");
    platform.failNext(1);
    platform.setPresence("maria", "Available", "");
    await(() -> stop.enforcements().size() == 1);
    assertThat(stop.enforcements().get(0).outcome()).isInstanceOfSatisfying(LiveHardStop.Outcome.Failed.class,
        f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT));
    assertThat(platform.presence("maria")).isEqualTo("Available");
    platform.setPresence("maria", "Available", "");
    await(() -> stop.enforcements().size() == 2);
    assertThat(stop.enforcements().get(1).applied()).isTrue();
    assertThat(stop.status().failed()).isEqualTo(1);
    assertThat(stop.status().applied()).isEqualTo(1);
  }

  @Test
  void anAdapterThatThrowsDoesNotStopIt() throws Exception {
    PlatformAdapter broken = new Delegating(platform) {
      @Override
      public PlatformResult<String> forceNotReady(String userId, String reason) {
        throw new IllegalStateException("boom");
      }
    };
    stop = LiveHardStop.builder(broken, gate).policy(settle(Duration.ZERO)).build();
    stop.start(List.of("maria", "luis"));
    platform.setPresence("maria", "Available", "");
    platform.setPresence("luis", "Available", "");
    await(() -> stop.enforcements().size() == 2);
    assertThat(stop.enforcements()).allSatisfy(e -> assertThat(e.outcome()).isInstanceOf(LiveHardStop.Outcome.Failed.class));
  }

  @Test
  void recordsAreBounded() throws Exception {
    start(settle(Duration.ZERO), "maria"); // keeps 5
    for (int i = 0; i < 8; i++) {
      platform.setPresence("maria", "Available", "");
      int n = i + 1;
      await(() -> stop.status().applied() == n);
    }
    assertThat(stop.enforcements()).hasSize(5);
    assertThat(stop.status().applied()).isEqualTo(8);
  }

  @Test
  void aRefusedSubscriptionIsReturnedTypedAndLeavesNoWorker() {
    PlatformAdapter refusing = new Delegating(platform) {
      @Override
      public PlatformResult<Subscription> subscribe(Set<String> userIds, Consumer<PlatformEvent> listener) {
        return new PlatformResult.Failed<>(RemoteFailure.of(RemoteFailure.Kind.PERMISSION, "missing presence:userPresence:view"));
      }
    };
    stop = LiveHardStop.builder(refusing, gate).build();
    PlatformResult<LiveHardStop> r = stop.start(List.of("maria"));
    assertThat(r).isInstanceOfSatisfying(PlatformResult.Failed.class,
        f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.PERMISSION));
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive() && t.getName().equals("e911-live-hard-stop"));
    assertThat(stop.status().connected()).isFalse();
  }

  @Test
  void aSubscribeThatThrowsIsATypedFailure() {
    PlatformAdapter throwing = new Delegating(platform) {
      @Override
      public PlatformResult<Subscription> subscribe(Set<String> userIds, Consumer<PlatformEvent> listener) {
        throw new IllegalStateException("boom");
      }
    };
    stop = LiveHardStop.builder(throwing, gate).build();
    assertThat(stop.start(List.of("maria"))).isInstanceOf(PlatformResult.Failed.class);
  }

  @Test
  void closingUnsubscribesAndStopsTheWorker() throws Exception {
    start(settle(Duration.ZERO), "maria");
    assertThat(stop.status().connected()).isTrue();
    stop.close();
    platform.setPresence("maria", "Available", "");
    Thread.sleep(50);
    assertThat(stop.enforcements()).isEmpty();
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive() && t.getName().equals("e911-live-hard-stop"));
    assertThat(stop.start(List.of("maria"))).isInstanceOf(PlatformResult.Unsupported.class);
  }

  @Test
  void connectionChangesAreReflectedInTheStatus() throws Exception {
    start(settle(Duration.ZERO), "maria");
    platform.emit(new PlatformEvent.ConnectionChanged(false, "socket dropped; polling", clock.instant()));
    assertThat(stop.status().connected()).isFalse();
    assertThat(stop.status().connection()).contains("polling");
  }

  @Test
  void thePolicyIsChecked() {
    assertThatThrownBy(() -> new LiveHardStop.Policy("", "x".repeat(200), Duration.ofMinutes(5), 0, 1))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("reasonPrefix").hasMessageContaining("instruction").hasMessageContaining("settle")
        .hasMessageContaining("maxRecords").hasMessageContaining("queueCapacity");
  }

  @Test
  void theMessageNamesTheReason() {
    LiveHardStop s = LiveHardStop.builder(platform, gate).build();
    assertThat(s.message(GateDecision.Reason.STALE)).isEqualTo(
        "E911: 911 location confirmation expired. Confirm your work address in e911 before going Available.");
    assertThat(s.message(GateDecision.Reason.CALLBACK_NOT_PROVISIONED)).contains("no 911 callback number");
  }

  @Test
  void aMappedUserIdIsEnforcedForItsAgent() throws Exception {
    stop = LiveHardStop.builder(platform, gate).policy(settle(Duration.ZERO)).build();
    stop.start(Map.of("5d1f-maria-uuid", "maria"));
    platform.setPresence("5d1f-maria-uuid", "Available", "");
    await(() -> stop.enforcements().size() == 1);
    assertThat(stop.enforcements().get(0).agentId()).isEqualTo("maria");
    assertThat(platform.presence("5d1f-maria-uuid")).isEqualTo("Away");
  }

  /** Passes everything to another adapter (tests override one method). */
  static class Delegating implements PlatformAdapter {
    final PlatformAdapter d;

    Delegating(PlatformAdapter d) {
      this.d = d;
    }

    @Override public String id() { return d.id(); }
    @Override public PlatformResult<PlatformInventory> readInventory() { return d.readInventory(); }
    @Override public PlatformResult<String> upsertLocation(dev.e911.api.location.Location l) { return d.upsertLocation(l); }
    @Override public PlatformResult<String> assignLocation(String u, dev.e911.api.location.Location l) { return d.assignLocation(u, l); }
    @Override public PlatformResult<String> forceNotReady(String u, String r) { return d.forceNotReady(u, r); }
    @Override public PlatformResult<dev.e911.api.spi.ConfigurationFix.Outcome> applyFix(dev.e911.api.spi.ConfigurationFix f, boolean dry) {
      return d.applyFix(f, dry);
    }
    @Override public PlatformResult<Subscription> subscribe(Set<String> u, Consumer<PlatformEvent> l) { return d.subscribe(u, l); }
  }
}
