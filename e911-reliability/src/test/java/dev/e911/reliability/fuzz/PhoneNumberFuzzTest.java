package dev.e911.reliability.fuzz;

import static dev.e911.reliability.fuzz.FuzzRun.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.phone.E164Number;
import dev.e911.api.phone.Elin;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.reliability.Scale;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * E.164, national and garbage text through the phone value types (libphonenumber underneath):
 * every input gives a canonical number or an {@link InvalidValueException} with typed violations —
 * nothing else — and a number that parses is canonical and reads back equal.
 */
class PhoneNumberFuzzTest {

  private static final String[] REGIONS = {null, "US", "us", "GB", "DE", "IN", "ZZ", "001", "", "XX", "U", "USA"};

  @Test
  @DisplayName("any text in any region: a canonical number or typed violations, never another exception")
  void anyText() {
    var outcomes = FuzzRun.run("phone numbers", Scale.of(1_000, 100_000), r -> {
      String text = text(r);
      String region = oneOf(r, REGIONS);
      String outcome;
      try {
        E164Number n = E164Number.parse(text, region);
        assertThat(n.value()).matches("\\+[1-9][0-9]{2,14}");
        assertThat(new E164Number(n.value())).isEqualTo(n);
        assertThat(E164Number.parse(n.value())).isEqualTo(n);
        assertThat(E164Number.parse(n.telUri())).isEqualTo(n);
        assertThat(n.region()).isNotNull();
        outcome = "valid";
      } catch (InvalidValueException e) {
        FuzzRun.checkViolations(e.violations(), path -> path != null);
        outcome = e.violations().get(0).rule();
      }
      Elin.Kind kind = oneOf(r, Elin.Kind.values());
      try {
        Elin elin = Elin.parse(text, region, kind);
        assertThat(elin.kind()).isEqualTo(kind);
        assertThat(outcome).isEqualTo("valid");
      } catch (InvalidValueException e) {
        FuzzRun.checkViolations(e.violations(), path -> path != null);
      }
      try {
        assertThat(new E164Number(text).value()).isEqualTo(text); // the canonical constructor takes only canonical text
      } catch (InvalidValueException e) {
        FuzzRun.checkViolations(e.violations(), path -> path != null);
      }
      return outcome;
    });
    assertThat(outcomes).containsKey("valid").hasSizeGreaterThan(3);
  }

  /** A phone-ish or hostile text. */
  static String text(Random r) {
    return switch (r.nextInt(7)) {
      case 0 -> nanp(r, "+1 ", " ", "-");
      case 1 -> oneOf(r, "(", "") + nanp(r, "", ") ", "-");
      case 2 -> oneOf(r, "tel:", "TEL:", "sip:", "sips:") + nanp(r, "+1", "-", "")
          + oneOf(r, "", ";phone-context=+1", "@host;user=phone", ";ext=12", ";EXT=9@h", ";isub=1234");
      case 3 -> "+" + FuzzRun.string(r, "0123456789", 20);
      case 4 -> FuzzRun.string(r, "0123456789 +-().xX#*;:@telsip\u0660\u0661\u0662\uFF10\uFF11\u0966", 40);
      case 5 -> oneOf(r, "+44 20 7946 0958", "+49 30 901820", "+91 22 2778 0000", "020 7946 0958", "911", "933",
          "112", "+1 800 555 0100", "+1 900 555 0100", "+1 555 0100", "+888 1234 5678", "+800 1234 5678", "+979 123456789",
          "1-800-FLOWERS", "+1 (415) 555-0100 ext. 7", "+1\u00A0415\u00A0555\u00A00100", "+١ ٤١٥ ٥٥٥ ٠١٠٠", "")
          + (r.nextInt(4) == 0 ? FuzzRun.anyString(r, 3) : "");
      default -> r.nextInt(20) == 0 ? "9".repeat(200 + r.nextInt(400)) : FuzzRun.anyString(r, 64);
    };
  }

  private static String nanp(Random r, String prefix, String sep1, String sep2) {
    return prefix + (2 + r.nextInt(8)) + r.nextInt(10) + r.nextInt(10) + sep1 + (r.nextInt(10)) + r.nextInt(10) + r.nextInt(10)
        + sep2 + String.format("%04d", r.nextInt(10_000));
  }
}
