package dev.e911.core.http;

import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violations;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Immutable retry configuration for calls to remote HTTP APIs, built Resilience4j-style:
 * {@link #ofDefaults()}, {@link #custom()}{@code ...build()} or {@link #from(RetryPolicy)}
 * {@code ...build()}. It decides how many attempts are made, which HTTP statuses are retried
 * (by default 429, 502, 503 and 504; never 401 or 403; 409 only when the caller opts in), how long
 * to wait between attempts (capped exponential backoff with {@link Jitter}, or the server's
 * {@code Retry-After} capped at {@link #maxRetryAfter()}), and the total time budget after which
 * no further retry starts. Timeouts and lost connections are retried for idempotent methods;
 * for POST and PATCH they are retried only with {@link Builder#retryNonIdempotentWhenUncertain},
 * because the server may already have applied the request. {@link Builder#build()} reports every
 * invalid option at once in one {@link InvalidValueException}.
 */
public final class RetryPolicy {

    /** Statuses retried by default: rate limited, bad gateway, unavailable, gateway timeout. */
    public static final Set<Integer> DEFAULT_RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);

    /** Longest backoff cap or {@code Retry-After} cap a policy accepts. */
    static final Duration LONGEST_WAIT = Duration.ofDays(1);

    private static final RandomGenerator THREAD_LOCAL_RANDOM = new ThreadLocalRandomGenerator();
    private static final RetryPolicy DEFAULTS = custom().build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double multiplier;
    private final Duration maxBackoff;
    private final Jitter jitter;
    private final Duration maxTotalTime;
    private final Duration maxRetryAfter;
    private final Set<Integer> retryableStatuses;
    private final boolean retryOnConflict;
    private final boolean retryNonIdempotentWhenUncertain;
    private final RandomGenerator random;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.multiplier = b.multiplier;
        this.maxBackoff = b.maxBackoff;
        this.jitter = b.jitter;
        this.maxTotalTime = b.maxTotalTime;
        this.maxRetryAfter = b.maxRetryAfter;
        this.retryableStatuses = Collections.unmodifiableSet(new TreeSet<>(b.retryableStatuses));
        this.retryOnConflict = b.retryOnConflict;
        this.retryNonIdempotentWhenUncertain = b.retryNonIdempotentWhenUncertain;
        this.random = b.random;
    }

    /**
     * The defaults: 5 attempts, backoff 500 ms doubling up to 30 s with equal jitter, a 2-minute
     * total budget, {@code Retry-After} honoured up to 60 s, statuses 429/502/503/504, no 409.
     */
    public static RetryPolicy ofDefaults() {
        return DEFAULTS;
    }

    /** A policy that makes exactly one attempt. */
    public static RetryPolicy noRetries() {
        return custom().maxAttempts(1).build();
    }

    /** A builder holding the defaults of {@link #ofDefaults()}. */
    public static Builder custom() {
        return new Builder();
    }

    /** A builder holding every setting of {@code base}, to derive a variant from it. */
    public static Builder from(RetryPolicy base) {
        return new Builder(Objects.requireNonNull(base, "base"));
    }

    /** Total attempts including the first one; at least 1. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Nominal wait before the first retry. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** Factor by which the nominal wait grows per retry; at least 1. */
    public double multiplier() {
        return multiplier;
    }

    /** Upper bound on any computed backoff, jitter included. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** How computed backoffs are randomised. */
    public Jitter jitter() {
        return jitter;
    }

    /** Total time, from the first attempt, after which no further retry is started. */
    public Duration maxTotalTime() {
        return maxTotalTime;
    }

    /** Longest server-requested {@code Retry-After} wait honoured; longer requests are capped. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** The HTTP statuses retried (409 is governed by {@link #retryOnConflict()}); sorted, immutable. */
    public Set<Integer> retryableStatuses() {
        return retryableStatuses;
    }

    /** Whether 409 Conflict is retried (for optimistic-concurrency APIs, the caller decides). */
    public boolean retryOnConflict() {
        return retryOnConflict;
    }

    /**
     * Whether a POST or PATCH is retried after a timeout or lost connection that happened after
     * the request may have reached the server. Idempotent methods are always retried.
     */
    public boolean retryNonIdempotentWhenUncertain() {
        return retryNonIdempotentWhenUncertain;
    }

    /** Whether a response with this status should be retried under this policy. */
    public boolean isRetryableStatus(int status) {
        return retryableStatuses.contains(status) || (status == 409 && retryOnConflict);
    }

    /**
     * The nominal (un-jittered) wait before retry number {@code retry} (1 = the first retry):
     * {@code initialBackoff * multiplier^(retry-1)}, capped at {@link #maxBackoff()}.
     *
     * @throws IllegalArgumentException if {@code retry < 1}
     */
    public Duration nominalBackoff(int retry) {
        return Duration.ofNanos(nominalNanos(retry));
    }

    /**
     * The wait before retry number {@code retry} (1 = the first retry) after applying
     * {@link #jitter()}; always within {@code [0, maxBackoff]}. Uses the policy's
     * {@link RandomGenerator}, so an injected seeded generator makes it deterministic.
     *
     * @throws IllegalArgumentException if {@code retry < 1}
     */
    public Duration backoff(int retry) {
        long nominal = nominalNanos(retry);
        switch (jitter) {
            case NONE:
                return Duration.ofNanos(nominal);
            case FULL:
                return Duration.ofNanos(random.nextLong(nominal + 1));
            case EQUAL:
                long half = nominal / 2;
                return Duration.ofNanos(half + random.nextLong(nominal - half + 1));
            default:
                throw new AssertionError(jitter);
        }
    }

    private long nominalNanos(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
        }
        long cap = maxBackoff.toNanos();
        double nominal = initialBackoff.toNanos() * Math.pow(multiplier, retry - 1.0);
        if (Double.isNaN(nominal) || nominal >= cap) {
            return cap;
        }
        return (long) nominal;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts
                + ", initialBackoff=" + initialBackoff
                + ", multiplier=" + multiplier
                + ", maxBackoff=" + maxBackoff
                + ", jitter=" + jitter
                + ", maxTotalTime=" + maxTotalTime
                + ", maxRetryAfter=" + maxRetryAfter
                + ", retryableStatuses=" + retryableStatuses
                + ", retryOnConflict=" + retryOnConflict
                + ", retryNonIdempotentWhenUncertain=" + retryNonIdempotentWhenUncertain + "]";
    }

    /**
     * Mutable builder for {@link RetryPolicy}; setters never throw, {@link #build()} validates
     * everything at once.
     */
    public static final class Builder {
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofMillis(500);
        private double multiplier = 2.0;
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Jitter jitter = Jitter.EQUAL;
        private Duration maxTotalTime = Duration.ofMinutes(2);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private Set<Integer> retryableStatuses = new TreeSet<>(DEFAULT_RETRYABLE_STATUSES);
        private boolean retryOnConflict;
        private boolean retryNonIdempotentWhenUncertain;
        private RandomGenerator random = THREAD_LOCAL_RANDOM;
        private boolean retryableStatusesNull;

        private Builder() {
        }

        private Builder(RetryPolicy base) {
            this.maxAttempts = base.maxAttempts;
            this.initialBackoff = base.initialBackoff;
            this.multiplier = base.multiplier;
            this.maxBackoff = base.maxBackoff;
            this.jitter = base.jitter;
            this.maxTotalTime = base.maxTotalTime;
            this.maxRetryAfter = base.maxRetryAfter;
            this.retryableStatuses = new TreeSet<>(base.retryableStatuses);
            this.retryOnConflict = base.retryOnConflict;
            this.retryNonIdempotentWhenUncertain = base.retryNonIdempotentWhenUncertain;
            this.random = base.random;
        }

        /** Total attempts including the first; at least 1. Default 5. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Nominal wait before the first retry; not negative, at most {@code maxBackoff}. Default 500 ms. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
            return this;
        }

        /** Growth factor per retry; finite and at least 1. Default 2. */
        public Builder multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /** Cap on any computed backoff; positive. Default 30 s. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
            return this;
        }

        /** Randomisation of computed backoffs. Default {@link Jitter#EQUAL}. */
        public Builder jitter(Jitter jitter) {
            this.jitter = jitter;
            return this;
        }

        /** Time after the first attempt's start beyond which no retry starts; positive. Default 2 min. */
        public Builder maxTotalTime(Duration maxTotalTime) {
            this.maxTotalTime = maxTotalTime;
            return this;
        }

        /** Longest {@code Retry-After} honoured (longer ones are capped); not negative. Default 60 s. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /**
         * Replaces the retried statuses. Each must be a 4xx or 5xx status; 401 and 403 are
         * rejected (credentials do not heal by waiting) and 409 must be enabled with
         * {@link #retryOnConflict(boolean)} instead. Default 429, 502, 503, 504.
         */
        public Builder retryableStatuses(Set<Integer> statuses) {
            if (statuses == null) {
                this.retryableStatusesNull = true;
                this.retryableStatuses = new TreeSet<>();
            } else {
                this.retryableStatusesNull = false;
                this.retryableStatuses = new TreeSet<>();
                for (Integer s : statuses) {
                    this.retryableStatuses.add(s == null ? Integer.MIN_VALUE : s);
                }
            }
            return this;
        }

        /** Whether 409 Conflict is retried. Default false. */
        public Builder retryOnConflict(boolean retryOnConflict) {
            this.retryOnConflict = retryOnConflict;
            return this;
        }

        /**
         * Whether POST and PATCH are retried after a timeout or lost connection that may have
         * reached the server. Default false: the caller re-reads state before re-sending.
         */
        public Builder retryNonIdempotentWhenUncertain(boolean retry) {
            this.retryNonIdempotentWhenUncertain = retry;
            return this;
        }

        /**
         * Source of jitter randomness. Default: the calling thread's {@code ThreadLocalRandom}.
         * Inject a seeded generator for deterministic tests; it must be thread-safe if the policy
         * is shared between threads.
         */
        public Builder randomGenerator(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /**
         * Validates every option and builds the policy.
         *
         * @throws InvalidValueException listing every invalid or contradictory option
         */
        public RetryPolicy build() {
            Violations v = Violations.forType("RetryPolicy");
            v.check(maxAttempts < 1, "maxAttempts", "min", "must be at least 1, got " + maxAttempts);
            ConfigChecks.notNegative(v, "initialBackoff", initialBackoff, LONGEST_WAIT);
            v.check(Double.isNaN(multiplier) || Double.isInfinite(multiplier) || multiplier < 1.0,
                    "multiplier", "min", "must be finite and at least 1, got " + multiplier);
            ConfigChecks.positive(v, "maxBackoff", maxBackoff, LONGEST_WAIT);
            v.check(initialBackoff != null && maxBackoff != null && initialBackoff.compareTo(maxBackoff) > 0,
                    "initialBackoff", "not.above.maxBackoff",
                    "must not exceed maxBackoff " + maxBackoff + ", got " + initialBackoff);
            ConfigChecks.present(v, "jitter", jitter);
            ConfigChecks.positive(v, "maxTotalTime", maxTotalTime, Duration.ofDays(7));
            ConfigChecks.notNegative(v, "maxRetryAfter", maxRetryAfter, LONGEST_WAIT);
            v.check(retryableStatusesNull, "retryableStatuses", "required", "must not be null");
            for (int s : retryableStatuses) {
                if (s == Integer.MIN_VALUE) {
                    v.add("retryableStatuses", "required", "must not contain null");
                } else if (s == 401 || s == 403) {
                    v.add("retryableStatuses", "never.retried",
                            s + " is never retried: credentials do not heal by waiting");
                } else if (s == 409) {
                    v.add("retryableStatuses", "use.retryOnConflict", "enable 409 with retryOnConflict(true)");
                } else if (s < 400 || s > 599) {
                    v.add("retryableStatuses", "status.range", "must be 4xx or 5xx statuses, got " + s);
                }
            }
            ConfigChecks.present(v, "randomGenerator", random);
            v.throwIfAny();
            return new RetryPolicy(this);
        }
    }

    /** Delegates to the calling thread's ThreadLocalRandom, so one policy is safe to share. */
    private static final class ThreadLocalRandomGenerator implements RandomGenerator {
        @Override
        public long nextLong() {
            return ThreadLocalRandom.current().nextLong();
        }

        @Override
        public long nextLong(long bound) {
            return ThreadLocalRandom.current().nextLong(bound);
        }
    }
}
