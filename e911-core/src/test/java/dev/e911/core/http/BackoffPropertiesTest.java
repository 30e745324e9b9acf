package dev.e911.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class BackoffPropertiesTest {

    @Property
    void every_delay_is_within_zero_and_the_cap(
            @ForAll @LongRange(min = 0, max = 60_000) long initialMillis,
            @ForAll @LongRange(min = 1, max = 600_000) long capMillis,
            @ForAll @DoubleRange(min = 1.0, max = 10.0) double multiplier,
            @ForAll Jitter jitter,
            @ForAll @IntRange(min = 1, max = 10_000) int retry,
            @ForAll long seed) {
        long initial = Math.min(initialMillis, capMillis);
        RetryPolicy policy = RetryPolicy.custom()
                .initialBackoff(Duration.ofMillis(initial))
                .maxBackoff(Duration.ofMillis(capMillis))
                .multiplier(multiplier)
                .jitter(jitter)
                .randomGenerator(new SplittableRandom(seed))
                .build();

        Duration delay = policy.backoff(retry);

        assertThat(delay).isBetween(Duration.ZERO, Duration.ofMillis(capMillis));
        assertThat(delay).isLessThanOrEqualTo(policy.nominalBackoff(retry));
        if (jitter == Jitter.EQUAL) {
            assertThat(delay.multipliedBy(2)).isGreaterThanOrEqualTo(policy.nominalBackoff(retry).minusNanos(1));
        }
    }

    @Property
    void nominal_backoff_never_shrinks_as_retries_grow(
            @ForAll @LongRange(min = 0, max = 10_000) long initialMillis,
            @ForAll @DoubleRange(min = 1.0, max = 5.0) double multiplier,
            @ForAll @IntRange(min = 1, max = 500) int retry) {
        RetryPolicy policy = RetryPolicy.custom()
                .initialBackoff(Duration.ofMillis(initialMillis))
                .maxBackoff(Duration.ofSeconds(30))
                .multiplier(multiplier)
                .build();

        assertThat(policy.nominalBackoff(retry + 1)).isGreaterThanOrEqualTo(policy.nominalBackoff(retry));
    }
}
