package dev.e911.core.http;

import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violations;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request to a remote HTTP API through a JDK {@link HttpClient} with the resilience every
 * e911 adapter needs: a per-attempt timeout covering headers and body, retries by a
 * {@link RetryPolicy} (honouring {@code Retry-After}, capped), a bounded response body, and a
 * {@link Sleeper} and {@link Clock} that tests replace. It never throws for remote trouble; it
 * returns an {@link HttpOutcome}. Nothing it logs or puts in an outcome contains a header value,
 * a query string or a body. Instances are immutable and thread-safe.
 *
 * <p>Idempotency stays with the caller: a POST or PATCH that times out or loses its connection
 * after it may have reached the server is not resent unless the policy says so, and every
 * outcome reports {@link HttpOutcome#uncertainAttempts()} so an adapter can re-read remote state
 * before re-sending. Note that the JDK client itself silently resends an idempotent request once
 * when a connection closes before any response byte, so one attempt can be two requests on the
 * wire.
 *
 * <pre>{@code
 * ResilientHttp http = ResilientHttp.builder(HttpClient.newHttpClient())
 *         .retryPolicy(RetryPolicy.ofDefaults())
 *         .attemptTimeout(Duration.ofSeconds(10))
 *         .build();
 * HttpOutcome outcome = http.execute(() -> HttpRequest.newBuilder(uri)
 *         .header("Authorization", "Bearer " + token.reveal()).GET().build());
 * if (outcome instanceof HttpOutcome.Response r && r.isSuccessful()) { ... }
 * }</pre>
 */
public final class ResilientHttp {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientHttp.class);

    /** RFC 9110 section 9.2.2. */
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

    private static final int MAX_DETAIL_LENGTH = 200;

    /** Default bound on a response body: 1 MiB. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1 << 20;

    private final HttpClient client;
    private final RetryPolicy policy;
    private final Duration attemptTimeout;
    private final int maxResponseBytes;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Set<String> sensitiveHeaders;

    private ResilientHttp(Builder b) {
        this.client = b.client;
        this.policy = b.policy;
        this.attemptTimeout = b.attemptTimeout;
        this.maxResponseBytes = b.maxResponseBytes;
        this.sleeper = b.sleeper;
        this.clock = b.clock;
        this.sensitiveHeaders = Set.copyOf(b.sensitiveHeaders);
    }

    /** A builder sending through {@code client}. */
    public static Builder builder(HttpClient client) {
        return new Builder(Objects.requireNonNull(client, "client"));
    }

    /** The retry policy in force. */
    public RetryPolicy retryPolicy() {
        return policy;
    }

    /** The time one attempt may take, from sending to the last body byte. */
    public Duration attemptTimeout() {
        return attemptTimeout;
    }

    /** The largest response body accepted. */
    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * Sends a request that can be sent more than once as it is (no body, or a body publisher
     * that replays, such as {@code ofString} or {@code ofByteArray}).
     */
    public HttpOutcome execute(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        return execute(() -> request);
    }

    /**
     * Sends the request built by {@code requests}, which is called once per attempt (so it can
     * fetch a fresh token or a fresh body publisher each time).
     */
    public HttpOutcome execute(Supplier<HttpRequest> requests) {
        Objects.requireNonNull(requests, "requests");
        Instant start = clock.instant();
        int uncertain = 0;
        int lastStatus = 0;
        Duration retryAfter = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            int sent = attempt - 1;
            if (Thread.currentThread().isInterrupted()) {
                return new HttpOutcome.Failure(HttpOutcome.Failure.Kind.INTERRUPTED, sent, uncertain, lastStatus, retryAfter,
                        "interrupted before attempt " + attempt);
            }
            HttpRequest request;
            try {
                request = Objects.requireNonNull(requests.get(), "the request supplier returned null");
            } catch (RuntimeException e) {
                // the exception's message is the caller's text and may hold a credential: name the type only
                return new HttpOutcome.Failure(HttpOutcome.Failure.Kind.INVALID_REQUEST, sent, uncertain, lastStatus,
                        retryAfter, "the request supplier failed with " + e.getClass().getName());
            }
            Set<String> secrets = secretsOf(request);
            String target = request.method() + " " + Redactor.describe(request.uri());
            String where = target + ": attempt " + attempt + " of " + policy.maxAttempts();

            Attempt result = sendOnce(request);
            if (result.status != 0) {
                lastStatus = result.status;
                retryAfter = Duration.ZERO;
            }
            if (result.uncertain) {
                uncertain++;
            }
            HttpOutcome.Failure.Kind kind;
            String what;
            Duration delay;
            switch (result.type) {
                case RESPONSE: {
                    HttpResponse<byte[]> response = result.response;
                    if (!policy.isRetryableStatus(response.statusCode())) {
                        return new HttpOutcome.Response(response.statusCode(), response.headers(), response.body(),
                                attempt, uncertain);
                    }
                    kind = HttpOutcome.Failure.Kind.RETRIES_EXHAUSTED;
                    what = "answered " + response.statusCode();
                    Optional<Duration> asked = response.headers().firstValue("retry-after")
                            .flatMap(v -> RetryAfter.parse(v, clock, policy.maxRetryAfter()));
                    int retry = attempt;
                    retryAfter = asked.orElse(Duration.ZERO);
                    delay = asked.orElseGet(() -> policy.backoff(retry));
                    break;
                }
                case TOO_LARGE:
                    return failure(HttpOutcome.Failure.Kind.TOO_LARGE, attempt, uncertain, lastStatus, retryAfter,
                            where + " " + result.detail + "; not retried", secrets);
                case INTERRUPTED:
                    return failure(HttpOutcome.Failure.Kind.INTERRUPTED, attempt, uncertain, lastStatus, retryAfter,
                            where + " was interrupted", secrets);
                case REJECTED:
                    return failure(HttpOutcome.Failure.Kind.INVALID_REQUEST, attempt - 1, uncertain, lastStatus, retryAfter,
                            target + ": the HTTP client rejected the request: " + result.detail, secrets);
                case TIMEOUT:
                case CONNECTION: {
                    kind = result.type == AttemptType.TIMEOUT
                            ? HttpOutcome.Failure.Kind.TIMEOUT : HttpOutcome.Failure.Kind.CONNECTION;
                    what = result.detail;
                    if (result.uncertain && !IDEMPOTENT_METHODS.contains(request.method())
                            && !policy.retryNonIdempotentWhenUncertain()) {
                        return failure(kind, attempt, uncertain, lastStatus, retryAfter, where + " " + what
                                + "; not retried because the server may have applied this " + request.method(), secrets);
                    }
                    delay = policy.backoff(attempt);
                    break;
                }
                default:
                    throw new AssertionError(result.type);
            }
            if (attempt >= policy.maxAttempts()) {
                return failure(kind, attempt, uncertain, lastStatus, retryAfter, where + " " + what + "; no attempts left", secrets);
            }
            Duration elapsed = Duration.between(start, clock.instant());
            if (elapsed.plus(delay).compareTo(policy.maxTotalTime()) > 0) {
                return failure(kind, attempt, uncertain, lastStatus, retryAfter, where + " " + what + "; waiting " + delay
                        + " would exceed the retry budget of " + policy.maxTotalTime(), secrets);
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {}; retrying in {}", where, Redactor.scrub(what, secrets), delay);
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failure(HttpOutcome.Failure.Kind.INTERRUPTED, attempt, uncertain, lastStatus, retryAfter,
                        where + " " + what + "; interrupted while waiting to retry", secrets);
            }
        }
    }

    private Set<String> secretsOf(HttpRequest request) {
        Set<String> secrets = new LinkedHashSet<>(Redactor.secretsIn(request.headers(), sensitiveHeaders));
        if (request.uri().getRawQuery() != null) {
            secrets.add(request.uri().getRawQuery());
        }
        if (request.uri().getRawUserInfo() != null) {
            secrets.add(request.uri().getRawUserInfo());
        }
        return secrets;
    }

    private static HttpOutcome.Failure failure(HttpOutcome.Failure.Kind kind, int attempts, int uncertain,
            int lastStatus, Duration retryAfter, String message, Collection<String> secrets) {
        return new HttpOutcome.Failure(kind, attempts, uncertain, lastStatus, retryAfter, Redactor.scrub(message, secrets));
    }

    private enum AttemptType { RESPONSE, TOO_LARGE, TIMEOUT, CONNECTION, INTERRUPTED, REJECTED }

    /** What one attempt produced; {@code uncertain} when the server may have applied it unseen. */
    private static final class Attempt {
        final AttemptType type;
        final HttpResponse<byte[]> response;
        final int status;
        final boolean uncertain;
        final String detail;

        private Attempt(AttemptType type, HttpResponse<byte[]> response, int status, boolean uncertain, String detail) {
            this.type = type;
            this.response = response;
            this.status = status;
            this.uncertain = uncertain;
            this.detail = detail;
        }

        static Attempt of(HttpResponse<byte[]> response) {
            return new Attempt(AttemptType.RESPONSE, response, response.statusCode(), false, "");
        }

        static Attempt of(AttemptType type, int status, boolean uncertain, String detail) {
            return new Attempt(type, null, status, uncertain, detail);
        }
    }

    private Attempt sendOnce(HttpRequest original) {
        HttpRequest request = withAttemptTimeout(original);
        AtomicInteger statusSeen = new AtomicInteger();
        HttpResponse.BodyHandler<byte[]> bounded = BoundedBodySubscriber.handler(maxResponseBytes);
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            statusSeen.set(info.statusCode());
            return bounded.apply(info);
        };
        CompletableFuture<HttpResponse<byte[]>> future;
        try {
            future = client.sendAsync(request, handler);
        } catch (IllegalArgumentException e) {
            return Attempt.of(AttemptType.REJECTED, 0, false, detail(e));
        }
        try {
            return Attempt.of(future.get(attemptTimeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            return Attempt.of(AttemptType.TIMEOUT, statusSeen.get(), true, timedOut(statusSeen.get()));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return Attempt.of(AttemptType.INTERRUPTED, statusSeen.get(), true, "interrupted");
        } catch (CancellationException e) {
            return Attempt.of(AttemptType.CONNECTION, statusSeen.get(), true, "cancelled");
        } catch (ExecutionException e) {
            return classify(unwrap(e), statusSeen.get());
        }
    }

    private String timedOut(int status) {
        return status == 0
                ? "timed out after " + attemptTimeout + " waiting for the response"
                : "timed out after " + attemptTimeout + " reading the body of a " + status + " response";
    }

    private Attempt classify(Throwable cause, int status) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BoundedBodySubscriber.TooLargeException) {
                return Attempt.of(AttemptType.TOO_LARGE, status, false, "response " + t.getMessage());
            }
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return Attempt.of(AttemptType.TIMEOUT, 0, false, "timed out connecting: " + detail(cause));
        }
        if (cause instanceof HttpTimeoutException) {
            return Attempt.of(AttemptType.TIMEOUT, status, true, timedOut(status));
        }
        if (cause instanceof ConnectException) {
            return Attempt.of(AttemptType.CONNECTION, 0, false, "could not connect: " + detail(cause));
        }
        if (cause instanceof IllegalArgumentException) {
            return Attempt.of(AttemptType.REJECTED, 0, false, detail(cause));
        }
        String phase = status == 0 ? "before the response" : "while reading the body of a " + status + " response";
        return Attempt.of(AttemptType.CONNECTION, status, true, "connection failed " + phase + ": " + detail(cause));
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Exception type and (length-limited) message; the caller scrubs secrets from it. */
    private static String detail(Throwable t) {
        String message = t.getMessage();
        String text = message == null ? t.getClass().getName() : t.getClass().getName() + ": " + message;
        return text.length() > MAX_DETAIL_LENGTH ? text.substring(0, MAX_DETAIL_LENGTH) + "..." : text;
    }

    private HttpRequest withAttemptTimeout(HttpRequest request) {
        Duration timeout = request.timeout()
                .filter(t -> t.compareTo(attemptTimeout) < 0)
                .orElse(attemptTimeout);
        return HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
    }

    @Override
    public String toString() {
        return "ResilientHttp[attemptTimeout=" + attemptTimeout + ", maxResponseBytes=" + maxResponseBytes
                + ", " + policy + "]";
    }

    /** Builder for {@link ResilientHttp}; {@link #build()} validates every option at once. */
    public static final class Builder {
        private final HttpClient client;
        private RetryPolicy policy = RetryPolicy.ofDefaults();
        private Duration attemptTimeout = Duration.ofSeconds(10);
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private Sleeper sleeper = Sleeper.system();
        private Clock clock = Clock.systemUTC();
        private final Set<String> sensitiveHeaders = new LinkedHashSet<>();
        private boolean sensitiveHeadersNull;

        private Builder(HttpClient client) {
            this.client = client;
        }

        /** Retry policy. Default {@link RetryPolicy#ofDefaults()}. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** Time one attempt may take, headers and body; positive, at most a day. Default 10 s. */
        public Builder attemptTimeout(Duration attemptTimeout) {
            this.attemptTimeout = attemptTimeout;
            return this;
        }

        /** Largest response body accepted; larger ones fail as {@code TOO_LARGE}. Default 1 MiB. */
        public Builder maxResponseBytes(int maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /** How to wait between attempts. Default {@link Sleeper#system()}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** Clock for the time budget and HTTP-date {@code Retry-After}. Default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Further request headers whose values are credentials, in addition to
         * {@link Redactor#SENSITIVE_HEADERS}; their values are masked in every message.
         */
        public Builder sensitiveHeaders(Collection<String> names) {
            if (names == null) {
                sensitiveHeadersNull = true;
            } else {
                sensitiveHeaders.addAll(names);
            }
            return this;
        }

        /**
         * Validates every option and builds.
         *
         * @throws InvalidValueException listing every invalid option
         */
        public ResilientHttp build() {
            Violations v = Violations.forType("ResilientHttp");
            ConfigChecks.present(v, "retryPolicy", policy);
            ConfigChecks.positive(v, "attemptTimeout", attemptTimeout, RetryPolicy.LONGEST_WAIT);
            v.check(maxResponseBytes < 1 || maxResponseBytes > Integer.MAX_VALUE - 8, "maxResponseBytes", "range",
                    "must be between 1 and " + (Integer.MAX_VALUE - 8) + ", got " + maxResponseBytes);
            ConfigChecks.present(v, "sleeper", sleeper);
            ConfigChecks.present(v, "clock", clock);
            v.check(sensitiveHeadersNull, "sensitiveHeaders", "required", "must not be null");
            for (String name : sensitiveHeaders) {
                v.check(name == null || name.isBlank(), "sensitiveHeaders", "not.blank", "must not contain a blank or null name");
            }
            v.throwIfAny();
            return new ResilientHttp(this);
        }
    }
}
