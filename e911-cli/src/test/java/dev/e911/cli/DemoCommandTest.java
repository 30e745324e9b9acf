package dev.e911.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  @DisplayName("the demo tells the whole story in text: block, correction, verification, 933, 911, notification, callback")
  void text() {
    CliRunner r = CliRunner.run("demo", "--config", "../examples/contact-center.json", "--at", "2026-11-25T16:00:00Z");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains(
        "BLOCK [UNVERIFIED]",
        "carrier suggests: 4521 AVENIDA DE LOS ÁRBOLES",
        "maria: USER_CONFIRMED REMOTE_VERIFIED",
        "gate: ALLOW",
        "EMERGENCY_TEST via rule 933",
        "not the masked queue number +18005550100",
        "<ca:RD>AVENIDA DE LOS ÁRBOLES</ca:RD>",
        "<timestamp>2026-11-25T16:00:00.000Z</timestamp>",
        "delivered asynchronously to SF HQ security desk", "EMERGENCY call by María José Núñez",
        "(POOL_ELIN)",
        "-> reaches luis",
        "assignLocation maria",
        "ERROR LOCATION_ADDRESS_UNVERIFIED");
    assertThat(r.err()).isEmpty();
  }

  @Test
  @DisplayName("the demo in JSON: one document, one entry per step, with the routes in their documented form")
  void json() throws Exception {
    CliRunner r = CliRunner.run("demo", "--config", "../examples/contact-center.json", "--at", "2026-11-25T16:00:00Z", "--format", "json");
    assertThat(r.exitCode()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("steps")).hasSize(10);
    assertThat(doc.get("steps").get(9).get("codes")).extracting(JsonNode::asText)
        .contains("LOCATION_ADDRESS_UNVERIFIED", "WEBRTC_FORCE_TURN_OFF", "AGENT_VERIFICATION_STALE");
    assertThat(doc.get("steps").get(2).get("gate").asText()).isEqualTo("UNVERIFIED");
    assertThat(doc.get("steps").get(3).get("gate").asText()).isEqualTo("ALLOW");
    assertThat(doc.get("steps").get(5).get("route").get("callbackNumber").get("number").asText()).isEqualTo("+15125550117");
    assertThat(doc.get("steps").get(7).get("route").get("callbackNumber").get("kind").asText()).isEqualTo("POOL_ELIN");
  }
}
