package dev.e911.carrier.intelepeer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.core.http.StatusKinds;
import dev.e911.api.spi.Secret;
import dev.e911.carrier.intelepeer.IntelePeerSettings;
import dev.e911.core.http.HttpOutcome;
import dev.e911.core.http.Jitter;
import dev.e911.core.http.Redactor;
import dev.e911.core.http.ResilientHttp;
import dev.e911.core.http.RetryAfter;
import dev.e911.core.http.RetryPolicy;
import dev.e911.core.http.Sleeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated conversation with IntelePeer's API: gets a token with
 * {@code POST /_rest/v4/authenticate}, caches it for its lifetime, sends it in {@code Authorization}
 * (raw or with the configured prefix), re-authenticates exactly once when a call answers 401, spaces
 * every attempt by the client-side {@link RateLimiter}, and sends through {@link ResilientHttp} (retries
 * with backoff and {@code Retry-After}, per-attempt timeout, bounded bodies; an API {@code POST} is resent
 * only after a 429, since a 500, 502 or 504 may hide an applied Add and IntelePeer documents no
 * idempotency key). Answers are
 * {@link Exchange}s; transport trouble becomes a typed {@link RemoteFailure}. No message it makes holds
 * the user name, password or token. Thread-safe.
 */
public final class IntelePeerSession {

  private static final Logger LOG = LoggerFactory.getLogger(IntelePeerSession.class);

  static final String AUTHENTICATE_PATH = "/_rest/v4/authenticate";
  private static final int MAX_RESPONSE_BYTES = 512 * 1024;
  private static final int MAX_DETAIL = 200;
  /** A token is renewed this long before its nominal expiry, so it never dies in flight. */
  private static final Duration RENEWAL_MARGIN = Duration.ofMinutes(5);

  private final IntelePeerSettings settings;
  private final ResilientHttp http;
  /** For POST: a 500, 502 or 504 may hide an applied Add (no idempotency key): only a 429 is resent. */
  private final ResilientHttp httpForPost;
  /** For the login: it changes nothing at IntelePeer, so it is resent even after a timeout or lost connection. */
  private final ResilientHttp httpForLogin;
  private final RateLimiter limiter;
  private final Clock clock;
  private final String base;
  private final Object authLock = new Object();
  private final List<String> secrets = new CopyOnWriteArrayList<>();
  private volatile Token token;

  private record Token(Secret value, Instant renewAt) {}

