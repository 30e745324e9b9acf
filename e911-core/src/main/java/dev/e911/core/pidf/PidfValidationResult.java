package dev.e911.core.pidf;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link PidfSchemaValidator#validate(byte[])}: {@link Valid} against the official
 * schema set, {@link Invalid} with the schema violations found (line, column and the schema
 * processor's message, in document order), or {@link Refused} when the document was not read at
 * all because it is hostile, oversize or not well-formed. Every variant is immutable and
 * {@link #problems()} is empty exactly when the document is valid.
 */
public sealed interface PidfValidationResult {

    /** The problems found, in document order; empty only for {@link Valid}. */
    List<Problem> problems();

    /** Whether the document is schema-valid. */
    default boolean isValid() {
        return this instanceof Valid;
    }

    /**
     * One problem: 1-based line and column ({@code 0} when unknown) and the message.
     *
     * @param line 1-based line, {@code 0} when unknown
     * @param column 1-based column, {@code 0} when unknown
     * @param message the schema processor's or the reader's message
     */
    record Problem(int line, int column, String message) {
        /** Requires a message. */
        public Problem {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The document is valid against the schema set. */
    record Valid() implements PidfValidationResult {
        @Override
        public List<Problem> problems() {
            return List.of();
        }
    }

    /**
     * The document was read but violates the schema set.
     *
     * @param problems at least one problem, in document order
     */
    record Invalid(List<Problem> problems) implements PidfValidationResult {
        /** Copies the list; it must not be empty. */
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one problem");
            }
        }
    }

    /**
     * The document was refused before validation (see {@link PidfReadException.Reason}).
     *
     * @param reason what was refused
     * @param problem where, and the refusal message
     */
    record Refused(PidfReadException.Reason reason, Problem problem) implements PidfValidationResult {
        /** Requires both components. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public List<Problem> problems() {
            return List.of(problem);
        }
    }
}
