package dev.e911.api.validation;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The outcome of validating input without throwing: either a {@link Valid} value or the
 * {@link Invalid} list of every violation found. Use {@link #of(Supplier)} to turn any value
 * factory of this library into a {@code Validated}.
 *
 * @param <T> the value type
 */
public sealed interface Validated<T> permits Validated.Valid, Validated.Invalid {

  /** A value that passed every rule. */
  record Valid<T>(T value) implements Validated<T> {
    public Valid {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The violations that prevented a value; never empty. */
  record Invalid<T>(String type, List<Violation> violations) implements Validated<T> {
    public Invalid {
      Objects.requireNonNull(type, "type");
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("Invalid needs at least one violation");
      }
    }

    /** The exception a throwing caller would have seen. */
    public InvalidValueException toException() {
      return new InvalidValueException(type, violations);
    }
  }

  /** Runs {@code factory}; an {@link InvalidValueException} becomes {@link Invalid}. */
  static <T> Validated<T> of(Supplier<T> factory) {
    try {
      return new Valid<>(factory.get());
    } catch (InvalidValueException e) {
      return new Invalid<>(e.type(), e.violations());
    }
  }

  /** True when this is {@link Valid}. */
  default boolean isValid() {
    return this instanceof Valid;
  }

  /** The violations; empty when valid. */
  default List<Violation> violations() {
    return this instanceof Invalid<T> invalid ? invalid.violations() : List.of();
  }

  /** The value, or the {@link InvalidValueException} describing every violation. */
  default T orElseThrow() {
    if (this instanceof Valid<T> valid) {
      return valid.value();
    }
    throw ((Invalid<T>) this).toException();
  }

  /** Maps a valid value; violations pass through unchanged. */
  default <R> Validated<R> map(Function<? super T, ? extends R> mapper) {
    if (this instanceof Valid<T> valid) {
      return new Valid<>(mapper.apply(valid.value()));
    }
    Invalid<T> invalid = (Invalid<T>) this;
    return new Invalid<>(invalid.type(), invalid.violations());
  }
}
