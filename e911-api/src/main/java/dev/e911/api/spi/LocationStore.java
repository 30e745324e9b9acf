package dev.e911.api.spi;

import dev.e911.api.location.AgentLocation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Durable agent-location state: the current claim per agent with an optimistic version, its history,
 * a change sequence other nodes poll to stay in step, and an outbox of pending remote operations.
 * Implementations are thread-safe and may be shared by several nodes (JDBC). Failures throw
 * {@link StoreException}; a version conflict is a value ({@link SaveResult.Conflict}), never a lost update.
 */
public interface LocationStore extends AutoCloseable {

  /** A value with the version it was read at. */
  record Versioned<T>(T value, long version) {
    public Versioned {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The outcome of a conditional write. */
  sealed interface SaveResult {
    /** Written; {@code version} is the new version, {@code sequence} its place in the change feed. */
    record Saved(long version, long sequence) implements SaveResult {}

    /** Someone else wrote first; re-read (current version given) and decide again. */
    record Conflict(long currentVersion) implements SaveResult {}
  }

  /** One entry of the change feed: which agent changed, at which sequence number. */
  record Change(long sequence, String agentId) {
    public Change {
      Objects.requireNonNull(agentId, "agentId");
    }
  }

  /** The agent's current claim, if any. */
  Optional<Versioned<AgentLocation>> find(String agentId);

  /**
   * Writes {@code location} if the stored version is {@code expectedVersion} (0 = must not exist yet),
   * appending {@code change} to the history in the same transaction.
   */
  SaveResult save(AgentLocation location, long expectedVersion, LocationChange change);

  /** The newest history rows of an agent, newest first, at most {@code limit}. */
  List<LocationChange> history(String agentId, int limit);

  /** The highest sequence number written so far (0 when empty). */
  long currentSequence();

  /** Changes after {@code sequence}, oldest first, at most {@code max}. */
  List<Change> changesSince(long sequence, int max);

  /** Records a pending operation; returns false (and changes nothing) if its id is already there. */
  boolean enqueue(OutboxEntry entry);

  /** Pending operations due at {@code now}, oldest first, at most {@code max}. */
  List<OutboxEntry> due(Instant now, int max);

  /** Marks an operation done (removes it). Idempotent. */
  void complete(String entryId);

  /** Records a failed attempt and when to try again. */
  void reschedule(String entryId, Instant next, String error);

  /** Releases connections. */
  @Override
  default void close() {}
}
