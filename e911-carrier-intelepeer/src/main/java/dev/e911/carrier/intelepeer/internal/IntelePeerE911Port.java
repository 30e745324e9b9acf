package dev.e911.carrier.intelepeer.internal;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.AddressValidationResult;

/**
 * The internal port the adapter talks to, so that nothing outside this package depends on what
 * IntelePeer has not published (carrier reference, section 8). {@link IntelePeerV3Gateway} maps the
 * documented v3 endpoints and answers {@code Unsupported} for the rest; {@link IntelePeerAssumedGateway}
 * speaks the ASSUMED contract. Every method is idempotent from the caller's view: a bind for a record
 * the carrier already holds, or an unbind for one it does not, sends no order. Implementations are
 * thread-safe; the adapter serialises operations on one number.
 */
public interface IntelePeerE911Port {

  /** Checks an address against IntelePeer's 911 database. */
  AddressValidationResult validate(DispatchableAddress address);

  /** Adds or updates the E911 record of one number. */
  PortResult<Order> bind(E911Request request);

  /** Removes the E911 record of one number. */
  PortResult<Order> unbind(String number10);

  /** What IntelePeer holds for one number. */
  PortResult<BindingState> read(String number10);

  /** The current state of an order (for {@link Order#trackable()} orders). */
  PortResult<Order> order(Order order);
}
