package dev.e911.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RouteCommandTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  @DisplayName("an office agent's 911 presents her DID, never the masked queue number, with the floor's PIDF-LO")
  void officeAgent() throws Exception {
    CliRunner r = CliRunner.run("route", "--config", LocateAndGateCommandTest.CONFIG, "--agent", "grace", "--dial", "911",
        "--ip", "10.10.2.57", "--at", "2026-11-25T16:00:00Z", "--format", "json");
    assertThat(r.exitCode()).isZero();
    JsonNode doc = mapper.readTree(r.out());
    assertThat(doc.get("classification").asText()).isEqualTo("EMERGENCY");
    assertThat(doc.get("presentedNumber").asText()).isEqualTo("+14155550101").isNotEqualTo("+18005550100");
    assertThat(doc.get("location").get("locationId").asText()).isEqualTo("sf-hq-2");
    assertThat(doc.get("pidfLo").asText()).contains("<ca:FLR>2</ca:FLR>", "2026-11-25T16:00:00");
    assertThat(doc.get("geolocation").asText()).startsWith("<cid:");
    assertThat(doc.get("warnings")).isEmpty();
  }

  @Test
  @DisplayName("an unverified home agent without DID still routes, on a pool ELIN, with warnings (exit 0)")
  void homeAgentWithoutDid() {
    CliRunner r = CliRunner.run("route", "--config", LocateAndGateCommandTest.CONFIG, "--agent", "luis", "--dial", "9911",
        "--ip", "192.168.1.9");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("EMERGENCY  9911 -> 911", "callback:  +1415555019", "LOCATION_UNVERIFIED",
        "never on 911", "<presence");
  }

  @Test
  @DisplayName("elinBinding says whether a pool ELIN's carrier record was in place: NOT_POOLED for a DID, never IN_PLACE in a one-shot run")
  void elinBinding() throws Exception {
    CliRunner grace = CliRunner.run("route", "--config", LocateAndGateCommandTest.CONFIG, "--agent", "grace", "--dial", "911",
        "--ip", "10.10.2.57", "--format", "json");
    assertThat(mapper.readTree(grace.out()).get("elinBinding").asText()).isEqualTo("NOT_POOLED");

    CliRunner plain = CliRunner.run("route", "--config", LocateAndGateCommandTest.CONFIG, "--agent", "luis", "--dial", "911",
        "--format", "json");
    JsonNode doc = mapper.readTree(plain.out());
    assertThat(doc.get("callbackNumber").get("kind").asText()).isEqualTo("POOL_ELIN");
    assertThat(doc.get("elinBinding").asText()).isEqualTo("NOT_REQUESTED");
    assertThat(doc.get("warnings").toString()).contains("BINDING_NOT_PROVISIONED", "no carrier is configured");

    CliRunner explained = CliRunner.run("route", "--config", LocateAndGateCommandTest.CONFIG, "--agent", "luis", "--dial", "911",
        "--explain", "--format", "json");
    JsonNode why = mapper.readTree(explained.out());
    assertThat(why.get("elinBinding").asText()).isEqualTo("UPDATE_REQUESTED");
    assertThat(why.get("explanation").toString()).contains("callback binding: the pool ELIN's record at the carrier is UPDATE_REQUESTED",
        "this command sends nothing", "is not provisioned");

    CliRunner text = CliRunner.run("route", "--config", LocateAndGateCommandTest.CONFIG, "--agent", "luis", "--dial", "911", "--explain");
    assertThat(text.exitCode()).isZero();
    assertThat(text.out()).contains("(POOL_ELIN), carrier binding UPDATE_REQUESTED", "callback binding: ");
  }

  @Test
  @DisplayName("a normal number is not an emergency; a bad observation is bad input")
  void notEmergencyAndBadInput() throws Exception {
    CliRunner r = CliRunner.run("route", "--config", LocateAndGateCommandTest.CONFIG, "--agent", "grace", "--dial", "4155550100",
        "--format", "json");
    assertThat(r.exitCode()).isZero();
    assertThat(mapper.readTree(r.out()).get("classification").asText()).isEqualTo("NOT_EMERGENCY");
    assertThat(CliRunner.run("route", "--config", LocateAndGateCommandTest.CONFIG, "--agent", "grace", "--dial", "911",
        "--bssid", "zz").exitCode()).isEqualTo(1);
  }

  @Test
  @DisplayName("--explain answers why: the rule, the evidence, the ladder rung, the callback candidates and the carrier's record")
  void explain() throws Exception {
    CliRunner r = CliRunner.run("route", "--config", LocateAndGateCommandTest.CONFIG, "--agent", "luis", "--dial", "9911",
        "--ip", "192.168.1.9", "--public-ip", "198.51.100.3", "--explain", "--format", "json");
    assertThat(r.exitCode()).isZero();
    JsonNode why = mapper.readTree(r.out()).get("explanation");
    assertThat(why.get(0).asText()).contains("rule 911", "outside-line prefix");
    assertThat(why.toString()).contains("PUBLIC_RANGE 198.51.100.0/28", "too weak to verify", "rung 5",
        "not used: a remote agent is not at the site default", "is not provisioned");
  }
}
