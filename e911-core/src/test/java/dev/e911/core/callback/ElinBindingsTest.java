package dev.e911.core.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.phone.Elin;
import dev.e911.api.routing.ElinBinding;
import dev.e911.api.spi.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ElinBindingsTest {

  static final Instant T0 = Instant.parse("2026-11-25T14:00:00Z");
  static final Elin A = Elin.parse("+14155550190", null, Elin.Kind.POOL_ELIN);
  static final Elin B = Elin.parse("+14155550191", null, Elin.Kind.POOL_ELIN);
  static final DispatchableAddress HOME = DispatchableAddress.builder("US").houseNumber("4521")
      .streetName("Avenida de los Árboles").unit("Apt 3C").city("Austin").state("TX").postalCode("78745")
      .validation(new AddressValidation("reference", T0)).build();

  @Test
  @DisplayName("an address that is not dispatchable is never requested")
  void notDispatchable() {
    ElinBindings b = ElinBindings.create(true);
    ElinBindings.Outcome o = b.request(A, "luis", HOME.withoutValidation(), T0);
    assertThat(o.state()).isEqualTo(ElinBinding.NOT_REQUESTED);
    assertThat(o.detail()).contains("not dispatchable");
    assertThat(b.queued()).isZero();
  }

  @Test
  @DisplayName("a full queue refuses a new ELIN (and the route says so) but still takes a newer request for a queued one")
  void boundedQueue() {
    ElinBindings b = ElinBindings.create(true, 1);
    AtomicInteger wakeUps = new AtomicInteger();
    b.onRequest(wakeUps::incrementAndGet);
    assertThat(b.request(A, "luis", HOME, T0).state()).isEqualTo(ElinBinding.UPDATE_REQUESTED);
    ElinBindings.Outcome full = b.request(B, "aisha", HOME, T0);
    assertThat(full.state()).isEqualTo(ElinBinding.NOT_REQUESTED);
    assertThat(full.detail()).contains("queue", "full");
    assertThat(b.request(A, "aisha", HOME, T0.plusSeconds(1)).state()).isEqualTo(ElinBinding.UPDATE_REQUESTED);
    assertThat(b.queued()).isEqualTo(1);
    assertThat(wakeUps).hasValue(2);
  }

  @Test
  @DisplayName("a wake-up that throws never reaches the route")
  void wakeUpFailure() {
    ElinBindings b = ElinBindings.create(true);
    b.onRequest(() -> {
      throw new IllegalStateException("worker gone");
    });
    assertThat(b.request(A, "luis", HOME, T0).state()).isEqualTo(ElinBinding.UPDATE_REQUESTED);
  }

  @Test
  @DisplayName("the outbox entry carries the whole request and reads back equal; another kind or a broken payload reads as nothing")
  void entryRoundTrip() {
    ElinBindings.Request r = new ElinBindings.Request(A, "luis", HOME, T0);
    OutboxEntry e = ElinBindings.entry(r);
    assertThat(e.kind()).isEqualTo(ElinBindings.KIND);
    assertThat(e.id()).startsWith("carrier.elin-binding:+14155550190:").isEqualTo(ElinBindings.entry(r).id());
    assertThat(e.id()).isNotEqualTo(ElinBindings.entry(new ElinBindings.Request(A, "luis", HOME, T0.plusSeconds(1))).id());
    assertThat(e.agentId()).isEqualTo("luis");
    assertThat(ElinBindings.read(e)).hasValue(r);
    assertThat(ElinBindings.read(new OutboxEntry("x", "carrier.provision", "luis", e.payload(), 0, T0, ""))).isEmpty();
    assertThat(ElinBindings.read(new OutboxEntry("x", ElinBindings.KIND, "luis", "+14155550190\nluis\nnot-a-time\n{}", 0, T0, "")))
        .isEmpty();
    assertThat(ElinBindings.latestPending(List.of(e, ElinBindings.entry(new ElinBindings.Request(A, "aisha", HOME, T0.plusSeconds(9))))))
        .containsEntry("+14155550190", T0.plusSeconds(9));
  }

  @Test
  @DisplayName("a confirmation makes the same caller and address IN_PLACE; another caller on the same ELIN is not")
  void confirmation() {
    ElinBindings b = ElinBindings.create(true);
    b.request(A, "luis", HOME, T0);
    ElinBindings.Request luis = new ElinBindings.Request(A, "luis", HOME, T0);
    assertThat(b.isCurrent(luis)).isTrue();
    b.confirmed(luis);
    assertThat(b.request(A, "luis", HOME, T0.plusSeconds(5)).state()).isEqualTo(ElinBinding.IN_PLACE);
    assertThat(b.request(A, "aisha", HOME, T0.plusSeconds(6)).state()).isEqualTo(ElinBinding.UPDATE_REQUESTED);
    assertThat(b.isCurrent(luis)).as("aisha's request supersedes luis's").isFalse();
  }
}
