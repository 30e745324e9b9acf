package dev.e911.core.store.internal;

import dev.e911.api.spi.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC store's schema and its migrations. Each migration is a SQL resource
 * ({@code dev/e911/core/store/schema-N.sql}) of idempotent statements with a {@code ${prefix}}
 * placeholder; {@code <prefix>schema_version} records which have run. A new schema version is one
 * more resource and one more line in {@link #MIGRATIONS} (the migration hook). Two nodes may migrate
 * at once: the loser's insert of the version row fails, it re-reads the version and carries on.
 */
public final class Schema {

  private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

  /** One step of the schema. */
  public record Migration(int version, String description, String resource) {}

  /** Every migration, in order. */
  public static final List<Migration> MIGRATIONS = List.of(
      new Migration(1, "agent location, history, change counter, outbox", "schema-1.sql"));

  /** The schema version this library writes and reads. */
  public static final int LATEST = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

  private static final String RESOURCE_DIR = "/dev/e911/core/store/";
  private static final int ATTEMPTS = 3;

  private final String prefix;
  private final Clock clock;

  public Schema(String prefix, Clock clock) {
    this.prefix = prefix;
    this.clock = clock;
  }

  /** The name of the version table. */
  public String versionTable() {
    return prefix + "schema_version";
  }

  /** The statements of {@code migration} with the prefix filled in. */
  public List<String> statements(Migration migration) {
    String text;
    try (InputStream in = Schema.class.getResourceAsStream(RESOURCE_DIR + migration.resource())) {
      if (in == null) {
        throw new StoreException("the schema resource " + migration.resource() + " is missing from the e911-core jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("could not read the schema resource " + migration.resource(), e);
    }
    StringBuilder sql = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (!trimmed.startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    List<String> out = new ArrayList<>();
    for (String statement : sql.toString().replace("${prefix}", prefix).split(";")) {
      if (!statement.isBlank()) {
        out.add(statement.strip());
      }
    }
    return List.copyOf(out);
  }

  /**
   * Brings the schema to {@link #LATEST}, or with {@code create} false only checks it is there.
   * Leaves {@code c} in auto-commit mode.
   */
  public void ensure(Connection c, boolean create) throws SQLException {
    c.setAutoCommit(true);
    if (!create) {
      int version = readVersion(c, false);
      if (version != LATEST) {
        throw new StoreException("the e911 schema (" + versionTable() + ") is at version " + version + ", this library needs "
            + LATEST + "; apply the migrations or let the store create its schema");
      }
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS " + versionTable() + " (version INTEGER NOT NULL PRIMARY KEY, "
            + "description VARCHAR(200) NOT NULL, applied_at TIMESTAMP(6) WITH TIME ZONE NOT NULL)");
        break;
      } catch (SQLException e) {
        // PostgreSQL: two nodes creating the same table at once, the later one fails on pg_type
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
    int version = readVersion(c, true);
    for (Migration m : MIGRATIONS) {
      if (m.version() > version) {
        apply(c, m);
      }
    }
  }

  /**
   * Warns when the database is an H2 file database with a write delay: H2 then keeps the last
   * commits (500 ms by default) only in memory, and a killed process loses them. {@code WRITE_DELAY=0}
   * in the URL writes every commit through.
   */
  public void warnIfCommitsAreDelayed(Connection c) {
    try {
      if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
        return;
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(
              "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
        if (rs.next() && !"0".equals(rs.getString(1).strip())) {
          LOG.warn("e911 location store: this H2 database delays writing commits by {} ms, so a killed process can lose "
              + "confirmed locations and outbox entries; add ;WRITE_DELAY=0 to its JDBC URL", rs.getString(1).strip());
        }
      }
    } catch (SQLException | RuntimeException e) {
      LOG.debug("e911 location store: could not read the H2 write delay", e);
    }
  }

  private void apply(Connection c, Migration m) throws SQLException {
    List<String> statements = statements(m);
    for (int attempt = 1; ; attempt++) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          for (String sql : statements) {
            s.execute(sql);
          }
        }
        try (PreparedStatement p = c.prepareStatement(
            "INSERT INTO " + versionTable() + " (version, description, applied_at) VALUES (?, ?, ?)")) {
          p.setInt(1, m.version());
          p.setString(2, m.description());
          p.setObject(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
          p.executeUpdate();
        }
        c.commit();
        LOG.info("e911 location store: applied schema version {} ({}) with table prefix {}", m.version(),
            m.description(), prefix);
        return;
      } catch (SQLException e) {
        c.rollback();
        c.setAutoCommit(true);
        if (readVersion(c, true) >= m.version()) {
          return; // another node applied it meanwhile
        }
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private int readVersion(Connection c, boolean tableExists) throws SQLException {
    int version;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(version) FROM " + versionTable())) {
      rs.next();
      version = rs.getInt(1);
    } catch (SQLException e) {
      if (!tableExists && isMissingTable(e)) {
        return 0;
      }
      throw e;
    }
    if (version > LATEST) {
      throw new StoreException("the e911 schema (" + versionTable() + ") is at version " + version
          + ", newer than this library understands (" + LATEST + "); upgrade e911 on this node");
    }
    return version;
  }

  private static boolean isMissingTable(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState().toUpperCase(Locale.ROOT);
    return state.equals("42S02") || state.equals("42S04") || state.equals("42P01") || state.equals("42102") || state.equals("42104");
  }
}
