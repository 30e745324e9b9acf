package dev.e911.core.location;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.LocationChange;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.config.Policies;
import dev.e911.core.gate.AvailabilityGate;
import dev.e911.core.gate.GateDecision;
import dev.e911.core.testing.MutableClock;
import dev.e911.testkit.carrier.Fault;
import dev.e911.testkit.reference.ReferenceCarrier;
import dev.e911.testkit.reference.ReferenceDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The location state machine, transition by transition, each test named after the rule it proves. */
class LocationServiceTest {

  static final ContactCenterConfig CONFIG = ConfigLoader.load(Path.of("..", "examples", "contact-center.json"));
  static final DispatchableAddress MARIA_HOME = DispatchableAddress.builder("US").houseNumber("4521")
      .streetName("Avenida de los Árboles").unit("Apt 2B").city("Austin").state("TX").postalCode("78745").build();
  static final DispatchableAddress MARIA_HOME_WRONG_ZIP = MARIA_HOME.toBuilder().postalCode("78704").build();

  MutableClock clock;
  ReferenceDatabase carrierDb;
  LocationService service;
  AvailabilityGate gate;
  List<LocationEvent> events;

  @BeforeEach
  void setUp() {
    build(CONFIG);
  }

  void build(ContactCenterConfig config) {
    build(config, false);
  }

  void build(ContactCenterConfig config, boolean asynchronousCarrier) {
    clock = new MutableClock(Instant.parse("2026-11-25T14:00:00Z"));
    carrierDb = ReferenceDatabase.builder().clock(clock).asynchronous(asynchronousCarrier).build();
    carrierDb.addAddress(MARIA_HOME.toBuilder().unit(null).build());
    ReferenceCarrier carrier = ReferenceCarrier.builder(carrierDb).clock(clock).backoff(Duration.ofMillis(1)).maxAttempts(2).orderPolls(1).build();
    events = new ArrayList<>();
    service = LocationService.builder(config).clock(clock).carrier(carrier).listener(events::add).build();
    gate = new AvailabilityGate(service);
  }

  NetworkObservation home() {
    return NetworkObservation.builder(clock.instant()).localAddress("192.168.1.23").publicAddress("192.0.2.77").build();
  }

  NetworkObservation coffeeShop() {
    return NetworkObservation.builder(clock.instant()).localAddress("172.20.4.9").publicAddress("192.0.2.200").build();
  }

  @Test
  @DisplayName("KNOWN_NETWORK_VERIFIES: an office subnet puts the agent at that floor, verified, and the gate allows")
  void knownNetworkVerifies() {
    ObserveOutcome o = service.observe("grace", NetworkObservation.builder(clock.instant()).localAddress("10.10.2.57").build());
    assertThat(o.rule()).isEqualTo(Rule.KNOWN_NETWORK_VERIFIES);
    assertThat(o.next()).isEqualTo(NextAction.NONE);
    AgentLocation l = o.location().orElseThrow();
    assertThat(l.source()).isEqualTo(LocationSource.NETWORK_MATCH);
    assertThat(l.verification()).isEqualTo(VerificationState.REMOTE_VERIFIED);
    assertThat(l.locationId()).hasValue("sf-hq-2");
    assertThat(gate.check("grace").allowed()).isTrue();
  }

  @Test
  @DisplayName("UNKNOWN_NETWORK: a home network puts a new agent on the site default, unverified, and the gate blocks")
  void unknownNetwork() {
    ObserveOutcome o = service.observe("maria", home());
    assertThat(o.rule()).isEqualTo(Rule.UNKNOWN_NETWORK);
    assertThat(o.next()).isEqualTo(NextAction.PROMPT);
    assertThat(o.location().orElseThrow().source()).isEqualTo(LocationSource.SITE_DEFAULT);
    assertThat(o.location().orElseThrow().verification()).isEqualTo(VerificationState.UNVERIFIED);
    assertThat(gate.check("maria")).isInstanceOfSatisfying(GateDecision.Block.class, b -> {
      assertThat(b.reason()).isEqualTo(GateDecision.Reason.UNVERIFIED);
      assertThat(b.message()).contains("Confirm the address");
    });
  }

