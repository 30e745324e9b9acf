package dev.e911.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.tuple;

import dev.e911.api.phone.E164Number;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ValidatedTest {

  @Test
  @DisplayName("a factory that succeeds gives Valid with the value and no violations")
  void valid() {
    Validated<E164Number> v = Validated.of(() -> E164Number.parse("+1 415 555 0100"));
    assertThat(v.isValid()).isTrue();
    assertThat(v).isInstanceOf(Validated.Valid.class);
    assertThat(v.violations()).isEmpty();
    assertThat(v.orElseThrow().value()).isEqualTo("+14155550100");
    assertThat(v.map(E164Number::region).orElseThrow()).isEqualTo("US");
  }

  @Test
  @DisplayName("a factory that throws InvalidValueException gives Invalid with every violation and the type")
  void invalid() {
    Validated<E164Number> v = Validated.of(() -> E164Number.parse("911", "US"));
    assertThat(v.isValid()).isFalse();
    assertThat(v.violations()).extracting(Violation::rule).containsExactly("phone.short-code");
    assertThat(((Validated.Invalid<E164Number>) v).type()).isEqualTo("E164Number");
    assertThatExceptionOfType(InvalidValueException.class).isThrownBy(v::orElseThrow)
        .satisfies(e -> assertThat(e.type()).isEqualTo("E164Number"))
        .satisfies(e -> assertThat(e.violations()).extracting(Violation::rule).containsExactly("phone.short-code"));
  }

  @Test
  @DisplayName("map passes violations through without calling the mapper")
  void mapInvalid() {
    Validated<E164Number> v = Validated.of(() -> E164Number.parse("nope", "US"));
    Validated<String> mapped = v.map(n -> {
      throw new AssertionError("mapper must not run");
    });
    assertThat(mapped.isValid()).isFalse();
    assertThat(mapped.violations()).isEqualTo(v.violations());
  }

  @Test
  @DisplayName("other exceptions are not swallowed")
  void otherExceptions() {
    assertThatIllegalArgumentException().isThrownBy(() -> Validated.of(() -> {
      throw new IllegalArgumentException("boom");
    }));
  }

  @Test
  @DisplayName("Valid needs a value and Invalid at least one violation; the list is copied")
  void invariants() {
    assertThatNullPointerException().isThrownBy(() -> new Validated.Valid<>(null));
    assertThatIllegalArgumentException().isThrownBy(() -> new Validated.Invalid<>("T", List.of()));
    List<Violation> list = new ArrayList<>(List.of(new Violation("a", "r", "m")));
    Validated.Invalid<Object> inv = new Validated.Invalid<>("T", list);
    list.clear();
    assertThat(inv.violations()).hasSize(1);
    assertThat(inv.toException().getMessage()).isEqualTo("invalid T: a: m [r]");
  }

  @Test
  @DisplayName("an InvalidValueException needs a violation, lists all of them and can move them under a prefix")
  void exception() {
    assertThatIllegalArgumentException().isThrownBy(() -> new InvalidValueException("T", List.of()))
        .isNotInstanceOf(InvalidValueException.class);
    InvalidValueException e = new InvalidValueException("Location",
        List.of(new Violation("", "required", "is required"), new Violation("[2]", "dup", "twice"), new Violation("city", "len", "long")));
    assertThat(e.getMessage()).isEqualTo("invalid Location: <value>: is required [required]; [2]: twice [dup]; city: long [len]");
    assertThat(e.under("address").violations()).extracting(Violation::path)
        .containsExactly("address", "address[2]", "address.city");
    assertThat(e.under("").violations()).isEqualTo(e.violations());
  }

  @Test
  @DisplayName("Violations collects everything and nests under a prefix")
  void violations() {
    Violations v = Violations.forType("Thing");
    assertThat(v.isEmpty()).isTrue();
    v.throwIfAny();
    v.check(false, "a", "r", "m").check(true, "b", "r", "m");
    Object none = v.nested("inner", () -> {
      throw new InvalidValueException("Inner", List.of(new Violation("x", "r2", "m2")));
    });
    assertThat(none).isNull();
    assertThat(v.nested("inner", () -> "value")).isEqualTo("value");
    assertThatExceptionOfType(InvalidValueException.class).isThrownBy(v::throwIfAny)
        .satisfies(e -> assertThat(e.type()).isEqualTo("Thing"))
        .satisfies(e -> assertThat(e.violations()).extracting(Violation::path, Violation::rule)
            .containsExactly(tuple("b", "r"), tuple("inner.x", "r2")));
  }

  @Test
  @DisplayName("a violation needs path, rule and message")
  void violationInvariants() {
    assertThatNullPointerException().isThrownBy(() -> new Violation(null, "r", "m"));
    assertThatNullPointerException().isThrownBy(() -> new Violation("p", null, "m"));
    assertThatNullPointerException().isThrownBy(() -> new Violation("p", "r", null));
  }
}
