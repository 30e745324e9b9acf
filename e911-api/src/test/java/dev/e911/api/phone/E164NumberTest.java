package dev.e911.api.phone;

import static dev.e911.api.TestValues.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.e911.api.validation.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class E164NumberTest {

  @ParameterizedTest(name = "{0} (default region {1})")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "+1 (415) 555-0100 | null",
      "415-555-0100 | US",
      "415-555-0100 | us",
      "(415) 555 0100 | US",
      "+14155550100 | null",
      "  +1.415.555.0100  | null",
      "tel:+1-415-555-0100 | null",
      "TEL:+1-415-555-0100 | null",
      "tel:+1-415-555-0100;phone-context=example.com | null",
      "sip:+14155550100@host;user=phone | null",
      "sips:+14155550100@sbc.example.com:5061;user=phone | null",
      "SIP:+14155550100@host | null",
      "sip:4155550100@host;user=phone | US",
      "+1 415 555 0100 | GB"})
  @DisplayName("every accepted form parses to the same canonical E.164 value")
  void parsesForms(String text, String region) {
    E164Number n = E164Number.parse(text, region);
    assertThat(n.value()).isEqualTo("+14155550100");
    assertThat(n).hasToString("+14155550100").isEqualTo(new E164Number("+14155550100"));
  }

  @Test
  @DisplayName("region, national number and tel: URI come from the canonical value")
  void accessors() {
    E164Number n = E164Number.parse("+44 20 7946 0018");
    assertThat(n.value()).isEqualTo("+442079460018");
    assertThat(n.region()).isEqualTo("GB");
    assertThat(n.nationalNumber()).isEqualTo("2079460018");
    assertThat(n.telUri()).isEqualTo("tel:+442079460018");
    assertThat(E164Number.parse("4155550100", "US").nationalNumber()).isEqualTo("4155550100");
  }

  @Test
  @DisplayName("a toll-free number is a perfectly good plain E164Number")
  void tollFreeAccepted() {
    assertThat(E164Number.parse("1-800-555-0100", "US").value()).isEqualTo("+18005550100");
    assertThat(new E164Number("+18885550100").region()).isEqualTo("US");
  }

  @Test
  @DisplayName("a number without country code and without default region is refused")
  void noRegion() {
    assertThat(violationsOf(() -> E164Number.parse("415-555-0100")))
        .extracting(Violation::rule).containsExactly("phone.region");
    assertThat(violationsOf(() -> E164Number.parse("415-555-0100", "XX")))
        .extracting(Violation::rule).containsExactly("phone.region");
  }

  @ParameterizedTest
  @ValueSource(strings = {"911", "611", "933", "411", "9911"})
  @DisplayName("short codes are refused as short codes")
  void shortCodes(String digits) {
    assertThat(violationsOf(() -> E164Number.parse(digits, "US")))
        .extracting(Violation::path, Violation::rule).containsExactly(tuple("", "phone.short-code"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "+1 099 555 0100", // area code cannot start with 0
      "+1 415 155 0100", // exchange cannot start with 1
      "+1 415 055 0100", // exchange cannot start with 0
      "+1 555 555 0100", // 555 is not an assigned area code
      "+1 911 555 0100", // N11 is never an area code
      "+1 650 123 4567", // exchange 123 starts with 1
      "+1 700 555 0100"})
  @DisplayName("numbers libphonenumber knows to be invalid in the NANP are refused")
  void invalidNanp(String text) {
    assertThat(violationsOf(() -> E164Number.parse(text)))
        .extracting(Violation::rule).containsExactly("phone.invalid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello", "+", "++1", "sip:@host", "tel:", "call me"})
  @DisplayName("text that is no number is refused as unparseable")
  void unparseable(String text) {
    assertThat(violationsOf(() -> E164Number.parse(text, "US")))
        .extracting(Violation::rule).containsAnyOf("phone.unparseable", "phone.invalid", "phone.short-code");
  }

  @ParameterizedTest
  @ValueSource(strings = {"+1 415 555 0100 ext. 12", "+1 415 555 0100 x12", "tel:+1-415-555-0100;ext=12",
      "sip:+14155550100;ext=12@host;user=phone"})
  @DisplayName("a number with an extension is refused in every form, never silently shortened")
  void extension(String text) {
    assertThat(violationsOf(() -> E164Number.parse(text)))
        .extracting(Violation::rule).containsExactly("phone.extension");
  }

  @Test
  @DisplayName("null, blank and absurdly long input are refused")
  void blankAndLong() {
    assertThat(violationsOf(() -> E164Number.parse(null, "US"))).extracting(Violation::rule).containsExactly("required");
    assertThat(violationsOf(() -> E164Number.parse(" \t", "US"))).extracting(Violation::rule).containsExactly("required");
    assertThat(violationsOf(() -> E164Number.parse("1".repeat(257), "US")))
        .extracting(Violation::rule).containsExactly("phone.length");
  }

  @ParameterizedTest
  @ValueSource(strings = {"+1 415 555 0100", "14155550100", "+1-415-555-0100", "tel:+14155550100", "+014155550100"})
  @DisplayName("the constructor takes only the canonical form")
  void constructorCanonicalOnly(String text) {
    assertThat(violationsOf(() -> new E164Number(text))).extracting(Violation::rule)
        .containsAnyOf("phone.e164", "phone.region", "phone.unparseable");
  }

  @Test
  @DisplayName("the constructor refuses null and invalid canonical numbers")
  void constructorRefuses() {
    assertThat(violationsOf(() -> new E164Number(null))).extracting(Violation::rule).containsExactly("required");
    assertThat(violationsOf(() -> new E164Number("+15555550100"))).extracting(Violation::rule)
        .containsExactly("phone.invalid");
  }

  @Test
  @DisplayName("a number longer than the 15 digits E.164 allows is refused, though libphonenumber calls it valid")
  void longerThanE164() {
    // found by the reliability suite's phone fuzz: German numbers of 16 and 17 digits parsed
    assertThat(violationsOf(() -> E164Number.parse("+4930069128092021"))).extracting(Violation::rule)
        .containsExactly("phone.e164-length");
    assertThat(violationsOf(() -> E164Number.parse("+49830913585023995"))).extracting(Violation::rule)
        .containsExactly("phone.e164-length");
    assertThat(violationsOf(() -> new E164Number("+4930069128092021"))).extracting(Violation::rule)
        .containsExactly("phone.e164-length");
    assertThat(violationsOf(() -> Elin.parse("+4930069128092021", null, Elin.Kind.AGENT_DID))).extracting(Violation::rule)
        .containsExactly("phone.e164-length");
    assertThat(E164Number.parse("+49 30 901820").value()).isEqualTo("+4930901820");
  }
}