  @Test
  @DisplayName("PUBLIC_RANGE: a home office behind the corporate VPN is not placed at HQ")
  void publicRangeDoesNotVerify() {
    ObserveOutcome o = service.observe("maria", NetworkObservation.builder(clock.instant()).localAddress("192.168.1.23")
        .publicAddress("198.51.100.3").build());
    assertThat(o.match().bestLocationId()).hasValue("sf-hq-lobby");
    assertThat(o.rule()).isEqualTo(Rule.UNKNOWN_NETWORK);
    assertThat(o.location().orElseThrow().verification()).isEqualTo(VerificationState.UNVERIFIED);
  }

  @Test
  @DisplayName("CONFIRMED_AND_PROVISIONED: a validated address is provisioned for the DID, then the agent is verified")
  void confirmedAndProvisioned() {
    service.observe("maria", home());
    ConfirmOutcome c = service.confirm("maria", MARIA_HOME, "maria");
    assertThat(c).isInstanceOfSatisfying(ConfirmOutcome.Verified.class, v -> {
      assertThat(v.location().source()).isEqualTo(LocationSource.USER_CONFIRMED);
      assertThat(v.location().address().validation()).isPresent();
      assertThat(v.location().fingerprint()).isEqualTo(home().fingerprint());
    });
    assertThat(carrierDb.binding(BindingKey.number("+15125550117")).orElseThrow().sameCivicAddress(MARIA_HOME)).isTrue();
    assertThat(gate.check("maria").allowed()).isTrue();
    assertThat(events).extracting(LocationEvent::rule).containsExactly(Rule.UNKNOWN_NETWORK,
        Rule.CONFIRMED_AND_PROVISIONED, Rule.CONFIRMED_AND_PROVISIONED);
    assertThat(service.history("maria", 10)).extracting(LocationChange::verification)
        .containsExactly(VerificationState.REMOTE_VERIFIED, VerificationState.UNVERIFIED, VerificationState.UNVERIFIED);
  }

  @Test
  @DisplayName("SAME_NETWORK_KEEPS_VERIFICATION, NETWORK_CHANGED and VERIFICATION_AGED in sequence")
  void networkChangeAndAge() {
    service.observe("maria", home());
    service.confirm("maria", MARIA_HOME, "maria");
    clock.advance(Duration.ofHours(2));
    assertThat(service.observe("maria", home()).rule()).isEqualTo(Rule.SAME_NETWORK_KEEPS_VERIFICATION);

    ObserveOutcome moved = service.observe("maria", coffeeShop());
    assertThat(moved.rule()).isEqualTo(Rule.NETWORK_CHANGED);
    assertThat(moved.next()).isEqualTo(NextAction.PROMPT);
    assertThat(moved.location().orElseThrow().address()).isEqualTo(service.current("maria").orElseThrow().address());
    assertThat(((GateDecision.Block) gate.check("maria")).reason()).isEqualTo(GateDecision.Reason.UNVERIFIED);

    service.observe("maria", home());
    service.confirm("maria", MARIA_HOME, "maria");
    clock.advance(Duration.ofHours(12));
    assertThat(((GateDecision.Block) gate.check("maria")).reason()).isEqualTo(GateDecision.Reason.STALE);
    ObserveOutcome aged = service.observe("maria", home());
    assertThat(aged.rule()).isEqualTo(Rule.VERIFICATION_AGED);
    assertThat(aged.next()).isEqualTo(NextAction.REVERIFY);
    assertThat(aged.location().orElseThrow().verification()).isEqualTo(VerificationState.STALE);
  }

