package dev.e911.api.spi;

import dev.e911.api.address.DispatchableAddress;

/**
 * A carrier's 911 database, as e911 uses it: validate civic addresses, bind callback numbers and
 * dynamic endpoints to dispatchable addresses, remove and read back bindings, and read the carrier's
 * emergency-call webhooks. Implementations must be thread-safe. No method throws for a remote
 * problem: every outcome, including timeouts, rate limits and malformed answers, is a value of the
 * sealed result types, and no result or exception message ever contains a credential. Operations a
 * carrier lacks answer {@code Unsupported}; {@link #capabilities()} says which in advance. Pass the
 * {@code CarrierContractTest} of {@code e911-testkit} to prove an implementation.
 */
public interface CarrierAdapter extends AutoCloseable {

  /** The carrier's id, e.g. {@code bandwidth}; the same as its {@link CarrierProvider#name()}. */
  String id();

  /** What this carrier (as configured) supports. */
  CarrierCapabilities capabilities();

  /**
   * Checks an address against the carrier's 911 database. A correction comes back as suggestions for
   * the user to accept; it is never applied silently. Read-only, so safe to retry.
   */
  AddressValidationResult validate(DispatchableAddress address);

  /**
   * Creates or updates a binding. Idempotent: provisioning the same binding twice leaves one binding,
   * and a retry after a timeout whose first attempt succeeded must not create a second order (use the
   * carrier's natural keys or re-read before re-sending). Asynchronous orders are followed to a final
   * state within a bounded wait; past it the result is {@link ProvisioningResult.Pending}.
   */
  ProvisioningResult provision(Binding binding);

  /** Removes a binding; removing one that does not exist is a {@link ProvisioningResult.Done} too. */
  ProvisioningResult remove(BindingKey key);

  /** What the carrier holds for a key. Read-only. */
  ReadBackResult readBack(BindingKey key);

  /** Reads one webhook request the carrier sent; carriers without webhooks keep this default. */
  default WebhookResult parseWebhook(WebhookRequest request) {
    return new WebhookResult.Unsupported();
  }

  /** Releases clients and threads; the adapter must not be used afterwards. */
  @Override
  default void close() {}
}
