package dev.e911.genesys.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.e911.api.spi.PlatformResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.core.http.StatusKinds;
import dev.e911.api.spi.Secret;
import dev.e911.core.http.HttpOutcome;
import dev.e911.core.http.Jitter;
import dev.e911.core.http.Redactor;
import dev.e911.core.http.ResilientHttp;
import dev.e911.core.http.RetryPolicy;
import dev.e911.core.http.Sleeper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated conversation with the Genesys Cloud Platform API: client-credentials tokens from
 * {@code POST <login>/oauth/token}, cached and renewed at 80% of {@code expires_in}; a 401 on an API call
 * renews the token once and repeats the call once; every call goes through {@link ResilientHttp}
 * (429 waits out {@code Retry-After}, 500/502/503/504 and timeouts back off, bodies bounded); a POST is
 * resent only after a 429, which the server did not apply. Error bodies become {@link RemoteFailure}s
 * carrying the Genesys {@code code}, the status and the {@code contextId}; no message holds the client
 * secret or a token. Also the generic pager and the re-read-and-retry loop for version conflicts.
 * Thread-safe.
 */
public final class GenesysClient {

  private static final Logger LOG = LoggerFactory.getLogger(GenesysClient.class);
  private static final int MAX_DETAIL = 300;
  private static final Set<Integer> RETRIED = Set.of(429, 500, 502, 503, 504);

  private final ClientSettings settings;
  private final ResilientHttp http;
  private final ResilientHttp httpForPost;
  private final ResilientHttp httpForToken;
  private final Clock clock;
  private final String api;
  private final String login;
  private final Object authLock = new Object();
  private final List<String> secrets = new CopyOnWriteArrayList<>();
  private final String basicAuth;
  private volatile Token token;

  private record Token(Secret value, Instant renewAt) {}

  /** What one call answered: a status with its (bounded) body, as JSON when it is JSON. */
  public record Answer(String target, int status, byte[] body) {
    public Answer {
      body = body.clone();
    }

    /** 2xx. */
    public boolean ok() {
      return status >= 200 && status <= 299;
    }

    /** The body as JSON, or an empty object for an empty or non-JSON body. */
    public JsonNode json() {
      return Json.parse(body).orElseGet(Json::object);
    }

    @Override
    public String toString() {
      return "Answer[" + target + " -> " + status + ", bodyBytes=" + body.length + "]";
    }
  }