  @Test
  @DisplayName("a correction is a suggestion: nothing is applied until the agent accepts it")
  void correctionIsASuggestion() {
    service.observe("maria", home());
    ConfirmOutcome c = service.confirm("maria", MARIA_HOME_WRONG_ZIP, "maria");
    assertThat(c).isInstanceOfSatisfying(ConfirmOutcome.SuggestCorrection.class,
        s -> assertThat(s.suggestions().get(0).postalCode()).hasValue("78745"));
    assertThat(service.current("maria").orElseThrow().source()).isEqualTo(LocationSource.SITE_DEFAULT);
    assertThat(carrierDb.keys()).isEmpty();
    ConfirmOutcome accepted = service.acceptSuggestion("maria", 0, "maria");
    assertThat(accepted).isInstanceOfSatisfying(ConfirmOutcome.Verified.class,
        v -> assertThat(v.location().address().postalCode()).hasValue("78745"));
  }

  @Test
  @DisplayName("an address the carrier cannot locate is rejected and changes nothing")
  void rejected() {
    service.observe("maria", home());
    DispatchableAddress nowhere = DispatchableAddress.builder("US").houseNumber("1").streetName("Nowhere").city("Austin")
        .state("TX").postalCode("78701").build();
    assertThat(service.confirm("maria", nowhere, "maria")).isInstanceOf(ConfirmOutcome.Rejected.class);
    assertThat(service.current("maria").orElseThrow().source()).isEqualTo(LocationSource.SITE_DEFAULT);
  }

  @Test
  @DisplayName("CONFIRMED_PROVISIONING_PENDING: a carrier order still open queues provisioning; the outbox completes it later")
  void provisioningPendingThenCompleted() {
    build(CONFIG, true);
    service.observe("maria", home());
    ConfirmOutcome c = service.confirm("maria", MARIA_HOME, "maria");
    assertThat(c).isInstanceOf(ConfirmOutcome.Pending.class);
    assertThat(service.current("maria").orElseThrow().verification()).isEqualTo(VerificationState.UNVERIFIED);
    assertThat(gate.check("maria").allowed()).isFalse();

    carrierDb.completeOrders();
    clock.advance(Duration.ofMinutes(1));
    assertThat(service.processOutbox()).isEqualTo(1);
    assertThat(service.current("maria").orElseThrow().verification()).isEqualTo(VerificationState.REMOTE_VERIFIED);
    assertThat(carrierDb.bindingCount(BindingKey.number("+15125550117"))).isEqualTo(1);
    assertThat(gate.check("maria").allowed()).isTrue();
  }

  @Test
  @DisplayName("a carrier that cannot be reached while validating refuses the confirmation and changes nothing")
  void carrierUnreachableWhileValidating() {
    service.observe("maria", home());
    carrierDb.failNext(Fault.SERVER_ERROR, 5);
    ConfirmOutcome c = service.confirm("maria", MARIA_HOME, "maria");
    assertThat(c).isInstanceOfSatisfying(ConfirmOutcome.Refused.class, r -> assertThat(r.code()).isEqualTo("carrier-unavailable"));
    assertThat(service.current("maria").orElseThrow().source()).isEqualTo(LocationSource.SITE_DEFAULT);
  }

  @Test
  @DisplayName("ADMIN_ASSIGNED: an administrator's assignment is verified and recorded with who and why")
  void adminAssigned() {
    AgentLocation l = service.adminAssign("lena", "sf-hq-3", "admin@acme", "desk phone at seat 3-114");
    assertThat(l.source()).isEqualTo(LocationSource.ADMIN_ASSIGNED);
    assertThat(l.isVerified()).isTrue();
    assertThat(service.history("lena", 1).get(0).evidence()).contains("admin@acme", "desk phone at seat 3-114");
    assertThat(gate.check("lena").allowed()).isTrue();
  }

