package dev.e911.core.store;

import static dev.e911.core.store.StoreSamples.T0;
import static dev.e911.core.store.StoreSamples.atHome;
import static dev.e911.core.store.StoreSamples.changeFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.location.AgentLocation;
import dev.e911.api.spi.LocationChange;
import dev.e911.api.spi.LocationStore.Change;
import dev.e911.api.validation.InvalidValueException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("InMemoryLocationStore")
class InMemoryLocationStoreTest {

  @Test
  @DisplayName("keeps the newest historyPerAgent rows of each agent, and only their entries in the change feed")
  void boundedHistory() {
    try (InMemoryLocationStore store = InMemoryLocationStore.builder().historyPerAgent(2).build()) {
      for (int i = 0; i < 4; i++) {
        AgentLocation a = atHome("maria", T0.plusSeconds(i));
        store.save(a, i, changeFor(a, ""));
      }
      AgentLocation li = atHome("li", T0);
      store.save(li, 0, changeFor(li, ""));
      assertThat(store.history("maria", 10)).extracting(LocationChange::at)
          .containsExactly(T0.plusSeconds(3), T0.plusSeconds(2));
      assertThat(store.changesSince(0, 10)).containsExactly(new Change(3, "maria"), new Change(4, "maria"),
          new Change(5, "li"));
      assertThat(store.currentSequence()).isEqualTo(5);
      assertThat(store.find("maria").orElseThrow().version()).isEqualTo(4);
    }
  }

  @Test
  @DisplayName("a history bound below 1 is refused")
  void bound() {
    assertThatThrownBy(() -> InMemoryLocationStore.builder().historyPerAgent(0).build())
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("historyPerAgent");
  }
}
