package dev.e911.carrier.intelepeer;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierCapabilities;
import dev.e911.api.spi.ProvisionedBinding;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.spi.WebhookRequest;
import dev.e911.api.spi.WebhookResult;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import dev.e911.carrier.intelepeer.internal.BindingState;
import dev.e911.carrier.intelepeer.internal.CallEventParser;
import dev.e911.carrier.intelepeer.internal.E911Request;
import dev.e911.carrier.intelepeer.internal.IntelePeerAddressMapping;
import dev.e911.carrier.intelepeer.internal.IntelePeerAssumedGateway;
import dev.e911.carrier.intelepeer.internal.IntelePeerE911Port;
import dev.e911.carrier.intelepeer.internal.IntelePeerSession;
import dev.e911.carrier.intelepeer.internal.IntelePeerV3Gateway;
import dev.e911.carrier.intelepeer.internal.Order;
import dev.e911.carrier.intelepeer.internal.PortResult;
import dev.e911.core.http.Sleeper;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The IntelePeer {@link CarrierAdapter}: binds DIDs/ELINs (and dynamic endpoints whose id is a NANP
 * number) to dispatchable addresses in IntelePeer's E911 database, removes and reads them back,
 * through the documented v3 number-management API or, once IntelePeer confirms it, the ASSUMED
 * contract ({@link IntelePeerContract}). Every remote outcome is a value; operations on one number are
 * serialised so that two threads never add E911 to it twice; asynchronous orders are followed for at
 * most {@link IntelePeerSettings#orderWait()} and then reported {@code Pending}. No result or message
 * contains the API credentials or token. Build one with {@link #builder(IntelePeerSettings)} or through
 * {@link IntelePeerCarrierProvider}. Thread-safe.
 */
public final class IntelePeerCarrier implements CarrierAdapter {

  /** The carrier id, also the provider name. */
  public static final String ID = "intelepeer";

  private static final int LOCK_STRIPES = 64;

  private final IntelePeerSettings settings;
  private final IntelePeerSession session;
  private final IntelePeerE911Port port;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];
  private volatile boolean closed;

  private IntelePeerCarrier(Builder b) {
    this.settings = b.settings;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    HttpClient client = b.httpClient != null ? b.httpClient
        : HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    this.session = new IntelePeerSession(settings, client, clock, sleeper);
    this.port = settings.contract() == IntelePeerContract.V3
        ? new IntelePeerV3Gateway(session, settings, clock)
        : new IntelePeerAssumedGateway(session, clock);
    for (int i = 0; i < LOCK_STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** A builder for an adapter with these settings. */
  public static Builder builder(IntelePeerSettings settings) {
    return new Builder(Objects.requireNonNull(settings, "settings"));
  }

  /** The settings in force. */
  public IntelePeerSettings settings() {
    return settings;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public CarrierCapabilities capabilities() {
    boolean assumed = settings.contract() == IntelePeerContract.ASSUMED;
    return new CarrierCapabilities(
        assumed, // address validation: no public endpoint; the assumed contract has one
        assumed, // suggests corrections
        true, // number binding: POST/PUT/DELETE /_rest/v3/my/did/e911
        true, // dynamic endpoints whose id is a NANP number, via the dynamic911* fields
        true, // PIDF-LO by value accepted in the INVITE per IntelePeer's testing guide (details unverified)
        false, // location by reference: IntelePeer's locationID exists but the SPI carries none; portal step
        true, // 933 test line
        assumed, // call-event webhook: none documented; the assumed contract has one
        assumed, // read-back with the address: v3 only knows "has E911"
        true, // asynchronous orders
        false);
  }

  @Override
  public AddressValidationResult validate(DispatchableAddress address) {
    Objects.requireNonNull(address, "address");
    return guarded(() -> port.validate(address),
        f -> new AddressValidationResult.Failed(f));
  }

  @Override
  public ProvisioningResult provision(Binding binding) {
    Objects.requireNonNull(binding, "binding");
    BindingKey key = binding.key();
    E911Request request;
    try {
      request = IntelePeerAddressMapping.toRequest(binding);
    } catch (InvalidValueException e) {
      return new ProvisioningResult.Rejected(key, reasons(e));
    }
    return locked(request.number10(), () -> guarded(() -> follow(key, port.bind(request)),
        f -> new ProvisioningResult.Failed(key, f)));
  }

  @Override
  public ProvisioningResult remove(BindingKey key) {
    Objects.requireNonNull(key, "key");
    String number10;
    try {
      number10 = IntelePeerAddressMapping.number10(key.value());
    } catch (InvalidValueException e) {
      return new ProvisioningResult.Rejected(key, List.of("IntelePeer E911 records are keyed by NANP numbers; "
          + key.type().name().toLowerCase(java.util.Locale.ROOT) + " key is not one [intelepeer.nanp]"));
    }
    return locked(number10, () -> guarded(() -> follow(key, port.unbind(number10)),
        f -> new ProvisioningResult.Failed(key, f)));
  }

  @Override
  public ReadBackResult readBack(BindingKey key) {
    Objects.requireNonNull(key, "key");
    String number10;
    try {
      number10 = IntelePeerAddressMapping.number10(key.value());
    } catch (InvalidValueException e) {
      return new ReadBackResult.NotFound(key);
    }
    return guarded(() -> readBack(key, port.read(number10)), f -> new ReadBackResult.Failed(key, f));
  }

  private ReadBackResult readBack(BindingKey key, PortResult<BindingState> r) {
    if (r instanceof PortResult.Failed<BindingState> f) {
      return new ReadBackResult.Failed(key, f.failure());
    }
    if (r instanceof PortResult.Unsupported<BindingState> u) {
      return new ReadBackResult.Unsupported(key, u.reason());
    }
    if (r instanceof PortResult.Rejected<BindingState> rej) {
      return new ReadBackResult.Failed(key, RemoteFailure.of(RemoteFailure.Kind.INVALID_REQUEST,
          String.join("; ", rej.reasons())));
    }
    BindingState state = ((PortResult.Ok<BindingState>) r).value();
    if (state instanceof BindingState.Active a) {
      try {
        return new ReadBackResult.Found(new ProvisionedBinding(key, IntelePeerAddressMapping.fromWire(a.address()),
            a.reference()));
      } catch (InvalidValueException e) {
        return new ReadBackResult.Failed(key, RemoteFailure.of(RemoteFailure.Kind.MALFORMED_RESPONSE,
            "IntelePeer's address on file cannot be read as an address: " + String.join("; ", reasons(e))));
      }
    }
    if (state instanceof BindingState.Absent) {
      return new ReadBackResult.NotFound(key);
    }
    if (state instanceof BindingState.AddressUnknown u) {
      return new ReadBackResult.Unsupported(key, u.why());
    }
    if (state instanceof BindingState.InProgress p) {
      return new ReadBackResult.Failed(key, new RemoteFailure(RemoteFailure.Kind.TRANSIENT, 0, p.carrierStatus(),
          "an order for this number is still in progress at IntelePeer; read again later", java.time.Duration.ZERO));
    }
    BindingState.FailedAtCarrier failed = (BindingState.FailedAtCarrier) state;
    return new ReadBackResult.Failed(key, new RemoteFailure(RemoteFailure.Kind.INVALID_REQUEST, 0, "FAILED",
        String.join("; ", failed.reasons()), java.time.Duration.ZERO));
  }

  @Override
  public WebhookResult parseWebhook(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    if (settings.contract() != IntelePeerContract.ASSUMED) {
      return new WebhookResult.Unsupported();
    }
    return CallEventParser.parse(request);
  }

  /** Turns a port answer into a provisioning result, following a trackable order for the bounded wait. */
  private ProvisioningResult follow(BindingKey key, PortResult<Order> r) {
    if (r instanceof PortResult.Rejected<Order> rej) {
      return new ProvisioningResult.Rejected(key, rej.reasons());
    }
    if (r instanceof PortResult.Failed<Order> f) {
      return new ProvisioningResult.Failed(key, f.failure());
    }
    if (r instanceof PortResult.Unsupported<Order> u) {
      return new ProvisioningResult.Unsupported(key, u.reason());
    }
    Order order = ((PortResult.Ok<Order>) r).value();
    Instant deadline = clock.instant().plus(settings.orderWait());
    while (order.status() == Order.Status.PENDING && order.trackable() && clock.instant().isBefore(deadline)) {
      try {
        sleeper.sleep(settings.orderPollInterval());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      PortResult<Order> polled = port.order(order);
      if (polled instanceof PortResult.Ok<Order> ok) {
        order = ok.value();
      } else if (polled instanceof PortResult.Unsupported<Order>) {
        break;
      } // a failed poll is tried again until the deadline; the order itself is still in place
    }
    return switch (order.status()) {
      case COMPLETE -> new ProvisioningResult.Done(key, order.orderId(), order.kind() == Order.Kind.UNBIND);
      case FAILED -> new ProvisioningResult.Rejected(key, order.reasons());
      case PENDING -> new ProvisioningResult.Pending(key, order.orderId().isEmpty() ? "(none)" : order.orderId(),
          order.carrierStatus());
    };
  }

  private <T> T locked(String number10, Supplier<T> action) {
    ReentrantLock lock = locks[Math.floorMod(number10.hashCode(), LOCK_STRIPES)];
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs an operation; an unexpected exception becomes a typed failure whose message names only the
   * exception type (its text could carry remote data), so that no call ever throws for a remote problem.
   */
  private <T> T guarded(Supplier<T> action, java.util.function.Function<RemoteFailure, T> onFailure) {
    if (closed) {
      throw new IllegalStateException("the IntelePeer adapter is closed");
    }
    try {
      return action.get();
    } catch (RuntimeException e) {
      return onFailure.apply(RemoteFailure.of(RemoteFailure.Kind.MALFORMED_RESPONSE,
          "unexpected " + e.getClass().getName() + " while talking to IntelePeer"));
    }
  }

  private static List<String> reasons(InvalidValueException e) {
    return e.violations().stream().map(Violation::toString).toList();
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "IntelePeerCarrier[" + settings + "]";
  }

  /** Builder for {@link IntelePeerCarrier}: the settings plus the clock, sleeper and HTTP client tests replace. */
  public static final class Builder {
    private final IntelePeerSettings settings;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private HttpClient httpClient;

    private Builder(IntelePeerSettings settings) {
      this.settings = settings;
    }

    /** Clock for token lifetime, retry budgets, order waits and validation stamps. Default UTC system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How to wait (backoff, rate limit, order polls). Default {@link Sleeper#system()}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The JDK HTTP client. Default: a new one with the connect timeout and no redirects. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Builds the adapter. */
    public IntelePeerCarrier build() {
      return new IntelePeerCarrier(this);
    }
  }
}
