package dev.e911.testkit.platform;

import dev.e911.api.location.Location;
import dev.e911.api.spi.ConfigurationFix;
import dev.e911.api.spi.PlatformAdapter;
import dev.e911.api.spi.PlatformEvent;
import dev.e911.api.spi.PlatformInventory;
import dev.e911.api.spi.PlatformResult;
import dev.e911.api.spi.RemoteFailure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-process contact-center platform for tests and the CLI demo: it holds an inventory, records
 * every location upsert, user assignment, forced presence change and applied fix, can be told to fail
 * the next operations, and delivers presence events to subscribers when {@link #setPresence} is
 * called (or any event when {@link #emit} is). Idempotent like a real adapter: assigning the same location twice changes nothing the
 * second time. Thread-safe.
 */
public final class InMemoryPlatform implements PlatformAdapter {

  /** One recorded change. */
  public record Change(String kind, String target, String detail) {}

  private final Clock clock;
  private PlatformInventory inventory;
  private final Map<String, Location> locations = new LinkedHashMap<>();
  private final Map<String, String> userLocation = new LinkedHashMap<>();
  private final Map<String, String> presence = new LinkedHashMap<>();
  private final List<Change> changes = new CopyOnWriteArrayList<>();
  private final List<Consumer<PlatformEvent>> subscribers = new CopyOnWriteArrayList<>();
  private int failures;

  /** A platform holding {@code inventory}. */
  public InMemoryPlatform(PlatformInventory inventory, Clock clock) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String id() {
    return "in-memory";
  }

  /** The next {@code times} operations fail with a transient error. */
  public synchronized void failNext(int times) {
    failures = times;
  }

  private synchronized <T> PlatformResult<T> failing() {
    if (failures > 0) {
      failures--;
      return new PlatformResult.Failed<>(RemoteFailure.of(RemoteFailure.Kind.TRANSIENT, "in-memory platform: injected failure"));
    }
    return null;
  }

  @Override
  public synchronized PlatformResult<PlatformInventory> readInventory() {
    PlatformResult<PlatformInventory> f = failing();
    return f != null ? f : new PlatformResult.Ok<>(inventory);
  }

  @Override
  public synchronized PlatformResult<String> upsertLocation(Location location) {
    PlatformResult<String> f = failing();
    if (f != null) {
      return f;
    }
    Location previous = locations.put(location.id(), location);
    if (!location.equals(previous)) {
      changes.add(new Change("upsertLocation", location.id(), location.address().oneLine()));
    }
    return new PlatformResult.Ok<>(location.id());
  }

  @Override
  public synchronized PlatformResult<String> assignLocation(String userId, Location location) {
    PlatformResult<String> f = failing();
    if (f != null) {
      return f;
    }
    upsertLocation(location);
    String previous = userLocation.put(userId, location.id());
    if (!location.id().equals(previous)) {
      changes.add(new Change("assignLocation", userId, location.id() + " (" + location.address().oneLine() + ")"));
    }
    return new PlatformResult.Ok<>(location.id());
  }

  @Override
  public synchronized PlatformResult<String> forceNotReady(String userId, String reason) {
    PlatformResult<String> f = failing();
    if (f != null) {
      return f;
    }
    String previous = presence.put(userId, "Away");
    if (!"Away".equals(previous)) {
      changes.add(new Change("forceNotReady", userId, reason));
    }
    return new PlatformResult.Ok<>("Away");
  }

  @Override
  public synchronized PlatformResult<ConfigurationFix.Outcome> applyFix(ConfigurationFix fix, boolean dryRun) {
    PlatformResult<ConfigurationFix.Outcome> f = failing();
    if (f != null) {
      return f;
    }
    if (!dryRun) {
      changes.add(new Change("applyFix", fix.targetId(), fix.kind() + ": " + fix.description()));
    }
    return new PlatformResult.Ok<>(new ConfigurationFix.Outcome(fix, dryRun, !dryRun, fix.kind() + " on " + fix.targetId()));
  }

  @Override
  public PlatformResult<Subscription> subscribe(Set<String> userIds, Consumer<PlatformEvent> listener) {
    Consumer<PlatformEvent> filtered = e -> {
      if (!(e instanceof PlatformEvent.PresenceChanged p) || userIds.contains(p.userId())) {
        listener.accept(e);
      }
    };
    subscribers.add(filtered);
    return new PlatformResult.Ok<>(() -> subscribers.remove(filtered));
  }

  /** Simulates a user changing presence (e.g. to Available); subscribers are told. */
  public void setPresence(String userId, String newPresence, String routingStatus) {
    synchronized (this) {
      presence.put(userId, newPresence);
    }
    PlatformEvent e = new PlatformEvent.PresenceChanged(userId, newPresence, routingStatus, clock.instant());
    subscribers.forEach(s -> s.accept(e));
  }

  /**
   * Delivers any event to the subscribers as the platform would (presence events still only to those
   * subscribed to the user), e.g. a {@link PlatformEvent.ConnectionChanged} to simulate a dropped stream.
   */
  public void emit(PlatformEvent event) {
    subscribers.forEach(s -> s.accept(java.util.Objects.requireNonNull(event, "event")));
  }

  /** The user's presence as last set. */
  public synchronized String presence(String userId) {
    return presence.getOrDefault(userId, "Offline");
  }

  /** The location assigned to the user, if any. */
  public synchronized java.util.Optional<Location> assignedLocation(String userId) {
    return java.util.Optional.ofNullable(userLocation.get(userId)).map(locations::get);
  }

  /** Every recorded change, in order. */
  public List<Change> changes() {
    return new ArrayList<>(changes);
  }

  /** Replaces the inventory (e.g. after a fix). */
  public synchronized void inventory(PlatformInventory inventory) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
  }
}
