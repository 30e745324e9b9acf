package dev.e911.core.store;

import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.spi.LocationChange;
import dev.e911.api.spi.LocationStore;
import dev.e911.api.spi.OutboxEntry;
import dev.e911.api.spi.Secret;
import dev.e911.api.spi.StoreException;
import dev.e911.api.validation.Violations;
import dev.e911.core.json.DomainJson;
import dev.e911.core.json.JsonInputException;
import dev.e911.core.store.StoredDataException.Problem;
import dev.e911.core.store.internal.Connections;
import dev.e911.core.store.internal.Redaction;
import dev.e911.core.store.internal.Schema;
import dev.e911.core.store.internal.StoreArguments;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@link LocationStore} in a SQL database, shared by every node that points at it: H2 (embedded,
 * for one node or tests) and PostgreSQL, with the same portable SQL. The schema (tables named with a
 * prefix, default {@code e911_}) is created on first use and versioned in {@code e911_schema_version}.
 * A save is one transaction: a conditional {@code UPDATE ... WHERE agent_id = ? AND version = ?} (or an
 * insert for version 0), the history row, the next change sequence from a one-row counter that stays
 * locked until commit (so sequences become visible in order and pollers never skip one), and any
 * outbox entries. Two nodes saving the same agent from the same version: one wins, the other gets a
 * {@link SaveResult.Conflict}. Failures are {@link StoreException}s whose messages never carry the
 * password or URL credentials; rows too large or not written by e911 are {@link StoredDataException}s.
 * Build it with {@link #builder()}; it opens no connection until its first call.
 */
public final class JdbcLocationStore implements LocationStore {

  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,29}");
  /** SQL states (and H2 codes in the state field) worth running the transaction again for. */
  private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "HYT00", "90131");
  private static final int ATTEMPTS = 5;
  private static final String DUPLICATE_KEY = "23505";

  private final Connections connections;
  private final Redaction redaction;
  private final Schema schema;
  private final Clock clock;
  private final boolean createSchema;
  private final DomainJson json = DomainJson.create();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object schemaLock = new Object();
  private volatile boolean schemaReady;

  private final String agentTable;
  private final String historyTable;
  private final String counterTable;
  private final String outboxTable;

  private JdbcLocationStore(Builder b) {
    this.redaction = new Redaction(Optional.ofNullable(b.password));
    this.connections = b.dataSource != null
        ? Connections.of(b.dataSource)
        : Connections.of(b.url, Optional.ofNullable(b.user), Optional.ofNullable(b.password), b.idleConnections);
    this.clock = b.clock;
    this.createSchema = b.createSchema;
    this.schema = new Schema(b.tablePrefix, b.clock);
    this.agentTable = b.tablePrefix + "agent_location";
    this.historyTable = b.tablePrefix + "location_history";
    this.counterTable = b.tablePrefix + "change_counter";
    this.outboxTable = b.tablePrefix + "outbox";
  }

  /** Starts a configuration: a {@link DataSource}, or a JDBC URL with user and password; a clock. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<Versioned<AgentLocation>> find(String agentId) {
    StoreArguments.id("agentId", agentId);
    return transaction("find", c -> read(c, agentId));
  }

  private Optional<Versioned<AgentLocation>> read(Connection c, String agentId) throws SQLException {
    int max = StoreArguments.MAX_DOCUMENT_BYTES;
    try (PreparedStatement p = c.prepareStatement("SELECT version, CHAR_LENGTH(location_json), CASE WHEN "
        + "CHAR_LENGTH(location_json) <= " + max + " THEN location_json END FROM " + agentTable + " WHERE agent_id = ?")) {
      p.setString(1, agentId);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long version = rs.getLong(1);
        long chars = rs.getLong(2);
        String text = rs.getString(3);
        if (chars > max || text == null || StoreArguments.utf8Length(text) > max) {
          throw new StoredDataException(Problem.TOO_LARGE, agentTable, agentId,
              "its location is larger than " + max + " bytes");
        }
        AgentLocation location;
        try {
          location = json.read(text, AgentLocation.class);
        } catch (JsonInputException e) {
          throw new StoredDataException(Problem.UNREADABLE, agentTable, agentId,
              "its location does not read as an AgentLocation (" + e.violations().get(0).path() + ": "
                  + e.violations().get(0).rule() + ")");
        }
        if (!location.agentId().equals(agentId)) {
          throw new StoredDataException(Problem.UNREADABLE, agentTable, agentId, "it holds another agent's location");
        }
        return Optional.of(new Versioned<>(location, version));
      }
    }
  }

  @Override
  public SaveResult save(AgentLocation location, long expectedVersion, LocationChange change,
      List<OutboxEntry> enqueue) {
    LocationChange row = StoreArguments.save(location, expectedVersion, change, enqueue);
    List<OutboxEntry> entries = enqueue.stream().map(StoreArguments::entry).toList();
    String document = json.write(location);
    if (StoreArguments.utf8Length(document) > StoreArguments.MAX_DOCUMENT_BYTES) {
      throw new IllegalArgumentException("the location is larger than " + StoreArguments.MAX_DOCUMENT_BYTES + " bytes as JSON");
    }
    String agentId = location.agentId();
    return transaction("save", c -> {
      long seq = nextSequence(c);
      long version = expectedVersion + 1;
      OffsetDateTime now = timestamp(clock.instant());
      if (expectedVersion == 0) {
        Optional<Long> existing = version(c, agentId);
        if (existing.isPresent()) {
          c.rollback();
          return new SaveResult.Conflict(existing.get());
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + agentTable
            + " (agent_id, version, last_seq, location_json, updated_at) VALUES (?, ?, ?, ?, ?)")) {
          p.setString(1, agentId);
          p.setLong(2, version);
          p.setLong(3, seq);
          p.setString(4, document);
          p.setObject(5, now);
          p.executeUpdate();
        }
      } else {
        int updated;
        try (PreparedStatement p = c.prepareStatement("UPDATE " + agentTable
            + " SET version = ?, last_seq = ?, location_json = ?, updated_at = ? WHERE agent_id = ? AND version = ?")) {
          p.setLong(1, version);
          p.setLong(2, seq);
          p.setString(3, document);
          p.setObject(4, now);
          p.setString(5, agentId);
          p.setLong(6, expectedVersion);
          updated = p.executeUpdate();
        }
        if (updated != 1) {
          long current = version(c, agentId).orElse(0L);
          c.rollback();
          return new SaveResult.Conflict(current);
        }
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO " + historyTable + " (seq, agent_id, version, "
          + "changed_at, actor, source, verification, location_id, address, evidence, recorded_at) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        p.setLong(1, seq);
        p.setString(2, agentId);
        p.setLong(3, version);
        p.setObject(4, timestamp(row.at()));
        p.setString(5, row.actor());
        p.setString(6, row.source().name());
        p.setString(7, row.verification().name());
        p.setString(8, row.locationId());
        p.setString(9, row.address());
        p.setString(10, row.evidence());
        p.setObject(11, now);
        p.executeUpdate();
      }
      for (OutboxEntry e : entries) {
        insertIfAbsent(c, e, true);
      }
      return new SaveResult.Saved(version, seq);
    });
  }

  private long nextSequence(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "UPDATE " + counterTable + " SET last_seq = last_seq + 1 WHERE id = 1")) {
      if (p.executeUpdate() != 1) {
        throw new StoreException("the change counter row of " + counterTable + " is missing");
      }
    }
    return counter(c);
  }

  private long counter(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT last_seq FROM " + counterTable + " WHERE id = 1");
        ResultSet rs = p.executeQuery()) {
      if (!rs.next()) {
        throw new StoreException("the change counter row of " + counterTable + " is missing");
      }
      return rs.getLong(1);
    }
  }

  private Optional<Long> version(Connection c, String agentId) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT version FROM " + agentTable + " WHERE agent_id = ?")) {
      p.setString(1, agentId);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  @Override
  public List<LocationChange> history(String agentId, int limit) {
    StoreArguments.id("agentId", agentId);
    StoreArguments.rows("limit", limit);
    return transaction("history", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT seq, changed_at, actor, source, verification, location_id, "
          + "address, evidence FROM " + historyTable + " WHERE agent_id = ? ORDER BY seq DESC FETCH FIRST ? ROWS ONLY")) {
        p.setString(1, agentId);
        p.setInt(2, limit);
        try (ResultSet rs = p.executeQuery()) {
          List<LocationChange> out = new ArrayList<>();
          while (rs.next()) {
            String key = "seq " + rs.getLong(1);
            out.add(new LocationChange(agentId, instant(rs, 2), rs.getString(3),
                constant(LocationSource.class, rs.getString(4), key), constant(VerificationState.class, rs.getString(5), key),
                rs.getString(6), rs.getString(7), rs.getString(8)));
          }
          return List.copyOf(out);
        }
      }
    });
  }

  private <E extends Enum<E>> E constant(Class<E> type, String name, String key) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new StoredDataException(Problem.UNREADABLE, historyTable, key, "not a " + type.getSimpleName() + " name");
    }
  }

  @Override
  public long currentSequence() {
    return transaction("currentSequence", this::counter);
  }

  @Override
  public List<Change> changesSince(long sequence, int max) {
    StoreArguments.sequence(sequence);
    StoreArguments.rows("max", max);
    return transaction("changesSince", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT seq, agent_id FROM " + historyTable
          + " WHERE seq > ? ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
        p.setLong(1, sequence);
        p.setInt(2, max);
        try (ResultSet rs = p.executeQuery()) {
          List<Change> out = new ArrayList<>();
          while (rs.next()) {
            out.add(new Change(rs.getLong(1), rs.getString(2)));
          }
          return List.copyOf(out);
        }
      }
    });
  }

  @Override
  public boolean enqueue(OutboxEntry entry) {
    OutboxEntry e = StoreArguments.entry(entry);
    return transaction("enqueue", c -> insertIfAbsent(c, e, false));
  }

  /** Inserts an entry unless its id is there; a duplicate rolls back to a savepoint, not the transaction. */
  private boolean insertIfAbsent(Connection c, OutboxEntry e, boolean savepoint) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM " + outboxTable + " WHERE id = ?")) {
      p.setString(1, e.id());
      try (ResultSet rs = p.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
    }
    Savepoint before = savepoint ? c.setSavepoint() : null;
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + outboxTable + " (id, kind, agent_id, payload, "
        + "attempts, due_at, last_error, enqueued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, e.id());
      p.setString(2, e.kind());
      p.setString(3, e.agentId());
      p.setString(4, e.payload());
      p.setInt(5, e.attempts());
      p.setObject(6, timestamp(e.dueAt()));
      p.setString(7, e.lastError());
      p.setObject(8, timestamp(clock.instant()));
      p.executeUpdate();
    } catch (SQLException ex) {
      if (!DUPLICATE_KEY.equals(ex.getSQLState())) {
        throw ex;
      }
      if (before != null) {
        c.rollback(before);
      } else {
        c.rollback();
      }
      return false; // someone enqueued the same id meanwhile
    }
    if (before != null) {
      c.releaseSavepoint(before);
    }
    return true;
  }

  @Override
  public List<OutboxEntry> due(Instant now, int max) {
    Instant at = StoreArguments.instant("now", now);
    StoreArguments.rows("max", max);
    int limit = StoreArguments.MAX_DOCUMENT_BYTES;
    return transaction("due", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT id, kind, agent_id, CHAR_LENGTH(payload), CASE WHEN "
          + "CHAR_LENGTH(payload) <= " + limit + " THEN payload END, attempts, due_at, last_error FROM " + outboxTable
          + " WHERE due_at <= ? ORDER BY due_at, id FETCH FIRST ? ROWS ONLY")) {
        p.setObject(1, timestamp(at));
        p.setInt(2, max);
        try (ResultSet rs = p.executeQuery()) {
          List<OutboxEntry> out = new ArrayList<>();
          while (rs.next()) {
            String id = rs.getString(1);
            String payload = rs.getString(5);
            if (rs.getLong(4) > limit || payload == null || StoreArguments.utf8Length(payload) > limit) {
              throw new StoredDataException(Problem.TOO_LARGE, outboxTable, id, "its payload is larger than " + limit + " bytes");
            }
            out.add(new OutboxEntry(id, rs.getString(2), rs.getString(3), payload, rs.getInt(6), instant(rs, 7),
                rs.getString(8)));
          }
          return List.copyOf(out);
        }
      }
    });
  }

  @Override
  public void complete(String entryId) {
    StoreArguments.id("entryId", entryId);
    transaction("complete", c -> {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM " + outboxTable + " WHERE id = ?")) {
        p.setString(1, entryId);
        return p.executeUpdate();
      }
    });
  }

  @Override
  public void reschedule(String entryId, Instant next, String error) {
    StoreArguments.id("entryId", entryId);
    Instant at = StoreArguments.instant("next", next);
    String text = StoreArguments.error(error);
    transaction("reschedule", c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE " + outboxTable
          + " SET attempts = attempts + 1, due_at = ?, last_error = ? WHERE id = ?")) {
        p.setObject(1, timestamp(at));
        p.setString(2, text);
        p.setString(3, entryId);
        return p.executeUpdate();
      }
    });
  }

  /** Closes the store's own connections (a {@link DataSource} stays the application's). Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      connections.close();
    }
  }

  @Override
  public String toString() {
    return "JdbcLocationStore[" + connections.description() + ", tables " + schema.versionTable().replace("schema_version", "*")
        + "]";
  }

  // ---- the transaction template

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T transaction(String operation, Work<T> work) {
    if (closed.get()) {
      throw new StoreException("the location store is closed");
    }
    for (int attempt = 1; ; attempt++) {
      Connection c;
      try {
        c = connections.get();
      } catch (SQLException e) {
        throw failure(operation + ": could not connect to " + connections.description(), e);
      }
      boolean broken = false;
      try {
        ensureSchema(c);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          try {
            c.rollback();
          } catch (SQLException rollback) {
            broken = true;
          }
          throw e;
        } finally {
          try {
            c.setAutoCommit(true);
          } catch (SQLException e) {
            broken = true;
          }
        }
      } catch (SQLException e) {
        String state = Objects.requireNonNullElse(e.getSQLState(), "").toUpperCase(Locale.ROOT);
        broken |= state.startsWith("08");
        if (TRANSIENT.contains(state) && attempt < ATTEMPTS) {
          continue;
        }
        throw failure(operation + " failed on " + connections.description(), e);
      } finally {
        connections.release(c, broken);
      }
    }
  }

  private void ensureSchema(Connection c) throws SQLException {
    if (schemaReady) {
      return;
    }
    synchronized (schemaLock) {
      if (!schemaReady) {
        schema.ensure(c, createSchema);
        schema.warnIfCommitsAreDelayed(c);
        schemaReady = true;
      }
    }
  }

  private StoreException failure(String what, SQLException e) {
    SQLException clean = redaction.scrubbed(e);
    return new StoreException(redaction.scrub(what) + ": " + clean.getMessage() + " [SQLState "
        + Objects.requireNonNullElse(e.getSQLState(), "none") + ", code " + e.getErrorCode() + "]", clean);
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  /**
   * Configures a {@link JdbcLocationStore}. {@link #build()} reports every problem at once and never
   * echoes the URL or password.
   */
  public static final class Builder {
    private DataSource dataSource;
    private String url;
    private String user;
    private Secret password;
    private String tablePrefix = "e911_";
    private Clock clock;
    private boolean createSchema = true;
    private int idleConnections = 4;

    private Builder() {}

    /** Connections from the application's pool (recommended in production). */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /** A JDBC URL, e.g. {@code jdbc:h2:file:/var/lib/e911/store} or {@code jdbc:postgresql://db/e911}. */
    public Builder url(String url) {
      this.url = Objects.requireNonNull(url, "url");
      return this;
    }

    /** The database user for {@link #url(String)}. */
    public Builder user(String user) {
      this.user = Objects.requireNonNull(user, "user");
      return this;
    }

    /** The database password for {@link #url(String)}. */
    public Builder password(Secret password) {
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /** Prefix of every table name: a lower-case letter, then up to 29 of {@code a-z0-9_}; default {@code e911_}. */
    public Builder tablePrefix(String prefix) {
      this.tablePrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /** The clock for bookkeeping timestamps ({@code updated_at}, {@code recorded_at}, {@code enqueued_at}). Required. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Whether the store creates and migrates its schema on first use (default true). With false it
     * only checks the schema is at its version, for databases whose DDL is applied by an administrator.
     */
    public Builder createSchema(boolean create) {
      this.createSchema = create;
      return this;
    }

    /** With a URL: how many connections the store keeps open between calls, 1 to 64 (default 4). */
    public Builder idleConnections(int connections) {
      this.idleConnections = connections;
      return this;
    }

    /**
     * Builds the store; it connects on first use.
     *
     * @throws dev.e911.api.validation.InvalidValueException listing every problem
     */
    public JdbcLocationStore build() {
      Violations v = Violations.forType("JdbcLocationStore");
      v.check(dataSource == null && url == null, "url", "required", "give a DataSource or a JDBC URL");
      v.check(dataSource != null && url != null, "url", "exclusive", "give a DataSource or a JDBC URL, not both");
      v.check(url != null && !url.startsWith("jdbc:"), "url", "jdbc-url", "must start with jdbc:");
      v.check(dataSource != null && (user != null || password != null), "user", "exclusive",
          "a user and password go with a URL; a DataSource brings its own");
      v.check(!PREFIX.matcher(tablePrefix).matches(), "tablePrefix", "syntax",
          "must be a lower-case letter followed by up to 29 of a-z, 0-9 and _");
      v.check(clock == null, "clock", "required", "is required");
      v.check(idleConnections < 1 || idleConnections > 64, "idleConnections", "range", "must be between 1 and 64");
      v.throwIfAny();
      return new JdbcLocationStore(this);
    }
  }
}
