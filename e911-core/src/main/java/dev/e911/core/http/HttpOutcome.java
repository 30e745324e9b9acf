package dev.e911.core.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link ResilientHttp#execute}: either the {@link Response} the server finally
 * gave (any status the policy does not retry, 4xx and 5xx included), or a {@link Failure} saying
 * why no usable response was obtained. Both carry the number of attempts made and how many of
 * them ended without an answer after the request may already have reached the server, so an
 * adapter can re-read remote state before re-sending a non-idempotent request. Neither ever
 * prints a header value or a body: {@code toString()} is safe to log.
 */
public sealed interface HttpOutcome permits HttpOutcome.Response, HttpOutcome.Failure {

    /** Requests actually sent (at least 1 unless the request could not even be built). */
    int attempts();

    /**
     * Attempts that timed out or lost their connection after the request may have reached the
     * server. When this is above zero a POST or PATCH may have been applied already.
     */
    int uncertainAttempts();

    /** Whether any attempt may have been applied by the server without us seeing the answer. */
    default boolean hadUncertainAttempt() {
        return uncertainAttempts() > 0;
    }

    /**
     * A complete HTTP response.
     *
     * @param status the HTTP status code
     * @param headers the response headers
     * @param body the complete body (never larger than the configured maximum)
     * @param attempts requests sent, including this one
     * @param uncertainAttempts earlier attempts whose outcome is unknown
     */
    record Response(int status, HttpHeaders headers, byte[] body, int attempts, int uncertainAttempts)
            implements HttpOutcome {

        public Response {
            Objects.requireNonNull(headers, "headers");
            body = Objects.requireNonNull(body, "body").clone();
        }

        /** A copy of the body bytes. */
        @Override
        public byte[] body() {
            return body.clone();
        }

        /** The body decoded as UTF-8 (the charset every API we call uses for JSON). */
        public String bodyUtf8() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Body length in bytes. */
        public int bodyLength() {
            return body.length;
        }

        /** Whether the status is 2xx. */
        public boolean isSuccessful() {
            return status >= 200 && status <= 299;
        }

        /** The first value of a response header (case-insensitive name). */
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response r && status == r.status && attempts == r.attempts
                    && uncertainAttempts == r.uncertainAttempts && headers.equals(r.headers)
                    && Arrays.equals(body, r.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, headers, Arrays.hashCode(body), attempts, uncertainAttempts);
        }

        /** Status, body size and attempt counts only: never headers or body. */
        @Override
        public String toString() {
            return "Response[status=" + status + ", bodyBytes=" + body.length + ", attempts=" + attempts
                    + ", uncertainAttempts=" + uncertainAttempts + "]";
        }
    }

    /**
     * No usable response.
     *
     * @param kind why
     * @param attempts requests sent
     * @param uncertainAttempts attempts whose outcome is unknown (see {@link HttpOutcome#uncertainAttempts()})
     * @param lastStatus the status of the last response seen, or 0 when no attempt got one
     * @param retryAfter the wait the last response asked for with {@code Retry-After} (capped by
     *     the policy), or zero when it asked for none; lets a caller reschedule a rate-limited call
     * @param message a human-readable explanation, free of credentials, bodies and queries
     */
    record Failure(Kind kind, int attempts, int uncertainAttempts, int lastStatus, Duration retryAfter, String message)
            implements HttpOutcome {

        public Failure {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(message, "message");
        }

        /** Whether any attempt got an HTTP status (then {@link #lastStatus()} is it). */
        public boolean hasLastStatus() {
            return lastStatus != 0;
        }

        /** Why a call produced no usable response. */
        public enum Kind {
            /** The last attempt did not complete within the per-attempt timeout. */
            TIMEOUT,
            /** The last attempt could not connect, or the connection broke (reset, truncated body). */
            CONNECTION,
            /** The response body exceeded the configured maximum; not retried. */
            TOO_LARGE,
            /**
             * The last attempt got a retryable status (see {@link #lastStatus()}) and no retry was
             * left: the attempts or the time budget ran out. A timeout or broken connection that
             * runs out of retries keeps its own kind.
             */
            RETRIES_EXHAUSTED,
            /** The calling thread was interrupted; its interrupt flag is set again. */
            INTERRUPTED,
            /** The request supplier failed or the HTTP client rejected the request; not retried. */
            INVALID_REQUEST
        }
    }
}
