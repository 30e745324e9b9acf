package dev.e911.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.address.GeoPoint;
import dev.e911.api.agent.Agent;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.Location;
import dev.e911.api.network.IpAddress;
import dev.e911.api.network.LldpNeighbor;
import dev.e911.api.network.MacAddress;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.phone.E164Number;
import dev.e911.api.phone.Elin;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.api.site.Site;
import dev.e911.api.validation.Violation;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DomainJsonTest {

  private final DomainJson json = DomainJson.create();

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of(DispatchableAddress.class, Samples.hq()),
        Arguments.of(DispatchableAddress.class, Samples.home()),
        Arguments.of(GeoPoint.class, new GeoPoint(-33.5, 151.25, 0)),
        Arguments.of(AddressValidation.class, new AddressValidation("bandwidth", Samples.T0)),
        Arguments.of(E164Number.class, E164Number.parse("+442079460000")),
        Arguments.of(Elin.class, Elin.parse("+14155550142", null, Elin.Kind.POOL_ELIN)),
        Arguments.of(IpAddress.class, IpAddress.parse("2001:db8::42")),
        Arguments.of(MacAddress.class, MacAddress.parse("0011.22aa.bbcc")),
        Arguments.of(LldpNeighbor.class, LldpNeighbor.parse("00:11:22:33:44:55/Gi1/0/24")),
        Arguments.of(NetworkObservation.class, Samples.observation()),
        Arguments.of(Location.class, Samples.hqLocation()),
        Arguments.of(Site.class, Samples.remoteSite()),
        Arguments.of(EmergencyRoutingRule.class, Samples.rule()),
        Arguments.of(Agent.class, Samples.agent()),
        Arguments.of(AgentLocation.class, Samples.agentLocation()),
        Arguments.of(EmergencyRoute.class, Samples.route()),
        Arguments.of(EmergencyRoute.class, Samples.pooledRoute()),
        Arguments.of(EmergencyRoute.class, new EmergencyRoute.NotEmergency("4155550100")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  @DisplayName("every domain type survives a write/read round trip unchanged")
  <T> void roundTrip(Class<T> type, T value) {
    String text = json.write(value);
    assertThat(json.read(text, type)).isEqualTo(value);
    assertThat(json.write(json.read(text, type))).isEqualTo(text);
  }

  @Test
  @DisplayName("an address is written with the documented field names")
  void addressShape() {
    String text = json.write(Samples.hq());
    assertThat(text).contains("\"country\" : \"US\"", "\"state\" : \"CA\"", "\"houseNumber\" : \"1200\"",
        "\"postalCode\" : \"94133\"", "\"postalCodeExtension\" : \"1234\"", "\"floor\" : \"3\"",
        "\"unit\" : \"Suite 310\"", "\"validatedBy\" : \"reference\"", "\"uncertaintyMeters\" : 25.0");
  }

  @Test
  @DisplayName("an unknown field is refused with its JSON path")
  void unknownField() {
    assertThatThrownBy(() -> json.read("{\"country\":\"US\",\"stret\":\"Main\"}", DispatchableAddress.class))
        .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.violations())
            .contains(new Violation("$.stret", "json.unknown-field", "is not a known field")));
  }

  @Test
  @DisplayName("domain violations inside nested objects carry the full JSON path, all at once")
  void nestedDomainViolations() {
    String text = """
        {"id":"hq","name":"HQ","address":{"country":"US","state":"XX","city":"Austin","streetName":"Congress",
         "houseNumber":"12a","postalCode":"7870"},"elins":["+18005550100","not a number"]}
        """;
    assertThatThrownBy(() -> json.read(text, Location.class))
        .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::path, Violation::rule)
            .contains(
                org.assertj.core.groups.Tuple.tuple("$.address.state", "us.state"),
                org.assertj.core.groups.Tuple.tuple("$.address.houseNumber", "us.house-number"),
                org.assertj.core.groups.Tuple.tuple("$.address.postalCode", "us.zip"),
                org.assertj.core.groups.Tuple.tuple("$.elins[0].number", "callback.toll-free"),
                org.assertj.core.groups.Tuple.tuple("$.elins[1]", "phone.unparseable")));
  }

  @Test
  @DisplayName("wrong JSON types are named with the expected type")
  void wrongTypes() {
    assertThatThrownBy(() -> json.read("{\"id\":\"r\",\"pattern\":\"^911$\",\"classification\":\"URGENT\",\"priority\":\"1\",\"callbackPolicy\":\"AGENT_DID\"}",
        EmergencyRoutingRule.class))
        .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::path, Violation::rule)
            .containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("$.classification", "json.enum"),
                org.assertj.core.groups.Tuple.tuple("$.priority", "json.type")));
  }

  @Test
  @DisplayName("a masked caller ID on an emergency rule is refused through JSON too")
  void maskedEmergencyRule() {
    assertThatThrownBy(() -> json.read("{\"id\":\"r\",\"pattern\":\"^911$\",\"classification\":\"EMERGENCY\",\"priority\":1,\"callbackPolicy\":\"MASKED_CALLER_ID\"}",
        EmergencyRoutingRule.class))
        .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::path, Violation::rule)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("$.callbackPolicy", "emergency.masked-caller-id")));
  }

  @Test
  @DisplayName("malformed JSON, trailing garbage, duplicate keys and deep nesting are refused")
  void malformed() {
    assertThatThrownBy(() -> json.read("{\"country\":", DispatchableAddress.class))
        .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.violations().get(0).rule()).isEqualTo("json.syntax"));
    assertThatThrownBy(() -> json.read("{\"country\":\"US\"} {}", DispatchableAddress.class))
        .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.violations().get(0).rule()).isEqualTo("json.syntax"));
    assertThatThrownBy(() -> json.read("{\"country\":\"US\",\"country\":\"CA\"}", DispatchableAddress.class))
        .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.violations().get(0).rule()).isEqualTo("json.syntax"));
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    assertThatThrownBy(() -> json.read(deep, DispatchableAddress.class))
        .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.violations().get(0).rule()).isEqualTo("json.syntax"));
    assertThatThrownBy(() -> json.read("[]", DispatchableAddress.class))
        .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.violations().get(0).rule()).isEqualTo("json.type"));
  }

  @Test
  @DisplayName("a default region lets numbers be written without country code")
  void defaultRegion() {
    Agent a = DomainJson.withDefaultRegion("US").read(
        "{\"id\":\"a1\",\"displayName\":\"A\",\"siteId\":\"s\",\"did\":\"(503) 555-0117\"}", Agent.class);
    assertThat(a.did().orElseThrow().e164()).isEqualTo("+15035550117");
    assertThatThrownBy(() -> json.read("{\"id\":\"a1\",\"displayName\":\"A\",\"siteId\":\"s\",\"did\":\"(503) 555-0117\"}", Agent.class))
        .isInstanceOfSatisfying(JsonInputException.class, e -> assertThat(e.violations())
            .extracting(Violation::path, Violation::rule)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("$.did", "phone.region")));
  }
}
