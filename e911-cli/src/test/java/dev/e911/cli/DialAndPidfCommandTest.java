package dev.e911.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DialAndPidfCommandTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @ParameterizedTest
  @CsvSource({
      "911, '', EMERGENCY",
      "9911, 9, EMERGENCY",
      "933, '', EMERGENCY_TEST",
      "tel:911, '', EMERGENCY",
      "sip:911@sbc.example.com;user=phone, '', EMERGENCY",
      "9110, 9, NOT_EMERGENCY",
      "1911, 9, NOT_EMERGENCY",
      "9333, '', NOT_EMERGENCY",
      "+911234567890, 9, NOT_EMERGENCY"})
  @DisplayName("dial classify through the real main")
  void classify(String dialled, String prefix, String expected) throws Exception {
    CliRunner r = prefix.isEmpty()
        ? CliRunner.run("dial", "classify", dialled, "--format", "json")
        : CliRunner.run("dial", "classify", dialled, "--prefix", prefix, "--format", "json");
    assertThat(r.exitCode()).isZero();
    assertThat(mapper.readTree(r.out()).get("classification").asText()).isEqualTo(expected);
  }

  @Test
  @DisplayName("dial number-plan prints the Genesys entries with Emergency classification")
  void numberPlan() throws Exception {
    CliRunner r = CliRunner.run("dial", "number-plan", "--config", "../examples/contact-center.json", "--format", "json");
    assertThat(r.exitCode()).isZero();
    JsonNode arr = mapper.readTree(r.out());
    assertThat(arr.findValuesAsText("match")).contains("^9?911$", "^9?933$");
    assertThat(arr.findValuesAsText("classification")).containsOnly("Emergency");
  }

  @Test
  @DisplayName("pidf validate: 0 for a valid document, 1 with line numbers for an invalid one, 1 for a DOCTYPE")
  void pidfValidate(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    assertThat(CliRunner.run("pidf", "validate", "../examples/pidf/hq-floor2.xml").exitCode()).isZero();
    CliRunner bad = CliRunner.run("pidf", "validate", "../examples/pidf/broken-order.xml", "--format", "json");
    assertThat(bad.exitCode()).isEqualTo(1);
    JsonNode doc = mapper.readTree(bad.out());
    assertThat(doc.get("verdict").asText()).isEqualTo("INVALID");
    assertThat(doc.get("problems").get(0).get("line").asInt()).isEqualTo(20);
    java.nio.file.Path xxe = java.nio.file.Files.writeString(dir.resolve("x.xml"),
        "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><presence>&x;</presence>");
    CliRunner refused = CliRunner.run("pidf", "validate", xxe.toString(), "--format", "json");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(mapper.readTree(refused.out()).get("reason").asText()).isEqualTo("DOCTYPE_REFUSED");
    assertThat(refused.out()).doesNotContain("root:");
  }
}
