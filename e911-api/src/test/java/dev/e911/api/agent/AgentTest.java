package dev.e911.api.agent;

import static dev.e911.api.TestValues.did;
import static dev.e911.api.TestValues.locationElin;
import static dev.e911.api.TestValues.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.e911.api.phone.E164Number;
import dev.e911.api.validation.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AgentTest {

  private static Agent.Builder agent() {
    return Agent.builder("agent-1").displayName("Ada  Lovelace").siteId("remote-us").did(did())
        .maskedCallerId(new E164Number("+18005550100"));
  }

  @Test
  @DisplayName("an agent with a DID and a masked toll-free queue number builds; WebRTC is the default station")
  void builds() {
    Agent a = agent().build();
    assertThat(a.displayName()).isEqualTo("Ada Lovelace");
    assertThat(a.station()).isEqualTo(StationKind.WEBRTC);
    assertThat(a.did()).contains(did());
    assertThat(a.maskedCallerId()).contains(new E164Number("+18005550100"));
    assertThat(a.toString()).contains("agent-1").contains("+14155550100").contains("+18005550100");
  }

  @Test
  @DisplayName("DID and masked caller ID are optional")
  void optional() {
    Agent a = agent().did(null).maskedCallerId(null).station(StationKind.HARD_PHONE).build();
    assertThat(a.did()).isEmpty();
    assertThat(a.maskedCallerId()).isEmpty();
  }

  @Test
  @DisplayName("the DID must be of kind AGENT_DID")
  void didKind() {
    assertThat(violationsOf(() -> agent().did(locationElin("+14155550101")).build()))
        .extracting(Violation::path, Violation::rule).containsExactly(tuple("did", "elin.kind"));
  }

  @Test
  @DisplayName("a masked caller ID equal to the DID is refused")
  void maskedEqualsDid() {
    assertThat(violationsOf(() -> agent().maskedCallerId(new E164Number("+14155550100")).build()))
        .extracting(Violation::path, Violation::rule).containsExactly(tuple("maskedCallerId", "masked.equals-did"));
  }

  @Test
  @DisplayName("every missing or bad field is reported at once")
  void allAtOnce() {
    assertThat(violationsOf(() -> Agent.builder("").displayName(" ").siteId("a b").station(null).build()))
        .extracting(Violation::path, Violation::rule).containsExactly(
            tuple("id", "required"), tuple("displayName", "required"), tuple("siteId", "id.syntax"),
            tuple("station", "required"));
    assertThat(violationsOf(() -> agent().displayName("x\u0000").build()))
        .extracting(Violation::path, Violation::rule).containsExactly(tuple("displayName", "text"));
  }

  @Test
  @DisplayName("the display-name limit applies after whitespace is collapsed")
  void displayNameLength() {
    assertThat(agent().displayName("a".repeat(100) + " ".repeat(50) + "b".repeat(27)).build().displayName()).hasSize(128);
    assertThat(violationsOf(() -> agent().displayName("a".repeat(129)).build()))
        .extracting(Violation::rule).containsExactly("text");
  }

  @Test
  @DisplayName("toBuilder round-trips; equals and hashCode cover every field")
  void equality() {
    Agent a = agent().build();
    assertThat(a.toBuilder().build()).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(a.toBuilder().station(StationKind.DESKTOP_APP).build()).isNotEqualTo(a);
    assertThat(a.toBuilder().did(null).build()).isNotEqualTo(a);
    assertThat(a.toBuilder().maskedCallerId(null).build()).isNotEqualTo(a);
    assertThat(a.toBuilder().siteId("other").build()).isNotEqualTo(a);
    assertThat(a.toBuilder().displayName("Grace").build()).isNotEqualTo(a);
  }
}
