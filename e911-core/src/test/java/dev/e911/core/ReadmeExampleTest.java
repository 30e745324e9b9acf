package dev.e911.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.core.gate.GateDecision;
import dev.e911.core.location.ConfirmOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The README's embedding example, compiled and run, and checked to be the README's text. */
class ReadmeExampleTest {

  @Test
  void readmeExampleRunsAsWritten() throws Exception {
    Path config = Path.of("..", "examples", "contact-center.json");
    // --- README snippet start
    E911 e911 = E911.builder().configFile(config).entityDomain("acme.example").build(); // sites, agents, network map, carrier
    Instant now = Instant.now();
    e911.locations().observe("maria", NetworkObservation.builder(now).localAddress("192.168.1.23").build());
    GateDecision gate = e911.gate().check("maria");            // Block(UNVERIFIED): a home network she never confirmed
    DispatchableAddress home = DispatchableAddress.builder("US").houseNumber("4521")
        .streetName("Avenida de los Árboles").unit("Apt 2B").city("Austin").state("TX").postalCode("78745").build();
    ConfirmOutcome confirmed = e911.locations().confirm("maria", home, "maria"); // carrier validates, DID provisioned
    EmergencyRoute route = e911.router().route("maria", "911", null); // her DID, her home as PIDF-LO; never throws
    // --- README snippet end

    assertThat(gate).isInstanceOfSatisfying(GateDecision.Block.class,
        b -> assertThat(b.reason()).isEqualTo(GateDecision.Reason.UNVERIFIED));
    assertThat(confirmed).isInstanceOf(ConfirmOutcome.Verified.class);
    assertThat(e911.gate().check("maria").allowed()).isTrue();
    EmergencyRoute.Emergency e = (EmergencyRoute.Emergency) route;
    assertThat(e.callbackNumber().orElseThrow().e164()).isEqualTo("+15125550117");
    assertThat(new String(e.pidfLo(), StandardCharsets.UTF_8)).containsIgnoringCase("Avenida de los Árboles"); // the carrier's standardised spelling

    String source = Files.readString(Path.of("src/test/java/dev/e911/core/ReadmeExampleTest.java"), StandardCharsets.UTF_8);
    String snippet = source.substring(source.indexOf("// --- README snippet start") + 27, source.indexOf("    // --- README snippet end"));
    // drop the blank last line, which would otherwise pin the common indentation to zero
    String code = snippet.substring(0, snippet.stripTrailing().length()).stripIndent().strip();
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    assertThat(readme).contains(code);
  }
}
