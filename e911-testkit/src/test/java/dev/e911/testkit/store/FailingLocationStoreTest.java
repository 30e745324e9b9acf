package dev.e911.testkit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.spi.LocationStore;
import dev.e911.api.spi.OutboxEntry;
import dev.e911.api.spi.StoreException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailingLocationStoreTest {

  @Test
  void downRefusesEveryCallAndCountsThem_upPassesThrough() {
    List<String> reached = new ArrayList<>();
    LocationStore recording = (LocationStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {LocationStore.class},
        (proxy, method, args) -> {
          reached.add(method.getName());
          Class<?> t = method.getReturnType();
          return t == boolean.class ? true : t == long.class ? 7L : t == Optional.class ? Optional.empty() : t == List.class ? List.of() : null;
        });
    FailingLocationStore store = FailingLocationStore.over(recording);
    assertThat(store.enqueue(new OutboxEntry("op-1", "carrier.provision", "maria", "payload", 0, Instant.EPOCH, ""))).isTrue();
    store.down(true);
    assertThat(store.isDown()).isTrue();
    assertThatThrownBy(() -> store.due(Instant.EPOCH, 10)).isInstanceOf(StoreException.class).hasMessageContaining("injected");
    assertThatThrownBy(() -> store.find("maria")).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> store.complete("op-1")).isInstanceOf(StoreException.class);
    assertThat(store.refused()).isEqualTo(3);
    store.down(false);
    assertThat(store.currentSequence()).isEqualTo(7L);
    assertThat(reached).containsExactly("enqueue", "currentSequence");
  }
}
