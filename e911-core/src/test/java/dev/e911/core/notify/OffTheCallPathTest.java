package dev.e911.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.routing.Classification;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.spi.EmergencyNotification;
import dev.e911.api.spi.EmergencyNotifier;
import dev.e911.api.spi.NotificationOutcome;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.location.LocationService;
import dev.e911.core.route.EmergencyRouter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** With the router and real worker threads: nothing a notifier does can hold up a call. */
class OffTheCallPathTest {

  static final ContactCenterConfig CONFIG = ConfigLoader.load(Path.of("..", "examples", "contact-center.json"));
  static final Instant T0 = Instant.parse("2026-11-25T14:00:00Z");

  final ManualTime timers = new ManualTime(T0);
  final CountDownLatch release = new CountDownLatch(1);
  NotificationDispatcher dispatcher;

  @AfterEach
  void tearDown() {
    release.countDown();
    if (dispatcher != null) {
      dispatcher.close();
    }
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(5);
    }
  }

  /** Blocks until released (or interrupted by close), then delivers. */
  final class Hanging implements EmergencyNotifier {
    final CountDownLatch entered = new CountDownLatch(1);

    @Override
    public String id() {
      return "hang";
    }

    @Override
    public NotificationOutcome send(EmergencyNotification n) {
      entered.countDown();
      try {
        release.await();
        return new NotificationOutcome.Delivered("late-" + n.callId());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new NotificationOutcome.Failed(RemoteFailure.of(RemoteFailure.Kind.TRANSIENT, "interrupted"));
      }
    }
  }

  @Test
  @Timeout(30)
  @DisplayName("a notifier that blocks forever: route returns at once, every other notifier still delivers, the hang is recorded")
  void hangingNotifier() throws Exception {
    Hanging hang = new Hanging();
    ScriptedNotifier desk = ScriptedNotifier.delivering("desk");
    AtomicInteger ids = new AtomicInteger();
    dispatcher = NotificationDispatcher.builder().group("security", hang, desk).clock(timers.clock).scheduler(timers)
        .workerThreads(2).callIds(() -> "call-" + ids.incrementAndGet()).build();
    LocationService locations = LocationService.builder(CONFIG).clock(timers.clock).build();
    EmergencyRouter router = EmergencyRouter.create(locations, CONFIG, "acme.example",
        dispatcher.routerListener(id -> "Agent " + id));

    for (int i = 0; i < 3; i++) {
      // if dispatch ran a notifier on this thread, this would never return and the @Timeout would fail the test
      assertThat(router.route("maria", "911", null)).isInstanceOf(EmergencyRoute.Emergency.class);
    }
    assertThat(hang.entered.await(10, TimeUnit.SECONDS)).isTrue();
    await("the desk delivered all three calls", () -> desk.sends() == 3);
    for (String id : List.of("call-1", "call-2", "call-3")) {
      await(id + " is delivered", () -> dispatcher.status(id).map(s -> s.state() == CallStatus.State.DELIVERED).orElse(false));
    }
    assertThat(desk.received()).extracting(EmergencyNotification::agentName).containsOnly("Agent maria");

    timers.advance(Duration.ofSeconds(30)); // the attempt watchdog of the hanging attempt
    assertThat(dispatcher.attempts("call-1")).filteredOn(a -> a.notifierId().equals("hang")).singleElement()
        .satisfies(a -> {
          assertThat(a.outcome()).isEqualTo(new AttemptOutcome.NoAnswer(Duration.ofSeconds(30)));
          assertThat(a.willRetry()).isTrue();
        });
    assertThat(dispatcher.status("call-1").orElseThrow().settled()).as("the hanging delivery is still being retried").isFalse();

    release.countDown();
    for (String id : List.of("call-1", "call-2", "call-3")) {
      await(id + " settles", () -> dispatcher.status(id).map(CallStatus::settled).orElse(false));
    }
    assertThat(dispatcher.attempts("call-1")).filteredOn(a -> a.notifierId().equals("hang"))
        .extracting(DeliveryAttempt::outcome).containsExactly(new AttemptOutcome.NoAnswer(Duration.ofSeconds(30)),
            new AttemptOutcome.Delivered("late-call-1"));
    assertThat(dispatcher.activeCalls()).isZero();
  }

  @Test
  @Timeout(60)
  @DisplayName("many threads dispatching at once into a small queue: every call is accepted or rejected-and-counted, and every accepted one delivered once")
  void concurrentDispatch() throws Exception {
    ScriptedNotifier desk = ScriptedNotifier.delivering("desk");
    dispatcher = NotificationDispatcher.builder().group("security", desk).clock(timers.clock).scheduler(timers)
        .workerThreads(2).maxConcurrentPerNotifier(2).queueSize(20).build();
    int threads = 6;
    int perThread = 150;
    List<DispatchResult> results = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> callers = new java.util.ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread th = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < perThread; i++) {
          results.add(dispatcher.dispatch(NotificationDispatcherTest.call("t" + id + "-" + i)));
        }
      });
      th.start();
      callers.add(th);
    }
    start.countDown();
    for (Thread th : callers) {
      th.join();
    }
    assertThat(results).hasSize(threads * perThread);
    List<String> accepted = results.stream().filter(r -> r instanceof DispatchResult.Accepted).map(DispatchResult::callId).toList();
    long rejected = results.stream().filter(r -> r instanceof DispatchResult.Rejected).count();
    assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOfAny(DispatchResult.Accepted.class, DispatchResult.Rejected.class));
    assertThat(accepted.size() + rejected).isEqualTo(threads * perThread);
    assertThat(dispatcher.overflowCount()).isEqualTo(rejected);
    await("every accepted call settles", () -> dispatcher.activeCalls() == 0);
    assertThat(desk.sends()).isEqualTo(accepted.size());
    for (String id : accepted) {
      assertThat(dispatcher.attempts(id)).singleElement().satisfies(a -> assertThat(a.outcome().delivered()).isTrue());
    }
  }

  @Test
  @DisplayName("the notification of a route carries the callback number presented, the location sent, its verification and warnings")
  void notificationOfARoute() {
    LocationService locations = LocationService.builder(CONFIG).clock(timers.clock).build();
    EmergencyRouter router = EmergencyRouter.create(locations, CONFIG, "acme.example", e -> { });
    EmergencyRoute.Emergency route = (EmergencyRoute.Emergency) router.route("maria", "911", null);
    EmergencyNotification n = NotificationDispatcher.notification(route, "c1", "Maria Lopez", T0);
    assertThat(n.callbackNumber()).isEqualTo(route.callbackNumber().orElseThrow().e164())
        .isEqualTo(route.presentedNumber().orElseThrow().value());
    assertThat(n.location()).isEqualTo(route.location().orElseThrow().address().oneLine()).isNotBlank();
    assertThat(n.verification()).isEqualTo(route.location().orElseThrow().verification());
    assertThat(n.warnings()).isEqualTo(route.warnings()).isNotEmpty();
    assertThat(n.isTest()).isFalse();
    assertThat(n.agentId()).isEqualTo("maria");

    EmergencyRoute.Emergency test = EmergencyRoute.Emergency.builder(Classification.EMERGENCY_TEST, "933", "maria")
        .notifyOnSite(true).build();
    EmergencyNotification t = NotificationDispatcher.notification(test, "t1", "", T0);
    assertThat(t.isTest()).isTrue();
    assertThat(t.callbackNumber()).isEmpty();
    assertThat(t.location()).isEmpty();
  }

  @Test
  @DisplayName("a route whose rule does not ask for notification is not dispatched")
  void notRequired() {
    ScriptedNotifier desk = ScriptedNotifier.delivering("desk");
    dispatcher = NotificationDispatcher.builder().group("security", desk).clock(timers.clock).scheduler(timers)
        .executor(timers).build();
    LocationService locations = LocationService.builder(CONFIG).clock(timers.clock).build();
    EmergencyRouter router = EmergencyRouter.create(locations, CONFIG, "acme.example", e -> { });
    EmergencyRoute.Emergency test = (EmergencyRoute.Emergency) router.route("maria", "933", null);
    assertThat(test.notifyOnSite()).isFalse(); // the example configuration's 933 rule
    assertThat(dispatcher.dispatch(test, "Maria")).isInstanceOf(DispatchResult.NotRequired.class);
    timers.runReady();
    assertThat(desk.sends()).isZero();
  }
}
