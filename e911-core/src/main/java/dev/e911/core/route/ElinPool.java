package dev.e911.core.route;

import dev.e911.api.phone.Elin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A site's pool of ELINs lent to callers who have neither a DID nor a location ELIN. A lease binds an
 * ELIN to the caller for the callback window, so a PSAP calling the ELIN back reaches that caller;
 * when every ELIN is leased, the least recently leased one is reused (and the route warns). Thread-safe
 * (leasing is rare: only emergency calls without a better callback number lease).
 */
public final class ElinPool {

  /** One lease: which agent an ELIN leads back to, until when. */
  public record Lease(Elin elin, String agentId, Instant leasedAt, Instant until, boolean reused) {}

  private final List<Elin> elins;
  private final Lease[] leases;
  private final Duration window;

  /** A pool over {@code elins} with the given callback window. */
  public ElinPool(List<Elin> elins, Duration window) {
    this.elins = List.copyOf(elins);
    this.leases = new Lease[this.elins.size()];
    this.window = window;
  }

  /**
   * The pool of a new configuration generation: {@code elins} with {@code window}, keeping every lease of
   * {@code previous} (may be null) whose ELIN is still in the pool, so a PSAP callback in progress still
   * reaches its caller after the configuration changes.
   */
  public static ElinPool next(ElinPool previous, List<Elin> elins, Duration window) {
    ElinPool pool = new ElinPool(elins, window);
    if (previous != null) {
      synchronized (previous) {
        for (Lease l : previous.leases) {
          int slot = l == null ? -1 : pool.elins.indexOf(l.elin());
          if (slot >= 0) {
            pool.leases[slot] = l;
          }
        }
      }
    }
    return pool;
  }

  /** Whether the pool has no ELINs at all. */
  public boolean isEmpty() {
    return elins.isEmpty();
  }

  /**
   * Leases an ELIN to {@code agentId} at {@code now}: the agent's own live lease if it has one, else a
   * free one, else the least recently leased (reported as {@code reused}). Empty only for an empty pool.
   */
  public synchronized Optional<Lease> lease(String agentId, Instant now) {
    if (elins.isEmpty()) {
      return Optional.empty();
    }
    int free = -1;
    int oldest = 0;
    for (int i = 0; i < leases.length; i++) {
      Lease l = leases[i];
      if (l != null && l.agentId().equals(agentId) && now.isBefore(l.until())) {
        Lease renewed = new Lease(l.elin(), agentId, now, now.plus(window), false);
        leases[i] = renewed;
        return Optional.of(renewed);
      }
      if (free < 0 && (l == null || !now.isBefore(l.until()))) {
        free = i;
      }
      if (l != null && leases[oldest] != null && l.leasedAt().isBefore(leases[oldest].leasedAt())) {
        oldest = i;
      }
    }
    int slot = free >= 0 ? free : oldest;
    Lease lease = new Lease(elins.get(slot), agentId, now, now.plus(window), free < 0);
    leases[slot] = lease;
    return Optional.of(lease);
  }

  /** Which agent a PSAP callback to {@code elin} should reach at {@code now}, within the window. */
  public synchronized Optional<String> callbackTarget(String e164, Instant now) {
    for (Lease l : leases) {
      if (l != null && l.elin().e164().equals(e164) && now.isBefore(l.until())) {
        return Optional.of(l.agentId());
      }
    }
    return Optional.empty();
  }
}
