package dev.e911.api.spi;

import java.util.Objects;

/** What a carrier holds for a key: {@link Found}, {@link NotFound}, {@link Failed} or {@link Unsupported}. */
public sealed interface ReadBackResult {

  /** The carrier holds this binding. */
  record Found(ProvisionedBinding binding) implements ReadBackResult {
    public Found {
      Objects.requireNonNull(binding, "binding");
    }
  }

  /** The carrier holds nothing for the key. */
  record NotFound(BindingKey key) implements ReadBackResult {
    public NotFound {
      Objects.requireNonNull(key, "key");
    }
  }

  /** The carrier could not be asked. */
  record Failed(BindingKey key, RemoteFailure failure) implements ReadBackResult {
    public Failed {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(failure, "failure");
    }
  }

  /** The carrier offers no read-back (or only a coarse one, see the message). */
  record Unsupported(BindingKey key, String reason) implements ReadBackResult {
    public Unsupported {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
