package dev.e911.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;

import java.time.Duration;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Nested
    @DisplayName("defaults")
    class Defaults {
        @Test
        void retry_429_and_gateway_errors_but_never_credentials_or_conflicts() {
            RetryPolicy p = RetryPolicy.ofDefaults();
            assertThat(p.retryableStatuses()).containsExactly(429, 502, 503, 504);
            assertThat(p.isRetryableStatus(429)).isTrue();
            assertThat(p.isRetryableStatus(503)).isTrue();
            assertThat(p.isRetryableStatus(500)).isFalse();
            assertThat(p.isRetryableStatus(401)).isFalse();
            assertThat(p.isRetryableStatus(403)).isFalse();
            assertThat(p.isRetryableStatus(409)).isFalse();
            assertThat(p.isRetryableStatus(200)).isFalse();
            assertThat(p.retryNonIdempotentWhenUncertain()).isFalse();
            assertThat(p.maxAttempts()).isEqualTo(5);
            assertThat(p.jitter()).isEqualTo(Jitter.EQUAL);
        }

        @Test
        void conflict_is_retried_only_when_the_caller_opts_in() {
            RetryPolicy p = RetryPolicy.custom().retryOnConflict(true).build();
            assertThat(p.isRetryableStatus(409)).isTrue();
            assertThat(p.retryableStatuses()).doesNotContain(409);
        }

        @Test
        void no_retries_makes_exactly_one_attempt() {
            assertThat(RetryPolicy.noRetries().maxAttempts()).isEqualTo(1);
        }

        @Test
        void retryable_statuses_cannot_be_modified() {
            assertThatThrownBy(() -> RetryPolicy.ofDefaults().retryableStatuses().add(500))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    @DisplayName("from(base)")
    class From {
        @Test
        void copies_every_setting_and_changes_only_what_is_set() {
            RetryPolicy base = RetryPolicy.custom()
                    .maxAttempts(7).initialBackoff(Duration.ofMillis(10)).multiplier(3)
                    .maxBackoff(Duration.ofSeconds(2)).jitter(Jitter.FULL).maxTotalTime(Duration.ofSeconds(9))
                    .maxRetryAfter(Duration.ofSeconds(4)).retryableStatuses(Set.of(500, 503))
                    .retryOnConflict(true).retryNonIdempotentWhenUncertain(true).build();
            RetryPolicy derived = RetryPolicy.from(base).maxAttempts(2).build();

            assertThat(derived.maxAttempts()).isEqualTo(2);
            assertThat(derived.toString()).isEqualTo(base.toString().replace("maxAttempts=7", "maxAttempts=2"));
            assertThat(base.maxAttempts()).isEqualTo(7);
        }
    }

    @Nested
    @DisplayName("builder validation")
    class Validation {
        @Test
        void reports_every_bad_option_at_once() {
            InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                    () -> RetryPolicy.custom()
                            .maxAttempts(0)
                            .initialBackoff(Duration.ofSeconds(-1))
                            .multiplier(0.5)
                            .maxBackoff(Duration.ZERO)
                            .jitter(null)
                            .maxTotalTime(null)
                            .maxRetryAfter(Duration.ofDays(2))
                            .randomGenerator(null)
                            .build());

            assertThat(e.type()).isEqualTo("RetryPolicy");
            assertThat(e.violations()).extracting(Violation::path)
                    .containsExactly("maxAttempts", "initialBackoff", "multiplier", "maxBackoff", "jitter",
                            "maxTotalTime", "maxRetryAfter", "randomGenerator");
            assertThat(e.getMessage()).contains("maxAttempts: must be at least 1, got 0 [min]");
        }

        @Test
        void never_retries_401_or_403_and_sends_409_to_its_own_switch() {
            InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                    () -> RetryPolicy.custom().retryableStatuses(Set.of(401, 403, 409, 200, 600, 503)).build());

            assertThat(e.violations()).extracting(Violation::rule)
                    .containsExactly("status.range", "never.retried", "never.retried", "use.retryOnConflict", "status.range");
            assertThat(e.violations()).extracting(Violation::message)
                    .anySatisfy(m -> assertThat(m).contains("got 200"))
                    .anySatisfy(m -> assertThat(m).contains("401 is never retried"))
                    .anySatisfy(m -> assertThat(m).contains("got 600"));
        }

        @Test
        void rejects_an_initial_backoff_longer_than_the_cap() {
            InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                    () -> RetryPolicy.custom().initialBackoff(Duration.ofSeconds(5)).maxBackoff(Duration.ofSeconds(1)).build());

            assertThat(e.violations()).singleElement()
                    .satisfies(v -> assertThat(v.rule()).isEqualTo("not.above.maxBackoff"));
        }

        @Test
        void rejects_a_non_finite_multiplier_and_a_null_status_set() {
            InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                    () -> RetryPolicy.custom().multiplier(Double.NaN).retryableStatuses(null).build());

            assertThat(e.violations()).extracting(Violation::path)
                    .containsExactly("multiplier", "retryableStatuses");
        }

        @Test
        void is_an_illegal_argument_exception() {
            assertThatThrownBy(() -> RetryPolicy.custom().maxAttempts(-3).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxAttempts").hasMessageContaining("got -3");
        }
    }

    @Nested
    @DisplayName("backoff")
    class Backoff {
        private final RetryPolicy noJitter = RetryPolicy.custom().initialBackoff(Duration.ofMillis(100))
                .multiplier(2).maxBackoff(Duration.ofMillis(1000)).jitter(Jitter.NONE).build();

        @Test
        void grows_exponentially_until_the_cap() {
            assertThat(noJitter.backoff(1)).isEqualTo(Duration.ofMillis(100));
            assertThat(noJitter.backoff(2)).isEqualTo(Duration.ofMillis(200));
            assertThat(noJitter.backoff(3)).isEqualTo(Duration.ofMillis(400));
            assertThat(noJitter.backoff(4)).isEqualTo(Duration.ofMillis(800));
            assertThat(noJitter.backoff(5)).isEqualTo(Duration.ofMillis(1000));
            assertThat(noJitter.backoff(10_000)).isEqualTo(Duration.ofMillis(1000));
        }

        @Test
        void rejects_retry_numbers_below_one() {
            assertThatThrownBy(() -> noJitter.backoff(0)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void is_deterministic_under_a_seeded_generator() {
            RetryPolicy a = RetryPolicy.from(noJitter).jitter(Jitter.FULL).randomGenerator(new Random(42)).build();
            RetryPolicy b = RetryPolicy.from(noJitter).jitter(Jitter.FULL).randomGenerator(new Random(42)).build();
            for (int retry = 1; retry < 20; retry++) {
                assertThat(a.backoff(retry)).isEqualTo(b.backoff(retry));
            }
        }

        @Test
        void full_jitter_actually_varies_and_equal_jitter_keeps_half() {
            RetryPolicy full = RetryPolicy.from(noJitter).jitter(Jitter.FULL).randomGenerator(new Random(1)).build();
            RetryPolicy equal = RetryPolicy.from(noJitter).jitter(Jitter.EQUAL).randomGenerator(new Random(1)).build();
            Set<Duration> seen = new java.util.HashSet<>();
            for (int i = 0; i < 50; i++) {
                seen.add(full.backoff(3));
                assertThat(equal.backoff(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            }
            assertThat(seen).hasSizeGreaterThan(10);
        }
    }
}
