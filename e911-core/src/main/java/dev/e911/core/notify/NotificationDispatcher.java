package dev.e911.core.notify;

import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.VerificationState;
import dev.e911.api.phone.E164Number;
import dev.e911.api.phone.Elin;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.spi.EmergencyNotification;
import dev.e911.api.spi.EmergencyNotifier;
import dev.e911.api.spi.NotificationOutcome;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violations;
import dev.e911.core.http.Jitter;
import dev.e911.core.http.RetryPolicy;
import dev.e911.core.notify.internal.DaemonScheduler;
import dev.e911.core.notify.internal.Lane;
import dev.e911.core.notify.internal.LogLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the Kari's Law on-site notification of every emergency call off the call path. {@link #dispatch}
 * never blocks and never throws: it admits the call (at most {@code queueSize} calls are being notified at
 * once; beyond that the call is rejected, recorded, logged and reported — see the overflow policy in
 * {@code docs/notifications.md}) and returns; the notifiers of the first {@link RecipientGroup} are then
 * called on the dispatcher's own worker threads, each notifier in its own lane so one that hangs holds one
 * worker and never delays the others. Retryable failures are retried by a {@link RetryPolicy};
 * notifications that need a person's acknowledgement are re-sent with doubling backoff and escalated to the
 * next group after the acknowledgement timeout, until {@link #acknowledge} or the maximum escalation time.
 * Every attempt is recorded ({@link #attempts}) and reported to the {@link NotificationListener}s. All time
 * comes from the injected {@link Clock} and {@link NotificationScheduler}.
 */
public final class NotificationDispatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final List<RecipientGroup> groups;
  private final Clock clock;
  private final NotificationScheduler scheduler;
  private final DaemonScheduler ownedScheduler;
  private final ThreadPoolExecutor workers;
  private final Map<String, Lane> lanes = new HashMap<>();
  private final int queueSize;
  private final int maxRecordedCalls;
  private final RetryPolicy retryPolicy;
  private final Duration attemptTimeout;
  private final Duration ackTimeout;
  private final Duration resendInitial;
  private final Duration resendMax;
  private final Duration maxEscalationTime;
  private final boolean requireAcknowledgement;
  private final boolean escalateTestCalls;
  private final List<NotificationListener> listeners;
  private final Supplier<String> callIds;
  private final LinkedHashMap<String, Call> calls = new LinkedHashMap<>();
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicLong overflows = new AtomicLong();
  /** At most one "NOT delivered" line per interval; the rejections in between are counted into the next line. */
  private static final long OVERFLOW_LOG_INTERVAL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
  private final AtomicLong nextOverflowLog = new AtomicLong(System.nanoTime());
  private final AtomicLong unloggedRejections = new AtomicLong();
  private volatile boolean closed;

  private NotificationDispatcher(Builder b) {
    this.groups = List.copyOf(b.groups);
    this.clock = b.clock;
    if (b.scheduler == null) {
      this.ownedScheduler = new DaemonScheduler("e911-notify-timer");
      this.scheduler = ownedScheduler;
    } else {
      this.ownedScheduler = null;
      this.scheduler = b.scheduler;
    }
    Executor executor;
    if (b.executor == null) {
      AtomicInteger threadIds = new AtomicInteger();
      this.workers = new ThreadPoolExecutor(b.workerThreads, b.workerThreads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
          r -> {
            Thread t = new Thread(r, "e911-notify-" + threadIds.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
      executor = workers;
    } else {
      this.workers = null;
      executor = b.executor;
    }
    for (RecipientGroup g : groups) {
      for (EmergencyNotifier n : g.notifiers()) {
        lanes.put(n.id(), new Lane(executor, b.maxConcurrentPerNotifier));
      }
    }
    this.queueSize = b.queueSize;
    this.maxRecordedCalls = b.maxRecordedCalls;
    this.retryPolicy = b.retryPolicy;
    this.attemptTimeout = b.attemptTimeout;
    this.ackTimeout = b.ackTimeout;
    this.resendInitial = b.resendInitial;
    this.resendMax = b.resendMax;
    this.maxEscalationTime = b.maxEscalationTime;
    this.requireAcknowledgement = b.requireAcknowledgement;
    this.escalateTestCalls = b.escalateTestCalls;
    this.listeners = List.copyOf(b.listeners);
    this.callIds = b.callIds;
  }

  /** A builder; at least one recipient group is required. */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------------------------------------- dispatch

  /**
   * The notification of an emergency route: the callback number actually presented, the same location
   * that was sent to the PSAP (one line) with its verification state, every warning, and the test label
   * (by classification) for a 933 call.
   */
  public static EmergencyNotification notification(EmergencyRoute.Emergency route, String callId, String agentName,
      Instant occurredAt) {
    String callback = route.callbackNumber().map(Elin::e164)
        .or(() -> route.presentedNumber().map(E164Number::value)).orElse("");
    Optional<AgentLocation> l = route.location();
    return new EmergencyNotification(callId, occurredAt, route.classification(), route.agentId(), agentName, callback,
        l.map(x -> x.address().oneLine()).orElse(""), l.map(AgentLocation::verification).orElse(VerificationState.UNVERIFIED),
        route.warnings());
  }

  /**
   * Dispatches the notification of an emergency route under a new call id. Never blocks, never throws.
   *
   * @param agentName the caller's display name ("" when unknown)
   */
  public DispatchResult dispatch(EmergencyRoute.Emergency route, String agentName) {
    String callId = "";
    try {
      callId = callIds.get();
      if (!route.notifyOnSite()) {
        return new DispatchResult.NotRequired(callId);
      }
      return dispatch(notification(route, callId, agentName, clock.instant()));
    } catch (RuntimeException e) {
      LOG.error("could not dispatch the emergency notification of call {}", callId, e);
      return new DispatchResult.Rejected(callId, DispatchResult.Reason.INTERNAL_ERROR);
    }
  }

  /** Dispatches a ready notification under its own call id. Never blocks, never throws. */
  public DispatchResult dispatch(EmergencyNotification notification) {
    String callId = notification == null ? "" : notification.callId();
    try {
      Objects.requireNonNull(notification, "notification");
      Instant now = clock.instant();
      if (closed) {
        return reject(notification, DispatchResult.Reason.CLOSED, now);
      }
      Call c;
      synchronized (calls) {
        if (calls.containsKey(callId)) {
          LOG.warn("call {} was dispatched before; the first notification stands", callId);
          return new DispatchResult.Rejected(callId, DispatchResult.Reason.DUPLICATE_CALL_ID);
        }
        if (active.get() >= queueSize) {
          c = null;
        } else {
          active.incrementAndGet();
          c = new Call(notification, now);
          remember(c);
        }
      }
      if (c == null) {
        overflows.incrementAndGet();
        return reject(notification, DispatchResult.Reason.QUEUE_FULL, now);
      }
      locked(c, () -> {
        c.deadline = scheduler.schedule(maxEscalationTime, () -> locked(c, () -> deadline(c)));
        engage(c, 0, DeliveryAttempt.Trigger.INITIAL, now);
      });
      return new DispatchResult.Accepted(callId);
    } catch (RuntimeException e) {
      LOG.error("could not dispatch the emergency notification of call {}", callId, e);
      return new DispatchResult.Rejected(callId, DispatchResult.Reason.INTERNAL_ERROR);
    }
  }

  /**
   * A listener for {@link dev.e911.core.route.EmergencyRouter#create}: dispatches every emergency routed,
   * with the agent's display name from {@code agentNames} ("" when it has none or fails). It returns at
   * once; nothing it does can delay or fail the call.
   */
  public Consumer<EmergencyRoute.Emergency> routerListener(Function<String, String> agentNames) {
    Objects.requireNonNull(agentNames, "agentNames");
    return route -> {
      String name;
      try {
        name = Objects.requireNonNullElse(agentNames.apply(route.agentId()), "");
      } catch (RuntimeException e) {
        name = "";
      }
      dispatch(route, name);
    };
  }

  // ---------------------------------------------------------------------------------------------- queries

  /**
   * Records that a person took the call: re-sends and escalation stop. Safe to call from any thread, any
   * number of times.
   */
  public AckResult acknowledge(String callId, String by) {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(by, "by");
    Call c;
    synchronized (calls) {
      c = calls.get(callId);
    }
    if (c == null) {
      return new AckResult.UnknownCall(callId);
    }
    AckResult[] result = new AckResult[1];
    locked(c, () -> {
      if (c.ack != null) {
        result[0] = new AckResult.AlreadyAcknowledged(callId, c.ack.by(), c.ack.at());
        return;
      }
      Instant now = clock.instant();
      c.ack = new CallStatus.Acknowledgement(by, now);
      result[0] = new AckResult.Acknowledged(callId, by, now);
      if (c.state != CallStatus.State.REJECTED) {
        c.state = CallStatus.State.ACKNOWLEDGED;
      }
      settle(c, now);
      changed(c, now);
    });
    return result[0];
  }

  /** Every attempt recorded for the call, in the order recorded; empty for an unknown call. */
  public List<DeliveryAttempt> attempts(String callId) {
    Call c;
    synchronized (calls) {
      c = calls.get(callId);
    }
    if (c == null) {
      return List.of();
    }
    synchronized (c) {
      return List.copyOf(c.attempts);
    }
  }

  /** Where the call's notification stands, if the call is known. */
  public Optional<CallStatus> status(String callId) {
    Call c;
    synchronized (calls) {
      c = calls.get(callId);
    }
    if (c == null) {
      return Optional.empty();
    }
    synchronized (c) {
      return Optional.of(snapshot(c));
    }
  }

  /** How many notifications were rejected because the queue was full, since the dispatcher was built. */
  public long overflowCount() {
    return overflows.get();
  }

  /** How many calls are being notified now (at most the queue size). */
  public int activeCalls() {
    return active.get();
  }

  /**
   * Stops: later dispatches are rejected (and recorded), no further attempt is made for calls in progress,
   * and the worker threads are interrupted. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<Call> open;
    synchronized (calls) {
      open = calls.values().stream().filter(c -> !c.settled).toList();
    }
    Instant now = clock.instant();
    for (Call c : open) {
      locked(c, () -> {
        settle(c, now);
        changed(c, now);
      });
    }
    if (!open.isEmpty()) {
      LOG.warn("notification dispatcher closed with {} call(s) still being notified", open.size());
    }
    if (workers != null) {
      workers.shutdownNow();
    }
    if (ownedScheduler != null) {
      ownedScheduler.close();
    }
  }

  // ---------------------------------------------------------------------------------------------- engine

  /** One notifier's delivery of one call. Guarded by the call's monitor. */
  private static final class Delivery {
    final EmergencyNotifier notifier;
    final int group;
    int attempts;
    int seriesAttempts;
    Instant seriesStart;
    Phase phase = Phase.QUEUED;
    int token;
    NotificationScheduler.Scheduled timer;
    boolean delivered;
    boolean lastFailureRetryable = true;

    Delivery(EmergencyNotifier notifier, int group) {
      this.notifier = notifier;
      this.group = group;
    }

    boolean ended() {
      return phase == Phase.DELIVERED || phase == Phase.FAILED;
    }
  }

  private enum Phase { QUEUED, RUNNING, WAITING_RETRY, DELIVERED, FAILED }

  /** One call being notified. Everything but {@link #settled} is guarded by its monitor. */
  private static final class Call {
    final EmergencyNotification notification;
    final boolean test;
    final Map<String, Delivery> deliveries = new LinkedHashMap<>();
    final List<DeliveryAttempt> attempts = new ArrayList<>();
    final List<Runnable> events = new ArrayList<>();
    CallStatus.State state = CallStatus.State.PENDING;
    int reached;
    boolean requiresAck;
    CallStatus.Acknowledgement ack;
    volatile boolean settled;
    Instant updatedAt;
    NotificationScheduler.Scheduled escalation;
    NotificationScheduler.Scheduled resend;
    NotificationScheduler.Scheduled deadline;
    int resendRound;
    CallStatus reported;

    Call(EmergencyNotification notification, Instant now) {
      this.notification = notification;
      this.test = notification.isTest();
      this.updatedAt = now;
    }
  }

  private void remember(Call c) {
    calls.put(c.notification.callId(), c);
    if (calls.size() > maxRecordedCalls) {
      for (Iterator<Call> it = calls.values().iterator(); it.hasNext() && calls.size() > maxRecordedCalls; ) {
        if (it.next().settled) {
          it.remove();
        }
      }
    }
  }

  /** Runs {@code body} under the call's monitor, then fires the listener events it queued, outside it. */
  private void locked(Call c, Runnable body) {
    List<Runnable> events;
    synchronized (c) {
      body.run();
      events = new ArrayList<>(c.events);
      c.events.clear();
    }
    for (Runnable e : events) {
      try {
        e.run();
      } catch (RuntimeException ex) {
        LOG.warn("a notification listener failed: {}", ex.toString());
      }
    }
  }

  private boolean escalates(Call c) {
    return !c.test || escalateTestCalls;
  }

  private boolean needsAck(EmergencyNotifier n) {
    return requireAcknowledgement || n.requiresAcknowledgement();
  }

  private void engage(Call c, int g, DeliveryAttempt.Trigger trigger, Instant now) {
    RecipientGroup group = groups.get(g);
    c.reached = g + 1;
    if (escalates(c)) {
      c.requiresAck |= group.notifiers().stream().anyMatch(this::needsAck);
    }
    for (EmergencyNotifier n : group.notifiers()) {
      Delivery d = new Delivery(n, g);
      c.deliveries.put(n.id(), d);
      startSeries(c, d, trigger, now);
    }
    cancel(c.escalation);
    c.escalation = null;
    if (escalates(c) && g + 1 < groups.size()) {
      c.escalation = scheduler.schedule(ackTimeout, () -> locked(c, () -> escalationDue(c, g)));
    }
    if (c.requiresAck) {
      scheduleResend(c);
    }
    changed(c, now);
  }

  private void startSeries(Call c, Delivery d, DeliveryAttempt.Trigger trigger, Instant now) {
    d.seriesAttempts = 0;
    d.seriesStart = now;
    submit(c, d, trigger);
  }

  private void submit(Call c, Delivery d, DeliveryAttempt.Trigger trigger) {
    d.phase = Phase.QUEUED;
    int token = ++d.token;
    lanes.get(d.notifier.id()).submit(() -> run(c, d, token, trigger));
  }

  /** On a worker: one attempt. */
  private void run(Call c, Delivery d, int token, DeliveryAttempt.Trigger trigger) {
    Instant start;
    int attempt;
    synchronized (c) {
      if (c.settled || d.token != token) {
        return; // superseded (delivered meanwhile, acknowledged, given up): not an attempt
      }
      start = clock.instant();
      attempt = ++d.attempts;
      d.seriesAttempts++;
      d.phase = Phase.RUNNING;
      d.timer = scheduler.schedule(attemptTimeout, () -> locked(c, () -> noAnswer(c, d, token, attempt, trigger, start)));
    }
    NotificationOutcome outcome;
    try {
      outcome = d.notifier.send(c.notification);
      if (outcome == null) {
        outcome = new NotificationOutcome.Failed(RemoteFailure.of(RemoteFailure.Kind.MALFORMED_RESPONSE,
            "the notifier returned no outcome"));
      }
    } catch (RuntimeException | LinkageError e) {
      // the exception's message is the notifier's text and may hold anything: name the type only
      outcome = new NotificationOutcome.Failed(RemoteFailure.of(RemoteFailure.Kind.TRANSIENT,
          "the notifier threw " + e.getClass().getName()));
    }
    NotificationOutcome result = outcome;
    Instant end = clock.instant();
    locked(c, () -> finished(c, d, token, attempt, trigger, start, end, result));
  }

  private void finished(Call c, Delivery d, int token, int attempt, DeliveryAttempt.Trigger trigger, Instant start,
      Instant end, NotificationOutcome outcome) {
    boolean current = d.token == token && d.phase == Phase.RUNNING;
    if (current) {
      cancel(d.timer);
    }
    if (outcome instanceof NotificationOutcome.Delivered del) {
      record(c, d, attempt, trigger, start, end, new AttemptOutcome.Delivered(del.reference()), false);
      if (!c.settled) {
        cancel(d.timer);
        d.token++; // a retry already scheduled or queued is no longer needed
        d.delivered = true;
        d.phase = Phase.DELIVERED;
        changed(c, end);
      }
    } else if (outcome instanceof NotificationOutcome.Failed f) {
      if (current && !c.settled) {
        failed(c, d, f.failure(), new AttemptOutcome.Failed(f.failure()), attempt, trigger, start, end);
      } else {
        record(c, d, attempt, trigger, start, end, new AttemptOutcome.Failed(f.failure()), false); // late, already handled
      }
    }
  }

  private void noAnswer(Call c, Delivery d, int token, int attempt, DeliveryAttempt.Trigger trigger, Instant start) {
    if (c.settled || d.token != token || d.phase != Phase.RUNNING) {
      return;
    }
    Instant now = clock.instant();
    failed(c, d, RemoteFailure.of(RemoteFailure.Kind.TRANSIENT, "no answer within " + attemptTimeout),
        new AttemptOutcome.NoAnswer(attemptTimeout), attempt, trigger, start, now);
  }

  private void failed(Call c, Delivery d, RemoteFailure failure, AttemptOutcome outcome, int attempt,
      DeliveryAttempt.Trigger trigger, Instant start, Instant now) {
    Duration delay = retryDelay(d, failure, now);
    record(c, d, attempt, trigger, start, now, outcome, delay != null);
    d.lastFailureRetryable = failure.retryable();
    int token = ++d.token; // a late answer of this attempt is no longer current
    if (delay != null) {
      d.phase = Phase.WAITING_RETRY;
      d.timer = scheduler.schedule(delay, () -> locked(c, () -> {
        if (!c.settled && d.token == token && d.phase == Phase.WAITING_RETRY) {
          submit(c, d, DeliveryAttempt.Trigger.RETRY);
        }
      }));
    } else {
      d.phase = Phase.FAILED;
      escalateIfGroupFailed(c, now);
    }
    changed(c, now);
  }

  /** The wait before the next attempt of this series, or null when the policy allows none. */
  private Duration retryDelay(Delivery d, RemoteFailure failure, Instant now) {
    if (!failure.retryable() || d.seriesAttempts >= retryPolicy.maxAttempts()) {
      return null;
    }
    Duration delay = retryPolicy.backoff(d.seriesAttempts);
    Duration asked = failure.retryAfter().compareTo(retryPolicy.maxRetryAfter()) > 0
        ? retryPolicy.maxRetryAfter() : failure.retryAfter();
    if (asked.compareTo(delay) > 0) {
      delay = asked;
    }
    if (Duration.between(d.seriesStart, now).plus(delay).compareTo(retryPolicy.maxTotalTime()) > 0) {
      return null;
    }
    return delay;
  }

  /** When every delivery of the highest group reached has failed for good, the next group need not wait. */
  private void escalateIfGroupFailed(Call c, Instant now) {
    int g = c.reached - 1;
    if (c.ack != null || c.settled || !escalates(c) || g + 1 >= groups.size()) {
      return;
    }
    boolean allFailed = c.deliveries.values().stream().filter(d -> d.group == g)
        .allMatch(d -> d.phase == Phase.FAILED && !d.delivered);
    if (allFailed) {
      engage(c, g + 1, DeliveryAttempt.Trigger.ESCALATION, now);
    }
  }

  private void escalationDue(Call c, int g) {
    if (c.settled || c.ack != null || c.reached != g + 1) {
      return;
    }
    c.escalation = null;
    boolean confirmed = groups.get(g).notifiers().stream().noneMatch(this::needsAck)
        && c.deliveries.values().stream().anyMatch(d -> d.group == g && d.delivered);
    if (!confirmed) {
      Instant now = clock.instant();
      LOG.warn("call {}: group {} did not confirm within {}; escalating to {}", c.notification.callId(),
          groups.get(g).name(), ackTimeout, groups.get(g + 1).name());
      engage(c, g + 1, DeliveryAttempt.Trigger.ESCALATION, now);
    }
  }

  private void scheduleResend(Call c) {
    if (c.resend != null || c.settled || c.ack != null) {
      return;
    }
    Duration delay = resendInitial;
    for (int i = 0; i < c.resendRound && delay.compareTo(resendMax) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    if (delay.compareTo(resendMax) > 0) {
      delay = resendMax;
    }
    c.resend = scheduler.schedule(delay, () -> locked(c, () -> resendRound(c)));
  }

  private void resendRound(Call c) {
    c.resend = null;
    if (c.settled || c.ack != null) {
      return;
    }
    c.resendRound++;
    Instant now = clock.instant();
    for (Delivery d : c.deliveries.values()) {
      if (needsAck(d.notifier) && (d.phase == Phase.DELIVERED || (d.phase == Phase.FAILED && d.lastFailureRetryable))) {
        startSeries(c, d, DeliveryAttempt.Trigger.RESEND, now);
      }
    }
    scheduleResend(c);
    changed(c, now);
  }

  private void deadline(Call c) {
    if (c.settled) {
      return;
    }
    Instant now = clock.instant();
    boolean delivered = c.deliveries.values().stream().anyMatch(d -> d.delivered);
    if (c.ack == null && (c.requiresAck || !delivered)) {
      c.state = CallStatus.State.GAVE_UP;
      LOG.error("call {}: no {} within {}; giving up. {}", c.notification.callId(),
          c.requiresAck ? "acknowledgement" : "delivery", maxEscalationTime, LogLine.format(c.notification, "dispatcher", ""));
    }
    settle(c, now);
    changed(c, now);
  }

  /** Recomputes the state, settles a finished call, and queues a status event when anything changed. */
  private void changed(Call c, Instant now) {
    if (!c.settled && c.ack == null) {
      boolean delivered = c.deliveries.values().stream().anyMatch(d -> d.delivered);
      boolean allEnded = c.deliveries.values().stream().allMatch(Delivery::ended);
      if (delivered) {
        c.state = c.requiresAck ? CallStatus.State.AWAITING_ACKNOWLEDGEMENT : CallStatus.State.DELIVERED;
        if (allEnded && !c.requiresAck) {
          settle(c, now);
        }
      } else if (allEnded && !(c.requiresAck && c.deliveries.values().stream()
          .anyMatch(d -> needsAck(d.notifier) && d.lastFailureRetryable))) {
        c.state = CallStatus.State.FAILED;
        LOG.error("call {}: every notifier failed. {}", c.notification.callId(), LogLine.format(c.notification, "dispatcher", ""));
        settle(c, now);
      } else {
        c.state = CallStatus.State.PENDING;
      }
    }
    CallStatus previous = c.reported;
    if (previous == null || previous.state() != c.state || previous.settled() != c.settled
        || previous.groupsReached().size() != c.reached || previous.acknowledgement().isPresent() != (c.ack != null)) {
      c.updatedAt = now;
      CallStatus s = snapshot(c);
      c.reported = s;
      c.events.add(() -> listeners.forEach(l -> safely(() -> l.onStatus(s))));
    }
  }

  private void settle(Call c, Instant now) {
    if (c.settled) {
      return;
    }
    c.settled = true;
    cancel(c.escalation);
    cancel(c.resend);
    cancel(c.deadline);
    for (Delivery d : c.deliveries.values()) {
      cancel(d.timer);
      d.token++;
    }
    if (c.state != CallStatus.State.REJECTED) {
      active.decrementAndGet();
    }
  }

  private void record(Call c, Delivery d, int attempt, DeliveryAttempt.Trigger trigger, Instant start, Instant end,
      AttemptOutcome outcome, boolean willRetry) {
    record(c, d, attempt, trigger, start, end, outcome, willRetry, true);
  }

  private void record(Call c, Delivery d, int attempt, DeliveryAttempt.Trigger trigger, Instant start, Instant end,
      AttemptOutcome outcome, boolean willRetry, boolean log) {
    DeliveryAttempt a = new DeliveryAttempt(c.notification.callId(), d.notifier.id(), groups.get(d.group).name(), attempt,
        trigger, start, end, outcome, willRetry);
    c.attempts.add(a);
    if (log && !outcome.delivered() && LOG.isWarnEnabled()) {
      LOG.warn("call {}: notifier {} attempt {} {}{}", a.callId(), a.notifierId(), attempt, describe(outcome),
          willRetry ? "; will retry" : "");
    }
    c.events.add(() -> listeners.forEach(l -> safely(() -> l.onAttempt(a))));
  }

  private static String describe(AttemptOutcome o) {
    if (o instanceof AttemptOutcome.Failed f) {
      return "failed: " + f.failure().kind() + (f.failure().httpStatus() == 0 ? "" : " " + f.failure().httpStatus())
          + " " + f.failure().message();
    }
    if (o instanceof AttemptOutcome.NoAnswer n) {
      return "got no answer within " + n.waited();
    }
    if (o instanceof AttemptOutcome.NotAttempted n) {
      return "was not attempted: " + n.reason();
    }
    return "delivered";
  }

  private DispatchResult reject(EmergencyNotification n, DispatchResult.Reason reason, Instant now) {
    String why = reason == DispatchResult.Reason.QUEUE_FULL
        ? "the notification queue is full (" + queueSize + " calls are being notified)" : "the dispatcher is closed";
    // This runs on the caller's (the router's) thread: while a notifier hangs every further call lands
    // here, so the log line is rate-limited; every rejected call is still recorded and reported below.
    long t = System.nanoTime();
    long next = nextOverflowLog.get();
    if (t - next >= 0 && nextOverflowLog.compareAndSet(next, t + OVERFLOW_LOG_INTERVAL_NANOS)) {
      long more = unloggedRejections.getAndSet(0);
      LOG.error("e911 notification NOT delivered: {}. {}{}", why, LogLine.format(n, "dispatcher", ""),
          more == 0 ? "" : " (" + more + " more call(s) were not notified since the last line; the dispatcher records each)");
    } else {
      unloggedRejections.incrementAndGet();
    }
    Call c = new Call(n, now);
    locked(c, () -> {
      c.state = CallStatus.State.REJECTED;
      c.settled = true;
      for (EmergencyNotifier notifier : groups.get(0).notifiers()) {
        record(c, new Delivery(notifier, 0), 0, DeliveryAttempt.Trigger.INITIAL, now, now, new AttemptOutcome.NotAttempted(why),
            false, false);
      }
      changed(c, now);
    });
    synchronized (calls) {
      if (!calls.containsKey(n.callId())) {
        remember(c);
      }
    }
    return new DispatchResult.Rejected(n.callId(), reason);
  }

  private CallStatus snapshot(Call c) {
    List<String> reached = new ArrayList<>();
    for (int i = 0; i < c.reached; i++) {
      reached.add(groups.get(i).name());
    }
    return new CallStatus(c.notification, c.state, reached, c.requiresAck, c.ack, c.settled, c.updatedAt);
  }

  private static void cancel(NotificationScheduler.Scheduled s) {
    if (s != null) {
      s.cancel();
    }
  }

  private static void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("a notification listener failed: {}", e.toString());
    }
  }

  @Override
  public String toString() {
    return "NotificationDispatcher[groups=" + groups.stream().map(RecipientGroup::name).toList() + ", active=" + active.get()
        + "/" + queueSize + ", overflows=" + overflows.get() + (closed ? ", closed" : "") + "]";
  }

  // ---------------------------------------------------------------------------------------------- builder

  /**
   * Builds a {@link NotificationDispatcher}. Setters never throw; {@link #build()} checks everything and
   * reports every problem at once. The defaults suit a contact center: 256 calls in flight, 4 workers, one
   * attempt at a time per notifier, up to 6 attempts per series (1 s doubling to 1 min, {@code Retry-After}
   * honoured up to 5 min, 15 min budget), 30 s before an attempt counts as unanswered, 2 min before an
   * unconfirmed group is escalated, re-sends from 500 ms doubling to 1 min, and 2 h before giving up.
   */
  public static final class Builder {
    private final List<RecipientGroup> groups = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private NotificationScheduler scheduler;
    private int queueSize = 256;
    private int workerThreads = 4;
    private Executor executor;
    private int maxConcurrentPerNotifier = 1;
    private int maxRecordedCalls = 10_000;
    private RetryPolicy retryPolicy = RetryPolicy.custom().maxAttempts(6).initialBackoff(Duration.ofSeconds(1))
        .maxBackoff(Duration.ofMinutes(1)).jitter(Jitter.EQUAL).maxTotalTime(Duration.ofMinutes(15))
        .maxRetryAfter(Duration.ofMinutes(5)).build();
    private Duration attemptTimeout = Duration.ofSeconds(30);
    private Duration ackTimeout = Duration.ofMinutes(2);
    private Duration resendInitial = Duration.ofMillis(500);
    private Duration resendMax = Duration.ofMinutes(1);
    private Duration maxEscalationTime = Duration.ofHours(2);
    private boolean requireAcknowledgement;
    private boolean escalateTestCalls;
    private final List<NotificationListener> listeners = new ArrayList<>();
    private Supplier<String> callIds = () -> UUID.randomUUID().toString();
    private boolean nullArgument;

    private Builder() {
    }

    /** Adds the next rung of the escalation ladder (the first one added is notified at once). */
    public Builder group(String name, EmergencyNotifier... notifiers) {
      if (name == null || notifiers == null || java.util.Arrays.asList(notifiers).contains(null)) {
        nullArgument = true;
        return this;
      }
      groups.add(RecipientGroup.of(name, notifiers));
      return this;
    }

    /** A single rung named {@code primary}: every notifier is sent every notification at once. */
    public Builder notifiers(EmergencyNotifier... notifiers) {
      return group("primary", notifiers);
    }

    /** Adds the next rung of the escalation ladder. */
    public Builder group(RecipientGroup group) {
      if (group == null) {
        nullArgument = true;
        return this;
      }
      groups.add(group);
      return this;
    }

    /** Adds these rungs in order. */
    public Builder groups(List<RecipientGroup> groups) {
      if (groups == null) {
        nullArgument = true;
        return this;
      }
      groups.forEach(this::group);
      return this;
    }

    /** Where time comes from. Default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Where timers run. Default one daemon thread owned (and closed) by the dispatcher. */
    public Builder scheduler(NotificationScheduler scheduler) {
      this.scheduler = scheduler;
      nullArgument |= scheduler == null;
      return this;
    }

    /** Most calls being notified at once; a call beyond it is rejected and recorded (1 – 100000). Default 256. */
    public Builder queueSize(int queueSize) {
      this.queueSize = queueSize;
      return this;
    }

    /** Worker threads that call the notifiers (1 – 64). Default 4. */
    public Builder workerThreads(int workerThreads) {
      this.workerThreads = workerThreads;
      return this;
    }

    /**
     * Runs the notifiers on this executor instead of the dispatcher's own worker threads (for containers
     * that manage threads, and for tests that run every step by hand); {@link #workerThreads} is then
     * ignored and {@link NotificationDispatcher#close} leaves the executor alone. It must not run a task
     * on the submitting thread.
     */
    public Builder executor(Executor executor) {
      this.executor = executor;
      nullArgument |= executor == null;
      return this;
    }

    /** Attempts one notifier may have running at once; a hanging notifier holds this many workers (1 – 16). Default 1. */
    public Builder maxConcurrentPerNotifier(int max) {
      this.maxConcurrentPerNotifier = max;
      return this;
    }

    /** Calls whose records are kept for {@link #attempts} and {@link #status}; oldest settled ones go first. Default 10000. */
    public Builder maxRecordedCalls(int max) {
      this.maxRecordedCalls = max;
      return this;
    }

    /**
     * How failed attempts are retried: its attempts, backoff, jitter, {@code Retry-After} cap and time
     * budget apply to each series (the first attempt, or a re-send, and its retries); its HTTP statuses do not.
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = policy;
      return this;
    }

    /** How long an attempt may run before it counts as unanswered and a retry is scheduled. Default 30 s. */
    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = timeout;
      return this;
    }

    /** How long a group has to confirm (acknowledge, or deliver when it needs no acknowledgement) before the next group is notified. Default 2 min. */
    public Builder ackTimeout(Duration timeout) {
      this.ackTimeout = timeout;
      return this;
    }

    /** Re-sends of an unacknowledged notification: first after {@code initial}, doubling up to {@code max}. Default 500 ms, 1 min. */
    public Builder resendBackoff(Duration initial, Duration max) {
      this.resendInitial = initial;
      this.resendMax = max;
      return this;
    }

    /** How long after dispatch re-sending and escalation stop; an unacknowledged call then becomes {@code GAVE_UP}. Default 2 h. */
    public Builder maxEscalationTime(Duration max) {
      this.maxEscalationTime = max;
      return this;
    }

    /** Whether every notification needs acknowledgement, whatever the notifiers say. Default false. */
    public Builder requireAcknowledgement(boolean required) {
      this.requireAcknowledgement = required;
      return this;
    }

    /**
     * Whether 933 test calls are re-sent and escalated like real ones. Default false: a test call is
     * delivered (with retries) to the first group only, labelled as a test, and needs no acknowledgement.
     */
    public Builder escalateTestCalls(boolean escalate) {
      this.escalateTestCalls = escalate;
      return this;
    }

    /** Adds a listener. */
    public Builder listener(NotificationListener listener) {
      if (listener == null) {
        nullArgument = true;
      } else {
        listeners.add(listener);
      }
      return this;
    }

    /** Where call ids of routes come from. Default random UUIDs. */
    public Builder callIds(Supplier<String> callIds) {
      this.callIds = callIds;
      return this;
    }

    /**
     * Validates everything and builds.
     *
     * @throws InvalidValueException listing every problem
     */
    public NotificationDispatcher build() {
      Violations v = Violations.forType("NotificationDispatcher");
      v.check(nullArgument, "", "required", "a group, notifier, scheduler or listener was null");
      v.check(groups.isEmpty(), "groups", "required", "at least one recipient group is required");
      Set<String> ids = new HashSet<>();
      Set<String> names = new HashSet<>();
      for (int i = 0; i < groups.size(); i++) {
        RecipientGroup g = groups.get(i);
        v.check(g.name().isBlank(), "groups[" + i + "].name", "required", "must not be blank");
        v.check(!g.name().isBlank() && !names.add(g.name()), "groups[" + i + "].name", "unique", "names another group too");
        v.check(g.notifiers().isEmpty(), "groups[" + i + "].notifiers", "required", "a group needs at least one notifier");
        for (EmergencyNotifier n : g.notifiers()) {
          String id = n.id();
          v.check(id == null || id.isBlank(), "groups[" + i + "].notifiers", "id.required", "every notifier needs an id");
          v.check(id != null && !id.isBlank() && !ids.add(id), "groups[" + i + "].notifiers", "id.unique",
              "notifier " + id + " appears more than once");
        }
      }
      v.check(clock == null, "clock", "required", "must not be null");
      v.check(retryPolicy == null, "retryPolicy", "required", "must not be null");
      v.check(callIds == null, "callIds", "required", "must not be null");
      v.check(queueSize < 1 || queueSize > 100_000, "queueSize", "range", "must be 1 – 100000, got " + queueSize);
      v.check(workerThreads < 1 || workerThreads > 64, "workerThreads", "range", "must be 1 – 64, got " + workerThreads);
      v.check(maxConcurrentPerNotifier < 1 || maxConcurrentPerNotifier > 16, "maxConcurrentPerNotifier", "range",
          "must be 1 – 16, got " + maxConcurrentPerNotifier);
      v.check(maxRecordedCalls < queueSize || maxRecordedCalls > 1_000_000, "maxRecordedCalls", "range",
          "must be at least the queue size and at most 1000000, got " + maxRecordedCalls);
      positive(v, "attemptTimeout", attemptTimeout, Duration.ofHours(1));
      positive(v, "ackTimeout", ackTimeout, Duration.ofDays(1));
      positive(v, "resendBackoff.initial", resendInitial, Duration.ofHours(1));
      positive(v, "resendBackoff.max", resendMax, Duration.ofDays(1));
      positive(v, "maxEscalationTime", maxEscalationTime, Duration.ofDays(7));
      v.check(resendInitial != null && resendMax != null && resendInitial.compareTo(resendMax) > 0, "resendBackoff.initial",
          "not.above.max", "must not exceed the maximum re-send backoff");
      v.check(ackTimeout != null && maxEscalationTime != null && groups.size() > 1 && ackTimeout.compareTo(maxEscalationTime) >= 0,
          "ackTimeout", "below.maxEscalationTime", "must be shorter than maxEscalationTime, or no group is ever escalated to");
      v.throwIfAny();
      return new NotificationDispatcher(this);
    }

    private static void positive(Violations v, String option, Duration value, Duration max) {
      if (value == null) {
        v.add(option, "required", "must not be null");
        return;
      }
      v.check(value.isNegative() || value.isZero(), option, "positive", "must be positive, got " + value);
      v.check(value.compareTo(max) > 0, option, "max", "must be at most " + max + ", got " + value);
    }
  }
}
