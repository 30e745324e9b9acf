package dev.e911.carrier.intelepeer.internal;

import dev.e911.api.spi.RemoteFailure;
import java.util.List;
import java.util.Objects;

/**
 * What one {@link IntelePeerE911Port} operation produced: a value, a refusal by the carrier (or by
 * the mapping, before anything was sent) with reasons, a typed remote failure, or "this contract
 * cannot do that".
 *
 * @param <T> the value of a successful operation
 */
public sealed interface PortResult<T> {

  /** Success. */
  record Ok<T>(T value) implements PortResult<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }
  }

  /** Refused, for these reasons. */
  record Rejected<T>(List<String> reasons) implements PortResult<T> {
    public Rejected {
      reasons = List.copyOf(reasons);
    }
  }

  /** Could not be asked, or did not answer usefully. */
  record Failed<T>(RemoteFailure failure) implements PortResult<T> {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }

  /** The contract has no such operation. */
  record Unsupported<T>(String reason) implements PortResult<T> {
    public Unsupported {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
