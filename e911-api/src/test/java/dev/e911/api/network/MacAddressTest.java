package dev.e911.api.network;

import static dev.e911.api.TestValues.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.validation.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

  @ParameterizedTest
  @ValueSource(strings = {"00:11:22:aa:bb:cc", "00:11:22:AA:BB:CC", "00-11-22-aa-bb-cc", "0011.22aa.bbcc",
      "001122AABBCC", " 00:11:22:aa:bb:cc\t"})
  @DisplayName("every common notation parses to the same address, printed lower-case with colons")
  void notations(String text) {
    MacAddress m = MacAddress.parse(text);
    assertThat(m.bits()).isEqualTo(0x001122AABBCCL);
    assertThat(m).hasToString("00:11:22:aa:bb:cc").isEqualTo(new MacAddress(0x001122AABBCCL));
  }

  @Test
  @DisplayName("the extremes print with all twelve digits")
  void extremes() {
    assertThat(new MacAddress(0)).hasToString("00:00:00:00:00:00");
    assertThat(new MacAddress(0xFFFF_FFFF_FFFFL)).hasToString("ff:ff:ff:ff:ff:ff");
  }

  @ParameterizedTest
  @ValueSource(strings = {"00:11:22:aa:bb", "00:11:22:aa:bb:cc:dd", "00:11-22:aa:bb:cc", "0:11:22:aa:bb:cc",
      "00:11:22:aa:bb:cg", "0011.22aa.bbc", "00112.2aab.bcc", "001122aabbc", "001122aabbccd", "00::11:22:aa:bb:cc",
      "00:11:22:aa:bb:cc:", "００:11:22:aa:bb:cc", "00 11 22 aa bb cc", "0x001122aabbcc", "0011:22aa:bbcc"})
  @DisplayName("wrong lengths, mixed separators, bad digits and other notations are refused")
  void refused(String text) {
    assertThat(violationsOf(() -> MacAddress.parse(text))).extracting(Violation::rule).containsExactly("mac.syntax");
  }

  @Test
  @DisplayName("null and blank are required; more than 48 bits is out of range")
  void requiredAndRange() {
    assertThat(violationsOf(() -> MacAddress.parse(null))).extracting(Violation::rule).containsExactly("required");
    assertThat(violationsOf(() -> MacAddress.parse(" "))).extracting(Violation::rule).containsExactly("required");
    assertThat(violationsOf(() -> new MacAddress(1L << 48))).extracting(Violation::rule).containsExactly("mac.range");
    assertThat(violationsOf(() -> new MacAddress(-1))).extracting(Violation::rule).containsExactly("mac.range");
  }
}
