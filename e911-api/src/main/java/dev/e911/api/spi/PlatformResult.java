package dev.e911.api.spi;

import java.util.Objects;

/**
 * The outcome of a contact-center platform operation: {@link Ok} with its value, {@link Failed} with
 * a typed remote failure, or {@link Unsupported} when the platform (or the org's configuration) does
 * not offer it; the reason then says what an administrator must do by hand.
 *
 * @param <T> the value of a successful operation
 */
public sealed interface PlatformResult<T> {

  /** Success. */
  record Ok<T>(T value) implements PlatformResult<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The platform could not be asked or refused. */
  record Failed<T>(RemoteFailure failure) implements PlatformResult<T> {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }

  /** Not available on this platform or org. */
  record Unsupported<T>(String reason) implements PlatformResult<T> {
    public Unsupported {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