  @Test
  @DisplayName("APPROVED: with the approval policy, an address proposed on a company network waits for an administrator")
  void approvalQueue() {
    ContactCenterConfig strict = new ContactCenterConfig(CONFIG.name(), CONFIG.defaultRegion(), CONFIG.outsideLinePrefix(),
        new Policies(Duration.ofHours(12), true, true, true, Duration.ofMinutes(60)), CONFIG.carriers(), CONFIG.sites(),
        CONFIG.locations(), CONFIG.networkMap(), CONFIG.agents(), CONFIG.rules(), CONFIG.notifiers(), CONFIG.agentLocations());
    build(strict);
    service.observe("maria", NetworkObservation.builder(clock.instant()).localAddress("192.168.1.23").publicAddress("198.51.100.3").build());
    ConfirmOutcome c = service.confirm("maria", MARIA_HOME, "maria");
    assertThat(c).isInstanceOf(ConfirmOutcome.AwaitingApproval.class);
    assertThat(gate.check("maria").allowed()).isFalse();
    assertThat(service.pendingApprovals()).hasSize(1);
    ConfirmOutcome approved = service.approve(((ConfirmOutcome.AwaitingApproval) c).requestId(), "admin@acme");
    assertThat(approved).isInstanceOf(ConfirmOutcome.Verified.class);
    assertThat(events.get(events.size() - 1).actor()).isEqualTo("outbox");
    assertThat(gate.check("maria").allowed()).isTrue();
  }

  @Nested
  @DisplayName("the gate")
  class Gate {
    @Test
    @DisplayName("blocks an unknown agent and an agent with no location, with reasons")
    void unknownAndNoLocation() {
      assertThat(((GateDecision.Block) gate.check("nobody")).reason()).isEqualTo(GateDecision.Reason.UNKNOWN_AGENT);
      assertThat(((GateDecision.Block) gate.check("maria")).reason()).isEqualTo(GateDecision.Reason.NO_LOCATION);
      assertThat(service.observe("nobody", home()).next()).isEqualTo(NextAction.UNKNOWN_AGENT);
    }

    @Test
    @DisplayName("a remote agent merely defaulted to HQ is not there: HQ's ELIN is no callback number for them (as the router decides)")
    void siteDefaultElinIsNoCallbackForARemoteAgent() {
      List<dev.e911.api.agent.Agent> agents = new ArrayList<>();
      for (dev.e911.api.agent.Agent a : CONFIG.agents()) {
        agents.add(a.id().equals("wei") ? a.toBuilder().did(null).build() : a); // remote-west: no ELIN pool
      }
      ContactCenterConfig lenient = new ContactCenterConfig(CONFIG.name(), CONFIG.defaultRegion(), CONFIG.outsideLinePrefix(),
          new Policies(Duration.ofHours(12), true, false, false, Duration.ofMinutes(60)), CONFIG.carriers(), CONFIG.sites(),
          CONFIG.locations(), CONFIG.networkMap(), agents, CONFIG.rules(), CONFIG.notifiers(), CONFIG.agentLocations());
      build(lenient);
      service.observe("wei", home());
      assertThat(service.current("wei").orElseThrow().source()).isEqualTo(dev.e911.api.location.LocationSource.SITE_DEFAULT);
      assertThat(gate.check("wei")).isInstanceOfSatisfying(GateDecision.Block.class,
          b -> assertThat(b.reason()).isEqualTo(GateDecision.Reason.CALLBACK_NOT_PROVISIONED));
      dev.e911.core.route.EmergencyRouter router = dev.e911.core.route.EmergencyRouter.create(service, lenient, "acme.example", e -> { });
      assertThat(router.route("wei", "911", null)).isInstanceOfSatisfying(dev.e911.api.routing.EmergencyRoute.Emergency.class,
          e -> assertThat(e.callbackNumber()).isEmpty());
    }

    @Test
    @DisplayName("an administrator's override lets a blocked agent work for a bounded time and is recorded")
    void override() {
      service.observe("maria", home());
      gate.override("maria", "supervisor@acme", "carrier outage, location confirmed by phone", Duration.ofHours(1));
      assertThat(gate.check("maria")).isInstanceOfSatisfying(GateDecision.Allow.class,
          a -> assertThat(a.basis()).contains("supervisor@acme"));
      assertThat(service.history("maria", 1).get(0).evidence()).contains("override", "carrier outage");
      clock.advance(Duration.ofHours(1));
      assertThat(gate.check("maria").allowed()).isFalse();
    }
  }
}
