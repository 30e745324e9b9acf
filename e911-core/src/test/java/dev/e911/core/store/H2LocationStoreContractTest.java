package dev.e911.core.store;

import dev.e911.api.spi.LocationStore;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JdbcLocationStore on H2 keeps the LocationStore contract")
class H2LocationStoreContractTest extends LocationStoreContract {

  private String url;

  @Override
  protected LocationStore newStore() {
    url = TestDatabases.newH2Memory("contract");
    return TestDatabases.h2(url).build();
  }

  @Override
  protected void cleanUp() {
    TestDatabases.shutdownH2(url);
  }
}
