package dev.e911.core.notify;

import static dev.e911.core.notify.ScriptedNotifier.fail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.location.VerificationState;
import dev.e911.api.routing.Classification;
import dev.e911.api.routing.RouteWarning;
import dev.e911.api.spi.EmergencyNotification;
import dev.e911.api.spi.EmergencyNotifier;
import dev.e911.api.spi.NotificationOutcome;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import dev.e911.core.http.Jitter;
import dev.e911.core.http.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The dispatcher driven step by step: a hand-moved clock, timers and worker tasks run on the test thread. */
class NotificationDispatcherTest {

  static final Instant T0 = Instant.parse("2026-11-25T14:00:00Z");
  static final RetryPolicy RETRY = RetryPolicy.custom().maxAttempts(4).initialBackoff(Duration.ofSeconds(1)).multiplier(2)
      .maxBackoff(Duration.ofMinutes(1)).jitter(Jitter.NONE).maxTotalTime(Duration.ofMinutes(10))
      .maxRetryAfter(Duration.ofMinutes(5)).build();

  final ManualTime time = new ManualTime(T0);
  final List<CallStatus> statuses = new CopyOnWriteArrayList<>();
  final List<DeliveryAttempt> heard = new CopyOnWriteArrayList<>();
  NotificationDispatcher dispatcher;

  @AfterEach
  void close() {
    if (dispatcher != null) {
      dispatcher.close();
    }
  }

  static EmergencyNotification call(String id, Classification classification) {
    return new EmergencyNotification(id, T0, classification, "maria", "Maria Lopez", "+15125550117",
        "4521 Avenida de los Árboles, Apt 2B, Austin, TX 78745, US", VerificationState.REMOTE_VERIFIED,
        List.of(new RouteWarning(RouteWarning.Code.LOCATION_STALE, "verified yesterday")));
  }

  static EmergencyNotification call(String id) {
    return call(id, Classification.EMERGENCY);
  }

  NotificationDispatcher.Builder manual() {
    return NotificationDispatcher.builder().clock(time.clock).scheduler(time).executor(time).retryPolicy(RETRY)
        .ackTimeout(Duration.ofMinutes(2)).resendBackoff(Duration.ofMillis(500), Duration.ofMinutes(1))
        .maxEscalationTime(Duration.ofHours(2)).attemptTimeout(Duration.ofSeconds(30))
        .listener(new NotificationListener() {
          @Override
          public void onAttempt(DeliveryAttempt attempt) {
            heard.add(attempt);
          }

          @Override
          public void onStatus(CallStatus status) {
            statuses.add(status);
          }
        });
  }

  CallStatus status(String id) {
    return dispatcher.status(id).orElseThrow();
  }

  static List<Duration> offsets(List<DeliveryAttempt> attempts) {
    return attempts.stream().map(a -> Duration.between(T0, a.startedAt())).toList();
  }

  @Nested
  @DisplayName("retries")
  class Retries {

    @Test
    @DisplayName("a retryable failure is retried with the policy's backoff, and every attempt is recorded")
    void backoff() {
      ScriptedNotifier desk = ScriptedNotifier.delivering("desk")
          .then(fail(RemoteFailure.Kind.TRANSIENT), fail(RemoteFailure.Kind.TRANSIENT));
      dispatcher = manual().group("security", desk).build();

      assertThat(dispatcher.dispatch(call("c1"))).isEqualTo(new DispatchResult.Accepted("c1"));
      assertThat(desk.sends()).as("nothing runs on the caller's thread").isZero();
      time.advance(Duration.ofMinutes(5));

      List<DeliveryAttempt> attempts = dispatcher.attempts("c1");
      assertThat(attempts).extracting(DeliveryAttempt::attempt).containsExactly(1, 2, 3);
      assertThat(attempts).extracting(DeliveryAttempt::trigger).containsExactly(DeliveryAttempt.Trigger.INITIAL,
          DeliveryAttempt.Trigger.RETRY, DeliveryAttempt.Trigger.RETRY);
      assertThat(offsets(attempts)).containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(3));
      assertThat(attempts).extracting(DeliveryAttempt::willRetry).containsExactly(true, true, false);
      assertThat(attempts.get(2).outcome()).isEqualTo(new AttemptOutcome.Delivered("desk-c1"));
      assertThat(attempts).allSatisfy(a -> assertThat(a.group()).isEqualTo("security"));
      assertThat(heard).isEqualTo(attempts);
      assertThat(status("c1").state()).isEqualTo(CallStatus.State.DELIVERED);
      assertThat(status("c1").settled()).isTrue();
      assertThat(dispatcher.activeCalls()).isZero();
      assertThat(time.pendingTimers()).as("no timer left behind").isZero();
    }

