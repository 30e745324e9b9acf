package dev.e911.core.gate;

import dev.e911.api.spi.PlatformAdapter;
import dev.e911.api.spi.PlatformEvent;
import dev.e911.api.spi.PlatformResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.validation.Violations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hard stop, live: subscribes to the platform's presence events of the agents and, when an agent
 * the {@link AvailabilityGate} blocks goes Available or On Queue, sets them back to the platform's
 * not-ready presence with a reason that says why (for example "E911: no verified 911 location").
 * Only a change into a ready state triggers it, so the not-ready change it causes itself never
 * triggers it again; further ready events of the same agent within the settle window after an
 * applied enforcement (the platform reports presence and routing status separately) are coalesced
 * into one re-check at the window's end; after a failed one the next ready event tries again. Every enforcement is recorded (the newest {@link Policy#maxRecords()} are kept) and handed to
 * the optional listener. Events are processed on one worker thread behind a bounded queue; platform
 * trouble comes back as typed {@link PlatformResult}s and is recorded, nothing throws. Build with
 * {@link #builder}, then {@link #start}; {@link #close()} ends the subscription and the worker.
 */
public final class LiveHardStop implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LiveHardStop.class);
  private static final Set<String> READY_PRESENCES = Set.of("AVAILABLE", "ONQUEUE");
  /** Routing statuses that mean the agent is on queue (only OFF_QUEUE does not). */
  private static final Set<String> ON_QUEUE_STATUSES = Set.of("IDLE", "INTERACTING", "COMMUNICATING", "NOTRESPONDING");
  private static final int MAX_MESSAGE = 200;

  /**
   * How enforcement reads and behaves: the prefix and instruction of the reason the agent sees, the
   * settle window in which repeated ready events of one agent are coalesced, the number of
   * enforcements kept for queries, and the event queue's capacity.
   */
  public record Policy(String reasonPrefix, String instruction, Duration settle, int maxRecords, int queueCapacity) {
    public Policy {
      Violations v = Violations.forType("LiveHardStop.Policy");
      v.check(reasonPrefix == null || reasonPrefix.isBlank() || reasonPrefix.length() > 40, "reasonPrefix", "length",
          "must be 1 to 40 characters");
      v.check(instruction == null || instruction.length() > 120, "instruction", "length", "must be at most 120 characters");
      v.check(settle == null || settle.isNegative() || settle.compareTo(Duration.ofMinutes(1)) > 0, "settle", "range",
          "must be between 0 and 1 minute");
      v.check(maxRecords < 1 || maxRecords > 1_000_000, "maxRecords", "range", "must be 1 to 1000000");
      v.check(queueCapacity < 16 || queueCapacity > 1_000_000, "queueCapacity", "range", "must be 16 to 1000000");
      v.throwIfAny();
    }

    /** "E911", "Confirm your work address in e911 before going Available.", 2 s settle, 1000 records, 10 000 queued events. */
    public static Policy defaults() {
      return new Policy("E911", "Confirm your work address in e911 before going Available.", Duration.ofSeconds(2), 1000, 10_000);
    }
  }

  /** What became of one enforcement. */
  public sealed interface Outcome {
    /** The platform set the agent to {@code presence}. */
    record Applied(String presence) implements Outcome {
      public Applied {
        Objects.requireNonNull(presence, "presence");
      }
    }

    /** The platform could not be asked or refused; the agent may still be Available. */
    record Failed(RemoteFailure failure) implements Outcome {
      public Failed {
        Objects.requireNonNull(failure, "failure");
      }
    }

    /** The platform cannot set presences. */
    record Unsupported(String reason) implements Outcome {
      public Unsupported {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }

  /**
   * One enforcement: the platform user and e911 agent, when, the presence / routing status that
   * triggered it, the gate's reason, the message sent to the platform and the outcome.
   */
  public record Enforcement(String userId, String agentId, Instant at, String presence, String routingStatus,
      GateDecision.Reason reason, String message, Outcome outcome) {
    public Enforcement {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(agentId, "agentId");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(presence, "presence");
      Objects.requireNonNull(routingStatus, "routingStatus");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(outcome, "outcome");
    }

    /** Whether the platform applied it. */
    public boolean applied() {
      return outcome instanceof Outcome.Applied;
    }
  }

  /**
   * Counters since start: whether the platform's stream is connected (and its last word on it),
   * events seen, ready events of blocked agents, enforcements applied and failed, events coalesced in
   * a settle window, re-checks, and events dropped because the queue was full.
   */
  public record Status(boolean connected, String connection, long events, long blockedReady, long applied, long failed,
      long coalesced, long rechecks, long dropped) {}

  private final PlatformAdapter platform;
  private final AvailabilityGate gate;
  private final Policy policy;
  private final Clock clock;
  private final Consumer<Enforcement> onEnforcement;
  private final BlockingQueue<PlatformEvent> queue;
  private final Deque<Enforcement> records = new ArrayDeque<>();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private long blockedReady;
  private long applied;
  private long failed;
  private long coalesced;
  private long rechecks;
  private volatile boolean connected;
  private volatile String connection = "not started";
  private volatile Map<String, String> agentByUser = Map.of();
  /** Per user: when the last enforcement was made (nanoTime) and whether ready events came in its settle window (worker only). */
  private final Map<String, long[]> settling = new HashMap<>();
  private final Map<String, PlatformEvent.PresenceChanged> pending = new LinkedHashMap<>();
  private volatile PlatformAdapter.Subscription subscription;
  private volatile Thread worker;
  private volatile boolean closed;
  private final Object startLock = new Object();

  private LiveHardStop(Builder b) {
    this.platform = b.platform;
    this.gate = b.gate;
    this.policy = b.policy;
    this.clock = b.clock;
    this.onEnforcement = b.onEnforcement;
    this.queue = new ArrayBlockingQueue<>(policy.queueCapacity());
  }

  /** A builder for the hard stop over {@code platform} and {@code gate}. */
  public static Builder builder(PlatformAdapter platform, AvailabilityGate gate) {
    return new Builder(Objects.requireNonNull(platform, "platform"), Objects.requireNonNull(gate, "gate"));
  }

  /** Subscribes for these agents, whose e911 ids are also their platform user ids. */
  public PlatformResult<LiveHardStop> start(Collection<String> agentIds) {
    Map<String, String> identity = new LinkedHashMap<>();
    agentIds.forEach(a -> identity.put(a, a));
    return start(identity);
  }

  /**
   * Subscribes for the platform users in {@code agentIdByUserId} (platform user id to e911 agent id)
   * and starts the worker. A platform that refuses the subscription returns its typed failure (and
   * the hard stop stays stopped); calling it twice is an {@link PlatformResult.Unsupported}.
   */
  public PlatformResult<LiveHardStop> start(Map<String, String> agentIdByUserId) {
    synchronized (startLock) {
      return doStart(agentIdByUserId);
    }
  }

  private PlatformResult<LiveHardStop> doStart(Map<String, String> agentIdByUserId) {
    if (worker != null || closed) {
      return new PlatformResult.Unsupported<>("the live hard stop is already started or closed");
    }
    agentByUser = Map.copyOf(agentIdByUserId);
    Thread t = new Thread(this::work, "e911-live-hard-stop");
    t.setDaemon(true);
    worker = t;
    t.start();
    connection = "subscribing";
    PlatformResult<PlatformAdapter.Subscription> r;
    try {
      r = platform.subscribe(agentByUser.keySet(), this::offer);
    } catch (RuntimeException e) { // an adapter that breaks its contract
      r = new PlatformResult.Failed<>(RemoteFailure.of(RemoteFailure.Kind.TRANSIENT, "subscribe threw " + e.getClass().getSimpleName()));
    }
    if (r instanceof PlatformResult.Ok<PlatformAdapter.Subscription> ok) {
      subscription = ok.value();
      if (connection.equals("subscribing")) {
        connected = true;
        connection = "subscribed";
      }
      return new PlatformResult.Ok<>(this);
    }
    close();
    connection = "the subscription failed";
    if (r instanceof PlatformResult.Failed<PlatformAdapter.Subscription> f) {
      return new PlatformResult.Failed<>(f.failure());
    }
    return new PlatformResult.Unsupported<>(((PlatformResult.Unsupported<?>) r).reason());
  }

  /** The platform's listener: queues the event (dropping it, counted, when the queue is full); never blocks. */
  private void offer(PlatformEvent e) {
    events.incrementAndGet();
    if (e instanceof PlatformEvent.ConnectionChanged c) {
      connected = c.connected();
      connection = c.reason();
    }
    if (!closed && !queue.offer(e)) {
      dropped.incrementAndGet();
    }
  }

  private void work() {
    while (!closed) {
      try {
        long wait = nextRecheckNanos();
        PlatformEvent e = wait < 0 ? queue.take() : queue.poll(wait, TimeUnit.NANOSECONDS);
        if (e instanceof PlatformEvent.PresenceChanged p) {
          handle(p);
        }
        recheckDue();
      } catch (InterruptedException x) {
        return;
      } catch (RuntimeException x) {
        LOG.warn("the live hard stop skipped an event: {}", x.getClass().getSimpleName());
      }
    }
  }

  /** Whether the presence or the routing status means the agent takes calls. */
  public static boolean ready(String presence, String routingStatus) {
    return READY_PRESENCES.contains(normalise(presence)) || ON_QUEUE_STATUSES.contains(normalise(routingStatus));
  }

  private static String normalise(String s) {
    return s.toUpperCase(Locale.ROOT).replace(" ", "").replace("_", "");
  }

  private void handle(PlatformEvent.PresenceChanged p) {
    String agentId = agentByUser.get(p.userId());
    if (agentId == null || !ready(p.presence(), p.routingStatus())) {
      return;
    }
    GateDecision d = gate.check(agentId);
    if (!(d instanceof GateDecision.Block block)) {
      return;
    }
    synchronized (this) {
      blockedReady++;
    }
    long now = System.nanoTime();
    long[] s = settling.get(p.userId());
    if (s != null && now - s[0] < policy.settle().toNanos()) {
      pending.put(p.userId(), p);
      synchronized (this) {
        coalesced++;
      }
      return;
    }
    enforce(p, agentId, block, false);
  }

  private void enforce(PlatformEvent.PresenceChanged p, String agentId, GateDecision.Block block, boolean recheck) {
    String message = message(block.reason());
    PlatformResult<String> r;
    try {
      r = platform.forceNotReady(p.userId(), message);
    } catch (RuntimeException e) { // an adapter that breaks its contract must not stop the hard stop
      r = new PlatformResult.Failed<>(RemoteFailure.of(RemoteFailure.Kind.TRANSIENT,
          "forceNotReady threw " + e.getClass().getSimpleName()));
    }
    Outcome outcome = r instanceof PlatformResult.Ok<String> ok ? new Outcome.Applied(ok.value())
        : r instanceof PlatformResult.Failed<String> f ? new Outcome.Failed(f.failure())
        : new Outcome.Unsupported(((PlatformResult.Unsupported<String>) r).reason());
    if (outcome instanceof Outcome.Applied) {
      settling.put(p.userId(), new long[] {System.nanoTime()});
    } else {
      settling.remove(p.userId()); // a failure is retried on the next ready event, not coalesced
    }
    if (recheck && outcome instanceof Outcome.Applied) {
      return; // a re-assertion of the decision already recorded
    }
    Enforcement e = new Enforcement(p.userId(), agentId, clock.instant(), p.presence(), p.routingStatus(), block.reason(),
        message, outcome);
    synchronized (this) {
      if (outcome instanceof Outcome.Applied) {
        applied++;
      } else {
        failed++;
      }
      records.addLast(e);
      while (records.size() > policy.maxRecords()) {
        records.removeFirst();
      }
    }
    if (outcome instanceof Outcome.Applied a) {
      LOG.info("hard stop: {} ({}) was {} while blocked [{}]; set to {}", p.userId(), agentId, state(p), block.reason(), a.presence());
    } else {
      LOG.warn("hard stop: {} ({}) was {} while blocked [{}]; could not set not-ready: {}", p.userId(), agentId, state(p),
          block.reason(), outcome);
    }
    if (onEnforcement != null) {
      try {
        onEnforcement.accept(e);
      } catch (RuntimeException x) {
        LOG.warn("the enforcement listener threw {}", x.getClass().getSimpleName());
      }
    }
  }

  private static String state(PlatformEvent.PresenceChanged p) {
    return (p.presence() + (p.routingStatus().isEmpty() ? "" : "/" + p.routingStatus())).replaceFirst("^/", "");
  }

  private long nextRecheckNanos() {
    long next = -1;
    long now = System.nanoTime();
    for (String user : pending.keySet()) {
      long due = settling.getOrDefault(user, new long[] {now})[0] + policy.settle().toNanos() - now;
      next = next < 0 ? Math.max(0, due) : Math.min(next, Math.max(0, due));
    }
    return next < 0 ? -1 : Math.max(1, next);
  }

  /** At the end of a settle window with coalesced events, asks the platform once more (the agent may have gone ready again). */
  private void recheckDue() {
    long now = System.nanoTime();
    for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
      var entry = it.next();
      long[] since = settling.get(entry.getKey());
      if (since == null || now - since[0] >= policy.settle().toNanos()) {
        it.remove();
        String agentId = agentByUser.get(entry.getKey());
        if (gate.check(agentId) instanceof GateDecision.Block block) {
          synchronized (this) {
            rechecks++;
          }
          enforce(entry.getValue(), agentId, block, true);
        }
      }
    }
  }

  /** The reason sent to the platform, e.g. "E911: no verified 911 location. Confirm your work address ...". */
  public String message(GateDecision.Reason reason) {
    String why = switch (reason) {
      case UNKNOWN_AGENT -> "not set up for 911 location";
      case NO_LOCATION -> "no verified 911 location";
      case UNVERIFIED -> "911 location not verified";
      case STALE -> "911 location confirmation expired";
      case NOT_DISPATCHABLE -> "911 address incomplete";
      case CALLBACK_NOT_PROVISIONED -> "no 911 callback number";
    };
    String text = policy.reasonPrefix() + ": " + why + "." + (policy.instruction().isBlank() ? "" : " " + policy.instruction());
    return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) : text;
  }

  /** The recorded enforcements, oldest first (at most {@link Policy#maxRecords()}). */
  public synchronized List<Enforcement> enforcements() {
    return new ArrayList<>(records);
  }

  /** The counters and the stream's connection state. */
  public synchronized Status status() {
    return new Status(connected, connection, events.get(), blockedReady, applied, failed, coalesced, rechecks, dropped.get());
  }

  /** Ends the subscription and the worker; never throws. */
  @Override
  public void close() {
    PlatformAdapter.Subscription s;
    Thread t;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      s = subscription;
      t = worker;
    }
    if (s != null) {
      try {
        s.close();
      } catch (RuntimeException e) {
        LOG.warn("closing the subscription threw {}", e.getClass().getSimpleName());
      }
    }
    if (t != null && t != Thread.currentThread()) {
      t.interrupt();
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    connected = false;
    connection = "closed";
  }

  /** Options of a {@link LiveHardStop}. */
  public static final class Builder {
    private final PlatformAdapter platform;
    private final AvailabilityGate gate;
    private Policy policy = Policy.defaults();
    private Clock clock = Clock.systemUTC();
    private Consumer<Enforcement> onEnforcement;

    private Builder(PlatformAdapter platform, AvailabilityGate gate) {
      this.platform = platform;
      this.gate = gate;
    }

    /** The policy; default {@link Policy#defaults()}. */
    public Builder policy(Policy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The clock that stamps enforcements; default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Told of every recorded enforcement, on the worker thread; must not block. */
    public Builder onEnforcement(Consumer<Enforcement> listener) {
      this.onEnforcement = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The hard stop, not yet started. */
    public LiveHardStop build() {
      return new LiveHardStop(this);
    }
  }
}
