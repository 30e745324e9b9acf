package dev.e911.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.e911.testkit.http.StubHttpServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile PIDF-LO files through the real {@code Main}: a typed refusal and exit 1, nothing expanded or fetched. */
class PidfHostileCliTest {

  private final ObjectMapper mapper = new ObjectMapper();

  /** The classic ten-level billion laughs: 10^9 "lol"s (3 GB) if a parser expanded it. */
  static String billionLaughs() {
    StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      String previous = i == 1 ? "lol" : "lol" + (i - 1);
      doc.append(" <!ENTITY lol").append(i).append(" \"").append(("&" + previous + ";").repeat(10)).append("\">\n");
    }
    return doc.append("]>\n<lolz>&lol9;</lolz>\n").toString();
  }

  @Test
  @DisplayName("pidf parse on a billion-laughs file: exit 1, DOCTYPE_REFUSED in text and in JSON, no expansion in the output")
  void billionLaughs(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("lolz.xml"), billionLaughs(), StandardCharsets.UTF_8);

    CliRunner text = CliRunner.run("pidf", "parse", file.toString());
    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(text.out()).startsWith("REFUSED").contains("[DOCTYPE_REFUSED]").doesNotContain("lollol");

    CliRunner json = CliRunner.run("pidf", "parse", file.toString(), "--format", "json");
    assertThat(json.exitCode()).isEqualTo(1);
    JsonNode out = mapper.readTree(json.out());
    assertThat(out.get("result").asText()).isEqualTo("Refused");
    assertThat(out.get("reason").asText()).isEqualTo("DOCTYPE_REFUSED");
    assertThat(out.get("message").asText()).startsWith("DOCTYPE_REFUSED at line ").contains("document type declaration is not allowed");
    assertThat(json.out()).doesNotContain("lollol");
  }

  @Test
  @DisplayName("pidf parse and pidf validate on an XXE file naming a loopback URL: exit 1, DOCTYPE_REFUSED, the server gets no request")
  void xxeFetchesNothing(@TempDir Path dir) throws Exception {
    try (StubHttpServer server = StubHttpServer.start(1)) {
      String doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE presence [\n <!ENTITY xxe SYSTEM \"" + server.uri("/secret")
          + "\">\n]>\n<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:a@example.com\">&xxe;</presence>\n";
      Path file = Files.writeString(dir.resolve("xxe.xml"), doc, StandardCharsets.UTF_8);

      CliRunner parse = CliRunner.run("pidf", "parse", file.toString(), "--format", "json");
      assertThat(parse.exitCode()).isEqualTo(1);
      assertThat(mapper.readTree(parse.out()).get("reason").asText()).isEqualTo("DOCTYPE_REFUSED");

      CliRunner validate = CliRunner.run("pidf", "validate", file.toString());
      assertThat(validate.exitCode()).isEqualTo(1);
      assertThat(validate.out()).contains("[DOCTYPE_REFUSED]");

      assertThat(server.requestCount()).isZero();
    }
  }
}
