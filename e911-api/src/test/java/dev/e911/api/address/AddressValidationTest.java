package dev.e911.api.address;

import static dev.e911.api.TestValues.T0;
import static dev.e911.api.TestValues.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.e911.api.validation.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AddressValidationTest {

  @Test
  @DisplayName("who validated and when are kept")
  void keeps() {
    AddressValidation v = new AddressValidation("intelepeer", T0);
    assertThat(v.validatedBy()).isEqualTo("intelepeer");
    assertThat(v.validatedAt()).isEqualTo(T0);
    assertThat(v).isEqualTo(new AddressValidation("intelepeer", T0));
  }

  @Test
  @DisplayName("both fields are required and reported together")
  void required() {
    assertThat(violationsOf(() -> new AddressValidation(" ", null)))
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("validatedBy", "required"), tuple("validatedAt", "required"));
    assertThat(violationsOf(() -> new AddressValidation(null, T0)))
        .extracting(Violation::path).containsExactly("validatedBy");
  }

  @Test
  @DisplayName("who validated is a short text XML and JSON can carry (found by the reliability suite's address fuzz)")
  void validatedByIsBoundedText() {
    assertThat(violationsOf(() -> new AddressValidation("carrier\uD800", T0)))
        .extracting(Violation::path, Violation::rule).containsExactly(tuple("validatedBy", "text.control-char"));
    assertThat(violationsOf(() -> new AddressValidation("carrier\u0000", T0)))
        .extracting(Violation::path, Violation::rule).containsExactly(tuple("validatedBy", "text.control-char"));
    assertThat(violationsOf(() -> new AddressValidation("x".repeat(AddressValidation.MAX_VALIDATED_BY + 1), T0)))
        .extracting(Violation::path, Violation::rule).containsExactly(tuple("validatedBy", "length"));
    assertThat(new AddressValidation("x".repeat(AddressValidation.MAX_VALIDATED_BY), T0).validatedBy())
        .hasSize(AddressValidation.MAX_VALIDATED_BY);
    assertThat(new AddressValidation("manual: Zoë\tO'Brien \uD83D\uDE00", T0).validatedBy()).endsWith("\uD83D\uDE00");
  }
}
