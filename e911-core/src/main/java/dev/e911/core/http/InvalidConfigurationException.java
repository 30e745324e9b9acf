package dev.e911.core.http;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown by a builder's {@code build()} when one or more options are invalid or contradict each
 * other. It lists every violation at once, so a caller fixes a configuration in one round trip
 * instead of one exception per option; values are rendered by the builder and never include
 * secrets.
 */
public final class InvalidConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * One rejected option.
     *
     * @param option the builder option, e.g. {@code maxAttempts}
     * @param value the rejected value as text (already redacted where sensitive)
     * @param rule the rule it breaks, e.g. {@code must be at least 1}
     */
    public record Violation(String option, String value, String rule) {
        public Violation {
            Objects.requireNonNull(option, "option");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public String toString() {
            return option + "=" + value + " (" + rule + ")";
        }
    }

    private final String subject;
    private final List<Violation> violations;

    /**
     * @param subject what was being built, e.g. {@code RetryPolicy}
     * @param violations at least one violation
     */
    public InvalidConfigurationException(String subject, List<Violation> violations) {
        super(describe(subject, violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidConfigurationException needs at least one violation");
        }
        this.subject = subject;
        this.violations = List.copyOf(violations);
    }

    /** What was being built, e.g. {@code RetryPolicy}. */
    public String subject() {
        return subject;
    }

    /** Every violation found, in the order the options were checked; never empty. */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(String subject, List<Violation> violations) {
        return "invalid " + subject + ": " + violations.size()
                + (violations.size() == 1 ? " problem: " : " problems: ")
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
