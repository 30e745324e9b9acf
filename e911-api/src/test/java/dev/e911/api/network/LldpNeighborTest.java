package dev.e911.api.network;

import static dev.e911.api.TestValues.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.e911.api.validation.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LldpNeighborTest {

  @Test
  @DisplayName("CHASSIS/PORT splits at the first slash, so the port keeps its own slashes")
  void parse() {
    LldpNeighbor n = LldpNeighbor.parse("sw1/Gi1/0/24");
    assertThat(n.chassisId()).isEqualTo("sw1");
    assertThat(n.portId()).isEqualTo("Gi1/0/24");
    assertThat(n).hasToString("sw1/Gi1/0/24").isEqualTo(new LldpNeighbor("sw1", "Gi1/0/24"));
  }

  @Test
  @DisplayName("a MAC chassis id is normalised so different notations are the same neighbour")
  void macChassis() {
    LldpNeighbor a = new LldpNeighbor("0011.2233.4455", "Gi1/0/24");
    LldpNeighbor b = new LldpNeighbor("00-11-22-33-44-55", "Gi1/0/24");
    assertThat(a.chassisId()).isEqualTo("00:11:22:33:44:55");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }

  @Test
  @DisplayName("both ids are trimmed and otherwise compared exactly")
  void trimmed() {
    assertThat(new LldpNeighbor("  sw1 ", " Gi1/0/24\t")).isEqualTo(new LldpNeighbor("sw1", "Gi1/0/24"));
    assertThat(new LldpNeighbor("sw1", "gi1/0/24")).isNotEqualTo(new LldpNeighbor("sw1", "Gi1/0/24"));
  }

  @Test
  @DisplayName("missing, over-long and control-character ids are all reported at once")
  void refused() {
    assertThat(violationsOf(() -> new LldpNeighbor(null, " "))).extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("chassisId", "required"), tuple("portId", "required"));
    assertThat(violationsOf(() -> new LldpNeighbor("s".repeat(129), "p\u0000")))
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("chassisId", "length"), tuple("portId", "text.control-char"));
    assertThat(new LldpNeighbor("s".repeat(128), "p").chassisId()).hasSize(128);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "sw1", "/Gi1", "sw1/", "   "})
  @DisplayName("text that is not CHASSIS/PORT is refused")
  void badSyntax(String text) {
    assertThat(violationsOf(() -> LldpNeighbor.parse(text))).extracting(Violation::rule).containsExactly("lldp.syntax");
  }

  @Test
  @DisplayName("null is refused as bad syntax, not with a NullPointerException")
  void nullText() {
    assertThat(violationsOf(() -> LldpNeighbor.parse(null))).extracting(Violation::rule).containsExactly("lldp.syntax");
  }
}
