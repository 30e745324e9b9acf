package dev.e911.api.routing;

import static dev.e911.api.TestValues.T0;
import static dev.e911.api.TestValues.did;
import static dev.e911.api.TestValues.dispatchable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.LocationSource;
import dev.e911.api.phone.E164Number;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmergencyRouteTest {

  private static EmergencyRoute.Emergency.Builder full() {
    return EmergencyRoute.Emergency.builder(Classification.EMERGENCY, "911", "agent-1")
        .ruleId("911").presentedNumber(new E164Number("+14155550100")).callbackNumber(did())
        .location(AgentLocation.builder("agent-1").address(dispatchable()).source(LocationSource.USER_CONFIRMED).since(T0).build())
        .pidfLo("<presence/>".getBytes(StandardCharsets.UTF_8)).geolocation("<cid:loc@e911>").geolocationRouting("yes")
        .notifyOnSite(true).warn(RouteWarning.Code.LOCATION_UNVERIFIED, "not verified on this network");
  }

  @Test
  @DisplayName("an emergency route carries everything it was given")
  void carries() {
    EmergencyRoute.Emergency e = full().build();
    assertThat(e.classification()).isEqualTo(Classification.EMERGENCY);
    assertThat(e.dialled()).isEqualTo("911");
    assertThat(e.agentId()).isEqualTo("agent-1");
    assertThat(e.ruleId()).isEqualTo("911");
    assertThat(e.presentedNumber()).contains(new E164Number("+14155550100"));
    assertThat(e.callbackNumber()).contains(did());
    assertThat(e.location()).isPresent();
    assertThat(e.pidfLoLength()).isEqualTo(11);
    assertThat(new String(e.pidfLo(), StandardCharsets.UTF_8)).isEqualTo("<presence/>");
    assertThat(e.geolocation()).isEqualTo("<cid:loc@e911>");
    assertThat(e.geolocationRouting()).isEqualTo("yes");
    assertThat(e.notifyOnSite()).isTrue();
    assertThat(e.warnings()).extracting(RouteWarning::code).containsExactly(RouteWarning.Code.LOCATION_UNVERIFIED);
  }

  @Test
  @DisplayName("a route with nothing known still builds, with empty values")
  void minimal() {
    EmergencyRoute.Emergency e = EmergencyRoute.Emergency.builder(Classification.EMERGENCY_TEST, "933", "unknown").build();
    assertThat(e.presentedNumber()).isEmpty();
    assertThat(e.callbackNumber()).isEmpty();
    assertThat(e.location()).isEmpty();
    assertThat(e.pidfLoLength()).isZero();
    assertThat(e.geolocation()).isEmpty();
    assertThat(e.warnings()).isEmpty();
    assertThat(e.notifyOnSite()).isFalse();
  }

  @Test
  @DisplayName("the PIDF-LO copy and the warnings cannot change the route")
  void defensive() {
    EmergencyRoute.Emergency.Builder b = full();
    EmergencyRoute.Emergency e = b.build();
    e.pidfLo()[0] = 'X';
    assertThat(e.pidfLo()[0]).isEqualTo((byte) '<');
    b.warn(RouteWarning.Code.NO_LOCATION, "later");
    assertThat(e.warnings()).hasSize(1);
    assertThatThrownBy(() -> e.warnings().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @DisplayName("writePidfLo copies the document at an offset")
  void writePidfLo() {
    byte[] dst = new byte[20];
    int n = full().build().writePidfLo(dst, 3);
    assertThat(n).isEqualTo(11);
    assertThat(new String(dst, 3, n, StandardCharsets.UTF_8)).isEqualTo("<presence/>");
    assertThat(dst[0]).isZero();
  }

  @Test
  @DisplayName("equal routes are equal with equal hash codes; the PIDF-LO content takes part")
  void equality() {
    EmergencyRoute.Emergency a = full().build();
    EmergencyRoute.Emergency b = full().build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(full().pidfLo(new byte[] {1}).build());
    assertThat(a).isNotEqualTo(full().notifyOnSite(false).build());
    assertThat(a).isNotEqualTo(full().warn(RouteWarning.Code.NO_CALLBACK_NUMBER, "x").build());
  }

  @Test
  @DisplayName("the pool ELIN binding state defaults to NOT_POOLED, is carried, takes part in equality and shows in toString")
  void elinBinding() {
    assertThat(full().build().elinBinding()).isEqualTo(ElinBinding.NOT_POOLED);
    EmergencyRoute.Emergency requested = full().elinBinding(ElinBinding.UPDATE_REQUESTED).build();
    assertThat(requested.elinBinding()).isEqualTo(ElinBinding.UPDATE_REQUESTED);
    assertThat(requested).isNotEqualTo(full().build()).isNotEqualTo(full().elinBinding(ElinBinding.IN_PLACE).build());
    assertThat(requested.toString()).contains("(UPDATE_REQUESTED)");
    assertThat(full().build().toString()).doesNotContain("NOT_POOLED");
    assertThatThrownBy(() -> full().elinBinding(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  @DisplayName("only an emergency classification makes an Emergency route")
  void classification() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EmergencyRoute.Emergency.builder(Classification.NOT_EMERGENCY, "411", "a"));
    assertThatIllegalArgumentException().isThrownBy(() -> EmergencyRoute.Emergency.builder(null, "911", "a"));
    EmergencyRoute not = new EmergencyRoute.NotEmergency("411");
    assertThat(not.classification()).isEqualTo(Classification.NOT_EMERGENCY);
  }

  @Test
  @DisplayName("toString names the call and never needs the PIDF-LO")
  void toStringReadable() {
    assertThat(full().build().toString()).contains("EMERGENCY 911 from agent-1").contains("+14155550100");
  }
}
