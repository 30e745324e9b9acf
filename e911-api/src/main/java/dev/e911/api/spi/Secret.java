package dev.e911.api.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential (client secret, API password, token) that never shows itself: {@link #toString()}
 * prints {@code ***}, so it cannot leak into a log line or exception message by accident. Only
 * {@link #reveal()} returns the value, for the one place that puts it on the wire.
 */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a credential; it must not be blank. */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a secret must not be blank");
    }
    return new Secret(value);
  }

  /** The credential itself. Use it only to put it on the wire. */
  public String reveal() {
    return value;
  }

  /** Whether {@code text} contains this secret (for tests and log scrubbers). */
  public boolean appearsIn(CharSequence text) {
    return text != null && text.toString().contains(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "***";
  }
}
