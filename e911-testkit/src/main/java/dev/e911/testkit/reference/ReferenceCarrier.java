package dev.e911.testkit.reference;

import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierCallEvent;
import dev.e911.api.spi.CarrierCapabilities;
import dev.e911.api.spi.ProvisionedBinding;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.spi.Secret;
import dev.e911.api.spi.WebhookRequest;
import dev.e911.api.spi.WebhookResult;
import dev.e911.api.validation.Violations;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A complete {@link CarrierAdapter} over an in-memory {@link ReferenceDatabase}: a realistic
 * carrier for your own tests and the CLI demo, and the adapter the conformance kit is proven
 * against. It behaves like a careful HTTP adapter: it retries rate limits (honouring
 * {@code Retry-After} up to a cap), server errors and timeouts with exponential backoff, never
 * retries refused credentials or malformed answers, looks at what the carrier holds before it
 * writes (so a retry after a lost answer sends no second order), follows asynchronous orders for a
 * bounded number of polls, marks validated addresses {@code AddressValidation("reference", now)}
 * from its injected {@link Clock}, and reads signed emergency-call webhooks. Thread-safe; build one
 * with {@link #builder(ReferenceDatabase)} or through the {@code reference} provider.
 */
public final class ReferenceCarrier implements CarrierAdapter {

  /** The carrier id and provider name. */
  public static final String ID = "reference";

  private final ReferenceDatabase database;
  private final Secret apiKey;
  private final Clock clock;
  private final Duration requestTimeout;
  private final int maxAttempts;
  private final Duration backoff;
  private final Duration maxRetryAfter;
  private final int orderPolls;

  private ReferenceCarrier(Builder b) {
    this.database = b.database;
    this.apiKey = b.apiKey;
    this.clock = b.clock;
    this.requestTimeout = b.requestTimeout;
    this.maxAttempts = b.maxAttempts;
    this.backoff = b.backoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.orderPolls = b.orderPolls;
  }

  /**
   * A builder against {@code database}. Defaults: API key {@code reference-demo-key}, system UTC
   * clock, 2 s request timeout, 3 attempts, 50 ms initial backoff, 5 s {@code Retry-After} cap,
   * 3 order polls.
   */
  public static Builder builder(ReferenceDatabase database) {
    return new Builder(database);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public CarrierCapabilities capabilities() {
    return new CarrierCapabilities(true, true, true, true, true, true, true, true, true, database.asynchronous(), false);
  }

  @Override
  public AddressValidationResult validate(DispatchableAddress address) {
    Objects.requireNonNull(address, "address");
    Wire.Reply reply = call(new Wire.Validate(address.withoutValidation()));
    if (reply.status() != 200) {
      return new AddressValidationResult.Failed(failure(reply, "validate"));
    }
    AddressValidation stamp = new AddressValidation(ID, clock.instant());
    if (reply.payload() instanceof Wire.Exact exact) {
      return new AddressValidationResult.Valid(exact.standardized().withValidation(stamp));
    }
    if (reply.payload() instanceof Wire.Suggest suggest) {
      return new AddressValidationResult.Corrected(
          suggest.suggestions().stream().map(a -> a.withValidation(stamp)).toList(), suggest.reasons());
    }
    if (reply.payload() instanceof Wire.Unknown unknown) {
      return new AddressValidationResult.Rejected(unknown.reasons());
    }
    return new AddressValidationResult.Failed(malformed("validate"));
  }

  @Override
  public ProvisioningResult provision(Binding binding) {
    Objects.requireNonNull(binding, "binding");
    BindingKey key = binding.key();
    String callback = binding instanceof Binding.EndpointBinding e ? e.callbackNumber().e164() : "";
    Wire.Put put = new Wire.Put(key, binding.address().withoutValidation(), binding.callerName(), callback);
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      // look before writing: a retry after a lost answer must not send a second order
      Wire.Reply state = call(new Wire.Get(key));
      if (state.status() != 200) {
        return new ProvisioningResult.Failed(key, failure(state, "read " + key));
      }
      if (!(state.payload() instanceof Wire.KeyState held)) {
        return new ProvisioningResult.Failed(key, malformed("read " + key));
      }
      if (held.held().filter(s -> holds(s, put)).isPresent()) {
        return new ProvisioningResult.Done(key, held.held().get().reference(), false);
      }
      if (held.open().filter(o -> o.change() instanceof Wire.Put p && samePut(p, put)).isPresent()) {
        return follow(key, held.open().get().orderId(), false);
      }
      Wire.Reply written = call(put);
      if (written.isTimeout()) {
        continue; // the order may or may not have arrived: re-read before re-sending
      }
      return switch (written.status()) {
        case 200 -> written.payload() instanceof Wire.Stored s
            ? new ProvisioningResult.Done(key, s.reference(), false)
            : new ProvisioningResult.Failed(key, malformed("write " + key));
        case 202 -> written.payload() instanceof Wire.Order o
            ? follow(key, o.orderId(), false)
            : new ProvisioningResult.Failed(key, malformed("write " + key));
        case 400 -> new ProvisioningResult.Rejected(key, reasons(written));
        default -> new ProvisioningResult.Failed(key, failure(written, "write " + key));
      };
    }
    return new ProvisioningResult.Failed(key, RemoteFailure.of(RemoteFailure.Kind.TRANSIENT,
        "no answer to writing " + key + " after " + maxAttempts + " attempts of " + requestTimeout));
  }

  @Override
  public ProvisioningResult remove(BindingKey key) {
    Objects.requireNonNull(key, "key");
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Wire.Reply state = call(new Wire.Get(key));
      if (state.status() != 200) {
        return new ProvisioningResult.Failed(key, failure(state, "read " + key));
      }
      if (!(state.payload() instanceof Wire.KeyState held)) {
        return new ProvisioningResult.Failed(key, malformed("read " + key));
      }
      if (held.open().filter(o -> o.change() instanceof Wire.Delete).isPresent()) {
        return follow(key, held.open().get().orderId(), true);
      }
      if (held.held().isEmpty() && held.open().isEmpty()) {
        return new ProvisioningResult.Done(key, "", true);
      }
      Wire.Reply deleted = call(new Wire.Delete(key));
      if (deleted.isTimeout()) {
        continue;
      }
      return switch (deleted.status()) {
        case 204, 404 -> new ProvisioningResult.Done(key, "", true);
        case 202 -> deleted.payload() instanceof Wire.Order o
            ? follow(key, o.orderId(), true)
            : new ProvisioningResult.Failed(key, malformed("delete " + key));
        default -> new ProvisioningResult.Failed(key, failure(deleted, "delete " + key));
      };
    }
    return new ProvisioningResult.Failed(key, RemoteFailure.of(RemoteFailure.Kind.TRANSIENT,
        "no answer to deleting " + key + " after " + maxAttempts + " attempts of " + requestTimeout));
  }

  @Override
  public ReadBackResult readBack(BindingKey key) {
    Objects.requireNonNull(key, "key");
    Wire.Reply state = call(new Wire.Get(key));
    if (state.status() != 200) {
      return new ReadBackResult.Failed(key, failure(state, "read " + key));
    }
    if (!(state.payload() instanceof Wire.KeyState held)) {
      return new ReadBackResult.Failed(key, malformed("read " + key));
    }
    return held.held()
        .<ReadBackResult>map(s -> new ReadBackResult.Found(new ProvisionedBinding(key, s.address(), s.reference())))
        .orElseGet(() -> new ReadBackResult.NotFound(key));
  }

  @Override
  public WebhookResult parseWebhook(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    byte[] body = request.body();
    if (body.length > WebhookRequest.MAX_BODY_BYTES) {
      return new WebhookResult.Ignored("body larger than " + WebhookRequest.MAX_BODY_BYTES + " bytes");
    }
    if (!request.contentType().startsWith("application/x-www-form-urlencoded")) {
      return new WebhookResult.Ignored("not a form post");
    }
    String signature = request.headers().entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase("X-Reference-Signature") && !h.getValue().isEmpty())
        .map(h -> h.getValue().get(0)).findFirst().orElse("");
    byte[] expected = ReferenceDatabase.sign(apiKey.reveal(), body).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      return new WebhookResult.Ignored("missing or wrong X-Reference-Signature");
    }
    Map<String, String> fields = new HashMap<>();
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        return new WebhookResult.Ignored("malformed form field");
      }
      try {
        fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        return new WebhookResult.Ignored("malformed percent-encoding");
      }
    }
    Function<String, String> f = name -> fields.getOrDefault(name, "");
    if (f.apply("eventId").isEmpty() || f.apply("callingNumber").isEmpty()) {
      return new WebhookResult.Ignored("not an emergency-call event (no eventId or callingNumber)");
    }
    Instant at;
    try {
      at = Instant.parse(f.apply("occurredAt"));
    } catch (DateTimeParseException e) {
      return new WebhookResult.Ignored("occurredAt is not an ISO-8601 instant");
    }
    return new WebhookResult.Parsed(new CarrierCallEvent(f.apply("eventId"), at, f.apply("callingNumber"),
        f.apply("dialled"), f.apply("callerName"), f.apply("addressOnFile")));
  }

  @Override
  public String toString() {
    return "ReferenceCarrier[timeout=" + requestTimeout + ", attempts=" + maxAttempts + ", asynchronous="
        + database.asynchronous() + "]";
  }

  // ---------------------------------------------------------------------------------------------

  /** Sends one request, retrying 429 (after its Retry-After), 503 and, for reads, timeouts. */
  private Wire.Reply call(Wire.Request request) {
    Wire.Reply reply = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      reply = database.exchange(request, apiKey.reveal(), requestTimeout);
      boolean retryable = reply.status() == 429 || reply.status() == 503 || (reply.isTimeout() && !request.write());
      if (!retryable || attempt == maxAttempts) {
        return reply;
      }
      Duration wait = backoff.multipliedBy(1L << (attempt - 1));
      if (reply.status() == 429) {
        if (reply.retryAfter().compareTo(maxRetryAfter) > 0) {
          return reply;
        }
        wait = reply.retryAfter().compareTo(wait) > 0 ? reply.retryAfter() : wait;
      }
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return reply;
      }
    }
    return reply;
  }

  /** Polls an asynchronous order a bounded number of times; Pending when it is still open. */
  private ProvisioningResult follow(BindingKey key, String orderId, boolean removal) {
    for (int poll = 0; poll < orderPolls; poll++) {
      Wire.Reply reply = call(new Wire.GetOrder(orderId));
      if (reply.status() == 200 && reply.payload() instanceof Wire.Order o && o.complete()) {
        return new ProvisioningResult.Done(key, orderId, removal);
      }
      if (reply.status() != 200 && !reply.isTimeout()) {
        break;
      }
      try {
        Thread.sleep(backoff.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return new ProvisioningResult.Pending(key, orderId, "RECEIVED");
  }

  private static boolean holds(Wire.Stored stored, Wire.Put put) {
    return stored.address().sameCivicAddress(put.address()) && stored.callerName().equals(put.callerName())
        && stored.callbackNumber().equals(put.callbackNumber());
  }

  private static boolean samePut(Wire.Put a, Wire.Put b) {
    return a.address().sameCivicAddress(b.address()) && a.callerName().equals(b.callerName())
        && a.callbackNumber().equals(b.callbackNumber());
  }

  private static List<String> reasons(Wire.Reply reply) {
    if (reply.payload() instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(reply.payload()));
  }

  private RemoteFailure failure(Wire.Reply reply, String what) {
    if (reply.isTimeout()) {
      return RemoteFailure.of(RemoteFailure.Kind.TRANSIENT, what + ": no answer within " + requestTimeout);
    }
    RemoteFailure.Kind kind = switch (reply.status()) {
      case 200, 202, 204 -> RemoteFailure.Kind.MALFORMED_RESPONSE;
      case 401 -> RemoteFailure.Kind.AUTHENTICATION;
      case 403 -> RemoteFailure.Kind.PERMISSION;
      case 404 -> RemoteFailure.Kind.NOT_FOUND;
      case 400, 422 -> RemoteFailure.Kind.INVALID_REQUEST;
      case 409 -> RemoteFailure.Kind.CONFLICT;
      case 429 -> RemoteFailure.Kind.RATE_LIMITED;
      default -> RemoteFailure.Kind.TRANSIENT;
    };
    String message = switch (kind) {
      case AUTHENTICATION -> what + ": the reference carrier refused the API key";
      case RATE_LIMITED -> what + ": rate limited, retry after " + reply.retryAfter();
      case MALFORMED_RESPONSE -> what + ": the answer could not be understood";
      default -> what + ": HTTP " + reply.status();
    };
    return new RemoteFailure(kind, reply.status(), "", message, reply.retryAfter());
  }

  private static RemoteFailure malformed(String what) {
    return new RemoteFailure(RemoteFailure.Kind.MALFORMED_RESPONSE, 200, "", what + ": the answer could not be understood",
        Duration.ZERO);
  }

  /** Builds a {@link ReferenceCarrier}; {@link #build()} reports every bad setting at once. */
  public static final class Builder {
    private final ReferenceDatabase database;
    private Secret apiKey = Secret.of("reference-demo-key");
    private Clock clock = Clock.systemUTC();
    private Duration requestTimeout = Duration.ofSeconds(2);
    private int maxAttempts = 3;
    private Duration backoff = Duration.ofMillis(50);
    private Duration maxRetryAfter = Duration.ofSeconds(5);
    private int orderPolls = 3;

    private Builder(ReferenceDatabase database) {
      this.database = Objects.requireNonNull(database, "database");
    }

    /** The API key to present. */
    public Builder apiKey(Secret apiKey) {
      this.apiKey = apiKey;
      return this;
    }

    /** The clock that stamps validations. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** How long one request may take before it counts as lost. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    /** Attempts per request (and per write, re-reading in between). */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The first retry delay; it doubles per retry. */
    public Builder backoff(Duration backoff) {
      this.backoff = backoff;
      return this;
    }

    /** The longest {@code Retry-After} honoured; a longer one fails as {@code RATE_LIMITED}. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = maxRetryAfter;
      return this;
    }

    /** How often an asynchronous order is polled before the answer is {@code Pending}. */
    public Builder orderPolls(int orderPolls) {
      this.orderPolls = orderPolls;
      return this;
    }

    /**
     * Builds the adapter.
     *
     * @throws dev.e911.api.validation.InvalidValueException naming every bad setting
     */
    public ReferenceCarrier build() {
      Violations v = Violations.forType("ReferenceCarrier");
      v.check(apiKey == null, "apiKey", "required", "is required");
      v.check(clock == null, "clock", "required", "is required");
      v.check(requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero(), "requestTimeout",
          "positive", "must be positive");
      v.check(maxAttempts < 1 || maxAttempts > 10, "maxAttempts", "range", "must be 1 to 10");
      v.check(backoff == null || backoff.isNegative(), "backoff", "not-negative", "must not be negative");
      v.check(maxRetryAfter == null || maxRetryAfter.isNegative(), "maxRetryAfter", "not-negative",
          "must not be negative");
      v.check(orderPolls < 0, "orderPolls", "not-negative", "must not be negative");
      v.throwIfAny();
      return new ReferenceCarrier(this);
    }
  }
}
