package dev.e911.core.store.internal;

import dev.e911.api.spi.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Where a JDBC store gets its connections: the embedding application's {@link DataSource} (its pool),
 * or, given a URL, a few connections of the store's own kept open between calls (which also keeps an
 * embedded H2 database open). A connection that failed is closed, never reused.
 */
public abstract class Connections implements AutoCloseable {

  /** A connection for one unit of work. */
  public abstract Connection get() throws SQLException;

  /** Gives a connection back; {@code broken} ones are closed. */
  public abstract void release(Connection connection, boolean broken);

  /** What to call the database in messages (no credentials). */
  public abstract String description();

  @Override
  public abstract void close();

  /** Connections from the application's pool. */
  public static Connections of(DataSource dataSource) {
    return new FromDataSource(dataSource);
  }

  /** Connections the store opens itself, keeping up to {@code idle} of them open. */
  public static Connections of(String url, Optional<String> user, Optional<Secret> password, int idle) {
    return new FromUrl(url, user, password, idle);
  }

  static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException | RuntimeException ignored) {
      // already failing or gone: nothing more to do
    }
  }

  private static final class FromDataSource extends Connections {
    private final DataSource dataSource;

    FromDataSource(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Override
    public Connection get() throws SQLException {
      return dataSource.getConnection();
    }

    @Override
    public void release(Connection connection, boolean broken) {
      closeQuietly(connection);
    }

    @Override
    public String description() {
      return "a DataSource (" + dataSource.getClass().getName() + ")";
    }

    @Override
    public void close() {
      // the application owns its pool
    }
  }

  private static final class FromUrl extends Connections {
    private final String url;
    private final Properties properties = new Properties();
    private final int maxIdle;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    FromUrl(String url, Optional<String> user, Optional<Secret> password, int maxIdle) {
      this.url = url;
      this.maxIdle = maxIdle;
      user.ifPresent(u -> properties.setProperty("user", u));
      password.ifPresent(p -> properties.setProperty("password", p.reveal()));
    }

    @Override
    public Connection get() throws SQLException {
      synchronized (idle) {
        if (closed) {
          throw new SQLException("the store's connections are closed", "08003");
        }
        Connection c = idle.pollFirst();
        if (c != null) {
          return c;
        }
      }
      return DriverManager.getConnection(url, properties);
    }

    @Override
    public void release(Connection connection, boolean broken) {
      synchronized (idle) {
        if (!broken && !closed && idle.size() < maxIdle) {
          idle.addFirst(connection);
          return;
        }
      }
      closeQuietly(connection);
    }

    @Override
    public String description() {
      return Redaction.describe(url);
    }

    @Override
    public void close() {
      synchronized (idle) {
        closed = true;
        idle.forEach(Connections::closeQuietly);
        idle.clear();
      }
    }
  }
}
