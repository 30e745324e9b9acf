package dev.e911.testkit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.location.Location;
import dev.e911.api.spi.PlatformEvent;
import dev.e911.api.spi.PlatformInventory;
import dev.e911.api.spi.PlatformResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InMemoryPlatformTest {

  private final InMemoryPlatform platform = new InMemoryPlatform(new PlatformInventory(List.of(), List.of(), List.of()),
      Clock.fixed(Instant.parse("2026-11-25T16:00:00Z"), ZoneOffset.UTC));
  private final Location home = Location.of("home-maria", "Maria (remote)", DispatchableAddress.builder("US").houseNumber("1")
      .streetName("Main").city("Austin").state("TX").postalCode("78701").build());

  @Test
  @DisplayName("assigning the same location twice records one change; forcing Away twice records one")
  void idempotent() {
    assertThat(platform.assignLocation("maria", home)).isInstanceOf(PlatformResult.Ok.class);
    platform.assignLocation("maria", home);
    platform.forceNotReady("maria", "unverified");
    platform.forceNotReady("maria", "unverified");
    assertThat(platform.changes()).extracting(InMemoryPlatform.Change::kind)
        .containsExactly("upsertLocation", "assignLocation", "forceNotReady");
    assertThat(platform.assignedLocation("maria")).hasValue(home);
    assertThat(platform.presence("maria")).isEqualTo("Away");
  }

  @Test
  @DisplayName("injected failures are typed, then service resumes; subscribers see only their users' presence")
  void failuresAndEvents() {
    platform.failNext(1);
    assertThat(platform.assignLocation("maria", home)).isInstanceOf(PlatformResult.Failed.class);
    assertThat(platform.assignLocation("maria", home)).isInstanceOf(PlatformResult.Ok.class);
    List<PlatformEvent> seen = new ArrayList<>();
    PlatformResult.Ok<?> sub = (PlatformResult.Ok<?>) platform.subscribe(Set.of("maria"), seen::add);
    platform.setPresence("maria", "Available", "IDLE");
    platform.setPresence("luis", "Available", "IDLE");
    ((dev.e911.api.spi.PlatformAdapter.Subscription) sub.value()).close();
    platform.setPresence("maria", "Away", "OFF_QUEUE");
    assertThat(seen).hasSize(1);
    assertThat(((PlatformEvent.PresenceChanged) seen.get(0)).presence()).isEqualTo("Available");
  }
}
