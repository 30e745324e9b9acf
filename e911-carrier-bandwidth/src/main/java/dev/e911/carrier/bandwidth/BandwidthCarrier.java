package dev.e911.carrier.bandwidth;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierCapabilities;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.spi.WebhookRequest;
import dev.e911.api.spi.WebhookResult;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violations;
import dev.e911.carrier.bandwidth.internal.Context;
import dev.e911.carrier.bandwidth.internal.DashboardOperations;
import dev.e911.carrier.bandwidth.internal.EsOperations;
import dev.e911.carrier.bandwidth.internal.Failures;
import dev.e911.carrier.bandwidth.internal.Operations;
import dev.e911.carrier.bandwidth.internal.Payloads;
import dev.e911.carrier.bandwidth.internal.Transport;
import dev.e911.carrier.bandwidth.internal.WebhookParser;
import dev.e911.core.http.Sleeper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;

/**
 * The Bandwidth {@link CarrierAdapter}: validates addresses against Bandwidth's 911 database, binds
 * callback numbers (conventional TN E911) and dynamic endpoints (Dynamic Location Routing AEUIs with a
 * location-pool {@code LocationId}, or ES endpoints) to dispatchable addresses, removes and reads them
 * back, and reads Bandwidth's emergency-call webhooks, on the surface the account is enabled for
 * ({@link BandwidthConfig.Mode}). Every remote problem is a result value; no result, log line or
 * exception message carries a credential. Thread-safe; build one per account with
 * {@link #builder(BandwidthConfig)} (or through {@link BandwidthCarrierProvider}) and close it.
 */
public final class BandwidthCarrier implements CarrierAdapter {

  /** The carrier id, also the provider name. */
  public static final String ID = "bandwidth";

  private final BandwidthConfig config;
  private final Operations operations;
  private final WebhookParser webhooks;
  private final HttpClient client;
  private final boolean ownsClient;

  private BandwidthCarrier(Builder b) {
    this.config = b.config;
    this.ownsClient = b.client == null;
    this.client = b.client != null ? b.client
        : HttpClient.newBuilder().connectTimeout(config.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    Payloads payloads = new Payloads(config.maxResponseBytes());
    Transport transport = new Transport(config, client, b.clock, b.sleeper, config.secretValues(), payloads);
    Failures failures = new Failures(transport, payloads, b.clock, config.maxRetryAfter());
    Context ctx = new Context(config, transport, payloads, failures, b.clock, b.sleeper);
    this.operations = config.mode() == BandwidthConfig.Mode.ES ? new EsOperations(ctx) : new DashboardOperations(ctx);
    this.webhooks = new WebhookParser(config.webhookCredentials(), b.clock);
  }

  /** A builder for an adapter with {@code config}. */
  public static Builder builder(BandwidthConfig config) {
    return new Builder(config);
  }

  /** The configuration in force. */
  public BandwidthConfig config() {
    return config;
  }

  @Override
  public String id() {
    return ID;
  }

  /**
   * Dashboard mode: validation with suggested corrections, TN binding, DLR endpoints with PIDF-LO by
   * value and location by reference ({@code LocationId}). ES mode: validation (by creating the address
   * record; no suggestions documented), endpoints bound to address records; PIDF-LO and location by
   * reference are not claimed (unverified on ES). Both: 933 test calls, emergency-call webhook
   * (payload unverified), read-back, asynchronous orders.
   */
  @Override
  public CarrierCapabilities capabilities() {
    boolean dashboard = config.mode() == BandwidthConfig.Mode.DASHBOARD;
    return new CarrierCapabilities(true, dashboard, true, true, dashboard, dashboard, true, true, true, true, false);
  }

  @Override
  public AddressValidationResult validate(DispatchableAddress address) {
    Objects.requireNonNull(address, "address");
    return operations.validate(address);
  }

  @Override
  public ProvisioningResult provision(Binding binding) {
    Objects.requireNonNull(binding, "binding");
    return operations.provision(binding);
  }

  @Override
  public ProvisioningResult remove(BindingKey key) {
    Objects.requireNonNull(key, "key");
    return operations.remove(key);
  }

  @Override
  public ReadBackResult readBack(BindingKey key) {
    Objects.requireNonNull(key, "key");
    return operations.readBack(key);
  }

  /**
   * Reads Bandwidth's emergency-call notification (Kari's Law CALLBACK recipient). Its field names are
   * not public, so XML or JSON is read by best effort; what cannot be read is {@code Ignored} with a
   * reason. When webhook credentials are configured, a request without them is ignored.
   */
  @Override
  public WebhookResult parseWebhook(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    return webhooks.parse(request);
  }

  @Override
  public void close() {
    if (ownsClient && client instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        // nothing to do: the client's threads die with it
      }
    }
  }

  @Override
  public String toString() {
    return "BandwidthCarrier[" + config + "]";
  }

  /**
   * Options beyond the configuration: the clock (validation timestamps, token expiry, rate limit,
   * poll budget), the sleeper (retry backoff, rate limit, poll waits) and the HTTP client. Tests inject
   * all three; production code usually sets none.
   */
  public static final class Builder {
    private final BandwidthConfig config;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private HttpClient client;

    private Builder(BandwidthConfig config) {
      this.config = config;
    }

    /** The clock; default the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** How to wait; default {@link Sleeper#system()}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /** The HTTP client; default a new client with the configured connect timeout, never following redirects (closed with the adapter). */
    public Builder httpClient(HttpClient client) {
      this.client = client;
      return this;
    }

    /**
     * Builds the adapter.
     *
     * @throws InvalidValueException naming every missing option
     */
    public BandwidthCarrier build() {
      Violations v = Violations.forType("BandwidthCarrier");
      v.check(config == null, "config", "required", "is required");
      v.check(clock == null, "clock", "required", "is required");
      v.check(sleeper == null, "sleeper", "required", "is required");
      v.throwIfAny();
      return new BandwidthCarrier(this);
    }
  }
}
