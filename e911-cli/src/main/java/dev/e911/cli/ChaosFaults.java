package dev.e911.cli;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierCapabilities;
import dev.e911.api.spi.EmergencyNotification;
import dev.e911.api.spi.EmergencyNotifier;
import dev.e911.api.spi.LocationChange;
import dev.e911.api.spi.LocationStore;
import dev.e911.api.spi.NotificationOutcome;
import dev.e911.api.spi.OutboxEntry;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.spi.StoreException;
import dev.e911.core.store.InMemoryLocationStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The faults {@code e911 chaos} puts in front of the real store, carrier and notifier; each can be switched on. */
final class ChaosFaults {

  private ChaosFaults() {}

  /** Waits until released (the scenario's end), at most a minute. */
  private static void hangUntil(CountDownLatch release) {
    try {
      release.await(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An in-memory store that throws {@link StoreException} on every call while {@link #down} is set. */
  static final class Store implements LocationStore {
    final AtomicBoolean down = new AtomicBoolean();
    private final InMemoryLocationStore delegate = InMemoryLocationStore.create();

    private void check() {
      if (down.get()) {
        throw new StoreException("store down (injected by e911 chaos)");
      }
    }

    @Override
    public Optional<Versioned<AgentLocation>> find(String agentId) {
      check();
      return delegate.find(agentId);
    }

    @Override
    public SaveResult save(AgentLocation location, long expectedVersion, LocationChange change, List<OutboxEntry> enqueue) {
      check();
      return delegate.save(location, expectedVersion, change, enqueue);
    }

    @Override
    public List<LocationChange> history(String agentId, int limit) {
      check();
      return delegate.history(agentId, limit);
    }

    @Override
    public long currentSequence() {
      check();
      return delegate.currentSequence();
    }

    @Override
    public List<Change> changesSince(long sequence, int max) {
      check();
      return delegate.changesSince(sequence, max);
    }

    @Override
    public boolean enqueue(OutboxEntry entry) {
      check();
      return delegate.enqueue(entry);
    }

    @Override
    public List<OutboxEntry> due(Instant now, int max) {
      check();
      return delegate.due(now, max);
    }

    @Override
    public void complete(String entryId) {
      check();
      delegate.complete(entryId);
    }

    @Override
    public void reschedule(String entryId, Instant next, String error) {
      check();
      delegate.reschedule(entryId, next, error);
    }
  }

  /** The configuration's carrier, whose every call hangs while {@link #hang} is set (until released). */
  static final class Carrier implements CarrierAdapter {
    final AtomicBoolean hang = new AtomicBoolean();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CarrierAdapter delegate;

    Carrier(CarrierAdapter delegate) {
      this.delegate = delegate;
    }

    void release() {
      hang.set(false);
      release.countDown();
    }

    private void maybeHang() {
      if (hang.get()) {
        hangUntil(release);
      }
    }

    @Override
    public String id() {
      return delegate.id();
    }

    @Override
    public CarrierCapabilities capabilities() {
      return delegate.capabilities();
    }

    @Override
    public AddressValidationResult validate(DispatchableAddress address) {
      maybeHang();
      return delegate.validate(address);
    }

    @Override
    public ProvisioningResult provision(Binding binding) {
      maybeHang();
      return delegate.provision(binding);
    }

    @Override
    public ProvisioningResult remove(BindingKey key) {
      maybeHang();
      return delegate.remove(key);
    }

    @Override
    public ReadBackResult readBack(BindingKey key) {
      maybeHang();
      return delegate.readBack(key);
    }
  }

  /** An on-site notifier that records deliveries, and hangs while {@link #hang} is set (until released). */
  static final class Notifier implements EmergencyNotifier {
    final AtomicBoolean hang = new AtomicBoolean();
    private final CountDownLatch release = new CountDownLatch(1);

    void release() {
      hang.set(false);
      release.countDown();
    }

    @Override
    public String id() {
      return "chaos-desk";
    }

    @Override
    public NotificationOutcome send(EmergencyNotification notification) {
      if (hang.get()) {
        hangUntil(release);
      }
      return new NotificationOutcome.Delivered("chaos-" + notification.hashCode());
    }
  }
}
