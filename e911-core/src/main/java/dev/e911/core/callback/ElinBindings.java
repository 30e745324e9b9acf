package dev.e911.core.callback;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.phone.Elin;
import dev.e911.api.routing.ElinBinding;
import dev.e911.api.spi.LocationStore;
import dev.e911.api.spi.OutboxEntry;
import dev.e911.api.spi.StoreException;
import dev.e911.core.json.DomainJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the carrier holds for each pool ELIN, and the binding updates still owed to it. When the
 * router lends a pool ELIN to a caller it calls {@link #request}: if the carrier confirmed this ELIN
 * at this address for this caller, the binding is {@code IN_PLACE}; otherwise an update is queued
 * in memory (bounded, one per ELIN, never touching the store or the carrier), which
 * {@link #drain(LocationStore)} later writes to the durable outbox as a {@value #KIND} entry with
 * a deterministic id. The location engine performs the entry with the carrier and reports a
 * confirmed binding back through {@link #confirmed}. Knowledge is per process: after a restart every
 * pool ELIN counts as not in place until the carrier confirms it again. Thread-safe.
 */
public final class ElinBindings {

  /** The outbox entry kind of a pool ELIN binding update. */
  public static final String KIND = "carrier.elin-binding";
  /** How many ELINs may wait for {@link #drain} at once, by default. */
  public static final int DEFAULT_CAPACITY = 4096;

  private static final Logger LOG = LoggerFactory.getLogger(ElinBindings.class);
  private static final DomainJson JSON = DomainJson.create();

  /**
   * One binding the carrier is asked to hold: the pool ELIN at the caller's dispatchable address, as
   * requested at {@code requestedAt} (a later request for the same ELIN supersedes it).
   */
  public record Request(Elin elin, String agentId, DispatchableAddress address, Instant requestedAt) {
    public Request {
      Objects.requireNonNull(elin, "elin");
      Objects.requireNonNull(agentId, "agentId");
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** The outbox entry id: the same request always gets the same id, so writing it twice leaves one entry. */
    public String entryId() {
      return KIND + ":" + elin.e164() + ":" + digest(agentId + "|" + address.oneLine() + "|" + requestedAt);
    }

    boolean sameTarget(String caller, DispatchableAddress where) {
      return agentId.equals(caller) && address.oneLine().equals(where.oneLine());
    }
  }

  /** What one route learns: the binding state and, unless it is in place, why (for the route's warning). */
  public record Outcome(ElinBinding state, String detail) {
    public Outcome {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(detail, "detail");
    }
  }

  private record State(Request wanted, Request confirmed) {}

  private final boolean carrierConfigured;
  private final int capacity;
  private final Object lock = new Object();
  private final Map<String, State> states = new HashMap<>();
  private final LinkedHashMap<String, Request> queued = new LinkedHashMap<>();
  private volatile String outboxProblem;
  private volatile Runnable onRequest = () -> { };

  private ElinBindings(boolean carrierConfigured, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.carrierConfigured = carrierConfigured;
    this.capacity = capacity;
  }

  /**
   * Bindings for a location engine; with no carrier configured nothing is ever requested and every
   * pool ELIN is {@code NOT_REQUESTED}.
   */
  public static ElinBindings create(boolean carrierConfigured) {
    return new ElinBindings(carrierConfigured, DEFAULT_CAPACITY);
  }

  /** As {@link #create(boolean)}, with at most {@code capacity} ELINs waiting for {@link #drain}. */
  public static ElinBindings create(boolean carrierConfigured, int capacity) {
    return new ElinBindings(carrierConfigured, capacity);
  }

  /**
   * Called (on the router's thread) after each newly queued update, e.g. to wake a background worker
   * that drains and performs it. It must not block; an exception it throws is logged and ignored.
   */
  public void onRequest(Runnable wakeUp) {
    this.onRequest = Objects.requireNonNull(wakeUp, "wakeUp");
  }

  /**
   * The router lent {@code elin} to {@code agentId}, whose call sends {@code address}: says whether
   * the carrier already holds that binding and, if not, queues the update (once per target: asking
   * again for the same caller and address queues nothing). Never touches the store or the carrier.
   */
  public Outcome request(Elin elin, String agentId, DispatchableAddress address, Instant now) {
    if (!carrierConfigured) {
      return new Outcome(ElinBinding.NOT_REQUESTED, "no carrier is configured to provision it");
    }
    if (!address.isDispatchable()) {
      return new Outcome(ElinBinding.NOT_REQUESTED, "the address sent is not dispatchable, so no carrier can hold it");
    }
    String e164 = elin.e164();
    boolean inPlace;
    synchronized (lock) {
      State s = states.get(e164);
      inPlace = s != null && s.confirmed() != null && s.confirmed().sameTarget(agentId, address);
      if (s != null && s.wanted() != null && s.wanted().sameTarget(agentId, address)) {
        return inPlace ? new Outcome(ElinBinding.IN_PLACE, "")
            : new Outcome(ElinBinding.UPDATE_REQUESTED, "the update requested at " + s.wanted().requestedAt()
                + " is not confirmed by the carrier yet" + problemNote());
      }
      if (!queued.containsKey(e164) && queued.size() >= capacity) {
        return new Outcome(inPlace ? ElinBinding.IN_PLACE : ElinBinding.NOT_REQUESTED,
            "the queue of binding updates is full (" + capacity + " ELINs wait for the outbox)" + problemNote());
      }
      Request r = new Request(elin, agentId, address, now);
      states.put(e164, new State(r, s == null ? null : s.confirmed()));
      queued.put(e164, r);
    }
    try {
      onRequest.run();
    } catch (RuntimeException e) {
      LOG.warn("the ELIN binding wake-up failed: {}", e.toString());
    }
    return inPlace ? new Outcome(ElinBinding.IN_PLACE, "")
        : new Outcome(ElinBinding.UPDATE_REQUESTED, "the update to this address was requested now" + problemNote());
  }

  private String problemNote() {
    String p = outboxProblem;
    return p == null ? "" : "; the outbox is unavailable (" + p + "), so the request is held in memory and retried";
  }

  /**
   * Writes every queued update to {@code store}'s outbox (idempotent by entry id). When the store
   * fails, the rest stay queued for the next call and the routes say so; returns how many were written.
   */
  public int drain(LocationStore store) {
    List<Request> batch;
    synchronized (lock) {
      if (queued.isEmpty()) {
        return 0;
      }
      batch = new ArrayList<>(queued.values());
    }
    int written = 0;
    for (Request r : batch) {
      try {
        store.enqueue(entry(r));
        written++;
      } catch (IllegalArgumentException refused) {
        LOG.error("the store refused the binding update of pool ELIN {}: {}", r.elin().e164(), refused.getMessage());
      } catch (RuntimeException e) {
        String problem = e instanceof StoreException ? e.getMessage() : e.getClass().getSimpleName();
        if (outboxProblem == null) {
          LOG.warn("pool ELIN binding updates cannot be written to the outbox ({}); {} kept in memory", problem, batch.size() - written);
        }
        outboxProblem = problem;
        return written;
      }
      synchronized (lock) {
        queued.remove(r.elin().e164(), r);
      }
    }
    if (outboxProblem != null) {
      LOG.info("pool ELIN binding updates reach the outbox again");
      outboxProblem = null;
    }
    return written;
  }

  /** How many ELINs have an update waiting for {@link #drain}. */
  public int queued() {
    synchronized (lock) {
      return queued.size();
    }
  }

  /**
   * Whether {@code r} is still the binding wanted for its ELIN, as far as this process knows (a
   * later request for the same ELIN supersedes it; with no request known here it counts as current).
   */
  public boolean isCurrent(Request r) {
    synchronized (lock) {
      State s = states.get(r.elin().e164());
      return s == null || s.wanted() == null || !s.wanted().requestedAt().isAfter(r.requestedAt());
    }
  }

  /** The carrier confirmed holding {@code r}: later routes to the same caller and address are {@code IN_PLACE}. */
  public void confirmed(Request r) {
    synchronized (lock) {
      State s = states.get(r.elin().e164());
      states.put(r.elin().e164(), new State(s == null || s.wanted() == null ? r : s.wanted(), r));
    }
  }

  /** The binding the carrier last confirmed for the pool ELIN {@code e164}, if any (in this process). */
  public Optional<Request> provisioned(String e164) {
    synchronized (lock) {
      State s = states.get(e164);
      return Optional.ofNullable(s == null ? null : s.confirmed());
    }
  }

  /** The outbox entry that provisions {@code r}. */
  public static OutboxEntry entry(Request r) {
    String payload = r.elin().e164() + "\n" + r.agentId() + "\n" + r.requestedAt() + "\n" + JSON.write(r.address());
    return new OutboxEntry(r.entryId(), KIND, r.agentId(), payload, 0, r.requestedAt(), "");
  }

  /** The request an outbox entry of kind {@value #KIND} carries; empty for another kind or an unreadable payload. */
  public static Optional<Request> read(OutboxEntry e) {
    if (!KIND.equals(e.kind())) {
      return Optional.empty();
    }
    String[] parts = e.payload().split("\n", 4);
    if (parts.length < 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Request(Elin.parse(parts[0], null, Elin.Kind.POOL_ELIN), parts[1],
          JSON.read(parts[3], DispatchableAddress.class), Instant.parse(parts[2])));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** For each pool ELIN among {@code entries}, the latest request time of its pending updates. */
  public static Map<String, Instant> latestPending(List<OutboxEntry> entries) {
    Map<String, Instant> latest = new HashMap<>();
    for (OutboxEntry e : entries) {
      read(e).ifPresent(r -> latest.merge(r.elin().e164(), r.requestedAt(), (a, b) -> a.isAfter(b) ? a : b));
    }
    return latest;
  }

  private static String digest(String s) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
