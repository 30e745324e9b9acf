package dev.e911.core.http;

import static dev.e911.testkit.http.StubResponse.json;
import static dev.e911.testkit.http.StubResponse.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.core.http.HttpOutcome.Failure;
import dev.e911.core.http.HttpOutcome.Response;
import dev.e911.testkit.http.StubHttpServer;
import dev.e911.testkit.http.StubResponse;
import dev.e911.testkit.http.StubRoute;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link ResilientHttp} against a real HTTP server on loopback; waits are recorded, not slept. */
class ResilientHttpTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    /** Per-attempt timeout for the timeout tests: far below the stub's 10 s delays, far above a loopback answer. */
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);
    private static final String TOKEN = "eyJhbGciOi.s3cr3t-access-token.sig";

    private final StubHttpServer server = StubHttpServer.start();
    private final TestClock clock = new TestClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final RetryPolicy policy = RetryPolicy.custom()
            .maxAttempts(4)
            .initialBackoff(Duration.ofMillis(100))
            .multiplier(2)
            .maxBackoff(Duration.ofSeconds(1))
            .jitter(Jitter.NONE)
            .maxTotalTime(Duration.ofSeconds(60))
            .maxRetryAfter(Duration.ofSeconds(5))
            .build();

    @AfterEach
    void stop() {
        server.close();
    }

    private ResilientHttp http(RetryPolicy p) {
        return http(p, Duration.ofSeconds(2));
    }

    private ResilientHttp http(RetryPolicy p, Duration attemptTimeout) {
        return ResilientHttp.builder(CLIENT).retryPolicy(p).attemptTimeout(attemptTimeout)
                .sleeper(sleeper).clock(clock).build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + TOKEN).GET().build();
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(server.uri(path)).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static Response response(HttpOutcome outcome) {
        assertThat(outcome).isInstanceOf(Response.class);
        return (Response) outcome;
    }

    private static Failure failure(HttpOutcome outcome) {
        assertThat(outcome).isInstanceOf(Failure.class);
        return (Failure) outcome;
    }

    @Nested
    @DisplayName("responses")
    class Responses {
        @Test
        void a_200_first_time_is_returned_after_one_attempt() {
            server.on("GET", "/v2/users/me").respond(json(200, "{\"id\":\"u1\"}").header("X-Trace", "abc"));

            Response r = response(http(policy).execute(get("/v2/users/me")));

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bodyUtf8()).isEqualTo("{\"id\":\"u1\"}");
            assertThat(r.header("x-trace")).contains("abc");
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.hadUncertainAttempt()).isFalse();
            assertThat(sleeper.waits).isEmpty();
            assertThat(server.requests()).singleElement()
                    .satisfies(req -> assertThat(req.header("authorization")).contains("Bearer " + TOKEN));
        }

        @Test
        void a_non_retryable_500_is_returned_as_it_is() {
            server.on("GET", "/x").respond(json(500, "{\"code\":\"internal\"}"));

            Response r = response(http(policy).execute(get("/x")));

            assertThat(r.status()).isEqualTo(500);
            assertThat(r.isSuccessful()).isFalse();
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(server.requestCount()).isEqualTo(1);
        }

        @Test
        void a_401_is_never_retried() {
            server.on("GET", "/x").respond(json(401, "{\"code\":\"bad.credentials\"}"), status(200));

            assertThat(response(http(policy).execute(get("/x"))).status()).isEqualTo(401);
            assertThat(server.requestCount()).isEqualTo(1);
        }

        @Test
        void a_409_is_retried_only_when_the_policy_says_so() {
            server.on("PUT", "/v2/locations/l1").respond(status(409), status(200));
            HttpRequest put = HttpRequest.newBuilder(server.uri("/v2/locations/l1"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{}")).build();

            assertThat(response(http(policy).execute(put)).status()).isEqualTo(409);
            Response retried = response(http(RetryPolicy.from(policy).retryOnConflict(true).build()).execute(put));
            assertThat(retried.status()).isEqualTo(200);
            assertThat(retried.attempts()).isEqualTo(1); // the script moved on: the second call got the 200
        }
    }

    @Nested
    @DisplayName("retries")
    class Retries {
        @Test
        void a_429_with_retry_after_one_second_waits_one_second_then_succeeds() {
            server.on("GET", "/v2/users").respond(StubResponse.tooManyRequests("1"), json(200, "[]"));

            Response r = response(http(policy).execute(get("/v2/users")));

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
        }

        @Test
        void a_retry_after_http_date_is_measured_against_the_clock() {
            String inThreeSeconds = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC).format(clock.instant().plusSeconds(3));
            server.on("GET", "/x").respond(StubResponse.tooManyRequests(inThreeSeconds), status(200));

            assertThat(response(http(policy).execute(get("/x"))).status()).isEqualTo(200);
            assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3));
        }

        @Test
        void a_rate_limit_that_outlasts_the_attempts_reports_the_wait_it_asked_for() {
            server.on("GET", "/x").respond(StubResponse.tooManyRequests("2"));

            Failure f = failure(http(RetryPolicy.from(policy).maxAttempts(2).build()).execute(get("/x")));

            assertThat(f.kind()).isEqualTo(Failure.Kind.RETRIES_EXHAUSTED);
            assertThat(f.lastStatus()).isEqualTo(429);
            assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(2));
            assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
        }

        @Test
        void retry_after_zero_means_retry_at_once() {
            server.on("GET", "/x").respond(status(503).header("Retry-After", "0"), status(200));

            response(http(policy).execute(get("/x")));

            assertThat(sleeper.waits).containsExactly(Duration.ZERO);
        }

        @Test
        void a_long_retry_after_is_capped_by_the_policy() {
            server.on("GET", "/x").respond(StubResponse.tooManyRequests("3600"), status(200));

            response(http(policy).execute(get("/x")));

            assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(5));
        }

        @Test
        void a_garbage_retry_after_falls_back_to_backoff() {
            server.on("GET", "/x").respond(StubResponse.tooManyRequests("soon-ish"), status(200));

            response(http(policy).execute(get("/x")));

            assertThat(sleeper.waits).containsExactly(Duration.ofMillis(100));
        }

        @Test
        void two_503s_then_200_back_off_exponentially() {
            server.on("GET", "/x").respond(status(503), status(503), json(200, "{}"));

            Response r = response(http(policy).execute(get("/x")));

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.attempts()).isEqualTo(3);
            assertThat(sleeper.waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(server.requestCount()).isEqualTo(3);
        }

        @Test
        void a_500_under_a_policy_that_retries_it_is_retried() {
            server.on("GET", "/x").respond(status(500), status(200));
            RetryPolicy with500 = RetryPolicy.from(policy)
                    .retryableStatuses(java.util.Set.of(500, 503)).build();

            assertThat(response(http(with500).execute(get("/x"))).attempts()).isEqualTo(2);
        }

        @Test
        void retries_run_out_after_max_attempts() {
            server.on("GET", "/x").respond(status(503));

            Failure f = failure(http(policy).execute(get("/x")));

            assertThat(f.kind()).isEqualTo(Failure.Kind.RETRIES_EXHAUSTED);
            assertThat(f.attempts()).isEqualTo(4);
            assertThat(f.lastStatus()).isEqualTo(503);
            assertThat(f.message()).contains("GET", "/x", "503", "attempt 4 of 4");
            assertThat(f.retryAfter()).isZero();
            assertThat(server.requestCount()).isEqualTo(4);
            assertThat(sleeper.waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        }

        @Test
        void no_retry_starts_that_would_end_beyond_the_time_budget() {
            server.on("GET", "/x").respond(status(503));
            RetryPolicy budget = RetryPolicy.from(policy).maxTotalTime(Duration.ofMillis(250)).build();

            Failure f = failure(http(budget).execute(get("/x")));

            // waited 100 ms (the test clock moved), then 100 + 200 > 250: stop without sleeping
            assertThat(f.kind()).isEqualTo(Failure.Kind.RETRIES_EXHAUSTED);
            assertThat(f.attempts()).isEqualTo(2);
            assertThat(f.message()).contains("budget");
            assertThat(sleeper.waits).containsExactly(Duration.ofMillis(100));
        }

        @Test
        void the_request_supplier_is_called_once_per_attempt() {
            server.on("GET", "/x").respond(status(503), status(200));
            AtomicInteger calls = new AtomicInteger();

            http(policy).execute(() -> {
                calls.incrementAndGet();
                return get("/x");
            });

            assertThat(calls).hasValue(2);
        }

        @Test
        void an_interrupted_wait_stops_and_keeps_the_interrupt() {
            server.on("GET", "/x").respond(status(503));
            ResilientHttp interrupting = ResilientHttp.builder(CLIENT).retryPolicy(policy).clock(clock)
                    .sleeper(d -> {
                        throw new InterruptedException();
                    }).build();
            try {
                Failure f = failure(interrupting.execute(get("/x")));

                assertThat(f.kind()).isEqualTo(Failure.Kind.INTERRUPTED);
                assertThat(f.attempts()).isEqualTo(1);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Nested
    @DisplayName("timeouts and broken connections")
    class Transport {
        @Test
        void a_server_slower_than_the_attempt_timeout_times_out_then_the_retry_succeeds() {
            server.on("GET", "/slow").respond(status(200).delayHeaders(Duration.ofSeconds(10)), json(200, "{}"));

            Response r = response(http(policy, SHORT_TIMEOUT).execute(get("/slow")));

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(r.uncertainAttempts()).isEqualTo(1);
            assertThat(sleeper.waits).containsExactly(Duration.ofMillis(100));
        }

        @Test
        void the_attempt_timeout_also_covers_a_dripping_body() {
            server.on("GET", "/drip").respond(
                    StubResponse.text(200, "x".repeat(100)).drip(1, Duration.ofMillis(100)), json(200, "{}"));

            Response r = response(http(policy, SHORT_TIMEOUT).execute(get("/drip")));

            assertThat(r.attempts()).isEqualTo(2);
            assertThat(r.uncertainAttempts()).isEqualTo(1);
        }

        @Test
        void a_timed_out_post_is_not_resent_and_says_it_may_have_been_applied() {
            StubRoute route = server.on("POST", "/v2/orders").respond(status(201).delayHeaders(Duration.ofSeconds(10)));

            Failure f = failure(http(policy, SHORT_TIMEOUT).execute(post("/v2/orders", "{\"tn\":\"+15551234567\"}")));

            assertThat(f.kind()).isEqualTo(Failure.Kind.TIMEOUT);
            assertThat(f.attempts()).isEqualTo(1);
            assertThat(f.uncertainAttempts()).isEqualTo(1);
            assertThat(f.hasLastStatus()).isFalse();
            assertThat(f.message()).contains("may have applied this POST");
            assertThat(route.hitCount()).isEqualTo(1);
        }

        @Test
        void a_timed_out_post_is_resent_when_the_policy_allows_it() {
            server.on("POST", "/v2/orders").respond(status(201).delayHeaders(Duration.ofSeconds(10)), status(201));
            RetryPolicy resend = RetryPolicy.from(policy).retryNonIdempotentWhenUncertain(true).build();

            Response r = response(http(resend, SHORT_TIMEOUT).execute(post("/v2/orders", "{}")));

            assertThat(r.status()).isEqualTo(201);
            assertThat(r.uncertainAttempts()).isEqualTo(1);
            assertThat(r.hadUncertainAttempt()).isTrue();
        }

        @Test
        void a_connection_dropped_mid_body_is_a_connection_failure_and_is_retried() {
            server.on("GET", "/x").respond(StubResponse.text(200, "y".repeat(5000)).dropAfterBodyBytes(10), json(200, "{}"));

            Response r = response(http(policy).execute(get("/x")));

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.attempts()).isEqualTo(2);
            assertThat(r.uncertainAttempts()).isEqualTo(1);
        }

        @Test
        void a_connection_dropped_every_time_ends_as_a_connection_failure() {
            server.on("GET", "/x").respond(StubResponse.text(200, "y".repeat(100)).truncateAfterBodyBytes(10));

            Failure f = failure(http(policy).execute(get("/x")));

            assertThat(f.kind()).isEqualTo(Failure.Kind.CONNECTION);
            assertThat(f.attempts()).isEqualTo(4);
            assertThat(f.uncertainAttempts()).isEqualTo(4);
            assertThat(f.lastStatus()).isEqualTo(200);
        }

        @Test
        void a_dropped_post_is_not_resent_by_default() {
            StubRoute route = server.on("POST", "/v2/orders").respond(StubResponse.dropConnection());

            Failure f = failure(http(policy).execute(post("/v2/orders", "{}")));

            assertThat(f.kind()).isEqualTo(Failure.Kind.CONNECTION);
            assertThat(f.attempts()).isEqualTo(1);
            assertThat(f.uncertainAttempts()).isEqualTo(1);
            assertThat(route.hitCount()).isEqualTo(1);
        }

        @Test
        void a_refused_connection_is_certainly_not_delivered_so_even_a_post_is_retried() {
            URI closed = server.uri("/v2/orders");
            server.close();

            Failure f = failure(http(policy).execute(HttpRequest.newBuilder(closed)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build()));

            assertThat(f.kind()).isEqualTo(Failure.Kind.CONNECTION);
            assertThat(f.attempts()).isEqualTo(4);
            assertThat(f.uncertainAttempts()).isZero();
            assertThat(f.message()).contains("could not connect");
        }
    }

    @Nested
    @DisplayName("bounded bodies")
    class Bounded {
        private ResilientHttp small() {
            return ResilientHttp.builder(CLIENT).retryPolicy(policy).sleeper(sleeper).clock(clock)
                    .maxResponseBytes(1024).build();
        }

        @Test
        void a_body_declared_larger_than_the_limit_is_refused_and_not_retried() {
            server.on("GET", "/big").respond(StubResponse.text(200, "z".repeat(2000)));

            Failure f = failure(small().execute(get("/big")));

            assertThat(f.kind()).isEqualTo(Failure.Kind.TOO_LARGE);
            assertThat(f.attempts()).isEqualTo(1);
            assertThat(f.lastStatus()).isEqualTo(200);
            assertThat(f.message()).contains("1024");
            assertThat(server.requestCount()).isEqualTo(1);
        }

        @Test
        void a_chunked_body_growing_past_the_limit_is_refused() {
            server.on("GET", "/big").respond(StubResponse.text(200, "z".repeat(100_000)).chunked());

            assertThat(failure(small().execute(get("/big"))).kind()).isEqualTo(Failure.Kind.TOO_LARGE);
        }

        @Test
        void a_body_exactly_at_the_limit_is_accepted() {
            server.on("GET", "/fits").respond(StubResponse.text(200, "z".repeat(1024)).chunked());

            assertThat(response(small().execute(get("/fits"))).bodyLength()).isEqualTo(1024);
        }
    }

    @Nested
    @DisplayName("secrets")
    class Secrets {
        @Test
        void no_outcome_or_message_ever_contains_the_authorization_value_or_the_query() {
            server.on("GET", "/503").respond(status(503));
            server.on("GET", "/401").respond(json(401, "{\"echo\":\"Bearer " + TOKEN + "\"}")
                    .header("WWW-Authenticate", "Bearer " + TOKEN));
            server.on("GET", "/big").respond(StubResponse.text(200, TOKEN.repeat(100)));
            server.on("POST", "/slow").respond(status(200).delayHeaders(Duration.ofSeconds(10)));
            server.on("GET", "/drop").respond(StubResponse.text(200, TOKEN.repeat(10)).truncateAfterBodyBytes(5));
            ResilientHttp http = ResilientHttp.builder(CLIENT).retryPolicy(RetryPolicy.from(policy).maxAttempts(2).build())
                    .attemptTimeout(SHORT_TIMEOUT).maxResponseBytes(1024).sleeper(sleeper).clock(clock).build();

            List<HttpOutcome> outcomes = List.of(
                    http.execute(get("/503?api_key=query-secret-123")),
                    http.execute(get("/401")),
                    http.execute(get("/big")),
                    http.execute(post("/slow", "{\"password\":\"body-secret-456\"}")),
                    http.execute(get("/drop")),
                    http.execute(() -> {
                        throw new IllegalStateException("token " + TOKEN + " expired");
                    }));

            assertThat(outcomes).hasOnlyElementsOfTypes(Response.class, Failure.class).hasSize(6);
            for (HttpOutcome o : outcomes) {
                String printed = o.toString() + (o instanceof Failure f ? f.message() : "");
                assertThat(printed).doesNotContain(TOKEN, "s3cr3t", "query-secret-123", "body-secret-456");
            }
            assertThat(outcomes).filteredOn(Failure.class::isInstance).extracting(o -> ((Failure) o).kind())
                    .containsExactly(Failure.Kind.RETRIES_EXHAUSTED, Failure.Kind.TOO_LARGE, Failure.Kind.TIMEOUT,
                            Failure.Kind.CONNECTION, Failure.Kind.INVALID_REQUEST);
        }
    }

    @Nested
    @DisplayName("configuration")
    class Configuration {
        @Test
        void the_builder_reports_every_bad_option_at_once() {
            dev.e911.api.validation.InvalidValueException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    dev.e911.api.validation.InvalidValueException.class,
                    () -> ResilientHttp.builder(CLIENT).retryPolicy(null).attemptTimeout(Duration.ZERO)
                            .maxResponseBytes(0).sleeper(null).clock(null).build());

            assertThat(e.violations()).extracting(dev.e911.api.validation.Violation::path)
                    .containsExactly("retryPolicy", "attemptTimeout", "maxResponseBytes", "sleeper", "clock");
        }

        @Test
        void its_description_holds_no_secrets_and_names_the_policy() {
            assertThat(http(policy).toString()).contains("maxAttempts=4", "attemptTimeout=PT2S");
        }
    }

    /** Records every requested wait and moves the test clock by it instead of sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();
        private final TestClock clock;

        RecordingSleeper(TestClock clock) {
            this.clock = clock;
        }

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
            clock.advance(duration);
        }
    }

    /** A clock that only moves when told to. */
    static final class TestClock extends Clock {
        private final AtomicReference<Instant> now;

        TestClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
