package dev.e911.core.json;

import dev.e911.api.validation.Violation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JSON input that could not become a domain value: not JSON at all, an unknown or missing field, a
 * wrong type, or a value that breaks a domain rule. Every violation's path is a JSON path from the
 * document root (e.g. {@code $.locations[2].address.postalCode}); all violations are reported at once.
 */
public final class JsonInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient List<Violation> violations;

  JsonInputException(List<Violation> violations) {
    super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  /** Every violation found; never empty. */
  public List<Violation> violations() {
    return violations;
  }
}
