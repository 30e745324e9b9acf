package dev.e911.core.store;

import static dev.e911.core.store.StoreSamples.T0;
import static dev.e911.core.store.StoreSamples.atHome;
import static dev.e911.core.store.StoreSamples.changeFor;
import static dev.e911.core.store.StoreSamples.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.e911.api.location.AgentLocation;
import dev.e911.api.spi.LocationStore;
import dev.e911.api.spi.Secret;
import dev.e911.api.spi.StoreException;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import dev.e911.core.store.StoredDataException.Problem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the JDBC store has: its schema, what it refuses to read back, and what its errors never say. */
@DisplayName("JdbcLocationStore")
class JdbcLocationStoreTest {

  private final String url = TestDatabases.newH2Memory("jdbc");

  @AfterEach
  void shutdown() {
    TestDatabases.shutdownH2(url);
  }

  private void sql(String statement, Object... args) {
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        PreparedStatement p = c.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        p.setObject(i + 1, args[i]);
      }
      p.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> column(String query) {
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> tables() {
    // lower-cased here, not with SQL LOWER(): H2 lower-cases in the JVM's locale (tr turns I into ı)
    return column("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY 1").stream()
        .map(t -> t.toLowerCase(Locale.ROOT)).toList();
  }

  private static void saveMaria(LocationStore store) {
    AgentLocation maria = atHome("maria", T0);
    store.save(maria, 0, changeFor(maria, ""));
  }

  /** Every message in the chain of {@code t}, causes and SQL next-exceptions included. */
  private static String messages(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
      all.append(x).append('\n');
      if (x instanceof SQLException sql && sql.getNextException() != null) {
        all.append(messages(sql.getNextException()));
      }
    }
    return all.toString();
  }

  @Nested
  @DisplayName("Schema")
  class Schema {

    @Test
    @DisplayName("build() touches nothing; the first call creates every table and records version 1")
    void createdOnFirstUse() {
      try (LocationStore store = TestDatabases.h2(url).build()) {
        assertThat(tables()).isEmpty();
        assertThat(store.currentSequence()).isZero();
        assertThat(tables()).containsExactly("e911_agent_location", "e911_change_counter", "e911_location_history",
            "e911_outbox", "e911_schema_version");
        assertThat(column("SELECT version FROM e911_schema_version")).containsExactly("1");
      }
    }

    @Test
    @DisplayName("a second store on the same database keeps the data and does not migrate again")
    void reopen() {
      try (LocationStore store = TestDatabases.h2(url).build()) {
        saveMaria(store);
      }
      try (LocationStore store = TestDatabases.h2(url).build()) {
        assertThat(store.find("maria")).isPresent();
        assertThat(store.currentSequence()).isEqualTo(1);
      }
      assertThat(column("SELECT version FROM e911_schema_version")).containsExactly("1");
    }

    @Test
    @DisplayName("a database at a newer schema version is refused, saying so")
    void newerSchema() {
      try (LocationStore store = TestDatabases.h2(url).build()) {
        store.currentSequence();
      }
      sql("INSERT INTO e911_schema_version (version, description, applied_at) VALUES (2, 'future', CURRENT_TIMESTAMP)");
      try (LocationStore store = TestDatabases.h2(url).build()) {
        assertThatThrownBy(() -> store.find("maria")).isInstanceOf(StoreException.class)
            .hasMessageContaining("version 2").hasMessageContaining("newer");
      }
    }

    @Test
    @DisplayName("with createSchema(false) an empty database is refused and a migrated one is used")
    void noCreate() {
      try (LocationStore store = TestDatabases.h2(url).createSchema(false).build()) {
        assertThatThrownBy(store::currentSequence).isInstanceOf(StoreException.class).hasMessageContaining("version 0");
      }
      assertThat(tables()).isEmpty();
      try (LocationStore store = TestDatabases.h2(url).build()) {
        saveMaria(store);
      }
      try (LocationStore store = TestDatabases.h2(url).createSchema(false).build()) {
        assertThat(store.find("maria")).isPresent();
      }
    }

