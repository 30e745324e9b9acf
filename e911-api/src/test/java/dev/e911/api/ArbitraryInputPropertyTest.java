package dev.e911.api;

import static dev.e911.api.TestValues.T0;
import static dev.e911.api.TestValues.dispatchable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.agent.Agent;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.Location;
import dev.e911.api.location.LocationSource;
import dev.e911.api.network.IpAddress;
import dev.e911.api.network.LldpNeighbor;
import dev.e911.api.network.MacAddress;
import dev.e911.api.network.NetworkFingerprint;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.phone.E164Number;
import dev.e911.api.phone.Elin;
import dev.e911.api.routing.CallbackPolicy;
import dev.e911.api.routing.Classification;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.api.site.Site;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.CarrierConfig;
import dev.e911.api.spi.Secret;
import dev.e911.api.validation.InvalidValueException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever string reaches a parse method, constructor or builder of the model, the answer is a value
 * or an {@link InvalidValueException} with at least one violation: never a NullPointerException, an
 * index error or a library's own exception.
 */
class ArbitraryInputPropertyTest {

  /** Any text, plus text built from the characters our parsers care about, plus null. */
  @Provide
  Arbitrary<String> inputs() {
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(80);
    Arbitrary<String> syntaxy = Arbitraries.strings()
        .withChars("0123456789abcdefABCDEF:.-+[]%/@;=() \t\n\u0000\u000B\uFFFE\uD800xX#*,tel:sip:ext")
        .ofMaxLength(60);
    Arbitrary<String> words = Arbitraries.of("tel:", "sip:", "sips:", "tel:+", "sip:+1@", "+1", "::", "::ffff:", "[", "]",
        "%", "/", ";ext=", "ext. ", "localhost", "911", "0", "255", "256", "  ", "\u00A0", "\u0085", "ı", "İ")
        .list().ofMaxSize(6).map(l -> String.join("", l));
    return Arbitraries.oneOf(any, syntaxy, words, Arbitraries.just(null), Arbitraries.strings().ofLength(300));
  }

  @Property(tries = 300)
  @Label("phone number entry points answer a value or violations")
  void phones(@ForAll("inputs") String s) {
    valueOrViolations(() -> E164Number.parse(s));
    valueOrViolations(() -> E164Number.parse(s, "US"));
    valueOrViolations(() -> E164Number.parse(s, "GB"));
    valueOrViolations(() -> E164Number.parse("4155550100", s));
    valueOrViolations(() -> E164Number.parse(s, s));
    valueOrViolations(() -> new E164Number(s));
    valueOrViolations(() -> Elin.parse(s, "US", Elin.Kind.LOCATION_ELIN));
  }

  @Property(tries = 300)
  @Label("network entry points answer a value or violations")
  void network(@ForAll("inputs") String s) {
    valueOrViolations(() -> IpAddress.parse(s));
    valueOrViolations(() -> MacAddress.parse(s));
    valueOrViolations(() -> LldpNeighbor.parse(s));
    valueOrViolations(() -> new LldpNeighbor(s, "Gi1/0/1"));
    valueOrViolations(() -> new LldpNeighbor("sw1", s));
    valueOrViolations(() -> new NetworkFingerprint(s));
    valueOrViolations(() -> NetworkObservation.builder(T0).localAddress(s).localAddress("10.0.0.1").localAddress(s)
        .publicAddress(s).bssid(s).lldp(s).build());
  }

  @Property(tries = 200)
  @Label("every civic element and the country answer a value or violations")
  void address(@ForAll("inputs") String s) {
    for (CivicElement e : CivicElement.values()) {
      valueOrViolations(() -> TestValues.sanFranciscoBuilder().set(e, s).build());
      valueOrViolations(() -> DispatchableAddress.builder("DE").city("Berlin").streetName("Unter den Linden").set(e, s).build());
    }
    valueOrViolations(() -> DispatchableAddress.builder(s).city("x").streetName("y").build());
    valueOrViolations(() -> new AddressValidation(s, T0));
  }

  @Property(tries = 200)
  @Label("locations, sites, agents, rules and SPI values answer a value or violations")
  void model(@ForAll("inputs") String s) {
    valueOrViolations(() -> new Location(s, s, dispatchable(), List.of()));
    valueOrViolations(() -> Location.of("loc", s, dispatchable()));
    valueOrViolations(() -> new Site(s, s, Site.Kind.REMOTE, s, Site.MediaPolicy.remoteDefaults(), List.of()));
    valueOrViolations(() -> Agent.builder(s).displayName(s).siteId(s).build());
    valueOrViolations(() -> Agent.builder("a").displayName(s).siteId("site").build());
    valueOrViolations(() -> AgentLocation.builder(s).address(dispatchable()).locationId(s).source(LocationSource.USER_CONFIRMED)
        .since(T0).build());
    valueOrViolations(() -> new EmergencyRoutingRule(s, s, Classification.EMERGENCY, 1, CallbackPolicy.AGENT_DID, true));
    valueOrViolations(() -> new EmergencyRoutingRule("r", s, Classification.EMERGENCY, 1, CallbackPolicy.AGENT_DID, true));
    valueOrViolations(() -> BindingKey.number(s));
    valueOrViolations(() -> new Binding.NumberBinding(TestValues.did(), dispatchable(), s));
    valueOrViolations(() -> new Binding.EndpointBinding(s, TestValues.did(), dispatchable(), s));
    CarrierConfig config = new CarrierConfig("c", s == null ? Map.of() : Map.of("k", s), Map.of("p", Secret.of("x")));
    valueOrViolations(() -> config.requireUri("k"));
    valueOrViolations(() -> config.duration("k", Duration.ofSeconds(1)));
    valueOrViolations(() -> config.requireSetting("k"));
  }

  private static void valueOrViolations(Supplier<?> factory) {
    try {
      assertThat((Object) factory.get()).isNotNull();
    } catch (InvalidValueException e) {
      assertThat(e.violations()).isNotEmpty();
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
