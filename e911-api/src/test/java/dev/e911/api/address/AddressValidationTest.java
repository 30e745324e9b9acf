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
}
