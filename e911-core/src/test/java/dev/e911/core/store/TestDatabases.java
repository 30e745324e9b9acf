package dev.e911.core.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.e911.api.spi.Secret;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Databases for the JDBC store tests: private H2 databases, and PostgreSQL when one is configured. */
final class TestDatabases {

  static final Clock CLOCK = Clock.fixed(StoreSamples.T0, ZoneOffset.UTC);

  /** H2 waits this long for a row lock; the store's transactions are short, so waits are too. */
  static final String H2_OPTIONS = ";LOCK_TIMEOUT=10000";

  static final String POSTGRES_URL = "E911_TEST_POSTGRES_URL";
  static final String POSTGRES_USER = "E911_TEST_POSTGRES_USER";
  static final String POSTGRES_PASSWORD = "E911_TEST_POSTGRES_PASSWORD";

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestDatabases() {}

  /** A new in-memory H2 database that lives until {@link #shutdownH2(String)}. */
  static String newH2Memory(String name) {
    return "jdbc:h2:mem:" + name + "-" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1" + H2_OPTIONS;
  }

  /** An H2 database in a file under {@code dir}, writing every commit through (see docs/store.md). */
  static String h2File(Path dir) {
    return "jdbc:h2:file:" + dir.resolve("e911-store").toAbsolutePath() + H2_OPTIONS + ";WRITE_DELAY=0";
  }

  /** Kills an H2 database as a killed process would: files closed without writing anything pending. */
  static void killH2(String url) {
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN IMMEDIATELY");
    } catch (SQLException e) {
      // the connection dies with the database
    }
  }

  static JdbcLocationStore.Builder h2(String url) {
    return JdbcLocationStore.builder().url(url).user("sa").clock(CLOCK);
  }

  static void shutdownH2(String url) {
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The PostgreSQL test database from the environment, or the test is skipped with the reason. */
  static Postgres postgres() {
    Map<String, String> env = System.getenv();
    Optional<String> url = Optional.ofNullable(env.get(POSTGRES_URL)).filter(s -> !s.isBlank());
    assumeTrue(url.isPresent(), () -> "PostgreSQL tests skipped: set " + POSTGRES_URL + " (e.g. jdbc:postgresql://127.0.0.1:5432/e911test), "
        + POSTGRES_USER + " and " + POSTGRES_PASSWORD + " to run the store contract against PostgreSQL");
    Postgres pg = new Postgres(url.get(), env.getOrDefault(POSTGRES_USER, "postgres"),
        Optional.ofNullable(env.get(POSTGRES_PASSWORD)).filter(s -> !s.isBlank()).map(Secret::of));
    try (Connection c = pg.connect()) {
      assumeTrue(c.isValid(5), "PostgreSQL tests skipped: the server at " + POSTGRES_URL + " does not answer");
    } catch (SQLException e) {
      assumeTrue(false, "PostgreSQL tests skipped: cannot connect to the server at " + POSTGRES_URL + " (SQLState "
          + e.getSQLState() + ")");
    }
    return pg;
  }

  /** A PostgreSQL database the tests may create and drop prefixed tables in. */
  record Postgres(String url, String user, Optional<Secret> password) {

    Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password.map(Secret::reveal).orElse(null));
    }

    /** A table prefix no other test uses. */
    String newPrefix() {
      return "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet() + "_";
    }

    JdbcLocationStore.Builder store(String prefix) {
      JdbcLocationStore.Builder b = JdbcLocationStore.builder().url(url).user(user).clock(CLOCK).tablePrefix(prefix);
      password.ifPresent(b::password);
      return b;
    }

    /** Drops every table (and so its indexes) whose name starts with {@code prefix}. */
    void drop(String prefix) {
      try (Connection c = connect()) {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, null, prefix.replace("_", "\\_") + "%", new String[] {"TABLE"})) {
          while (rs.next()) {
            tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
          }
        }
        try (Statement s = c.createStatement()) {
          for (String t : tables) {
            s.execute("DROP TABLE IF EXISTS " + t);
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("could not drop the test tables " + prefix + "*", e);
      }
    }
  }
}
