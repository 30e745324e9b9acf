package dev.e911.testkit.carrier;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.BindingKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The carrier side of a conformance run: a fake of the carrier's 911 database that the
 * {@code CarrierContractTest} drives — which addresses exist, which get corrected, what is
 * provisioned, which faults the next requests meet — and inspects afterwards. HTTP carriers build it
 * on {@link dev.e911.testkit.http.StubHttpServer} answering in the carrier's documented shapes;
 * in-memory and manual carriers implement it directly. Implementations are thread-safe.
 */
public interface CarrierFake extends AutoCloseable {

  /** Makes {@code address} exist in the fake 911 database exactly as given (validation says valid). */
  void knowAddress(DispatchableAddress address);

  /** Makes validating {@code input} answer with {@code suggestion} as the carrier's correction. */
  void correct(DispatchableAddress input, DispatchableAddress suggestion);

  /** The next {@code times} requests (of any kind) meet {@code fault}, then service is normal again. */
  void failNext(Fault fault, int times);

  /** What the fake carrier holds for {@code key}: the carrier-side truth, not what the adapter believes. */
  Optional<DispatchableAddress> provisioned(BindingKey key);

  /** How many bindings the fake holds for {@code key}; a conforming adapter never makes it more than one. */
  int bindingCount(BindingKey key);

  /** How many provisioning orders (create, update or delete requests that change state) reached the fake. */
  int writeOrders();

  /** The raw text of every request the fake received (URL, headers, body), for the secret scan. */
  List<String> receivedRequests();

  /** The credentials the adapter under test was configured with; none may appear in any result or message. */
  Set<String> secrets();

  /**
   * The faults this fake can inject; the kit skips the error-typing checks for the others. A manual
   * carrier, which has no remote to fail, answers an empty set. The default is every {@link Fault}.
   */
  default Set<Fault> supportedFaults() {
    return EnumSet.allOf(Fault.class);
  }

  /**
   * The delay the fake's {@link Fault#RATE_LIMITED} answer asks for ({@code Retry-After}); the kit
   * checks that the adapter waited at least this long before succeeding. Defaults to one second,
   * the {@code Retry-After: 1} of the HTTP fakes.
   */
  default Duration rateLimitRetryAfter() {
    return Duration.ofSeconds(1);
  }

  /**
   * Completes whatever the carrier side still owes: a manual carrier's administrator enters the
   * queued worksheet rows in the portal and the confirmations are imported; an asynchronous fake
   * finishes its open orders. The kit calls it before it inspects carrier-side state after a
   * {@code Pending} result. The default does nothing (the carrier finishes on its own).
   */
  default void settlePendingWork() {}

  /** Stops the fake. */
  @Override
  void close();
}
