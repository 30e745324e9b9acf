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
  default SaveResult save(AgentLocation location, long expectedVersion, LocationChange change) {
    return save(location, expectedVersion, change, List.of());
  }

  /**
   * As {@link #save(AgentLocation, long, LocationChange)}, and in the same transaction records
   * {@code enqueue} in the outbox, so a state change and the remote operations it calls for are
   * written together or not at all (an entry whose id is already there is left as it is). On a
   * {@link SaveResult.Conflict} nothing is written and nothing is enqueued.
   */
  SaveResult save(AgentLocation location, long expectedVersion, LocationChange change, List<OutboxEntry> enqueue);

  /** The newest history rows of an agent, newest first, at most {@code limit}. */
  List<LocationChange> history(String agentId, int limit);

  /** The highest sequence number written so far (0 when empty). */
  long currentSequence();

  /** Changes after {@code sequence}, oldest first, at most {@code max}. */
  List<Change> changesSince(long sequence, int max);

  /** Records a pending operation; returns false (and changes nothing) if its id is already there. */
  boolean enqueue(OutboxEntry entry);

  /** Pending operations due at {@code now}, earliest due time first (ties by id), at most {@code max}. */
  List<OutboxEntry> due(Instant now, int max);

  /** Marks an operation done (removes it). Idempotent. */
  void complete(String entryId);

  /** Records a failed attempt and when to try again; does nothing if the entry is no longer there. */
  void reschedule(String entryId, Instant next, String error);

  /** Releases connections. */
  @Override
  default void close() {}
}
