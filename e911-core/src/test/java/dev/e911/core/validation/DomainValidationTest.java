package dev.e911.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.location.Location;
import dev.e911.api.validation.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DomainValidationTest {

  /** An embedding service's request object that holds e911 values. */
  record ConfirmRequest(@NotBlank String agentId, @Valid Location location, @Size(max = 3) List<String> notes) {}

  private static Location location() {
    return Location.of("home-1", "Home", DispatchableAddress.builder("US").houseNumber("1").streetName("Main")
        .city("Austin").state("TX").postalCode("78701").build());
  }

  @Test
  @DisplayName("valid e911 values inside a caller's object produce no violations")
  void validObject() {
    assertThat(DomainValidation.validate(new ConfirmRequest("a1", location(), List.of()))).isEmpty();
  }

  @Test
  @DisplayName("violations come back typed, with path and rule, without EL interpolation")
  void typedViolations() {
    List<Violation> violations = DomainValidation.validate(new ConfirmRequest(" ", location(), List.of("a", "b", "c", "d")));
    assertThat(violations).extracting(Violation::path, Violation::rule).containsExactly(
        org.assertj.core.groups.Tuple.tuple("agentId", "bean.notBlank"),
        org.assertj.core.groups.Tuple.tuple("notes", "bean.size"));
    assertThat(violations.get(1).message()).contains("3");
  }
}
