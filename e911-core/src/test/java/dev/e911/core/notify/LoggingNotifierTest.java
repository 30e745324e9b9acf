package dev.e911.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.location.VerificationState;
import dev.e911.api.routing.Classification;
import dev.e911.api.spi.EmergencyNotification;
import dev.e911.api.spi.NotificationOutcome;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.validation.InvalidValueException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class LoggingNotifierTest {

  record Logged(String level, String line) {}

  final List<Logged> logged = new CopyOnWriteArrayList<>();

  /** An SLF4J logger that records {@code level("{}", line)} calls. */
  Logger recorder(boolean fail) {
    return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class}, (p, m, args) -> {
      switch (m.getName()) {
        case "info", "warn", "error", "debug", "trace" -> {
          if (fail) {
            throw new IllegalStateException("disk full");
          }
          logged.add(new Logged(m.getName(), String.valueOf(args[1])));
          return null;
        }
        case "getName" -> {
          return "test";
        }
        default -> {
          return m.getReturnType() == boolean.class ? Boolean.TRUE : null;
        }
      }
    });
  }

  @Test
  @DisplayName("a real call is one WARN line with the callback number, the location, its verification and the warning codes")
  void realCall() {
    LoggingNotifier n = LoggingNotifier.builder("security-desk").recipient("SF HQ security desk").logger(recorder(false)).build();
    NotificationOutcome o = n.send(NotificationDispatcherTest.call("c1"));
    assertThat(o).isEqualTo(new NotificationOutcome.Delivered("log:c1"));
    assertThat(logged).singleElement().satisfies(l -> {
      assertThat(l.level()).isEqualTo("warn");
      assertThat(l.line()).doesNotContain("\n")
          .startsWith("e911.notification kind=EMERGENCY label=\"EMERGENCY 911 CALL\" callId=\"c1\" occurredAt=2026-11-25T14:00:00Z")
          .contains("agentName=\"Maria Lopez\"", "callback=\"+15125550117\"", "verification=REMOTE_VERIFIED",
              "location=\"4521 Avenida de los Árboles, Apt 2B, Austin, TX 78745, US\"", "warnings=\"LOCATION_STALE\"",
              "notifier=\"security-desk\"", "recipient=\"SF HQ security desk\"");
    });
  }

  @Test
  @DisplayName("a 933 test call is an INFO line labelled as a test")
  void testCall() {
    LoggingNotifier n = LoggingNotifier.builder("desk").logger(recorder(false)).build();
    n.send(NotificationDispatcherTest.call("t1", Classification.EMERGENCY_TEST));
    assertThat(logged).singleElement().satisfies(l -> {
      assertThat(l.level()).isEqualTo("info");
      assertThat(l.line()).contains("kind=TEST", "do not dispatch", "classification=EMERGENCY_TEST").doesNotContain("recipient=");
    });
  }

  @Test
  @DisplayName("a hostile name cannot forge a second line or break the quoting")
  void injection() {
    LoggingNotifier n = LoggingNotifier.builder("desk").logger(recorder(false)).build();
    n.send(new EmergencyNotification("c1", Instant.EPOCH, Classification.EMERGENCY, "eve",
        "Eve\" callback=\"+10000000000\ne911.notification kind=TEST", "", "", VerificationState.UNVERIFIED, List.of()));
    String line = logged.get(0).line();
    assertThat(line).doesNotContain("\n").contains("agentName=\"Eve\\\" callback=\\\"+10000000000\\ne911.notification kind=TEST\"");
    assertThat(line.split("callback=\"", -1)).hasSize(2);
  }

  @Test
  @DisplayName("a logger that throws is a transient failure, not an exception")
  void failingLogger() {
    LoggingNotifier n = LoggingNotifier.builder("desk").logger(recorder(true)).build();
    NotificationOutcome o = n.send(NotificationDispatcherTest.call("c1"));
    assertThat(o).isInstanceOf(NotificationOutcome.Failed.class);
    assertThat(((NotificationOutcome.Failed) o).failure().kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT);
    assertThat(((NotificationOutcome.Failed) o).failure().message()).doesNotContain("disk full");
  }

  @Test
  @DisplayName("the builder checks the id, recipient and logger at once")
  void builder() {
    assertThatThrownBy(() -> LoggingNotifier.builder("").recipient(null).logger(null).build())
        .isInstanceOf(InvalidValueException.class)
        .satisfies(e -> assertThat(((InvalidValueException) e).violations()).hasSize(3));
  }
}
