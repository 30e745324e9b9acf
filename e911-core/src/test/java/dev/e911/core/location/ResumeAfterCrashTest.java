package dev.e911.core.location;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.location.VerificationState;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.spi.BindingKey;
import dev.e911.core.store.JdbcLocationStore;
import dev.e911.core.testing.MutableClock;
import dev.e911.testkit.reference.ReferenceCarrier;
import dev.e911.testkit.reference.ReferenceDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service dies between "user confirmed" and "carrier provisioned"; a new one on the same H2 file
 * finishes the work: the binding exists exactly once and the agent becomes verified.
 */
class ResumeAfterCrashTest {

  @Test
  @DisplayName("a confirmation whose provisioning was interrupted completes after a restart, once")
  void resumes(@TempDir Path dir) {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T14:00:00Z"));
    String url = "jdbc:h2:file:" + dir.resolve("e911").toAbsolutePath() + ";WRITE_DELAY=0";
    ReferenceDatabase carrierDb = ReferenceDatabase.builder().clock(clock).asynchronous(true).build();
    carrierDb.addAddress(LocationServiceTest.MARIA_HOME.toBuilder().unit(null).build());

    JdbcLocationStore first = JdbcLocationStore.builder().url(url).user("sa").clock(clock).build();
    LocationService before = LocationService.builder(LocationServiceTest.CONFIG).clock(clock).store(first)
        .carrier(ReferenceCarrier.builder(carrierDb).clock(clock).backoff(Duration.ofMillis(1)).orderPolls(1).build()).build();
    before.observe("maria", NetworkObservation.builder(clock.instant()).localAddress("192.168.1.23").build());
    assertThat(before.confirm("maria", LocationServiceTest.MARIA_HOME, "maria")).isInstanceOf(ConfirmOutcome.Pending.class);
    first.close(); // the process dies here: the carrier order is open, the outbox entry is stored

    carrierDb.completeOrders();
    clock.advance(Duration.ofMinutes(5));
    JdbcLocationStore second = JdbcLocationStore.builder().url(url).user("sa").clock(clock).build();
    LocationService after = LocationService.builder(LocationServiceTest.CONFIG).clock(clock).store(second)
        .carrier(ReferenceCarrier.builder(carrierDb).clock(clock).backoff(Duration.ofMillis(1)).orderPolls(1).build()).build();
    assertThat(after.current("maria").orElseThrow().verification()).isEqualTo(VerificationState.UNVERIFIED);
    assertThat(after.processOutbox()).isEqualTo(1);
    assertThat(after.processOutbox()).isZero();
    assertThat(after.current("maria").orElseThrow().verification()).isEqualTo(VerificationState.REMOTE_VERIFIED);
    assertThat(carrierDb.bindingCount(BindingKey.number("+15125550117"))).isEqualTo(1);
    second.close();
  }
}