  public GenesysClient(ClientSettings settings, HttpClient client, Clock clock, Sleeper sleeper) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    RetryPolicy policy = RetryPolicy.custom()
        .maxAttempts(settings.maxAttempts())
        .initialBackoff(settings.initialBackoff())
        .maxBackoff(settings.maxBackoff())
        .maxRetryAfter(settings.maxRetryAfter())
        .maxTotalTime(settings.retryBudget())
        .jitter(Jitter.EQUAL)
        .retryableStatuses(RETRIED)
        .build();
    this.http = build(client, policy, sleeper);
    // a POST that got a 5xx may have been applied: only a 429 (refused, not applied) is resent
    this.httpForPost = build(client, RetryPolicy.from(policy).retryableStatuses(Set.of(429)).build(), sleeper);
    // the token request changes nothing at Genesys: resent after a lost connection, a timeout or a 502-504 too
    this.httpForToken = build(client, RetryPolicy.from(policy).retryNonIdempotentWhenUncertain(true).build(), sleeper);
    this.api = trim(settings.apiBase().toString());
    this.login = trim(settings.loginBase().toString());
    String pair = settings.clientId() + ":" + settings.clientSecret().reveal();
    this.basicAuth = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    secrets.add(settings.clientSecret().reveal());
    secrets.add(basicAuth);
  }

  private ResilientHttp build(HttpClient client, RetryPolicy policy, Sleeper sleeper) {
    return ResilientHttp.builder(client)
        .retryPolicy(policy)
        .attemptTimeout(settings.requestTimeout())
        .maxResponseBytes(settings.maxResponseBytes())
        .sleeper(sleeper)
        .clock(clock)
        .build();
  }

  private static String trim(String base) {
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  /** {@code value} percent-encoded for a path segment or query value. */
  public static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  // ---------------------------------------------------------------- single calls

  /** GET a JSON object or array; a non-2xx answer becomes a typed failure. */
  public PlatformResult<JsonNode> get(String pathAndQuery) {
    return json(call("GET", pathAndQuery, null));
  }

  /** Sends a JSON body (or none when null); a non-2xx answer becomes a typed failure. */
  public PlatformResult<JsonNode> send(String method, String pathAndQuery, JsonNode body) {
    return json(call(method, pathAndQuery, body));
  }

  private PlatformResult<JsonNode> json(PlatformResult<Answer> r) {
    if (r instanceof PlatformResult.Ok<Answer> ok) {
      Answer a = ok.value();
      if (!a.ok()) {
        return new PlatformResult.Failed<>(failureFor(a));
      }
      if (a.body().length > 0 && Json.parse(a.body()).isEmpty()) {
        return new PlatformResult.Failed<>(new RemoteFailure(RemoteFailure.Kind.MALFORMED_RESPONSE, a.status(), "",
            a.target() + " answered " + a.status() + " with a body that is not JSON", Duration.ZERO));
      }
      return new PlatformResult.Ok<>(a.json());
    }
    return retype(r);
  }

  /** Sends a call and returns whatever status came back (after the one re-authentication on 401). */
  public PlatformResult<Answer> call(String method, String pathAndQuery, JsonNode body) {
    URI uri;
    try {
      uri = URI.create(api + pathAndQuery);
    } catch (IllegalArgumentException e) {
      return new PlatformResult.Failed<>(RemoteFailure.of(RemoteFailure.Kind.INVALID_REQUEST,
          "not a valid request path: " + pathOnly(pathAndQuery)));
    }
    String target = method + " " + pathOnly(pathAndQuery);
    String json = body == null ? null : Json.write(body);
    ResilientHttp channel = method.equals("POST") ? httpForPost : http;
    for (int round = 1; ; round++) {
      PlatformResult<Token> auth = token();
      if (!(auth instanceof PlatformResult.Ok<Token> okToken)) {
        return retype(auth);
      }
      Token used = okToken.value();
      HttpOutcome outcome = channel.execute(() -> {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri)
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + used.value().reveal());
        if (json == null) {
          rb.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
          rb.header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return rb.build();
      });
      if (outcome instanceof HttpOutcome.Response r) {
        r.header("ININ-Correlation-Id").ifPresent(id -> LOG.debug("{} -> {} (correlation {})", scrub(target), r.status(), id));
        if (r.status() == 401 && round == 1) {
          LOG.debug("{} answered 401; renewing the token once", scrub(target));
          invalidate(used);
          continue;
        }
        return new PlatformResult.Ok<>(new Answer(target, r.status(), r.body()));
      }
      return new PlatformResult.Failed<>(transportFailure(target, (HttpOutcome.Failure) outcome));
    }
  }

  // ---------------------------------------------------------------- paging

  /**
   * Every entity of a paged listing ({@code entities, pageNumber, pageCount, nextUri}): pages 1, 2, ...
   * until {@code pageCount} is reached, {@code nextUri} is empty or a page is empty; more than the
   * configured number of pages is a failure rather than an endless loop.
   */
  public PlatformResult<List<JsonNode>> list(String path, String query) {
    List<JsonNode> all = new ArrayList<>();
    String sep = path.contains("?") ? "&" : "?";
    String extra = query == null || query.isEmpty() ? "" : "&" + query;
    for (int page = 1; ; page++) {
      if (page > settings.maxPages()) {
        return new PlatformResult.Failed<>(RemoteFailure.of(RemoteFailure.Kind.MALFORMED_RESPONSE,
            "GET " + path + " has more than " + settings.maxPages() + " pages of " + settings.pageSize()));
      }
      PlatformResult<JsonNode> r = get(path + sep + "pageSize=" + settings.pageSize() + "&pageNumber=" + page + extra);
      if (!(r instanceof PlatformResult.Ok<JsonNode> ok)) {
        return retype(r);
      }
      JsonNode listing = ok.value();
      if (listing.isArray()) { // some lists are plain arrays
        listing.forEach(all::add);
        return new PlatformResult.Ok<>(all);
      }
      List<JsonNode> entities = Json.elements(listing, "entities");
      all.addAll(entities);
      JsonNode pageCount = listing.get("pageCount");
      boolean morePages = pageCount != null && pageCount.canConvertToInt() ? page < pageCount.asInt()
          : !Json.text(listing, "nextUri").isEmpty();
      if (entities.isEmpty() || !morePages) {
        return new PlatformResult.Ok<>(all);
      }
    }
  }

  // ---------------------------------------------------------------- optimistic concurrency

  /** The outcome of {@link #update}: the object before, the body written (or the object when unchanged), and whether it changed. */
  public record Update(JsonNode before, JsonNode after, boolean changed) {}

  /**
   * GET {@code readPath}, let {@code change} compute the body to write from it (empty: nothing to change),
   * send it with {@code method} to {@code writePath}; on a version conflict (409, or 400 saying the version
   * does not match) read again and retry, up to the configured number of times.
   */
  public PlatformResult<Update> update(String readPath, String method, String writePath,
      Function<JsonNode, Optional<JsonNode>> change) {
    for (int attempt = 0; ; attempt++) {
      PlatformResult<JsonNode> read = get(readPath);
      if (!(read instanceof PlatformResult.Ok<JsonNode> current)) {
        return retype(read);
      }
      Optional<JsonNode> body = change.apply(current.value());
      if (body.isEmpty()) {
        return new PlatformResult.Ok<>(new Update(current.value(), current.value(), false));
      }
      PlatformResult<Answer> sent = call(method, writePath, body.get());
      if (!(sent instanceof PlatformResult.Ok<Answer> ok)) {
        return retype(sent);
      }
      Answer a = ok.value();
      if (a.ok()) {
        return new PlatformResult.Ok<>(new Update(current.value(), body.get(), true));
      }
      if (!isVersionConflict(a)) {
        return new PlatformResult.Failed<>(failureFor(a));
      }
      if (attempt >= settings.maxConflictRetries()) {
        RemoteFailure f = failureFor(a);
        return new PlatformResult.Failed<>(new RemoteFailure(RemoteFailure.Kind.CONFLICT, a.status(), f.code(),
            f.message() + "; still conflicting after " + (attempt + 1) + " re-reads", Duration.ZERO));
      }
      LOG.debug("{} hit a version conflict; reading again", scrub(a.target()));
    }
  }

  static boolean isVersionConflict(Answer a) {
    if (a.status() == 409) {
      return true;
    }
    return a.status() == 400
        && Json.text(a.json(), "message").toLowerCase(Locale.ROOT).contains("does not match the current version");
  }

  // ---------------------------------------------------------------- errors

  /**
   * Types a non-2xx answer: 400/415/422 invalid, 401 authentication, 403 permission, 404/410 not found,
   * 409 conflict, 429 rate limited, 5xx transient; the message names the call, the Genesys message
   * (scrubbed, bounded) and its {@code contextId}.
   */
  public RemoteFailure failureFor(Answer a) {
    int s = a.status();
    RemoteFailure.Kind kind = StatusKinds.of(s);
    JsonNode body = a.json();
    String code = clean(Json.text(body, "code"));
    if (code.isEmpty()) {
      code = clean(Json.text(body, "error")); // OAuth-style bodies
    }
    code = code.length() > 64 ? code.substring(0, 64) : code;
    String message = clean(Json.text(body, "message"));
    if (message.isEmpty()) {
      message = clean(Json.text(body, "error_description"));
    }
    if (message.isEmpty()) {
      message = clean(Json.text(body, "description"));
    }
    String contextId = clean(Json.text(body, "contextId"));
    StringBuilder sb = new StringBuilder(a.target()).append(" answered ").append(s);
    if (!code.isEmpty()) {
      sb.append(" ").append(code);
    }
    if (!message.isEmpty()) {
      sb.append(": ").append(message);
    }
    if (!contextId.isEmpty()) {
      sb.append(" (contextId ").append(contextId).append(")");
    }
    return new RemoteFailure(kind, s, code, scrub(sb.toString()), Duration.ZERO);
  }

  private RemoteFailure transportFailure(String target, HttpOutcome.Failure f) {
    String message = scrub(target + ": " + f.message());
    return switch (f.kind()) {
      case TIMEOUT, CONNECTION, INTERRUPTED -> new RemoteFailure(RemoteFailure.Kind.TRANSIENT, f.lastStatus(), "",
          message, Duration.ZERO);
      case TOO_LARGE -> new RemoteFailure(RemoteFailure.Kind.MALFORMED_RESPONSE, f.lastStatus(), "", message,
          Duration.ZERO);
      case RETRIES_EXHAUSTED -> f.lastStatus() == 429
          ? new RemoteFailure(RemoteFailure.Kind.RATE_LIMITED, 429, "too.many.requests", message,
              f.retryAfter().isZero() ? settings.maxBackoff() : f.retryAfter())
          : new RemoteFailure(RemoteFailure.Kind.TRANSIENT, f.lastStatus(), "", message, f.retryAfter());
      case INVALID_REQUEST -> new RemoteFailure(RemoteFailure.Kind.INVALID_REQUEST, 0, "", message, Duration.ZERO);
    };
  }

  /** Remote text made safe to show: no control characters, bounded, credentials masked. */
  String clean(String text) {
    StringBuilder sb = new StringBuilder();
    text.codePoints().limit(MAX_DETAIL).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return scrub(sb.toString().strip());
  }

  /**
   * Masks {@code value} from now on wherever the client scrubs (messages, logs), like a token: for
   * values that act as credentials, such as a notification channel id (its {@code connectUri} is the
   * socket's only credential). Values shorter than 8 characters are ignored.
   */
  public void mask(String value) {
    if (value != null && value.length() >= 8) {
      secrets.add(value);
      if (secrets.size() > 34) {
        secrets.remove(2);
      }
    }
  }

  /** {@code text} with the client secret, the Basic credentials, every token seen and every masked value masked. */
  public String scrub(String text) {
    return Redactor.scrub(text, secrets);
  }

  // ---------------------------------------------------------------- tokens

  private PlatformResult<Token> token() {
    Token t = token;
    if (t != null && clock.instant().isBefore(t.renewAt())) {
      return new PlatformResult.Ok<>(t);
    }
    synchronized (authLock) {
      t = token;
      if (t != null && clock.instant().isBefore(t.renewAt())) {
        return new PlatformResult.Ok<>(t);
      }
      PlatformResult<Token> fresh = authenticate();
      if (fresh instanceof PlatformResult.Ok<Token> ok) {
        token = ok.value();
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

  private PlatformResult<Token> authenticate() {
    URI uri = URI.create(login + "/oauth/token");
    String target = "POST /oauth/token";
    HttpOutcome outcome = httpForToken.execute(() -> HttpRequest.newBuilder(uri)
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + basicAuth)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials", StandardCharsets.UTF_8))
        .build());
    if (outcome instanceof HttpOutcome.Failure f) {
      return new PlatformResult.Failed<>(transportFailure(target, f));
    }
    HttpOutcome.Response r = (HttpOutcome.Response) outcome;
    Answer a = new Answer(target, r.status(), r.body());
    if (r.status() == 400 || r.status() == 401 || r.status() == 403) {
      RemoteFailure f = failureFor(a);
      return new PlatformResult.Failed<>(new RemoteFailure(RemoteFailure.Kind.AUTHENTICATION, r.status(), f.code(),
          "Genesys Cloud refused the OAuth client credentials: " + f.message(), Duration.ZERO));
    }
    if (!a.ok()) {
      return new PlatformResult.Failed<>(failureFor(a));
    }
    JsonNode body = a.json();
    String access = Json.text(body, "access_token");
    if (access.isEmpty() || !access.chars().allMatch(c -> c > 32 && c < 127)) {
      return new PlatformResult.Failed<>(new RemoteFailure(RemoteFailure.Kind.MALFORMED_RESPONSE, r.status(), "",
          target + " answered " + r.status() + " without a usable access_token", Duration.ZERO));
    }
    long expiresIn = body.path("expires_in").asLong(86_399);
    expiresIn = Math.max(60, Math.min(expiresIn, 172_800));
    secrets.add(access);
    if (secrets.size() > 34) {
      secrets.remove(2);
    }
    LOG.debug("got a Genesys Cloud token valid for {} s", expiresIn);
    return new PlatformResult.Ok<>(new Token(Secret.of(access), clock.instant().plusSeconds(expiresIn * 8 / 10)));
  }

  // ---------------------------------------------------------------- helpers

  /** The same failure or unsupported result, retyped. */
  @SuppressWarnings("unchecked")
  public static <T> PlatformResult<T> retype(PlatformResult<?> r) {
    if (r instanceof PlatformResult.Failed<?> f) {
      return new PlatformResult.Failed<>(f.failure());
    }
    if (r instanceof PlatformResult.Unsupported<?> u) {
      return new PlatformResult.Unsupported<>(u.reason());
    }
    throw new IllegalArgumentException("not a failure: " + r.getClass().getSimpleName());
  }

  private static String pathOnly(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
  }
}
