package dev.e911.core.http;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses an HTTP {@code Retry-After} header value (RFC 9110 section 10.2.3) into a wait. Both
 * forms are understood: delay-seconds ({@code 120}) and an IMF-fixdate
 * ({@code Sun, 06 Nov 1994 08:49:37 GMT}), the latter measured against an injected
 * {@link Clock}. Every result is capped, a date in the past means "retry now" (zero), and
 * anything else (negative or fractional numbers, obsolete date formats, garbage) is absent,
 * so the caller falls back to its own backoff.
 */
public final class RetryAfter {

    /** IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}; English names, never the default locale. */
    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);

    /** Longest header value considered; anything longer is not a valid Retry-After. */
    private static final int MAX_LENGTH = 64;

    private RetryAfter() {
    }

    /**
     * The wait the server asked for, capped at {@code cap}.
     *
     * @param headerValue the raw header value (surrounding whitespace is ignored)
     * @param clock the clock an HTTP-date is measured against
     * @param cap the longest wait returned; must not be negative
     * @return the wait in {@code [0, cap]}, or empty when the value is not a valid Retry-After
     */
    public static Optional<Duration> parse(String headerValue, Clock clock, Duration cap) {
        Objects.requireNonNull(headerValue, "headerValue");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(cap, "cap");
        if (cap.isNegative()) {
            throw new IllegalArgumentException("cap must not be negative: " + cap);
        }
        String value = headerValue.strip();
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (isAsciiDigits(value)) {
            return Optional.of(seconds(value, cap));
        }
        try {
            Instant when = ZonedDateTime.parse(value, IMF_FIXDATE).toInstant();
            Duration wait = Duration.between(clock.instant(), when);
            return Optional.of(wait.isNegative() ? Duration.ZERO : capped(wait, cap));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Delay-seconds capped at {@code cap}, saturating instead of overflowing on long digit strings. */
    private static Duration seconds(String digits, Duration cap) {
        long seconds = 0;
        for (int i = 0; i < digits.length(); i++) {
            if (seconds > cap.getSeconds() || seconds > (Long.MAX_VALUE - 9) / 10) {
                return cap;
            }
            seconds = seconds * 10 + (digits.charAt(i) - '0');
        }
        return capped(Duration.ofSeconds(seconds), cap);
    }

    private static Duration capped(Duration wait, Duration cap) {
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}
