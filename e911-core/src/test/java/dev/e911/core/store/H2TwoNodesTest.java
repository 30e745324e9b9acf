package dev.e911.core.store;

import dev.e911.api.spi.LocationStore;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/** Two stores on one H2 file database, as two nodes in one process (or with AUTO_SERVER, two processes). */
@DisplayName("Two nodes on one H2 database stay in step")
class H2TwoNodesTest extends TwoNodesContract {

  @TempDir
  Path dir;

  @Override
  protected LocationStore newNode() {
    return TestDatabases.h2(TestDatabases.h2File(dir)).build();
  }
}
