package dev.e911.cli;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierCapabilities;
import dev.e911.api.spi.EmergencyNotification;
import dev.e911.api.spi.EmergencyNotifier;
import dev.e911.api.spi.NotificationOutcome;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The faults {@code e911 chaos} puts in front of the real carrier and notifier (the store's is the testkit's {@code FailingLocationStore}). */
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
