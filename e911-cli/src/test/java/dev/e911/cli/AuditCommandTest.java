package dev.e911.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  @DisplayName("the example's planted traps are found offline: exit 4 with the codes in JSON")
  void plantedTraps() throws Exception {
    CliRunner r = CliRunner.run("audit", "--config", LocateAndGateCommandTest.CONFIG, "--at", "2026-11-25T16:00:00Z", "--format", "json");
    assertThat(r.exitCode()).isEqualTo(4);
    JsonNode doc = mapper.readTree(r.out());
    assertThat(doc.get("counts").get("ERROR").asInt()).isEqualTo(1);
    assertThat(doc.get("findings").findValuesAsText("code")).containsExactlyInAnyOrder("LOCATION_ADDRESS_UNVERIFIED",
        "AGENT_VERIFICATION_STALE", "WEBRTC_FORCE_TURN_OFF", "WEBRTC_LOCATION_PROMPT_OFF");
  }

  @Test
  @DisplayName("with the traps removed the audit is clean (exit 0); carrier read-back finds unprovisioned ELINs")
  void cleanAndReadBack(@TempDir Path dir) throws Exception {
    JsonNode c = mapper.readTree(Files.readString(Path.of(LocateAndGateCommandTest.CONFIG)));
    ((com.fasterxml.jackson.databind.node.ArrayNode) c.get("sites")).remove(3);
    ((com.fasterxml.jackson.databind.node.ArrayNode) c.get("locations")).remove(4);
    ((com.fasterxml.jackson.databind.node.ArrayNode) c.get("networkMap")).remove(5);
    ((com.fasterxml.jackson.databind.node.ObjectNode) c).putArray("agentLocations");
    for (JsonNode a : c.get("agents")) {
      if (a.get("siteId").asText().equals("remote-west")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) a).put("siteId", "remote");
      }
    }
    Path f = Files.writeString(dir.resolve("clean.json"), mapper.writeValueAsString(c));
    CliRunner clean = CliRunner.run("audit", "--config", f.toString(), "--at", "2026-11-25T16:00:00Z");
    assertThat(clean.exitCode()).as(clean.out() + clean.err()).isZero();
    assertThat(clean.out()).contains("no traps found");
    CliRunner readBack = CliRunner.run("audit", "--config", f.toString(), "--carrier-readback", "--format", "json");
    assertThat(readBack.exitCode()).isEqualTo(4);
    assertThat(mapper.readTree(readBack.out()).get("findings").findValuesAsText("code")).contains("ELIN_NOT_PROVISIONED");
  }
}
