package dev.e911.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidfRenderParseTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  @DisplayName("render -> validate -> parse round-trips the example address through the real main")
  void roundTrip(@TempDir Path dir) throws Exception {
    CliRunner rendered = CliRunner.run("pidf", "render", "--address", "../examples/addresses/hq-floor3.json", "--agent", "grace",
        "--method", "Wiremap", "--at", "2026-11-25T16:00:00Z");
    assertThat(rendered.exitCode()).isZero();
    assertThat(rendered.out()).contains("entity=\"pres:grace@e911.invalid\"", "<gp:method>Wiremap</gp:method>",
        "2026-11-25T16:00:00.000Z", "<ca:UNIT>Suite 310</ca:UNIT>");
    JsonNode asJson = mapper.readTree(CliRunner.run("pidf", "render", "--address", "../examples/addresses/hq-floor3.json",
        "--agent", "grace", "--method", "Wiremap", "--at", "2026-11-25T16:00:00Z", "--format", "json").out());
    assertThat(asJson.get("document").asText()).isEqualTo(rendered.out());
    assertThat(asJson.get("entity").asText()).isEqualTo("pres:grace@e911.invalid");
    Path doc = Files.writeString(dir.resolve("doc.xml"), rendered.out(), StandardCharsets.UTF_8);
    assertThat(CliRunner.run("pidf", "validate", doc.toString()).exitCode()).isZero();
    CliRunner parsed = CliRunner.run("pidf", "parse", doc.toString(), "--format", "json");
    assertThat(parsed.exitCode()).isZero();
    JsonNode json = mapper.readTree(parsed.out());
    JsonNode original = mapper.readTree(Files.readString(Path.of("../examples/addresses/hq-floor3.json")));
    assertThat(json.get("result").asText()).isEqualTo("Located");
    for (String field : new String[] {"houseNumber", "streetName", "floor", "unit", "city", "state", "postalCode", "building"}) {
      assertThat(json.get("address").get(field).asText()).as(field).isEqualTo(original.get(field).asText().replaceAll("-.*", ""));
    }
  }

  @Test
  @DisplayName("parse refuses a DOCTYPE with the typed reason (exit 1); render refuses a broken address naming the fields")
  void refusals(@TempDir Path dir) throws Exception {
    Path xxe = Files.writeString(dir.resolve("x.xml"),
        "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><presence>&lol2;</presence>");
    CliRunner r = CliRunner.run("pidf", "parse", xxe.toString(), "--format", "json");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(mapper.readTree(r.out()).get("reason").asText()).isEqualTo("DOCTYPE_REFUSED");
    CliRunner bad = CliRunner.run("pidf", "render", "--address", "../examples/addresses/broken.json");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("$.flor", "$.postalCode");
  }
}