    @Test
    @DisplayName("stores with different table prefixes in one database know nothing of each other")
    void prefixes() {
      try (LocationStore blue = TestDatabases.h2(url).tablePrefix("blue_").build();
          LocationStore green = TestDatabases.h2(url).tablePrefix("green_").build()) {
        saveMaria(blue);
        assertThat(green.find("maria")).isEmpty();
        assertThat(green.currentSequence()).isZero();
        assertThat(tables()).contains("blue_schema_version", "green_schema_version", "blue_outbox", "green_outbox");
      }
    }

    @Test
    @DisplayName("the application's DataSource is used, and stays usable after the store closes")
    void dataSource() throws SQLException {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL(url);
      ds.setUser("sa");
      try (LocationStore store = JdbcLocationStore.builder().dataSource(ds).clock(TestDatabases.CLOCK).build()) {
        saveMaria(store);
      }
      try (Connection c = ds.getConnection()) {
        assertThat(c.isValid(1)).isTrue();
      }
      assertThat(column("SELECT agent_id FROM e911_agent_location")).containsExactly("maria");
    }
  }

  @Nested
  @DisplayName("Reading back")
  class ReadingBack {

    private LocationStore store;

    private LocationStore withMaria() {
      store = TestDatabases.h2(url).build();
      saveMaria(store);
      store.enqueue(entry("op", T0));
      return store;
    }

    @AfterEach
    void close() {
      store.close();
    }

    @Test
    @DisplayName("a stored location over 64 KiB is refused as TOO_LARGE, naming the row but not its content")
    void tooLarge() {
      withMaria();
      sql("UPDATE e911_agent_location SET location_json = ? WHERE agent_id = 'maria'", "{\"pad\":\"" + "z".repeat(70_000) + "\"}");
      StoredDataException e = catchThrowableOfType(StoredDataException.class, () -> store.find("maria"));
      assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
      assertThat(e.table()).isEqualTo("e911_agent_location");
      assertThat(e.key()).isEqualTo("maria");
      assertThat(e.getMessage()).doesNotContain("zzz");
    }

    @Test
    @DisplayName("a stored location just under 64 KiB is read, and refused for what it is, not for its size")
    void multiByteUnderLimitIsJudgedByBytes() {
      withMaria();
      sql("UPDATE e911_agent_location SET location_json = ? WHERE agent_id = 'maria'", "\"" + "é".repeat(33_000) + "\"");
      assertThat(catchThrowableOfType(StoredDataException.class, () -> store.find("maria")).problem())
          .as("33,000 two-byte characters are 66,000 bytes").isEqualTo(Problem.TOO_LARGE);
      sql("UPDATE e911_agent_location SET location_json = ? WHERE agent_id = 'maria'", "\"" + "e".repeat(60_000) + "\"");
      assertThat(catchThrowableOfType(StoredDataException.class, () -> store.find("maria")).problem())
          .isEqualTo(Problem.UNREADABLE);
    }

    @Test
    @DisplayName("a stored location that is not an AgentLocation is refused as UNREADABLE")
    void unreadable() {
      withMaria();
      sql("UPDATE e911_agent_location SET location_json = '{\"nope\": 1}' WHERE agent_id = 'maria'");
      StoredDataException e = catchThrowableOfType(StoredDataException.class, () -> store.find("maria"));
      assertThat(e.problem()).isEqualTo(Problem.UNREADABLE);
      assertThat(e.getMessage()).contains("e911_agent_location").contains("maria");
    }

    @Test
    @DisplayName("a row holding another agent's location is refused as UNREADABLE")
    void otherAgent() {
      withMaria();
      sql("UPDATE e911_agent_location SET agent_id = 'li' WHERE agent_id = 'maria'");
      assertThat(catchThrowableOfType(StoredDataException.class, () -> store.find("li")).problem())
          .isEqualTo(Problem.UNREADABLE);
    }