  public IntelePeerSession(IntelePeerSettings settings, HttpClient client, Clock clock, Sleeper sleeper) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    RetryPolicy policy = RetryPolicy.custom()
        .maxAttempts(settings.maxAttempts())
        .initialBackoff(settings.initialBackoff())
        .maxBackoff(settings.maxBackoff())
        .maxRetryAfter(settings.maxRetryAfter())
        .maxTotalTime(settings.retryBudget())
        .jitter(Jitter.EQUAL)
        .retryableStatuses(RetryPolicy.DEFAULT_RETRYABLE_STATUSES)
        .build();
    this.http = ResilientHttp.builder(client)
        .retryPolicy(policy)
        .attemptTimeout(settings.requestTimeout())
        .maxResponseBytes(MAX_RESPONSE_BYTES)
        .sleeper(sleeper)
        .clock(clock)
        .build();
    this.httpForPost = ResilientHttp.builder(client)
        .retryPolicy(RetryPolicy.from(policy).retryableStatuses(Set.of(429)).build())
        .attemptTimeout(settings.requestTimeout())
        .maxResponseBytes(MAX_RESPONSE_BYTES)
        .sleeper(sleeper)
        .clock(clock)
        .build();
    this.httpForLogin = ResilientHttp.builder(client)
        .retryPolicy(RetryPolicy.from(policy).retryNonIdempotentWhenUncertain(true).build())
        .attemptTimeout(settings.requestTimeout())
        .maxResponseBytes(MAX_RESPONSE_BYTES)
        .sleeper(sleeper)
        .clock(clock)
        .build();
    this.limiter = new RateLimiter(settings.requestsPerSecond(), clock, sleeper);
    String b = settings.baseUrl().toString();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    secrets.add(settings.password().reveal());
    secrets.add(settings.username().reveal());
  }

  /** What a call produced. */
  public sealed interface Exchange permits Answered, Unanswered {
    /** Attempts that may have reached the server without an answer being seen. */
    int uncertainAttempts();

    /** Whether a write may have been applied unseen. */
    default boolean hadUncertainAttempt() {
      return uncertainAttempts() > 0;
    }
  }

  /** An HTTP answer (any status other than a 401 that survived one re-authentication). */
  public record Answered(String target, int status, HttpHeaders headers, byte[] body, int uncertainAttempts)
      implements Exchange {
    public Answered {
      body = body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }

    /** 2xx. */
    public boolean ok() {
      return status >= 200 && status <= 299;
    }

    /** The body as JSON, if it is JSON. */
    public Optional<JsonNode> json() {
      return Json.parse(body);
    }

    @Override
    public String toString() {
      return "Answered[" + target + " -> " + status + ", bodyBytes=" + body.length + "]";
    }
  }

  /** No usable answer: the typed failure. */
  public record Unanswered(RemoteFailure failure, int uncertainAttempts) implements Exchange {}

  /** Sends a request with a JSON body (or none when {@code body} is null) and extra headers. */
  public Exchange send(String method, String pathAndQuery, JsonNode body, Map<String, String> headers) {
    URI uri = URI.create(base + pathAndQuery);
    String target = method + " " + pathWithoutQuery(pathAndQuery);
    String json = body == null ? null : Json.write(body);
    for (int round = 1; ; round++) {
      Object auth = token();
      if (auth instanceof RemoteFailure f) {
        return new Unanswered(f, 0);
      }
      Token used = (Token) auth;
      ResilientHttp channel = method.equals("POST") ? httpForPost : http;
      HttpOutcome outcome = channel.execute(() -> {
        pace();
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
            .header("Accept", "application/json")
            .header("Authorization", settings.authorizationPrefix() + used.value().reveal());
        headers.forEach(rb::header);
        if (json == null) {
          rb.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
          rb.header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return rb.build();
      });
      if (outcome instanceof HttpOutcome.Response r && r.status() == 401) {
        if (round == 1) {
          LOG.debug("{} answered 401; re-authenticating once", target);
          invalidate(used);
          continue;
        }
        return new Unanswered(new RemoteFailure(RemoteFailure.Kind.AUTHENTICATION, 401, errorCode(r.body()),
            target + " answered 401 again after re-authenticating once; check the API user and the authorization"
                + " prefix setting", Duration.ZERO), r.uncertainAttempts());
      }
      return toExchange(target, outcome);
    }
  }

  private void pace() {
    try {
      limiter.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the rate limit");
    }
  }

  private Exchange toExchange(String target, HttpOutcome outcome) {
    if (outcome instanceof HttpOutcome.Response r) {
      return new Answered(target, r.status(), r.headers(), r.body(), r.uncertainAttempts());
    }
    HttpOutcome.Failure f = (HttpOutcome.Failure) outcome;
    String message = scrub(target + ": " + f.message());
    RemoteFailure failure = switch (f.kind()) {
      case TIMEOUT, CONNECTION, INTERRUPTED -> new RemoteFailure(RemoteFailure.Kind.TRANSIENT, f.lastStatus(), "",
          message, Duration.ZERO);
      case TOO_LARGE -> new RemoteFailure(RemoteFailure.Kind.MALFORMED_RESPONSE, f.lastStatus(), "", message,
          Duration.ZERO);
      case RETRIES_EXHAUSTED -> f.lastStatus() == 429
          ? new RemoteFailure(RemoteFailure.Kind.RATE_LIMITED, 429, "", message, positive(f.retryAfter()))
          : new RemoteFailure(RemoteFailure.Kind.TRANSIENT, f.lastStatus(), "", message, f.retryAfter());
      case INVALID_REQUEST -> Thread.currentThread().isInterrupted()
          ? new RemoteFailure(RemoteFailure.Kind.TRANSIENT, 0, "", target + ": interrupted", Duration.ZERO)
          : new RemoteFailure(RemoteFailure.Kind.INVALID_REQUEST, 0, "", message, Duration.ZERO);
    };
    return new Unanswered(failure, f.uncertainAttempts());
  }

  /** A rate-limited failure always says how long to wait; without a usable Retry-After, one backoff cap. */
  private Duration positive(Duration retryAfter) {
    return retryAfter.isZero() ? settings.maxBackoff() : retryAfter;
  }

  /** The cached token, a fresh one, or the typed failure of authenticating. */
  private Object token() {
    Token t = token;
    if (t != null && clock.instant().isBefore(t.renewAt())) {
      return t;
    }
    synchronized (authLock) {
      t = token;
      if (t != null && clock.instant().isBefore(t.renewAt())) {
        return t;
      }
      Object fresh = authenticate();
      if (fresh instanceof Token nt) {
        token = nt;
      }
      return fresh;
    }
  }

  private void invalidate(Token used) {
    synchronized (authLock) {
      if (token == used) {
        token = null;
      }
    }
  }

  private Object authenticate() {
    ObjectNode body = Json.object();
    body.put("username", settings.username().reveal());
    body.put("password", settings.password().reveal());
    String json = Json.write(body);
    URI uri = URI.create(base + AUTHENTICATE_PATH);
    String target = "POST " + AUTHENTICATE_PATH;
    HttpOutcome outcome = httpForLogin.execute(() -> {
      pace();
      return HttpRequest.newBuilder(uri)
          .header("Accept", "application/json")
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
          .build();
    });
    Exchange ex = toExchange(target, outcome);
    if (ex instanceof Unanswered u) {
      return u.failure();
    }
    Answered a = (Answered) ex;
    if (a.status() == 401 || a.status() == 403) {
      return new RemoteFailure(RemoteFailure.Kind.AUTHENTICATION, a.status(), errorCode(a.body()),
          "IntelePeer refused the API credentials (" + a.status() + " from " + target + ")", Duration.ZERO);
    }
    if (!a.ok()) {
      return failureFor(a);
    }
    Optional<String> tokenText = a.json().flatMap(n -> Json.text(n, "token"));
    if (tokenText.isEmpty() || !tokenText.get().chars().allMatch(c -> c > 32 && c < 127)) {
      return new RemoteFailure(RemoteFailure.Kind.MALFORMED_RESPONSE, a.status(), "",
          target + " answered " + a.status() + " without a usable token", Duration.ZERO);
    }
    secrets.add(tokenText.get());
    if (secrets.size() > 32) {
      secrets.remove(2);
    }
    LOG.debug("authenticated with IntelePeer");
    return new Token(Secret.of(tokenText.get()), clock.instant().plus(lifetime()));
  }

  private Duration lifetime() {
    Duration life = settings.tokenLifetime();
    return life.compareTo(RENEWAL_MARGIN.multipliedBy(2)) > 0 ? life.minus(RENEWAL_MARGIN) : life;
  }

  /** Types a non-2xx answer: 400/422 invalid, 401 authentication, 403 permission, 404, 409, 429, 5xx transient. */
  public RemoteFailure failureFor(Answered a) {
    int s = a.status();
    RemoteFailure.Kind kind = StatusKinds.of(s);
    Duration retryAfter = s == 429
        ? positive(a.headers().firstValue("Retry-After")
            .flatMap(v -> RetryAfter.parse(v, clock, settings.maxRetryAfter())).orElse(Duration.ZERO))
        : Duration.ZERO;
    String detail = detail(a).map(d -> ": " + d).orElse("");
    return new RemoteFailure(kind, s, errorCode(a.body()), a.target() + " answered " + s + detail, retryAfter);
  }

  /** A failure for a 2xx answer whose body cannot be understood. */
  public RemoteFailure malformed(Answered a, String what) {
    return new RemoteFailure(RemoteFailure.Kind.MALFORMED_RESPONSE, a.status(), "",
        a.target() + " answered " + a.status() + " but " + what, Duration.ZERO);
  }

  /** The reasons a refusal gives (problem+json {@code detail}/{@code title}, IntelePeer {@code error}/{@code message}). */
  public List<String> reasons(Answered a) {
    List<String> out = new ArrayList<>();
    detail(a).ifPresent(out::add);
    a.json().map(n -> n.get("errors")).filter(JsonNode::isArray).ifPresent(errors -> errors.forEach(e -> {
      String text = e.isTextual() ? e.asText() : Json.text(e, "message").or(() -> Json.text(e, "detail")).orElse("");
      if (!text.isBlank() && out.size() < 10) {
        out.add(clean(text));
      }
    }));
    if (out.isEmpty()) {
      out.add(a.target() + " answered " + a.status() + " without a reason");
    }
    return out;
  }

  private Optional<String> detail(Answered a) {
    Optional<JsonNode> json = a.json();
    if (json.isEmpty() || !json.get().isObject()) {
      return Optional.empty();
    }
    JsonNode n = json.get();
    Optional<String> title = Json.text(n, "title").or(() -> Json.text(n, "error"));
    Optional<String> detail = Json.text(n, "detail").or(() -> Json.text(n, "message"));
    String joined = title.map(t -> detail.map(d -> t + ": " + d).orElse(t)).or(() -> detail).orElse("");
    return joined.isBlank() ? Optional.empty() : Optional.of(clean(joined));
  }

  private String errorCode(byte[] body) {
    return Json.parse(body).flatMap(n -> Json.text(n, "code").or(() -> Json.text(n, "errorCode"))).map(this::clean)
        .map(c -> c.length() > 64 ? c.substring(0, 64) : c).orElse("");
  }

  /** Remote text made safe to show: no control characters, bounded, credentials masked. */
  String clean(String text) {
    StringBuilder sb = new StringBuilder();
    text.codePoints().limit(MAX_DETAIL).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return scrub(sb.toString().strip());
  }

  /** {@code text} with the password, user name and every token seen masked. */
  public String scrub(String text) {
    return Redactor.scrub(text, secrets);
  }

  /** The credentials this session knows (password, user name, tokens), for scrubbing. */
  public Collection<String> secrets() {
    return List.copyOf(secrets);
  }

  private static String pathWithoutQuery(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
  }
}
