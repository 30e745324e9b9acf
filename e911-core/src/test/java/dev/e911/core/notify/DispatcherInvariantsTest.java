package dev.e911.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.routing.Classification;
import dev.e911.api.spi.EmergencyNotifier;
import dev.e911.api.spi.NotificationOutcome;
import dev.e911.api.spi.RemoteFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Random ladders, scripts, test calls and acknowledgements (seeded, so every run is the same), each run to
 * the end; after every scenario the invariants that must hold whatever happened are checked.
 */
class DispatcherInvariantsTest {

  static final Duration LIMIT = Duration.ofMinutes(30);

  @Test
  @DisplayName("whatever notifiers answer: every send is recorded once, series stay within the policy, every call settles consistently")
  void invariants() {
    for (long seed = 1; seed <= 300; seed++) {
      scenario(seed);
    }
  }

  private static NotificationOutcome randomOutcome(SplittableRandom r) {
    return switch (r.nextInt(5)) {
      case 0 -> ScriptedNotifier.fail(RemoteFailure.Kind.TRANSIENT);
      case 1 -> ScriptedNotifier.rateLimited(Duration.ofSeconds(r.nextInt(90)));
      case 2 -> ScriptedNotifier.fail(RemoteFailure.Kind.AUTHENTICATION);
      default -> new NotificationOutcome.Delivered("ok");
    };
  }

  private void scenario(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    ManualTime time = new ManualTime(NotificationDispatcherTest.T0);
    List<ScriptedNotifier> notifiers = new ArrayList<>();
    NotificationDispatcher.Builder b = NotificationDispatcher.builder().clock(time.clock).scheduler(time).executor(time)
        .retryPolicy(NotificationDispatcherTest.RETRY).ackTimeout(Duration.ofMinutes(2)).maxEscalationTime(LIMIT)
        .resendBackoff(Duration.ofMillis(500), Duration.ofMinutes(1));
    boolean escalateTests = r.nextInt(4) == 0;
    b.escalateTestCalls(escalateTests);
    int groups = 1 + r.nextInt(3);
    for (int g = 0; g < groups; g++) {
      List<EmergencyNotifier> members = new ArrayList<>();
      for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) {
        ScriptedNotifier s = new ScriptedNotifier("n" + g + "-" + i, r.nextInt(3) == 0);
        for (int k = 0, steps = r.nextInt(12); k < steps; k++) {
          s.then(randomOutcome(r));
        }
        notifiers.add(s);
        members.add(s);
      }
      b.group("g" + g, members.toArray(EmergencyNotifier[]::new));
    }
    List<String> calls = new ArrayList<>();
    List<Instant> dispatched = new ArrayList<>();
    try (NotificationDispatcher d = b.build()) {
      for (int c = 0, n = 1 + r.nextInt(3); c < n; c++) {
        time.advance(Duration.ofSeconds(r.nextInt(300)));
        String id = "s" + seed + "-c" + c;
        calls.add(id);
        dispatched.add(time.now());
        assertThat(d.dispatch(NotificationDispatcherTest.call(id, r.nextInt(6) == 0 ? Classification.EMERGENCY_TEST
            : Classification.EMERGENCY))).isInstanceOf(DispatchResult.Accepted.class);
      }
      if (r.nextBoolean()) {
        time.advance(Duration.ofSeconds(r.nextInt(900)));
        d.acknowledge(calls.get(r.nextInt(calls.size())), "guard");
      }
      time.advance(Duration.ofHours(2));

      String where = "seed " + seed;
      assertThat(d.activeCalls()).as(where).isZero();
      assertThat(time.pendingTimers()).as(where + ": timers left behind").isZero();
      List<DeliveryAttempt> all = new ArrayList<>();
      for (int c = 0; c < calls.size(); c++) {
        String id = calls.get(c);
        CallStatus s = d.status(id).orElseThrow();
        List<DeliveryAttempt> attempts = d.attempts(id);
        all.addAll(attempts);
        assertThat(s.settled()).as(where).isTrue();
        boolean delivered = attempts.stream().anyMatch(a -> a.outcome().delivered());
        switch (s.state()) {
          case DELIVERED, AWAITING_ACKNOWLEDGEMENT -> assertThat(delivered).as(where + " " + s).isTrue();
          case FAILED -> assertThat(delivered).as(where + " " + s).isFalse();
          case ACKNOWLEDGED -> assertThat(s.acknowledgement()).as(where).isPresent();
          case GAVE_UP -> assertThat(s.acknowledgement()).as(where).isEmpty();
          default -> throw new AssertionError(where + ": unexpected " + s);
        }
        assertThat(s.state()).as(where).isNotEqualTo(CallStatus.State.AWAITING_ACKNOWLEDGEMENT);
        Instant settledAt = s.updatedAt();
        Instant limit = dispatched.get(c).plus(LIMIT);
        for (DeliveryAttempt a : attempts) {
          assertThat(a.startedAt()).as(where + ": attempt after the call settled " + a).isBeforeOrEqualTo(settledAt);
          assertThat(a.startedAt()).as(where + ": attempt after the escalation limit").isBeforeOrEqualTo(limit);
        }
        if (s.notification().isTest() && !escalateTests) {
          assertThat(s.groupsReached()).as(where + ": a test call stays in the first group").hasSize(1);
          assertThat(s.acknowledgementRequired()).as(where).isFalse();
          assertThat(attempts).as(where).noneMatch(a -> a.trigger() == DeliveryAttempt.Trigger.RESEND);
        }
        // within a series (a first attempt or re-send and its retries) the policy's attempt count holds
        for (ScriptedNotifier n : notifiers) {
          int run = 0;
          for (DeliveryAttempt a : attempts) {
            if (!a.notifierId().equals(n.id())) {
              continue;
            }
            run = a.trigger() == DeliveryAttempt.Trigger.RETRY ? run + 1 : 1;
            assertThat(run).as(where + ": series length of " + n.id()).isLessThanOrEqualTo(NotificationDispatcherTest.RETRY.maxAttempts());
          }
        }
      }
      for (ScriptedNotifier n : notifiers) {
        assertThat(all.stream().filter(a -> a.notifierId().equals(n.id())).count()).as(where + ": sends of " + n.id() + " recorded")
            .isEqualTo(n.sends());
      }
    }
  }
}
