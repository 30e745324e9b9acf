package dev.e911.core.store;

import dev.e911.api.spi.StoreException;
import java.util.Objects;

/**
 * A row read back from a store is refused: larger than the store reads (a location or payload over
 * 64 KiB) or not a value e911 wrote (JSON that does not read as an {@code AgentLocation}, an unknown
 * enum name, a row filed under another agent). It names the table and key so an operator can find the
 * row, but never quotes the stored content. The store itself is fine; only that row is refused.
 */
public final class StoredDataException extends StoreException {

  private static final long serialVersionUID = 1L;

  /** Why the row was refused. */
  public enum Problem {
    /** Larger than the store is willing to read back. */
    TOO_LARGE,
    /** Not something e911 wrote, or no longer readable by this version. */
    UNREADABLE
  }

  private final Problem problem;
  private final String table;
  private final String key;

  public StoredDataException(Problem problem, String table, String key, String detail) {
    super(Objects.requireNonNull(problem, "problem") + ": the row " + key + " of " + table + " is refused: " + detail);
    this.problem = problem;
    this.table = Objects.requireNonNull(table, "table");
    this.key = Objects.requireNonNull(key, "key");
  }

  public Problem problem() {
    return problem;
  }

  /** The table the row is in. */
  public String table() {
    return table;
  }

  /** The row's key (agent id or outbox entry id). */
  public String key() {
    return key;
  }
}
