package dev.e911.core.store;

import dev.e911.api.spi.LocationStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/** Runs when {@code E911_TEST_POSTGRES_URL} names a reachable server; skipped with the reason otherwise. */
@DisplayName("Two nodes on one PostgreSQL database stay in step")
class PostgresTwoNodesTest extends TwoNodesContract {

  private static TestDatabases.Postgres pg;
  private String prefix;

  @BeforeAll
  static void needsPostgres() {
    pg = TestDatabases.postgres();
  }

  @Override
  protected LocationStore newNode() {
    if (prefix == null) {
      prefix = pg.newPrefix(); // both nodes of a test share it
    }
    return pg.store(prefix).build();
  }

  @Override
  protected void cleanUp() {
    pg.drop(prefix);
  }
}
