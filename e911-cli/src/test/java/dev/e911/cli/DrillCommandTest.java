package dev.e911.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillCommandTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  @DisplayName("without provisioning every ELIN fails; after --provision only the planted unvalidated floor still fails")
  void drill() throws Exception {
    CliRunner before = CliRunner.run("drill", "--config", LocateAndGateCommandTest.CONFIG, "--format", "json");
    assertThat(before.exitCode()).isEqualTo(4);
    JsonNode doc = mapper.readTree(before.out());
    assertThat(doc.get("failed").asInt()).isEqualTo(doc.get("locations").asInt()).isEqualTo(5);
    assertThat(doc.get("results").get(0).get("reasons").get(0).asText()).contains("not provisioned");
    CliRunner after = CliRunner.run("drill", "--config", LocateAndGateCommandTest.CONFIG, "--provision", "--format", "json");
    assertThat(after.exitCode()).isEqualTo(4);
    JsonNode results = mapper.readTree(after.out()).get("results");
    for (JsonNode r : results) {
      boolean trap = r.get("locationId").asText().equals("sf-hq-4");
      assertThat(r.get("verdict").asText()).as(r.toString()).isEqualTo(trap ? "FAIL" : "PASS");
      if (trap) {
        assertThat(r.get("reasons").get(0).asText()).contains("not been validated");
      }
    }
  }

  @Test
  @DisplayName("an address the carrier would correct, and a plan without ^933$, are reported per location")
  void findings(@TempDir Path dir) throws Exception {
    String text = Files.readString(Path.of(LocateAndGateCommandTest.CONFIG))
        .replace("\"postalCode\": \"10118\"", "\"postalCode\": \"10001\"")
        .replace("\"pattern\": \"^933$\"", "\"pattern\": \"^9333$\"");
    Path f = Files.writeString(dir.resolve("c.json"), text);
    CliRunner r = CliRunner.run("drill", "--config", f.toString(), "--provision");
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.out()).contains("no ^933$ test rule", "the carrier corrects this address", "nyc-12");
  }

  @Test
  @DisplayName("on a terminal, text mode shows progress on stderr; JSON mode and pipes stay quiet")
  void progress() {
    Progress.forceForTests = true;
    try {
      CliRunner text = CliRunner.run("drill", "--config", LocateAndGateCommandTest.CONFIG);
      assertThat(text.err()).contains("drill: 1/5 sf-hq-lobby", "drill: 5/5 done");
      assertThat(text.out()).doesNotContain("drill: 1/5");
      assertThat(CliRunner.run("drill", "--config", LocateAndGateCommandTest.CONFIG, "--format", "json").err()).isEmpty();
    } finally {
      Progress.forceForTests = false;
    }
    assertThat(CliRunner.run("drill", "--config", LocateAndGateCommandTest.CONFIG).err()).isEmpty();
  }
}
