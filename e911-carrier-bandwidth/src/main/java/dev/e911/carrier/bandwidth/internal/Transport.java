package dev.e911.carrier.bandwidth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.e911.carrier.bandwidth.BandwidthConfig;
import dev.e911.core.http.HttpOutcome;
import dev.e911.core.http.Redactor;
import dev.e911.core.http.ResilientHttp;
import dev.e911.core.http.RetryPolicy;
import dev.e911.core.http.Sleeper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every HTTP exchange with Bandwidth: {@link ResilientHttp} (per-attempt timeout, retry of 429/502-504
 * and of idempotent reads, Retry-After, bounded body) with one client-side {@link TokenBucket} slot
 * per attempt, the credentials (Basic, or an OAuth2 bearer token fetched, cached and refreshed 60 s
 * early; one fresh token and one resend after a 401, never a loop), and {@link #scrub} for every text
 * that leaves the adapter. POST/PATCH are never resent after an uncertain attempt: callers re-read.
 */
public final class Transport {

  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
  private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (a, b) -> true);

  private final BandwidthConfig config;
  private final ResilientHttp http;
  private final ResilientHttp writes;
  private final ResilientHttp tokens;
  private final TokenBucket bucket;
  private final Clock clock;
  private final Set<String> secrets;
  private final Payloads payloads;
  private String token;
  private Instant tokenExpires = Instant.MIN;

  /** A transport for {@code config}. */
  public Transport(BandwidthConfig config, HttpClient client, Clock clock, Sleeper sleeper, Collection<String> secrets,
      Payloads payloads) {
    this.config = config;
    this.clock = clock;
    this.payloads = payloads;
    this.secrets = Set.copyOf(secrets);
    RetryPolicy policy = RetryPolicy.custom()
        .maxAttempts(config.maxAttempts())
        .initialBackoff(config.retryInitialBackoff())
        .maxBackoff(config.retryMaxBackoff())
        .maxRetryAfter(config.maxRetryAfter())
        .maxTotalTime(config.attemptTimeout().multipliedBy(config.maxAttempts()).plus(config.maxRetryAfter())
            .plus(config.retryMaxBackoff().multipliedBy(config.maxAttempts())))
        .build();
    this.http = ResilientHttp.builder(client)
        .retryPolicy(policy)
        .attemptTimeout(config.attemptTimeout())
        .maxResponseBytes(config.maxResponseBytes())
        .sleeper(sleeper)
        .clock(clock)
        .build();
    // a POST or PATCH is resent only after answers that say it was not applied (429, 503); a 500, 502 or
    // 504 may hide an applied order, so the operation re-reads (see isUncertainWrite) instead
    this.writes = ResilientHttp.builder(client)
        .retryPolicy(RetryPolicy.from(policy).retryableStatuses(Set.of(429, 503)).build())
        .attemptTimeout(config.attemptTimeout())
        .maxResponseBytes(config.maxResponseBytes())
        .sleeper(sleeper)
        .clock(clock)
        .build();
    // the OAuth token request changes nothing at Bandwidth: resent after a lost connection or a timeout too
    this.tokens = ResilientHttp.builder(client)
        .retryPolicy(RetryPolicy.from(policy).retryNonIdempotentWhenUncertain(true).build())
        .attemptTimeout(config.attemptTimeout())
        .maxResponseBytes(config.maxResponseBytes())
        .sleeper(sleeper)
        .clock(clock)
        .build();
    this.bucket = new TokenBucket(config.requestsPerSecond(), clock, sleeper);
  }

  /** {@code text} with every configured credential and the current token masked. */
  public String scrub(String text) {
    Set<String> all = new LinkedHashSet<>(secrets);
    synchronized (this) {
      if (token != null) {
        all.add(token);
      }
    }
    return Redactor.scrub(text, all);
  }

  /** Sends a request; {@code body} may be null for GET and DELETE. */
  public HttpOutcome send(String method, URI uri, byte[] body, String contentType) {
    HttpOutcome first = sendOnce(method, uri, body, contentType, false);
    if (config.credentials() instanceof BandwidthConfig.OAuth2 && first instanceof HttpOutcome.Response r && r.status() == 401
        && r.headers() != NO_HEADERS) { // NO_HEADERS (by identity) marks the token endpoint's own refusal: no second try
      LOG.info("Bandwidth refused the bearer token for {} {}; fetching one fresh token and resending once", method,
          Redactor.describe(uri));
      return sendOnce(method, uri, body, contentType, true);
    }
    return first;
  }

  private HttpOutcome sendOnce(String method, URI uri, byte[] body, String contentType, boolean freshToken) {
    String authorization;
    if (config.credentials() instanceof BandwidthConfig.Basic basic) {
      authorization = "Basic " + Base64.getEncoder().encodeToString(
          (basic.username().reveal() + ":" + basic.password().reveal()).getBytes(StandardCharsets.UTF_8));
    } else {
      Object bearer = bearer(freshToken);
      if (bearer instanceof HttpOutcome refused) {
        return refused;
      }
      authorization = "Bearer " + bearer;
    }
    String accept = contentType.contains("json") ? "application/json" : "application/xml";
    ResilientHttp client = method.equals("POST") || method.equals("PATCH") ? writes : http;
    return client.execute(() -> {
      acquireSlot();
      HttpRequest.Builder b = HttpRequest.newBuilder(uri)
          .timeout(config.attemptTimeout())
          .header("Authorization", authorization)
          .header("Accept", accept)
          .header("User-Agent", "e911-carrier-bandwidth");
      if (body != null) {
        b.header("Content-Type", contentType + "; charset=utf-8");
        b.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      return b.build();
    });
  }

  private void acquireSlot() {
    try {
      bucket.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the request rate limit");
    }
  }

  /** The bearer token, or the outcome of a token request that failed (as a 401 response when refused). */
  private synchronized Object bearer(boolean fresh) {
    BandwidthConfig.OAuth2 o = (BandwidthConfig.OAuth2) config.credentials();
    if (!fresh && token != null && clock.instant().isBefore(tokenExpires)) {
      return token;
    }
    token = null;
    String basic = Base64.getEncoder().encodeToString(
        (o.clientId().reveal() + ":" + o.clientSecret().reveal()).getBytes(StandardCharsets.UTF_8));
    byte[] form = ("grant_type=" + URLEncoder.encode("client_credentials", StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    HttpOutcome outcome = tokens.execute(() -> {
      acquireSlot();
      return HttpRequest.newBuilder(o.tokenUrl())
          .timeout(config.attemptTimeout())
          .header("Authorization", "Basic " + basic)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(form))
          .build();
    });
    if (!(outcome instanceof HttpOutcome.Response r)) {
      return outcome;
    }
    if (r.status() == 400 || r.status() == 401 || r.status() == 403) {
      // invalid_client / unauthorized_client: the credentials are wrong; never loop on them
      return new HttpOutcome.Response(401, NO_HEADERS, new byte[0], r.attempts(), r.uncertainAttempts());
    }
    if (!r.isSuccessful()) {
      return r;
    }
    try {
      JsonNode json = payloads.readJson(r.body());
      Optional<String> access = Nodes.text(json, "access_token");
      if (access.isEmpty()) {
        return new HttpOutcome.Response(502, NO_HEADERS, new byte[0], r.attempts(), r.uncertainAttempts());
      }
      long expiresIn = Nodes.text(json, "expires_in").map(Long::parseLong).orElse(300L);
      token = access.get();
      tokenExpires = clock.instant().plusSeconds(Math.max(0, expiresIn - 60));
      return token;
    } catch (RuntimeException e) {
      return new HttpOutcome.Response(502, NO_HEADERS, new byte[0], r.attempts(), r.uncertainAttempts());
    }
  }

  /**
   * Whether a write's outcome leaves open that it was applied: an attempt timed out or lost its
   * connection, or the answer was 500, 502 or 504 (a gateway may have passed it on).
   */
  public static boolean isUncertainWrite(HttpOutcome outcome) {
    if (outcome.hadUncertainAttempt()) {
      return true;
    }
    return outcome instanceof HttpOutcome.Response r && (r.status() == 500 || r.status() == 502 || r.status() == 504);
  }

  /** {@code base/segments...} with each segment percent-encoded, plus {@code query} pairs (name, value, name, value ...). */
  public static URI uri(URI base, List<String> segments, String... query) {
    StringBuilder sb = new StringBuilder(base.toString());
    for (String s : segments) {
      sb.append('/').append(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    for (int i = 0; i + 1 < query.length; i += 2) {
      sb.append(i == 0 ? '?' : '&').append(URLEncoder.encode(query[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(query[i + 1], StandardCharsets.UTF_8));
    }
    return URI.create(sb.toString());
  }

  /** How long the transport waits for one attempt. */
  public Duration attemptTimeout() {
    return config.attemptTimeout();
  }
}
