package dev.e911.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LocateAndGateCommandTest {

  static final String CONFIG = "../examples/contact-center.json";
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  @DisplayName("locate names the location, the evidence and the conflict, in JSON")
  void locateJson() throws Exception {
    CliRunner r = CliRunner.run("locate", "--config", CONFIG, "--lldp", "00:1a:2b:00:00:03/Gi1/0/7",
        "--bssid", "00-1a-2b-3c-02-11", "--format", "json");
    assertThat(r.exitCode()).isZero();
    JsonNode doc = mapper.readTree(r.out());
    assertThat(doc.get("locationId").asText()).isEqualTo("sf-hq-3");
    assertThat(doc.get("strength").asText()).isEqualTo("SWITCH_PORT");
    assertThat(doc.get("conflicting").asBoolean()).isTrue();
    assertThat(doc.get("evidence").findValuesAsText("kind")).containsExactly("SWITCH_PORT", "BSSID");
  }

  @Test
  @DisplayName("locate says when nothing matches and when only the weak public range does")
  void locateNoneAndWeak() throws Exception {
    assertThat(CliRunner.run("locate", "--config", CONFIG, "--ip", "192.168.7.7").out()).contains("no known location");
    JsonNode weak = mapper.readTree(CliRunner.run("locate", "--config", CONFIG, "--public-ip", "198.51.100.3", "--format", "json").out());
    assertThat(weak.get("strength").asText()).isEqualTo("PUBLIC_RANGE");
    assertThat(weak.get("verifies").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("locate refuses a bad address naming the option, and needs some evidence")
  void locateBadInput() {
    CliRunner bad = CliRunner.run("locate", "--config", CONFIG, "--ip", "hq.example.com");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("--ip", "ip.syntax");
    assertThat(CliRunner.run("locate", "--config", CONFIG).exitCode()).isEqualTo(1);
    assertThat(CliRunner.run("locate", "--ip", "10.0.0.1").exitCode()).isEqualTo(2);
  }

  @Test
  @DisplayName("gate allows an office agent on a known network (exit 0) and blocks a home agent (exit 3)")
  void gate() throws Exception {
    CliRunner office = CliRunner.run("gate", "--config", CONFIG, "--agent", "grace", "--ip", "10.10.2.57", "--format", "json");
    assertThat(office.exitCode()).isZero();
    assertThat(mapper.readTree(office.out()).get("allowed").asBoolean()).isTrue();
    CliRunner home = CliRunner.run("gate", "--config", CONFIG, "--agent", "maria", "--ip", "192.168.1.20", "--format", "json");
    assertThat(home.exitCode()).isEqualTo(3);
    JsonNode doc = mapper.readTree(home.out());
    assertThat(doc.get("reason").asText()).isEqualTo("UNVERIFIED");
    assertThat(doc.get("next").asText()).isEqualTo("PROMPT");
    assertThat(doc.get("message").asText()).contains("Confirm the address");
    CliRunner none = CliRunner.run("gate", "--config", CONFIG, "--agent", "maria");
    assertThat(none.exitCode()).isEqualTo(3);
    assertThat(none.out()).contains("NO_LOCATION");
    assertThat(CliRunner.run("gate", "--config", CONFIG, "--agent", "nobody").out()).contains("UNKNOWN_AGENT");
  }

  @Test
  @DisplayName("a broken configuration is bad input: every problem on stderr, exit 1")
  void brokenConfig(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("c.json"), "{\"name\":\"x\",\"sites\":[{\"id\":\"s\"}]}");
    CliRunner r = CliRunner.run("gate", "--config", f.toString(), "--agent", "a");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("$.sites[0].name", "$.sites[0].kind", "$.sites[0].defaultLocationId");
  }
}