    @Test
    @DisplayName("a rate-limited notifier is retried no sooner than its Retry-After")
    void retryAfter() {
      ScriptedNotifier desk = ScriptedNotifier.delivering("desk").then(ScriptedNotifier.rateLimited(Duration.ofSeconds(7)));
      dispatcher = manual().group("security", desk).build();
      dispatcher.dispatch(call("c1"));
      time.advance(Duration.ofMinutes(1));
      assertThat(offsets(dispatcher.attempts("c1"))).containsExactly(Duration.ZERO, Duration.ofSeconds(7));
    }

    @Test
    @DisplayName("the policy's attempts run out: the call fails, logged and recorded, and nothing is retried after")
    void exhausted() {
      ScriptedNotifier desk = ScriptedNotifier.delivering("desk");
      for (int i = 0; i < 10; i++) {
        desk.then(fail(RemoteFailure.Kind.TRANSIENT));
      }
      dispatcher = manual().group("security", desk).build();
      dispatcher.dispatch(call("c1"));
      time.advance(Duration.ofHours(3));
      assertThat(dispatcher.attempts("c1")).hasSize(RETRY.maxAttempts());
      assertThat(status("c1").state()).isEqualTo(CallStatus.State.FAILED);
      assertThat(status("c1").settled()).isTrue();
      assertThat(dispatcher.activeCalls()).isZero();
    }

