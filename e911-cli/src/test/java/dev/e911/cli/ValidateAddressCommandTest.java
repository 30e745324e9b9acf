package dev.e911.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateAddressCommandTest {

  private static final Path EXAMPLES = Path.of("..", "examples", "addresses");

  @Test
  @DisplayName("a validated office address is VALID and dispatchable (exit 0)")
  void validatedOffice() {
    CliRunner r = CliRunner.run("validate-address", EXAMPLES.resolve("hq-floor3.json").toString());
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out()).contains("VALID  Acme Support Center, 1200 N Point St, Pier Building, Floor 3, Suite 310, San Francisco, CA 94133-1234, US")
        .contains("dispatchable: yes");
    assertThat(r.err()).isEmpty();
  }

  @Test
  @DisplayName("an unvalidated home address is well-formed but not dispatchable, in JSON")
  void unvalidatedHomeJson() throws Exception {
    CliRunner r = CliRunner.run("validate-address", EXAMPLES.resolve("home-unvalidated.json").toString(), "--format", "json");
    assertThat(r.exitCode()).isEqualTo(0);
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("verdict").asText()).isEqualTo("VALID");
    assertThat(doc.get("dispatchable").asBoolean()).isFalse();
    assertThat(doc.get("gaps").get(0).get("code").asText()).isEqualTo("NOT_VALIDATED");
    assertThat(doc.get("address").get("streetName").asText()).isEqualTo("Avenida de los Árboles");
  }

  @Test
  @DisplayName("a broken address lists every violation with its JSON path and exits 1")
  void broken() throws Exception {
    CliRunner r = CliRunner.run("validate-address", EXAMPLES.resolve("broken.json").toString(), "--format", "json");
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("verdict").asText()).isEqualTo("INVALID");
    assertThat(doc.get("violations").findValuesAsText("path"))
        .containsExactlyInAnyOrder("$.flor", "$.state", "$.houseNumber", "$.postalCode");
    CliRunner text = CliRunner.run("validate-address", EXAMPLES.resolve("broken.json").toString());
    assertThat(text.out()).contains("$.flor: is not a known field [json.unknown-field]");
  }

  @Test
  @DisplayName("a missing file is bad input on stderr (exit 1); a missing argument is a usage error (exit 2)")
  void missingFile(@TempDir Path dir) {
    CliRunner r = CliRunner.run("validate-address", dir.resolve("nope.json").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no such file");
    assertThat(CliRunner.run("validate-address").exitCode()).isEqualTo(2);
    assertThat(CliRunner.run("validate-address", "x.json", "--format", "yaml").exitCode()).isEqualTo(2);
  }

  @Test
  @DisplayName("not JSON at all is reported as a syntax violation")
  void notJson(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("a.json"), "country: US");
    CliRunner r = CliRunner.run("validate-address", f.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("[json.syntax]");
  }

  @Test
  @DisplayName("--help shows an example and the exit codes")
  void help() {
    CliRunner r = CliRunner.run("validate-address", "--help");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out()).contains("Example:", "./e911 validate-address", "Exit codes");
    assertThat(CliRunner.run("--help").out()).contains("validate-address");
  }
}
