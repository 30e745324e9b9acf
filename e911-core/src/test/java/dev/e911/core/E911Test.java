package dev.e911.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.network.NetworkObservation;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.core.config.ComponentSettings;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class E911Test {

  static final Path EXAMPLE = Path.of("..", "examples", "contact-center.json");

  @Test
  @DisplayName("the builder wires the configured carrier through its provider, and the three services work together")
  void wiresEverything() {
    List<EmergencyRoute.Emergency> emergencies = new ArrayList<>();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T14:00:00Z"));
    E911 e911 = E911.builder().configFile(EXAMPLE).clock(clock).entityDomain("acme.example").onEmergency(emergencies::add).build();
    assertThat(e911.carrier().orElseThrow().id()).isEqualTo("reference");
    e911.locations().observe("grace", NetworkObservation.builder(clock.instant()).localAddress("10.10.3.4").build());
    assertThat(e911.gate().check("grace").allowed()).isTrue();
    EmergencyRoute r = e911.router().route("grace", "911", null);
    assertThat(((EmergencyRoute.Emergency) r).location().orElseThrow().locationId()).hasValue("sf-hq-3");
    assertThat(emergencies).hasSize(1);
  }

  @Test
  @DisplayName("a listener that throws neither fails the route nor keeps the next listener from hearing the call")
  void throwingListener() {
    List<EmergencyRoute.Emergency> heard = new ArrayList<>();
    try (E911 e911 = E911.builder().configFile(EXAMPLE).onEmergency(e -> {
          throw new IllegalStateException("listener bug");
        }).onEmergency(heard::add).build()) {
      EmergencyRoute r = e911.router().route("maria", "911", null);
      assertThat(r).isInstanceOf(EmergencyRoute.Emergency.class);
      assertThat(heard).containsExactly((EmergencyRoute.Emergency) r);
    }
  }

  @Test
  @DisplayName("a configuration with a shadowed rule (an auditor finding) still starts and routes: the rule is ignored")
  void shadowedRuleDoesNotStopTheRouter() {
    ContactCenterConfig c = ConfigLoader.load(EXAMPLE);
    List<dev.e911.api.routing.EmergencyRoutingRule> rules = new ArrayList<>(c.rules());
    rules.add(new dev.e911.api.routing.EmergencyRoutingRule("again", "^911$", dev.e911.api.routing.Classification.EMERGENCY, 99,
        dev.e911.api.routing.CallbackPolicy.AGENT_DID, true));
    ContactCenterConfig shadowed = new ContactCenterConfig(c.name(), c.defaultRegion(), c.outsideLinePrefix(), c.policies(),
        c.carriers(), c.sites(), c.locations(), c.networkMap(), c.agents(), rules, c.notifiers(), c.agentLocations());
    try (E911 e911 = E911.builder().config(shadowed).build()) {
      EmergencyRoute r = e911.router().route("maria", "911", null);
      assertThat(r).isInstanceOfSatisfying(EmergencyRoute.Emergency.class, e -> assertThat(e.ruleId()).isNotEqualTo("again"));
    }
  }

  @Test
  @DisplayName("every emergency routed reaches the notifiers asynchronously; 933 does not (its rule does not notify)")
  void notifications() throws Exception {
    java.util.concurrent.BlockingQueue<dev.e911.api.spi.EmergencyNotification> received = new java.util.concurrent.LinkedBlockingQueue<>();
    dev.e911.api.spi.EmergencyNotifier desk = new dev.e911.api.spi.EmergencyNotifier() {
      @Override
      public String id() {
        return "desk";
      }

      @Override
      public dev.e911.api.spi.NotificationOutcome send(dev.e911.api.spi.EmergencyNotification n) {
        received.add(n);
        return new dev.e911.api.spi.NotificationOutcome.Delivered("ok");
      }
    };
    try (E911 e911 = E911.builder().configFile(EXAMPLE).notifier(desk).build()) {
      e911.router().route("maria", "933", null);
      e911.router().route("maria", "911", null);
      dev.e911.api.spi.EmergencyNotification n = received.poll(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(n).isNotNull();
      assertThat(n.classification()).isEqualTo(dev.e911.api.routing.Classification.EMERGENCY);
      assertThat(n.agentName()).isEqualTo("María José Núñez");
      assertThat(n.callbackNumber()).isEqualTo("+15125550117");
      assertThat(received.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS)).isNull();
    }
    try (E911 fromConfig = E911.builder().configFile(EXAMPLE).build()) {
      assertThat(fromConfig.notifications()).isPresent();
    }
  }

  @Test
  @DisplayName("an unknown carrier type and a missing configuration are typed errors naming the field")
  void errors() {
    ContactCenterConfig c = ConfigLoader.load(EXAMPLE);
    ContactCenterConfig unknown = new ContactCenterConfig(c.name(), c.defaultRegion(), c.outsideLinePrefix(), c.policies(),
        List.of(new ComponentSettings("x", "nosuchcarrier", Map.of(), Map.of())), c.sites(), c.locations(), c.networkMap(),
        c.agents(), c.rules(), c.notifiers(), c.agentLocations());
    assertThatThrownBy(() -> E911.builder().config(unknown).build()).isInstanceOfSatisfying(InvalidValueException.class,
        e -> assertThat(e.violations().get(0).path()).isEqualTo("carriers[0].type"));
    assertThatThrownBy(() -> E911.builder().build()).isInstanceOfSatisfying(InvalidValueException.class,
        e -> assertThat(e.violations().get(0).path()).isEqualTo("config"));
    assertThat(E911.discoverCarrierProviders(getClass().getClassLoader())).containsKey("reference");
  }
}
