package dev.e911.core.http;

import dev.e911.api.validation.Violations;
import java.time.Duration;

/** Shared option checks for the builders of this package; each records into the api's {@link Violations}. */
final class ConfigChecks {

    private ConfigChecks() {
    }

    /** Records a violation when {@code value} is null; returns whether it was present. */
    static boolean present(Violations v, String option, Object value) {
        v.check(value == null, option, "required", "must not be null");
        return value != null;
    }

    static void positive(Violations v, String option, Duration value, Duration max) {
        if (present(v, option, value)) {
            v.check(value.isNegative() || value.isZero(), option, "positive", "must be positive, got " + value);
            v.check(value.compareTo(max) > 0, option, "max", "must be at most " + max + ", got " + value);
        }
    }

    static void notNegative(Violations v, String option, Duration value, Duration max) {
        if (present(v, option, value)) {
            v.check(value.isNegative(), option, "not.negative", "must not be negative, got " + value);
            v.check(value.compareTo(max) > 0, option, "max", "must be at most " + max + ", got " + value);
        }
    }
}
