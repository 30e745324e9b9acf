package dev.e911.core.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Collects builder violations so {@code build()} can report all of them at once. */
final class Violations {

    private final String subject;
    private final List<InvalidConfigurationException.Violation> found = new ArrayList<>();

    Violations(String subject) {
        this.subject = subject;
    }

    void add(String option, Object value, String rule) {
        found.add(new InvalidConfigurationException.Violation(option, String.valueOf(value), rule));
    }

    /** Records a violation when {@code value} is null; returns whether it was present. */
    boolean present(String option, Object value) {
        if (value == null) {
            add(option, "null", "must not be null");
            return false;
        }
        return true;
    }

    void positive(String option, Duration value) {
        if (present(option, value) && (value.isNegative() || value.isZero())) {
            add(option, value, "must be positive");
        }
    }

    void notNegative(String option, Duration value) {
        if (present(option, value) && value.isNegative()) {
            add(option, value, "must not be negative");
        }
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidConfigurationException(subject, found);
        }
    }
}
