package dev.e911.api.validation;

import java.util.Objects;

/**
 * One broken rule: the field path it concerns (for example {@code address.postalCode} or
 * {@code elins[1]}), a stable machine-readable rule code (for example {@code us.zip}), and a
 * human message. The rejected value is never included, so a violation can be logged safely.
 */
public record Violation(String path, String rule, String message) {

  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  /** The same violation with {@code prefix} prepended to its path ({@code prefix.path}). */
  public Violation under(String prefix) {
    if (prefix.isEmpty()) {
      return this;
    }
    return new Violation(path.isEmpty() ? prefix : prefix + (path.startsWith("[") ? "" : ".") + path, rule, message);
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "<value>" : path) + ": " + message + " [" + rule + "]";
  }
}
