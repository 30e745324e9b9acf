package dev.e911.testkit.reference;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.BindingKey;
import dev.e911.testkit.carrier.CarrierFake;
import dev.e911.testkit.carrier.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link CarrierFake} of the reference carrier: drives and inspects a {@link ReferenceDatabase}
 * directly (known addresses, corrections, faults, held bindings, write orders, the request log) and
 * settles asynchronous orders. Use it to run the conformance kit, or in your own tests to put the
 * carrier in the state a scenario needs.
 */
public final class ReferenceCarrierFake implements CarrierFake {

  private final ReferenceDatabase database;
  private final String apiKey;

  /** A fake over {@code database}, whose API key is {@code apiKey} (for the credential scan). */
  public ReferenceCarrierFake(ReferenceDatabase database, String apiKey) {
    this.database = Objects.requireNonNull(database, "database");
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
  }

  /** The database this fake drives. */
  public ReferenceDatabase database() {
    return database;
  }

  @Override
  public void knowAddress(DispatchableAddress address) {
    database.addAddress(address);
  }

  @Override
  public void correct(DispatchableAddress input, DispatchableAddress suggestion) {
    database.addCorrection(input, suggestion);
  }

  @Override
  public void failNext(Fault fault, int times) {
    database.failNext(fault, times);
  }

  @Override
  public Optional<DispatchableAddress> provisioned(BindingKey key) {
    return database.binding(key);
  }

  @Override
  public int bindingCount(BindingKey key) {
    return database.bindingCount(key);
  }

  @Override
  public int writeOrders() {
    return database.writeOrders();
  }

  @Override
  public List<String> receivedRequests() {
    return database.requests();
  }

  @Override
  public Set<String> secrets() {
    return Set.of(apiKey);
  }

  @Override
  public Duration rateLimitRetryAfter() {
    return database.rateLimitRetryAfter();
  }

  @Override
  public void settlePendingWork() {
    database.completeOrders();
  }

  @Override
  public void close() {}
}
