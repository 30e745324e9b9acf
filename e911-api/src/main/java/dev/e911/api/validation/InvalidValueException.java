package dev.e911.api.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a value cannot be built because it breaks one or more rules. It carries every
 * violation found (builders report all problems at once, not the first one), each naming the field
 * and the rule; the message lists them. No rejected value is echoed, so the message is safe to log.
 */
public final class InvalidValueException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String type;
  private final transient List<Violation> violations;

  public InvalidValueException(String type, List<Violation> violations) {
    super(message(type, violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an InvalidValueException needs at least one violation");
    }
    this.type = type;
    this.violations = List.copyOf(violations);
  }

  private static String message(String type, List<Violation> violations) {
    return "invalid " + type + ": "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }

  /** The simple name of the type that could not be built, e.g. {@code DispatchableAddress}. */
  public String type() {
    return type;
  }

  /** Every violation found, in the order the rules were checked; never empty. */
  public List<Violation> violations() {
    return violations;
  }

  /** The same violations with {@code prefix} prepended to each path. */
  public InvalidValueException under(String prefix) {
    return new InvalidValueException(type, violations.stream().map(v -> v.under(prefix)).toList());
  }
}
