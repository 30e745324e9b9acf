package dev.e911.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.Dispatchability;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.phone.Elin;
import dev.e911.core.json.DomainJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's embedding example, compiled and run, and checked to be the README's text. */
class ReadmeExampleTest {

  @Test
  void readmeExampleRunsAsWritten() throws Exception {
    // --- README snippet start
    DispatchableAddress home = DispatchableAddress.builder("US")
        .houseNumber("4521").streetName("Avenida de los Árboles").unit("Apt 2B")
        .city("Austin").state("TX").postalCode("78745-1234")
        .build();                                   // InvalidValueException lists every broken rule
    Dispatchability verdict = home.dispatchability(); // NOT_VALIDATED until the carrier has checked it
    Elin callback = Elin.parse("(512) 555-0117", "US", Elin.Kind.AGENT_DID); // toll-free numbers are refused
    String json = DomainJson.create().write(home);  // strict, round-trip exact JSON
    // --- README snippet end

    assertThat(verdict.gaps()).containsExactly(Dispatchability.Gap.NOT_VALIDATED);
    assertThat(callback.e164()).isEqualTo("+15125550117");
    assertThat(DomainJson.create().read(json, DispatchableAddress.class)).isEqualTo(home);

    String source = Files.readString(Path.of("src/test/java/dev/e911/core/ReadmeExampleTest.java"), StandardCharsets.UTF_8);
    String snippet = source.substring(source.indexOf("// --- README snippet start") + 27, source.indexOf("    // --- README snippet end"));
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    // drop the blank last line, which would otherwise pin the common indentation to zero
    String code = snippet.substring(0, snippet.stripTrailing().length()).stripIndent().strip();
    assertThat(readme).contains(code);
  }
}
