package dev.e911.api.location;

import static dev.e911.api.TestValues.T0;
import static dev.e911.api.TestValues.dispatchable;
import static dev.e911.api.TestValues.sanFrancisco;
import static dev.e911.api.TestValues.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.e911.api.network.NetworkFingerprint;
import dev.e911.api.validation.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AgentLocationTest {

  private static AgentLocation.Builder verified() {
    return AgentLocation.builder("agent-1").address(dispatchable()).locationId("home-1")
        .source(LocationSource.USER_CONFIRMED).verification(VerificationState.REMOTE_VERIFIED).since(T0)
        .fingerprint(new NetworkFingerprint("bssid=00:11:22:33:44:55"));
  }

  @Test
  @DisplayName("a verified claim on a dispatchable address builds")
  void builds() {
    AgentLocation l = verified().build();
    assertThat(l.isVerified()).isTrue();
    assertThat(l.agentId()).isEqualTo("agent-1");
    assertThat(l.locationId()).contains("home-1");
    assertThat(l.fingerprint()).contains(new NetworkFingerprint("bssid=00:11:22:33:44:55"));
    assertThat(l.since()).isEqualTo(T0);
    assertThat(l.toString()).contains("agent-1").contains("REMOTE_VERIFIED").contains("home-1");
  }

  @Test
  @DisplayName("a claim is UNVERIFIED unless told otherwise")
  void defaultUnverified() {
    AgentLocation l = AgentLocation.builder("agent-1").address(sanFrancisco()).source(LocationSource.SITE_DEFAULT)
        .since(T0).build();
    assertThat(l.verification()).isEqualTo(VerificationState.UNVERIFIED);
    assertThat(l.isVerified()).isFalse();
    assertThat(l.locationId()).isEmpty();
    assertThat(l.fingerprint()).isEmpty();
  }

  @Test
  @DisplayName("REMOTE_VERIFIED with a non-dispatchable address is refused")
  void verifiedNeedsDispatchable() {
    assertThat(violationsOf(() -> verified().address(sanFrancisco()).build()))
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("verification", "verified.not-dispatchable"));
  }

  @Test
  @DisplayName("UNVERIFIED and STALE claims may carry a non-dispatchable address")
  void unverifiedMayBeIncomplete() {
    assertThat(verified().address(sanFrancisco()).verification(VerificationState.STALE).build().isVerified()).isFalse();
    assertThat(verified().address(sanFrancisco()).verification(VerificationState.UNVERIFIED).build().address())
        .isEqualTo(sanFrancisco());
  }

  @Test
  @DisplayName("every missing or bad field is reported at once")
  void allAtOnce() {
    assertThat(violationsOf(() -> AgentLocation.builder(null).locationId("bad id").verification(null).build()))
        .extracting(Violation::path, Violation::rule).containsExactly(
            tuple("agentId", "required"), tuple("address", "required"), tuple("locationId", "id.syntax"),
            tuple("source", "required"), tuple("verification", "required"), tuple("since", "required"));
  }

  @Test
  @DisplayName("toBuilder round-trips; equals and hashCode cover every field")
  void equality() {
    AgentLocation l = verified().build();
    assertThat(l.toBuilder().build()).isEqualTo(l).hasSameHashCodeAs(l);
    assertThat(l.toBuilder().since(T0.plusSeconds(1)).build()).isNotEqualTo(l);
    assertThat(l.toBuilder().fingerprint(null).build()).isNotEqualTo(l);
    assertThat(l.toBuilder().locationId(null).build()).isNotEqualTo(l);
    assertThat(l.toBuilder().source(LocationSource.ADMIN_ASSIGNED).build()).isNotEqualTo(l);
    assertThat(l.toBuilder().verification(VerificationState.STALE).build()).isNotEqualTo(l);
    assertThat(l.toBuilder().agentId("agent-2").build()).isNotEqualTo(l);
  }
}
