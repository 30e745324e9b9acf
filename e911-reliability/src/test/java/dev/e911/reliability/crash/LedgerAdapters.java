package dev.e911.reliability.crash;

import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.location.Location;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierCapabilities;
import dev.e911.api.spi.ConfigurationFix;
import dev.e911.api.spi.PlatformAdapter;
import dev.e911.api.spi.PlatformInventory;
import dev.e911.api.spi.PlatformResult;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.spi.RemoteFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/** The child JVM's carrier and platform adapters: plain HTTP against the parent's {@link Ledger}. */
final class LedgerAdapters {

  private LedgerAdapters() {}

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  /** Sends one request; the status, or -1 with no answer. */
  private static int send(URI uri, String method, String body) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static final class Carrier implements CarrierAdapter {
    private final URI base;
    private final Clock clock;

    Carrier(URI base, Clock clock) {
      this.base = base;
      this.clock = clock;
    }

    @Override
    public String id() {
      return "ledger";
    }

    @Override
    public CarrierCapabilities capabilities() {
      return new CarrierCapabilities(true, false, true, false, false, false, false, false, false, false, false);
    }

    @Override
    public AddressValidationResult validate(DispatchableAddress address) {
      int status = send(base.resolve("/carrier/validate"), "POST", address.oneLine());
      return status == 200
          ? new AddressValidationResult.Valid(address.withValidation(new AddressValidation("ledger", clock.instant())))
          : new AddressValidationResult.Failed(RemoteFailure.of(RemoteFailure.Kind.TRANSIENT, "validate: HTTP " + status));
    }

    @Override
    public ProvisioningResult provision(Binding binding) {
      String e164 = ((Binding.NumberBinding) binding).number().e164();
      int status = send(base.resolve(Ledger.numberKey(e164)), "PUT", binding.address().oneLine());
      return status == 200
          ? new ProvisioningResult.Done(binding.key(), "ledger", false)
          : new ProvisioningResult.Failed(binding.key(), RemoteFailure.of(RemoteFailure.Kind.TRANSIENT, "provision: HTTP " + status));
    }

    @Override
    public ProvisioningResult remove(BindingKey key) {
      return new ProvisioningResult.Unsupported(key, "not used by the crash test");
    }

    @Override
    public ReadBackResult readBack(BindingKey key) {
      return new ReadBackResult.Unsupported(key, "not used by the crash test");
    }
  }

  static final class Platform implements PlatformAdapter {
    private final URI base;

    Platform(URI base) {
      this.base = base;
    }

    @Override
    public String id() {
      return "ledger";
    }

    @Override
    public PlatformResult<PlatformInventory> readInventory() {
      return new PlatformResult.Unsupported<>("not used by the crash test");
    }

    @Override
    public PlatformResult<String> upsertLocation(Location location) {
      return new PlatformResult.Unsupported<>("not used by the crash test");
    }

    @Override
    public PlatformResult<String> assignLocation(String userId, Location location) {
      int status = send(base.resolve(Ledger.userKey(userId)), "PUT", location.address().oneLine());
      return status == 200 ? new PlatformResult.Ok<>(location.id())
          : new PlatformResult.Failed<>(RemoteFailure.of(RemoteFailure.Kind.TRANSIENT, "assign: HTTP " + status));
    }

    @Override
    public PlatformResult<String> forceNotReady(String userId, String reason) {
      return new PlatformResult.Unsupported<>("not used by the crash test");
    }

    @Override
    public PlatformResult<ConfigurationFix.Outcome> applyFix(ConfigurationFix fix, boolean dryRun) {
      return new PlatformResult.Unsupported<>("not used by the crash test");
    }
  }
}
