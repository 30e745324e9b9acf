package dev.e911.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    /** 1994-11-06T08:49:37Z, the RFC's own example instant. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("1994-11-06T08:49:37Z"), ZoneOffset.UTC);
    private static final Duration CAP = Duration.ofMinutes(5);

    @Test
    void delay_seconds() {
        assertThat(RetryAfter.parse("1", CLOCK, CAP)).contains(Duration.ofSeconds(1));
        assertThat(RetryAfter.parse("120", CLOCK, CAP)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("0", CLOCK, CAP)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("  7 ", CLOCK, CAP)).contains(Duration.ofSeconds(7));
    }

    @Test
    void delay_seconds_are_capped_even_when_they_overflow_a_long() {
        assertThat(RetryAfter.parse("3600", CLOCK, CAP)).contains(CAP);
        assertThat(RetryAfter.parse("99999999999999999999999999999", CLOCK, CAP)).contains(CAP);
    }

    @Test
    void imf_fixdate_in_the_future_is_measured_against_the_injected_clock() {
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:50:07 GMT", CLOCK, CAP)).contains(Duration.ofSeconds(30));
    }

    @Test
    void imf_fixdate_is_capped() {
        assertThat(RetryAfter.parse("Mon, 07 Nov 1994 08:49:37 GMT", CLOCK, CAP)).contains(CAP);
    }

    @Test
    void imf_fixdate_in_the_past_means_retry_now() {
        assertThat(RetryAfter.parse("Sat, 05 Nov 1994 08:49:37 GMT", CLOCK, CAP)).contains(Duration.ZERO);
    }

    @Test
    void parsing_does_not_depend_on_the_default_locale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:38 GMT", CLOCK, CAP)).contains(Duration.ofSeconds(1));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "-1", "1.5", "+3", "1e3", "soon", "0x10", "١٢",
        "Sunday, 06-Nov-94 08:49:37 GMT",          // obsolete RFC 850 form
        "Sun Nov  6 08:49:37 1994",                // obsolete asctime form
        "Sun, 06 Nov 1994 08:49:37 +0000",         // not GMT
        "Mon, 06 Nov 1994 08:49:37 GMT",           // wrong day of week
        "Sun, 31 Nov 1994 08:49:37 GMT",           // no such date
        "Sun, 6 Nov 1994 08:49:37 GMT",            // day must have two digits
        "1 2"
    })
    void garbage_is_absent(String value) {
        assertThat(RetryAfter.parse(value, CLOCK, CAP)).isEmpty();
    }
}
