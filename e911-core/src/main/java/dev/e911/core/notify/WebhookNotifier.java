package dev.e911.core.notify;

import dev.e911.api.spi.EmergencyNotification;
import dev.e911.api.spi.EmergencyNotifier;
import dev.e911.api.spi.NotificationOutcome;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.spi.Secret;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violations;
import dev.e911.core.http.StatusKinds;
import dev.e911.core.http.HttpOutcome;
import dev.e911.core.http.Redactor;
import dev.e911.core.http.ResilientHttp;
import dev.e911.core.http.RetryPolicy;
import dev.e911.core.http.Sleeper;
import dev.e911.core.notify.internal.NotificationJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Posts each notification as a flat JSON object ({@code docs/notifications.md}) to an HTTPS endpoint,
 * signed with HMAC-SHA256 over a timestamp and the body ({@link WebhookSignature}), through
 * {@link ResilientHttp}: a per-attempt timeout, a short retry policy of its own (5xx, 429 with
 * {@code Retry-After}, timeouts — a notification may be re-posted after a timeout, the
 * {@value WebhookSignature#DELIVERY_HEADER} header lets the receiver drop duplicates), and a bounded response.
 * Every failure becomes a typed {@link RemoteFailure} whose message never contains the secret, a query string
 * or a body. Plain {@code http} is allowed only to a loopback address. Immutable and thread-safe.
 */
public final class WebhookNotifier implements EmergencyNotifier {

  private final String id;
  private final URI uri;
  private final Secret secret;
  private final ResilientHttp http;
  private final Clock clock;
  private final boolean requiresAcknowledgement;
  private final Supplier<String> deliveryIds;

  private WebhookNotifier(Builder b) {
    this.id = b.id;
    this.uri = b.uri;
    this.secret = b.secret;
    this.clock = b.clock;
    this.requiresAcknowledgement = b.requiresAcknowledgement;
    this.deliveryIds = b.deliveryIds;
    this.http = ResilientHttp.builder(b.client == null ? HttpClient.newBuilder().connectTimeout(b.attemptTimeout).build() : b.client)
        .retryPolicy(b.retryPolicy).attemptTimeout(b.attemptTimeout).maxResponseBytes(b.maxResponseBytes)
        .sleeper(b.sleeper).clock(b.clock).sensitiveHeaders(Set.of(WebhookSignature.SIGNATURE_HEADER)).build();
  }

  /** A builder posting to {@code uri}, signing with {@code secret}. */
  public static Builder builder(String id, URI uri, Secret secret) {
    return new Builder(id, uri, secret);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean requiresAcknowledgement() {
    return requiresAcknowledgement;
  }

  /** The endpoint, without user-info or query. */
  public String endpoint() {
    return Redactor.describe(uri);
  }

  @Override
  public NotificationOutcome send(EmergencyNotification notification) {
    try {
      byte[] body = NotificationJson.write(notification, id, requiresAcknowledgement);
      String deliveryId = deliveryIds.get();
      HttpOutcome outcome = http.execute(() -> {
        long timestamp = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "e911-notifier")
            .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
            .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body))
            .header(WebhookSignature.DELIVERY_HEADER, deliveryId)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
      });
      return map(outcome, deliveryId);
    } catch (RuntimeException e) {
      return failed(RemoteFailure.of(RemoteFailure.Kind.TRANSIENT, "webhook " + id + " failed: " + e.getClass().getName()));
    }
  }

  private NotificationOutcome map(HttpOutcome outcome, String deliveryId) {
    String where = "webhook " + id + " (" + endpoint() + ")";
    if (outcome instanceof HttpOutcome.Response r) {
      if (r.isSuccessful()) {
        return new NotificationOutcome.Delivered(deliveryId);
      }
      return failed(new RemoteFailure(StatusKinds.of(r.status()), r.status(), "",
          scrub(where + " answered " + r.status() + " after " + r.attempts() + " attempt(s)"), Duration.ZERO));
    }
    HttpOutcome.Failure f = (HttpOutcome.Failure) outcome;
    if (f.kind() == HttpOutcome.Failure.Kind.TOO_LARGE && f.hasLastStatus()) {
      // the receiver answered; only its (unread) body was too large: the status decides
      if (f.lastStatus() >= 200 && f.lastStatus() <= 299) {
        return new NotificationOutcome.Delivered(deliveryId);
      }
      return failed(new RemoteFailure(StatusKinds.of(f.lastStatus()), f.lastStatus(), "too_large",
          scrub(where + ": " + f.message()), Duration.ZERO));
    }
    RemoteFailure.Kind kind = switch (f.kind()) {
      case TIMEOUT, CONNECTION, INTERRUPTED -> RemoteFailure.Kind.TRANSIENT;
      case TOO_LARGE -> RemoteFailure.Kind.MALFORMED_RESPONSE;
      case INVALID_REQUEST -> RemoteFailure.Kind.INVALID_REQUEST;
      case RETRIES_EXHAUSTED -> f.lastStatus() == 429 ? RemoteFailure.Kind.RATE_LIMITED : RemoteFailure.Kind.TRANSIENT;
    };
    return failed(new RemoteFailure(kind, f.lastStatus(), f.kind().name().toLowerCase(Locale.ROOT),
        scrub(where + ": " + f.message()), f.retryAfter()));
  }

  private String scrub(String message) {
    return Redactor.scrub(message, List.of(secret.reveal()));
  }

  private static NotificationOutcome failed(RemoteFailure failure) {
    return new NotificationOutcome.Failed(failure);
  }

  @Override
  public String toString() {
    return "WebhookNotifier[" + id + " -> " + endpoint() + (requiresAcknowledgement ? ", acknowledgement required" : "") + "]";
  }

  /**
   * Builds a {@link WebhookNotifier}; {@link #build()} reports every problem at once. Defaults: a new JDK
   * client, 5 s per attempt, 3 attempts on 429, 500, 502-504 and timeouts (250 ms doubling to 2 s, {@code Retry-After} honoured up to 30 s,
   * 20 s budget, re-posted after a timeout), 16 KiB response limit, no acknowledgement.
   */
  public static final class Builder {
    private final String id;
    private final URI uri;
    private final Secret secret;
    private HttpClient client;
    private RetryPolicy retryPolicy = RetryPolicy.custom().maxAttempts(3).initialBackoff(Duration.ofMillis(250))
        .maxBackoff(Duration.ofSeconds(2)).maxTotalTime(Duration.ofSeconds(20)).maxRetryAfter(Duration.ofSeconds(30))
        .retryableStatuses(Set.of(429, 500, 502, 503, 504)).retryNonIdempotentWhenUncertain(true).build();
    private Duration attemptTimeout = Duration.ofSeconds(5);
    private int maxResponseBytes = 16 * 1024;
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();
    private boolean requiresAcknowledgement;
    private Supplier<String> deliveryIds = () -> UUID.randomUUID().toString();

    private Builder(String id, URI uri, Secret secret) {
      this.id = id;
      this.uri = uri;
      this.secret = secret;
    }

    /** The JDK client to send with (shared clients save connections). Default a new one per notifier. */
    public Builder httpClient(HttpClient client) {
      this.client = client;
      return this;
    }

    /** Retries within one delivery (the dispatcher retries whole deliveries on top). */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = policy;
      return this;
    }

    /** Time one HTTP attempt may take, headers and body. Default 5 s. */
    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = timeout;
      return this;
    }

    /** Largest response body read (1 – 1 MiB). Default 16 KiB. */
    public Builder maxResponseBytes(int max) {
      this.maxResponseBytes = max;
      return this;
    }

    /** How to wait between HTTP retries (tests record instead of sleeping). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /** The clock of the signature timestamp and {@code Retry-After} dates. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Whether a person must acknowledge what this webhook delivers. Default false. */
    public Builder requireAcknowledgement(boolean required) {
      this.requiresAcknowledgement = required;
      return this;
    }

    /** Where delivery ids come from. Default random UUIDs. */
    public Builder deliveryIds(Supplier<String> ids) {
      this.deliveryIds = ids;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws InvalidValueException listing every problem (never the URI's query or the secret)
     */
    public WebhookNotifier build() {
      Violations v = Violations.forType("WebhookNotifier");
      v.check(id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"), "id", "notifier.id",
          "must be 1-64 letters, digits, '.', '_' or '-'");
      checkUri(v, "url", uri);
      v.check(secret == null, "secret", "required", "a signing secret is required");
      v.check(secret != null && secret.reveal().length() < 16, "secret", "min.length", "must be at least 16 characters");
      v.check(retryPolicy == null, "retryPolicy", "required", "must not be null");
      if (attemptTimeout == null) {
        v.add("attemptTimeout", "required", "must not be null");
      } else {
        v.check(attemptTimeout.isNegative() || attemptTimeout.isZero() || attemptTimeout.compareTo(Duration.ofMinutes(1)) > 0,
            "attemptTimeout", "range", "must be positive and at most 1 minute");
      }
      v.check(maxResponseBytes < 1 || maxResponseBytes > (1 << 20), "maxResponseBytes", "range", "must be 1 – 1048576");
      v.check(sleeper == null, "sleeper", "required", "must not be null");
      v.check(clock == null, "clock", "required", "must not be null");
      v.check(deliveryIds == null, "deliveryIds", "required", "must not be null");
      v.throwIfAny();
      return new WebhookNotifier(this);
    }

    /** Records why {@code uri} cannot be a webhook endpoint; the URI itself is never echoed. */
    static void checkUri(Violations v, String path, URI uri) {
      if (uri == null) {
        v.add(path, "required", "is required");
        return;
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean absolute = uri.isAbsolute() && uri.getHost() != null;
      v.check(!absolute, path, "url.absolute", "must be an absolute http(s) URL with a host");
      v.check(absolute && !scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri.getHost())), path,
          "url.https", "must use https (plain http only to a loopback address)");
      v.check(uri.getRawUserInfo() != null, path, "url.userinfo", "must not carry credentials; the body is signed instead");
      v.check(uri.getRawFragment() != null, path, "url.fragment", "must not have a fragment");
    }

    private static boolean isLoopback(String host) {
      String h = host.toLowerCase(Locale.ROOT);
      return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1") || h.startsWith("127.");
    }
  }
}
