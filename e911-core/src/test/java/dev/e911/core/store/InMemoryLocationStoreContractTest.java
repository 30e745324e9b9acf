package dev.e911.core.store;

import dev.e911.api.spi.LocationStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryLocationStore keeps the LocationStore contract")
class InMemoryLocationStoreContractTest extends LocationStoreContract {

  @Override
  protected LocationStore newStore() {
    return InMemoryLocationStore.create();
  }
}
