package dev.e911.testkit.http;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link FaultProxy} does with one request: pass it through, answer it itself without
 * forwarding (a 429 with {@code Retry-After}, a 503, a 401 for an expired token), or forward it —
 * so the upstream fake applies it — and then spoil the answer: replace its status (the gateway 5xx
 * that hides an applied write), reset the connection, truncate or corrupt the body, or drip it out
 * slowly. {@link #applied()} says whether the upstream saw the request, which is what a test needs
 * to tell a lost answer from a refused request.
 */
public sealed interface ProxyFault {

    /** A short stable name for reports, such as {@code reset-after}. */
    String name();

    /** Whether the request reaches the upstream server (and so may change its state). */
    boolean applied();

    /** No fault: forwarded, and the upstream's answer relayed as it is. */
    record Pass() implements ProxyFault {
        @Override
        public String name() {
            return "pass";
        }

        @Override
        public boolean applied() {
            return true;
        }
    }

    /** Answered by the proxy without forwarding: the upstream never sees the request. */
    record Answer(int status, Map<String, String> headers, String body) implements ProxyFault {
        public Answer {
            headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
            Objects.requireNonNull(body, "body");
        }

        /** A 429 asking to wait {@code retryAfterSeconds}. */
        public static Answer tooManyRequests(int retryAfterSeconds, String contentType, String body) {
            return new Answer(429, Map.of("Retry-After", Integer.toString(retryAfterSeconds), "Content-Type", contentType), body);
        }

        @Override
        public String name() {
            return "answer-" + status;
        }

        @Override
        public boolean applied() {
            return false;
        }
    }

    /** Forwarded (so applied upstream), then answered with {@code status} instead of the real answer. */
    record ApplyThenAnswer(int status, String contentType, String body) implements ProxyFault {
        public ApplyThenAnswer {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }

        @Override
        public String name() {
            return "applied-then-" + status;
        }

        @Override
        public boolean applied() {
            return true;
        }
    }

    /** The connection is reset (TCP RST) before anything is forwarded. */
    record ResetBefore() implements ProxyFault {
        @Override
        public String name() {
            return "reset-before";
        }

        @Override
        public boolean applied() {
            return false;
        }
    }

    /** Forwarded and applied upstream, then the client's connection is reset without an answer. */
    record ResetAfter() implements ProxyFault {
        @Override
        public String name() {
            return "reset-after";
        }

        @Override
        public boolean applied() {
            return true;
        }
    }

    /** Forwarded; the answer declares its full length but the connection closes halfway through the body. */
    record Truncate() implements ProxyFault {
        @Override
        public String name() {
            return "truncated";
        }

        @Override
        public boolean applied() {
            return true;
        }
    }

    /** Forwarded; the answer keeps its status and length but the body's second half is garbage. */
    record Corrupt() implements ProxyFault {
        @Override
        public String name() {
            return "corrupt";
        }

        @Override
        public boolean applied() {
            return true;
        }
    }

    /** Forwarded; the answer is written {@code chunkBytes} at a time with {@code pause} between writes. */
    record Drip(int chunkBytes, Duration pause) implements ProxyFault {
        public Drip {
            if (chunkBytes < 1) {
                throw new IllegalArgumentException("chunkBytes must be at least 1");
            }
            Objects.requireNonNull(pause, "pause");
        }

        @Override
        public String name() {
            return "drip";
        }

        @Override
        public boolean applied() {
            return true;
        }
    }

    /**
     * Runs {@code action} (for instance, the fake expiring every token it issued), then passes the
     * request through, so the upstream itself answers in its own shape.
     */
    record BeforeForward(String label, Runnable action) implements ProxyFault {
        public BeforeForward {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(action, "action");
        }

        @Override
        public String name() {
            return label;
        }

        @Override
        public boolean applied() {
            return true;
        }
    }
}
