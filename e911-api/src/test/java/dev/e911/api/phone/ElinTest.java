package dev.e911.api.phone;

import static dev.e911.api.TestValues.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.tuple;

import dev.e911.api.validation.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ElinTest {

  @ParameterizedTest
  @ValueSource(strings = {"+1 (415) 555-0100", "415-555-0100", "tel:+1-415-555-0100", "sip:+14155550100@host;user=phone"})
  @DisplayName("a geographic number parses from every form and is stored canonical")
  void parses(String text) {
    Elin e = Elin.parse(text, "US", Elin.Kind.LOCATION_ELIN);
    assertThat(e.e164()).isEqualTo("+14155550100");
    assertThat(e.number()).isEqualTo(new E164Number("+14155550100"));
    assertThat(e.kind()).isEqualTo(Elin.Kind.LOCATION_ELIN);
    assertThat(e).hasToString("+14155550100 (LOCATION_ELIN)");
  }

  @ParameterizedTest
  @EnumSource(Elin.Kind.class)
  @DisplayName("every kind is kept")
  void kinds(Elin.Kind kind) {
    assertThat(Elin.parse("+12125550100", null, kind).kind()).isEqualTo(kind);
  }

  @Test
  @DisplayName("mobile and foreign geographic numbers are callback numbers")
  void mobileAndForeign() {
    assertThat(Elin.parse("+44 7400 123456", null, Elin.Kind.AGENT_DID).e164()).isEqualTo("+447400123456");
    assertThat(Elin.parse("+44 20 7946 0018", null, Elin.Kind.AGENT_DID).e164()).isEqualTo("+442079460018");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "800-555-0100, callback.toll-free",
      "888-555-0100, callback.toll-free",
      "877-555-0100, callback.toll-free",
      "900-555-0100, callback.premium"})
  @DisplayName("toll-free and premium numbers are refused as callback numbers, the rule naming the reason")
  void nonGeographic(String text, String rule) {
    assertThat(violationsOf(() -> Elin.parse(text, "US", Elin.Kind.LOCATION_ELIN)))
        .extracting(Violation::path, Violation::rule).containsExactly(tuple("number", rule));
    assertThat(violationsOf(() -> new Elin(E164Number.parse(text, "US"), Elin.Kind.AGENT_DID)))
        .extracting(Violation::rule).containsExactly(rule);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "+33 884 012345, callback.shared-cost",
      "+44 7640 123456, callback.not-geographic",
      "+44 55 1234 5678, callback.not-geographic",
      "+49 177 991234567, callback.not-geographic"})
  @DisplayName("shared-cost, pager, UAN and voicemail-access numbers are refused as callback numbers")
  void otherTypes(String text, String rule) {
    assertThat(violationsOf(() -> Elin.parse(text, null, Elin.Kind.AGENT_DID)))
        .extracting(Violation::rule).containsExactly(rule);
    assertThat(E164Number.parse(text).value()).startsWith("+");
  }

  @ParameterizedTest
  @ValueSource(strings = {"911", "611", "933"})
  @DisplayName("short codes are refused as callback numbers")
  void shortCodes(String text) {
    assertThat(violationsOf(() -> Elin.parse(text, "US", Elin.Kind.AGENT_DID)))
        .extracting(Violation::rule).containsExactly("phone.short-code");
  }

  @ParameterizedTest
  @ValueSource(strings = {"+1 099 555 0100", "+1 415 155 0100", "+1 555 555 0100", "+1 911 555 0100"})
  @DisplayName("invalid NANP numbers are refused as callback numbers")
  void invalidNanp(String text) {
    assertThat(violationsOf(() -> Elin.parse(text, null, Elin.Kind.AGENT_DID)))
        .extracting(Violation::rule).containsExactly("phone.invalid");
  }

  @Test
  @DisplayName("the kind and the number are required")
  void required() {
    assertThatNullPointerException().isThrownBy(() -> new Elin(null, Elin.Kind.AGENT_DID));
    assertThatNullPointerException().isThrownBy(() -> new Elin(new E164Number("+14155550100"), null));
  }
}