    @Test
    @DisplayName("a notifier that throws or returns null is recorded as a failure whose message names only the exception type")
    void misbehaving() {
      EmergencyNotifier thrower = new EmergencyNotifier() {
        @Override
        public String id() {
          return "thrower";
        }

        @Override
        public NotificationOutcome send(EmergencyNotification n) {
          throw new IllegalStateException("password=hunter2hunter2");
        }
      };
      EmergencyNotifier nuller = new EmergencyNotifier() {
        @Override
        public String id() {
          return "nuller";
        }

        @Override
        public NotificationOutcome send(EmergencyNotification n) {
          return null;
        }
      };
      dispatcher = manual().group("security", thrower, nuller).build();
      dispatcher.dispatch(call("c1"));
      time.advance(Duration.ofMinutes(30));
      List<DeliveryAttempt> attempts = dispatcher.attempts("c1");
      assertThat(attempts).filteredOn(a -> a.notifierId().equals("thrower")).hasSize(RETRY.maxAttempts())
          .allSatisfy(a -> {
            RemoteFailure f = ((AttemptOutcome.Failed) a.outcome()).failure();
            assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT);
            assertThat(f.message()).contains("IllegalStateException").doesNotContain("hunter2");
          });
      assertThat(attempts).filteredOn(a -> a.notifierId().equals("nuller")).singleElement()
          .satisfies(a -> assertThat(((AttemptOutcome.Failed) a.outcome()).failure().kind())
              .isEqualTo(RemoteFailure.Kind.MALFORMED_RESPONSE));
      assertThat(status("c1").state()).isEqualTo(CallStatus.State.FAILED);
    }
  }

  @Nested
  @DisplayName("escalation and acknowledgement")
  class Escalation {

    @Test
    @DisplayName("unacknowledged: re-sent from 500 ms doubling to a 1-minute cap, escalated after the ack timeout, stopped by the acknowledgement")
    void resendEscalateAcknowledge() {
      ScriptedNotifier desk = ScriptedNotifier.needingAck("desk");
      ScriptedNotifier oncall = ScriptedNotifier.needingAck("oncall");
      dispatcher = manual().group("security", desk).group("on-call", oncall).build();
      dispatcher.dispatch(call("c1"));
      time.runReady();
      assertThat(status("c1").state()).isEqualTo(CallStatus.State.AWAITING_ACKNOWLEDGEMENT);
      assertThat(status("c1").acknowledgementRequired()).isTrue();

      time.advance(Duration.ofSeconds(190));
      List<DeliveryAttempt> toDesk = dispatcher.attempts("c1").stream().filter(a -> a.notifierId().equals("desk")).toList();
      assertThat(offsets(toDesk)).containsExactly(Duration.ZERO, Duration.ofMillis(500), Duration.ofMillis(1500),
          Duration.ofMillis(3500), Duration.ofMillis(7500), Duration.ofMillis(15500), Duration.ofMillis(31500),
          Duration.ofMillis(63500), Duration.ofMillis(123500), Duration.ofMillis(183500));
      assertThat(toDesk.subList(1, toDesk.size())).allSatisfy(a -> assertThat(a.trigger()).isEqualTo(DeliveryAttempt.Trigger.RESEND));
      List<DeliveryAttempt> toOncall = dispatcher.attempts("c1").stream().filter(a -> a.notifierId().equals("oncall")).toList();
      assertThat(toOncall.get(0).trigger()).isEqualTo(DeliveryAttempt.Trigger.ESCALATION);
      assertThat(toOncall.get(0).group()).isEqualTo("on-call");
      assertThat(offsets(toOncall)).startsWith(Duration.ofMinutes(2), Duration.ofMillis(123500));
      assertThat(status("c1").groupsReached()).containsExactly("security", "on-call");

      AckResult ack = dispatcher.acknowledge("c1", "guard-7");
      assertThat(ack).isEqualTo(new AckResult.Acknowledged("c1", "guard-7", time.now()));
      assertThat(dispatcher.acknowledge("c1", "someone-else")).isInstanceOf(AckResult.AlreadyAcknowledged.class)
          .extracting(a -> ((AckResult.AlreadyAcknowledged) a).by()).isEqualTo("guard-7");
      int before = dispatcher.attempts("c1").size();
      time.advance(Duration.ofHours(3));
      assertThat(dispatcher.attempts("c1")).as("nothing is sent after the acknowledgement").hasSize(before);
      CallStatus s = status("c1");
      assertThat(s.state()).isEqualTo(CallStatus.State.ACKNOWLEDGED);
      assertThat(s.acknowledgement()).hasValue(new CallStatus.Acknowledgement("guard-7", T0.plusSeconds(190)));
      assertThat(s.settled()).isTrue();
      assertThat(time.pendingTimers()).isZero();
      assertThat(statuses).extracting(CallStatus::state).contains(CallStatus.State.AWAITING_ACKNOWLEDGEMENT,
          CallStatus.State.ACKNOWLEDGED);
    }

    @Test
    @DisplayName("nobody acknowledges: re-sends never wait more than the cap, and the dispatcher gives up at the limit")
    void givesUp() {
      ScriptedNotifier desk = ScriptedNotifier.needingAck("desk");
      dispatcher = manual().group("security", desk).maxEscalationTime(Duration.ofMinutes(10)).build();
      dispatcher.dispatch(call("c1"));
      time.advance(Duration.ofHours(1));
      List<Duration> at = offsets(dispatcher.attempts("c1"));
      for (int i = 1; i < at.size(); i++) {
        assertThat(at.get(i).minus(at.get(i - 1))).isLessThanOrEqualTo(Duration.ofMinutes(1));
      }
      assertThat(at.get(at.size() - 1)).isLessThanOrEqualTo(Duration.ofMinutes(10)).isGreaterThan(Duration.ofMinutes(9));
      CallStatus s = status("c1");
      assertThat(s.state()).isEqualTo(CallStatus.State.GAVE_UP);
      assertThat(s.settled()).isTrue();
      assertThat(s.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
      assertThat(dispatcher.activeCalls()).isZero();
      assertThat(dispatcher.acknowledge("c1", "late-guard")).isInstanceOf(AckResult.Acknowledged.class);
      assertThat(dispatcher.acknowledge("nope", "x")).isEqualTo(new AckResult.UnknownCall("nope"));
    }

    @Test
    @DisplayName("a group whose every notifier failed for good is escalated at once, without waiting for the timeout")
    void failedGroupEscalatesAtOnce() {
      ScriptedNotifier desk = ScriptedNotifier.delivering("desk").then(fail(RemoteFailure.Kind.AUTHENTICATION));
      ScriptedNotifier oncall = ScriptedNotifier.delivering("oncall");
      dispatcher = manual().group("security", desk).group("on-call", oncall).build();
      dispatcher.dispatch(call("c1"));
      time.runReady();
      assertThat(dispatcher.attempts("c1")).extracting(DeliveryAttempt::notifierId, DeliveryAttempt::trigger,
          DeliveryAttempt::startedAt, DeliveryAttempt::willRetry).containsExactly(
              org.assertj.core.groups.Tuple.tuple("desk", DeliveryAttempt.Trigger.INITIAL, T0, false),
              org.assertj.core.groups.Tuple.tuple("oncall", DeliveryAttempt.Trigger.ESCALATION, T0, false));
      assertThat(status("c1").state()).isEqualTo(CallStatus.State.DELIVERED);
      assertThat(status("c1").groupsReached()).containsExactly("security", "on-call");
    }

    @Test
    @DisplayName("without acknowledgement, a group that delivered is not escalated; one that did not deliver in time is")
    void deliveryConfirmsWithoutAck() {
      ScriptedNotifier desk = ScriptedNotifier.delivering("desk");
      ScriptedNotifier oncall = ScriptedNotifier.delivering("oncall");
      dispatcher = manual().group("security", desk).group("on-call", oncall).build();
      dispatcher.dispatch(call("c1"));
      time.advance(Duration.ofHours(1));
      assertThat(oncall.sends()).isZero();

      ScriptedNotifier slowDesk = ScriptedNotifier.delivering("desk2");
      for (int i = 0; i < 3; i++) {
        slowDesk.then(ScriptedNotifier.rateLimited(Duration.ofMinutes(1)));
      }
      ScriptedNotifier oncall2 = ScriptedNotifier.delivering("oncall2");
      dispatcher.close();
      dispatcher = manual().group("security", slowDesk).group("on-call", oncall2).build();
      Instant start = time.now();
      dispatcher.dispatch(call("c2"));
      time.advance(Duration.ofHours(1));
      assertThat(dispatcher.attempts("c2")).filteredOn(a -> a.notifierId().equals("oncall2")).singleElement()
          .satisfies(a -> assertThat(a.startedAt()).isEqualTo(start.plus(Duration.ofMinutes(2))));
      assertThat(slowDesk.sends()).isEqualTo(4);
    }

    @Test
    @DisplayName("a 933 test call is labelled as a test, delivered to the first group once, never re-sent nor escalated")
    void testCalls() {
      ScriptedNotifier desk = ScriptedNotifier.needingAck("desk");
      ScriptedNotifier oncall = ScriptedNotifier.needingAck("oncall");
      dispatcher = manual().group("security", desk).group("on-call", oncall).build();
      dispatcher.dispatch(call("t1", Classification.EMERGENCY_TEST));
      time.advance(Duration.ofHours(3));
      assertThat(desk.received()).singleElement().satisfies(n -> assertThat(n.isTest()).isTrue());
      assertThat(oncall.sends()).isZero();
      CallStatus s = status("t1");
      assertThat(s.acknowledgementRequired()).isFalse();
      assertThat(s.state()).isEqualTo(CallStatus.State.DELIVERED);
      assertThat(s.settled()).isTrue();
    }

    @Test
    @DisplayName("test calls can be configured to escalate like real ones")
    void testCallsEscalateWhenAsked() {
      ScriptedNotifier desk = ScriptedNotifier.needingAck("desk");
      ScriptedNotifier oncall = ScriptedNotifier.needingAck("oncall");
      dispatcher = manual().group("security", desk).group("on-call", oncall).escalateTestCalls(true).build();
      dispatcher.dispatch(call("t1", Classification.EMERGENCY_TEST));
      time.advance(Duration.ofMinutes(3));
      assertThat(oncall.sends()).isPositive();
    }
  }

  @Nested
  @DisplayName("overflow and the caller's thread")
  class Overflow {

    @Test
    @DisplayName("a full queue rejects the newest call and records it everywhere; the call after a settled one is accepted again")
    void fullQueue() {
      ScriptedNotifier desk = ScriptedNotifier.needingAck("desk");
      ScriptedNotifier log = ScriptedNotifier.delivering("log");
      dispatcher = manual().group("security", desk, log).queueSize(1).build();
      assertThat(dispatcher.dispatch(call("c1"))).isInstanceOf(DispatchResult.Accepted.class);
      time.runReady();

      DispatchResult second = dispatcher.dispatch(call("c2"));
      assertThat(second).isEqualTo(new DispatchResult.Rejected("c2", DispatchResult.Reason.QUEUE_FULL));
      assertThat(dispatcher.overflowCount()).isEqualTo(1);
      assertThat(status("c2").state()).isEqualTo(CallStatus.State.REJECTED);
      assertThat(status("c2").notification()).isEqualTo(call("c2"));
      assertThat(dispatcher.attempts("c2")).extracting(DeliveryAttempt::notifierId).containsExactly("desk", "log");
      assertThat(dispatcher.attempts("c2")).allSatisfy(a -> {
        assertThat(a.outcome()).isInstanceOf(AttemptOutcome.NotAttempted.class);
        assertThat(((AttemptOutcome.NotAttempted) a.outcome()).reason()).contains("queue is full");
      });
      assertThat(statuses).anySatisfy(s -> {
        assertThat(s.callId()).isEqualTo("c2");
        assertThat(s.state()).isEqualTo(CallStatus.State.REJECTED);
      });
      assertThat(heard).filteredOn(a -> a.callId().equals("c2")).hasSize(2);

      dispatcher.acknowledge("c1", "guard");
      assertThat(dispatcher.activeCalls()).isZero();
      assertThat(dispatcher.dispatch(call("c3"))).isInstanceOf(DispatchResult.Accepted.class);
    }

    @Test
    @DisplayName("while the queue is full the rejections are logged at most once a second (no log I/O per call on the caller's thread), and each is recorded")
    void overflowLogIsRateLimited() {
      ScriptedNotifier desk = ScriptedNotifier.needingAck("desk");
      dispatcher = manual().group("security", desk).queueSize(1).build();
      assertThat(dispatcher.dispatch(call("c0"))).isInstanceOf(DispatchResult.Accepted.class);
      time.runReady();
      java.io.PrintStream original = System.err;
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      long start = System.nanoTime();
      System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
      try {
        for (int i = 1; i <= 500; i++) {
          assertThat(dispatcher.dispatch(call("c" + i))).isInstanceOf(DispatchResult.Rejected.class);
        }
      } finally {
        System.setErr(original);
      }
      long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      String log = err.toString(java.nio.charset.StandardCharsets.UTF_8);
      long lines = log.lines().filter(l -> l.contains("NOT delivered")).count();
      assertThat(lines).as(log).isBetween(1L, seconds + 1);
      assertThat(log).doesNotContain("was not attempted");
      assertThat(dispatcher.overflowCount()).isEqualTo(500);
      assertThat(status("c500").state()).isEqualTo(CallStatus.State.REJECTED);
      assertThat(dispatcher.attempts("c250")).singleElement()
          .satisfies(a -> assertThat(a.outcome()).isInstanceOf(AttemptOutcome.NotAttempted.class));
    }

    @Test
    @DisplayName("dispatch never throws: a null notification, a duplicate id and a closed dispatcher all come back as results")
    void neverThrows() {
      ScriptedNotifier desk = ScriptedNotifier.delivering("desk");
      dispatcher = manual().group("security", desk).build();
      assertThat(dispatcher.dispatch((EmergencyNotification) null)).isInstanceOf(DispatchResult.Rejected.class)
          .extracting(r -> ((DispatchResult.Rejected) r).reason()).isEqualTo(DispatchResult.Reason.INTERNAL_ERROR);
      dispatcher.dispatch(call("c1"));
      assertThat(dispatcher.dispatch(call("c1"))).isEqualTo(new DispatchResult.Rejected("c1", DispatchResult.Reason.DUPLICATE_CALL_ID));
      dispatcher.close();
      assertThat(dispatcher.dispatch(call("c9"))).isEqualTo(new DispatchResult.Rejected("c9", DispatchResult.Reason.CLOSED));
      assertThat(dispatcher.status("c9").orElseThrow().state()).isEqualTo(CallStatus.State.REJECTED);
    }

    @Test
    @DisplayName("a listener that throws changes nothing")
    void throwingListener() {
      ScriptedNotifier desk = ScriptedNotifier.delivering("desk");
      dispatcher = manual().notifiers(desk).listener(new NotificationListener() {
        @Override
        public void onAttempt(DeliveryAttempt attempt) {
          throw new IllegalStateException("boom");
        }

        @Override
        public void onStatus(CallStatus status) {
          throw new IllegalStateException("boom");
        }
      }).build();
      assertThat(dispatcher.dispatch(call("c1"))).isInstanceOf(DispatchResult.Accepted.class);
      time.runReady();
      assertThat(status("c1").state()).isEqualTo(CallStatus.State.DELIVERED);
      assertThat(status("c1").groupsReached()).containsExactly("primary");
      assertThat(heard).hasSize(1);
    }

    @Test
    @DisplayName("the bounded history forgets the oldest settled calls first")
    void boundedHistory() {
      ScriptedNotifier desk = ScriptedNotifier.delivering("desk");
      dispatcher = manual().group("security", desk).queueSize(2).maxRecordedCalls(3).build();
      for (int i = 1; i <= 5; i++) {
        dispatcher.dispatch(call("c" + i));
        time.runReady();
      }
      assertThat(dispatcher.status("c1")).isEmpty();
      assertThat(dispatcher.status("c2")).isEmpty();
      assertThat(dispatcher.attempts("c1")).isEmpty();
      assertThat(dispatcher.status("c5")).isPresent();
      assertThat(dispatcher.acknowledge("c1", "x")).isEqualTo(new AckResult.UnknownCall("c1"));
    }
  }

  @Test
  @DisplayName("the builder reports every problem at once")
  void builderViolations() {
    ScriptedNotifier a = ScriptedNotifier.delivering("same");
    ScriptedNotifier b = ScriptedNotifier.delivering("same");
    assertThatThrownBy(() -> NotificationDispatcher.builder().group("g", a).group("g", b).queueSize(0).workerThreads(0)
        .attemptTimeout(Duration.ZERO).resendBackoff(Duration.ofMinutes(2), Duration.ofMinutes(1))
        .ackTimeout(Duration.ofHours(3)).maxEscalationTime(Duration.ofHours(2)).clock(null).build())
        .isInstanceOf(InvalidValueException.class)
        .satisfies(e -> assertThat(((InvalidValueException) e).violations()).extracting(Violation::path)
            .contains("groups[1].name", "groups[1].notifiers", "queueSize", "workerThreads", "attemptTimeout",
                "resendBackoff.initial", "ackTimeout", "clock"));
    assertThatThrownBy(() -> NotificationDispatcher.builder().build()).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("groups");
  }

  @Test
  @DisplayName("every listener event is also in the queryable log, in the same order")
  void listenerMatchesLog() {
    ScriptedNotifier desk = ScriptedNotifier.delivering("desk").then(fail(RemoteFailure.Kind.TRANSIENT));
    ScriptedNotifier log = ScriptedNotifier.delivering("log");
    dispatcher = manual().group("security", desk, log).build();
    dispatcher.dispatch(call("c1"));
    dispatcher.dispatch(call("c2"));
    time.advance(Duration.ofMinutes(1));
    List<DeliveryAttempt> all = new ArrayList<>(dispatcher.attempts("c1"));
    all.addAll(dispatcher.attempts("c2"));
    assertThat(heard).containsExactlyInAnyOrderElementsOf(all);
    assertThat(heard.stream().filter(x -> x.callId().equals("c1")).toList()).isEqualTo(dispatcher.attempts("c1"));
  }
}
