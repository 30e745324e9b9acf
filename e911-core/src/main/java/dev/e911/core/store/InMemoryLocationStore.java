package dev.e911.core.store;

import dev.e911.api.location.AgentLocation;
import dev.e911.api.spi.LocationChange;
import dev.e911.api.spi.LocationStore;
import dev.e911.api.spi.OutboxEntry;
import dev.e911.api.spi.StoreException;
import dev.e911.core.store.internal.StoreArguments;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The default {@link LocationStore}: everything in this process's memory, for a single node and for
 * tests. It keeps exactly the promises of the SPI that the JDBC store keeps (the same contract test
 * runs against both): optimistic versions, conflicts as values, history newest first, a change
 * sequence, an idempotent outbox. To stay bounded it keeps the newest {@code historyPerAgent} history
 * rows of each agent (default 1,000) and only their entries in the change feed. Nothing survives the
 * process; use {@link JdbcLocationStore} where state must outlive a restart or be shared by nodes.
 * Thread-safe: every operation runs under one lock, which is ample for location changes (the
 * emergency router never reads the store).
 */
public final class InMemoryLocationStore implements LocationStore {

  private static final Comparator<OutboxEntry> DUE_ORDER =
      Comparator.comparing(OutboxEntry::dueAt).thenComparing(OutboxEntry::id);

  private final int historyPerAgent;
  private final Object lock = new Object();
  private final Map<String, Versioned<AgentLocation>> current = new HashMap<>();
  /** Per agent, newest first: the sequence of each kept history row and the row. */
  private final Map<String, Deque<Row>> history = new HashMap<>();
  private final TreeMap<Long, String> feed = new TreeMap<>();
  private final Map<String, OutboxEntry> outbox = new HashMap<>();
  private long sequence;
  private boolean closed;

  private record Row(long sequence, LocationChange change) {}

  private InMemoryLocationStore(Builder b) {
    this.historyPerAgent = b.historyPerAgent;
  }

  /** A store with the default history bound. */
  public static InMemoryLocationStore create() {
    return builder().build();
  }

  /** Starts a configuration. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<Versioned<AgentLocation>> find(String agentId) {
    StoreArguments.id("agentId", agentId);
    synchronized (lock) {
      open();
      return Optional.ofNullable(current.get(agentId));
    }
  }

  @Override
  public SaveResult save(AgentLocation location, long expectedVersion, LocationChange change,
      List<OutboxEntry> enqueue) {
    LocationChange row = StoreArguments.save(location, expectedVersion, change, enqueue);
    List<OutboxEntry> entries = enqueue.stream().map(StoreArguments::entry).toList();
    synchronized (lock) {
      open();
      Versioned<AgentLocation> now = current.get(location.agentId());
      long currentVersion = now == null ? 0 : now.version();
      if (currentVersion != expectedVersion) {
        return new SaveResult.Conflict(currentVersion);
      }
      long version = expectedVersion + 1;
      long seq = ++sequence;
      current.put(location.agentId(), new Versioned<>(location, version));
      Deque<Row> rows = history.computeIfAbsent(location.agentId(), k -> new ArrayDeque<>());
      rows.addFirst(new Row(seq, row));
      feed.put(seq, location.agentId());
      while (rows.size() > historyPerAgent) {
        feed.remove(rows.removeLast().sequence());
      }
      for (OutboxEntry e : entries) {
        outbox.putIfAbsent(e.id(), e);
      }
      return new SaveResult.Saved(version, seq);
    }
  }

  @Override
  public List<LocationChange> history(String agentId, int limit) {
    StoreArguments.id("agentId", agentId);
    StoreArguments.rows("limit", limit);
    synchronized (lock) {
      open();
      Deque<Row> rows = history.get(agentId);
      if (rows == null) {
        return List.of();
      }
      List<LocationChange> out = new ArrayList<>(Math.min(limit, rows.size()));
      Iterator<Row> it = rows.iterator();
      while (it.hasNext() && out.size() < limit) {
        out.add(it.next().change());
      }
      return List.copyOf(out);
    }
  }

  @Override
  public long currentSequence() {
    synchronized (lock) {
      open();
      return sequence;
    }
  }

  @Override
  public List<Change> changesSince(long sequence, int max) {
    StoreArguments.sequence(sequence);
    StoreArguments.rows("max", max);
    synchronized (lock) {
      open();
      List<Change> out = new ArrayList<>(Math.min(max, feed.size()));
      for (Map.Entry<Long, String> e : feed.tailMap(sequence, false).entrySet()) {
        if (out.size() == max) {
          break;
        }
        out.add(new Change(e.getKey(), e.getValue()));
      }
      return List.copyOf(out);
    }
  }

  @Override
  public boolean enqueue(OutboxEntry entry) {
    OutboxEntry e = StoreArguments.entry(entry);
    synchronized (lock) {
      open();
      return outbox.putIfAbsent(e.id(), e) == null;
    }
  }

  @Override
  public List<OutboxEntry> due(Instant now, int max) {
    Instant at = StoreArguments.instant("now", now);
    StoreArguments.rows("max", max);
    synchronized (lock) {
      open();
      return outbox.values().stream().filter(e -> !e.dueAt().isAfter(at)).sorted(DUE_ORDER).limit(max).toList();
    }
  }

  @Override
  public void complete(String entryId) {
    StoreArguments.id("entryId", entryId);
    synchronized (lock) {
      open();
      outbox.remove(entryId);
    }
  }

  @Override
  public void reschedule(String entryId, Instant next, String error) {
    StoreArguments.id("entryId", entryId);
    Instant at = StoreArguments.instant("next", next);
    String text = StoreArguments.error(error);
    synchronized (lock) {
      open();
      outbox.computeIfPresent(entryId, (id, e) ->
          new OutboxEntry(id, e.kind(), e.agentId(), e.payload(), e.attempts() + 1, at, text));
    }
  }

  /** Discards everything; later calls throw {@link StoreException}. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      current.clear();
      history.clear();
      feed.clear();
      outbox.clear();
    }
  }

  private void open() {
    if (closed) {
      throw new StoreException("the location store is closed");
    }
  }

  @Override
  public String toString() {
    return "InMemoryLocationStore[historyPerAgent=" + historyPerAgent + "]";
  }

  /** Configures an {@link InMemoryLocationStore}. */
  public static final class Builder {
    private int historyPerAgent = 1_000;

    private Builder() {}

    /** How many history rows (and change-feed entries) to keep per agent, newest first; 1 to 1,000,000. */
    public Builder historyPerAgent(int rows) {
      this.historyPerAgent = rows;
      return this;
    }

    /**
     * Builds the store.
     *
     * @throws dev.e911.api.validation.InvalidValueException if a setting is out of range
     */
    public InMemoryLocationStore build() {
      dev.e911.api.validation.Violations.forType("InMemoryLocationStore")
          .check(historyPerAgent < 1 || historyPerAgent > 1_000_000, "historyPerAgent", "range",
              "must be between 1 and 1000000")
          .throwIfAny();
      return new InMemoryLocationStore(this);
    }
  }
}
