package dev.e911.api.spi;

import dev.e911.api.address.DispatchableAddress;
import java.util.List;
import java.util.Objects;

/**
 * A carrier's verdict on a civic address: {@link Valid} (with the carrier's standardised form),
 * {@link Corrected} (suggestions the user must accept; never applied silently), {@link Rejected}
 * (with reasons), {@link Failed} (a remote failure; try again), or {@link Unsupported} (the carrier
 * has no validation API).
 */
public sealed interface AddressValidationResult {

  /** The address exists in the 911 database; {@code standardized} is the carrier's spelling, marked validated. */
  record Valid(DispatchableAddress standardized) implements AddressValidationResult {
    public Valid {
      Objects.requireNonNull(standardized, "standardized");
    }
  }

  /** Close, but the carrier suggests corrected forms; the first is its best guess. */
  record Corrected(List<DispatchableAddress> suggestions, List<String> reasons) implements AddressValidationResult {
    public Corrected {
      suggestions = List.copyOf(suggestions);
      reasons = List.copyOf(reasons);
      if (suggestions.isEmpty()) {
        throw new IllegalArgumentException("Corrected needs at least one suggestion");
      }
    }
  }

  /** The address cannot be located; the reasons say why. */
  record Rejected(List<String> reasons) implements AddressValidationResult {
    public Rejected {
      reasons = List.copyOf(reasons);
    }
  }

  /** The carrier could not be asked (timeout, 5xx, 429, bad credentials ...). */
  record Failed(RemoteFailure failure) implements AddressValidationResult {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }

  /** The carrier has no address validation; validate with another source. */
  record Unsupported(String reason) implements AddressValidationResult {
    public Unsupported {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
