package dev.e911.core.store.internal;

import dev.e911.api.location.AgentLocation;
import dev.e911.api.spi.LocationChange;
import dev.e911.api.spi.OutboxEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The argument rules every e911 {@link dev.e911.api.spi.LocationStore} applies the same way, so the
 * in-memory and JDBC stores accept and refuse exactly the same calls: text lengths that fit the SQL
 * columns, instants kept to the microsecond (what SQL timestamps hold) within years 1 to 9999, and
 * bounded reads. Caller mistakes are {@link IllegalArgumentException}s, never store failures.
 */
public final class StoreArguments {

  /** The largest JSON document (UTF-8 bytes) a store writes or reads back: a location or a payload. */
  public static final int MAX_DOCUMENT_BYTES = 64 * 1024;
  /** The most rows one read returns. */
  public static final int MAX_ROWS = 10_000;
  public static final int MAX_AGENT_ID = 128;
  public static final int MAX_ACTOR = 256;
  public static final int MAX_LOCATION_ID = 128;
  public static final int MAX_ADDRESS = 1024;
  public static final int MAX_EVIDENCE = 4096;
  public static final int MAX_ENTRY_ID = 256;
  public static final int MAX_KIND = 64;
  /** Longer error texts given to {@code reschedule} are cut to this many characters. */
  public static final int MAX_ERROR = 2048;

  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private StoreArguments() {}

  /** Checks a save and returns the change with its instant kept to the microsecond. */
  public static LocationChange save(AgentLocation location, long expectedVersion, LocationChange change,
      List<OutboxEntry> enqueue) {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(enqueue, "enqueue");
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must be >= 0 (0 = must not exist yet)");
    }
    if (!change.agentId().equals(location.agentId())) {
      throw new IllegalArgumentException("the change is for another agent than the location");
    }
    Set<String> ids = new HashSet<>();
    for (OutboxEntry e : enqueue) {
      entry(e);
      if (!ids.add(e.id())) {
        throw new IllegalArgumentException("the same outbox entry id is given twice: " + e.id());
      }
    }
    length("change.actor", change.actor(), MAX_ACTOR);
    length("change.locationId", change.locationId(), MAX_LOCATION_ID);
    length("change.address", change.address(), MAX_ADDRESS);
    length("change.evidence", change.evidence(), MAX_EVIDENCE);
    return new LocationChange(change.agentId(), instant("change.at", change.at()), change.actor(), change.source(),
        change.verification(), change.locationId(), change.address(), change.evidence());
  }

  /** Checks an outbox entry and returns it with its due time kept to the microsecond. */
  public static OutboxEntry entry(OutboxEntry entry) {
    Objects.requireNonNull(entry, "entry");
    notEmpty("entry.id", entry.id());
    length("entry.id", entry.id(), MAX_ENTRY_ID);
    notEmpty("entry.kind", entry.kind());
    length("entry.kind", entry.kind(), MAX_KIND);
    length("entry.agentId", entry.agentId(), MAX_AGENT_ID);
    if (utf8Length(entry.payload()) > MAX_DOCUMENT_BYTES) {
      throw new IllegalArgumentException("entry.payload is larger than " + MAX_DOCUMENT_BYTES + " bytes");
    }
    return new OutboxEntry(entry.id(), entry.kind(), entry.agentId(), entry.payload(), entry.attempts(),
        instant("entry.dueAt", entry.dueAt()), error(entry.lastError()));
  }

  /** Checks a bound on rows read. */
  public static int rows(String name, int max) {
    if (max < 1 || max > MAX_ROWS) {
      throw new IllegalArgumentException(name + " must be between 1 and " + MAX_ROWS);
    }
    return max;
  }

  /** Checks a sequence number a reader starts after. */
  public static long sequence(long sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must be >= 0");
    }
    return sequence;
  }

  /** Checks an id. */
  public static String id(String name, String id) {
    Objects.requireNonNull(id, name);
    return id;
  }

  /** Checks an instant and keeps it to the microsecond. */
  public static Instant instant(String name, Instant instant) {
    Objects.requireNonNull(instant, name);
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new IllegalArgumentException(name + " must lie within the years 1 to 9999");
    }
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** An error text cut to {@link #MAX_ERROR} characters (never splitting a surrogate pair). */
  public static String error(String error) {
    Objects.requireNonNull(error, "error");
    if (error.length() <= MAX_ERROR) {
      return error;
    }
    int end = MAX_ERROR;
    if (Character.isHighSurrogate(error.charAt(end - 1))) {
      end--;
    }
    return error.substring(0, end);
  }

  /** The UTF-8 length of {@code text}, without allocating when it is obviously small or large. */
  public static long utf8Length(String text) {
    if (text.length() > MAX_DOCUMENT_BYTES) {
      return text.length();
    }
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static void notEmpty(String name, String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }

  private static void length(String name, String value, int max) {
    if (value.length() > max) {
      throw new IllegalArgumentException(name + " is longer than " + max + " characters");
    }
  }
}
