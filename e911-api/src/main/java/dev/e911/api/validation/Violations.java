package dev.e911.api.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects violations while a value is being checked, then throws them all at once. Used by every
 * factory and builder of the domain model, and available to adapters that validate their own
 * configuration the same way.
 */
public final class Violations {

  private final String type;
  private final List<Violation> found = new ArrayList<>();

  private Violations(String type) {
    this.type = type;
  }

  /** Starts collecting for the named type (used in the exception message). */
  public static Violations forType(String type) {
    return new Violations(type);
  }

  /** Records a violation. */
  public Violations add(String path, String rule, String message) {
    found.add(new Violation(path, rule, message));
    return this;
  }

  /** Records a violation when {@code broken} is true. */
  public Violations check(boolean broken, String path, String rule, String message) {
    if (broken) {
      add(path, rule, message);
    }
    return this;
  }

  /** Records the violations of a nested value under {@code prefix}. */
  public Violations addAll(String prefix, List<Violation> nested) {
    for (Violation v : nested) {
      found.add(v.under(prefix));
    }
    return this;
  }

  /**
   * Runs a nested factory; its violations are recorded under {@code prefix} and {@code null} is
   * returned in their place (internal use while collecting: callers must call {@link #throwIfAny()}
   * before using the results).
   */
  public <T> T nested(String prefix, java.util.function.Supplier<T> factory) {
    try {
      return factory.get();
    } catch (InvalidValueException e) {
      addAll(prefix, e.violations());
      return null;
    }
  }

  /** Whether nothing was found so far. */
  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** Throws one {@link InvalidValueException} listing everything found, if anything was. */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new InvalidValueException(type, found);
    }
  }
}