    @Test
    @DisplayName("a history row with an unknown source is refused as UNREADABLE")
    void unknownEnum() {
      withMaria();
      sql("UPDATE e911_location_history SET source = 'GUESSED'");
      assertThat(catchThrowableOfType(StoredDataException.class, () -> store.history("maria", 10)).problem())
          .isEqualTo(Problem.UNREADABLE);
    }

    @Test
    @DisplayName("an outbox payload over 64 KiB in the database is refused as TOO_LARGE, naming the entry")
    void payloadTooLarge() {
      withMaria();
      sql("UPDATE e911_outbox SET payload = ? WHERE id = 'op'", "p".repeat(70_000));
      StoredDataException e = catchThrowableOfType(StoredDataException.class, () -> store.due(T0, 10));
      assertThat(e.problem()).isEqualTo(Problem.TOO_LARGE);
      assertThat(e.key()).isEqualTo("op");
    }
  }

  @Nested
  @DisplayName("Credentials")
  class Credentials {

    @Test
    @DisplayName("a connection failure names the database without the password or URL credentials")
    void unknownDriver() {
      Secret password = Secret.of("hunter2-Pw");
      try (LocationStore store = JdbcLocationStore.builder()
          .url("jdbc:nosuchdb://dbuser:hunter2-Pw@db.example.test:5432/e911?password=hunter2-Pw&ssl=true")
          .user("dbuser").password(password).clock(TestDatabases.CLOCK).build()) {
        StoreException e = catchThrowableOfType(StoreException.class, store::currentSequence);
        assertThat(e.getMessage()).contains("jdbc:nosuchdb://db.example.test:5432/e911");
        assertThat(messages(e)).doesNotContain("hunter2-Pw");
        assertThat(store.toString()).doesNotContain("hunter2-Pw").doesNotContain("dbuser:");
      }
    }

    @Test
    @DisplayName("a wrong password is reported without the password tried or the one in the URL")
    void wrongPassword(@TempDir Path dir) throws SQLException {
      String file = "jdbc:h2:file:" + dir.resolve("locked").toAbsolutePath();
      DriverManager.getConnection(file, "owner", "right-Pw-1").close();
      try (LocationStore store = JdbcLocationStore.builder().url(file).user("owner").password(Secret.of("wrong-Pw-2"))
          .clock(TestDatabases.CLOCK).build()) {
        assertThat(messages(catchThrowableOfType(StoreException.class, store::currentSequence)))
            .doesNotContain("wrong-Pw-2").doesNotContain("right-Pw-1");
      }
      try (LocationStore store = JdbcLocationStore.builder().url(file + ";USER=owner;PASSWORD=wrong-Pw-3")
          .clock(TestDatabases.CLOCK).build()) {
        assertThat(messages(catchThrowableOfType(StoreException.class, store::currentSequence)))
            .doesNotContain("wrong-Pw-3");
      }
    }
  }

  @Nested
  @DisplayName("Builder")
  class BuilderRules {

    @Test
    @DisplayName("every problem is reported at once")
    void allAtOnce() {
      InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> JdbcLocationStore.builder()
          .tablePrefix("Drop Table;").idleConnections(0).build());
      assertThat(e.violations()).extracting(Violation::path)
          .containsExactlyInAnyOrder("url", "tablePrefix", "clock", "idleConnections");
    }

    @Test
    @DisplayName("a URL that is not JDBC is refused without echoing it, and so are a DataSource and URL together")
    void urlRules() {
      InvalidValueException e = catchThrowableOfType(InvalidValueException.class, () -> JdbcLocationStore.builder()
          .url("postgres://u:s3cret-Pw@h/db").clock(TestDatabases.CLOCK).build());
      assertThat(e.violations()).extracting(Violation::rule).containsExactly("jdbc-url");
      assertThat(messages(e)).doesNotContain("s3cret-Pw");
      JdbcDataSource ds = new JdbcDataSource();
      assertThat(catchThrowableOfType(InvalidValueException.class, () -> JdbcLocationStore.builder().dataSource(ds)
          .url(url).user("sa").clock(TestDatabases.CLOCK).build()).violations()).extracting(Violation::rule)
          .containsExactlyInAnyOrder("exclusive", "exclusive");
    }
  }
}
