package dev.e911.core.network.internal;

/**
 * Thrown by {@link MacAddresses} when text is not a MAC address or BSSID pattern; {@link #problem()}
 * says what is wrong in a form a configuration validator can act on, and the message quotes the
 * input and the position so an administrator can fix the entry.
 */
public final class MacFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the text. */
    public enum Problem {
        EMPTY,
        INVALID_CHARACTER,
        MIXED_SEPARATORS,
        BAD_GROUP_LENGTH,
        BAD_GROUP_COUNT,
        BAD_DIGIT_COUNT,
        BAD_WILDCARD
    }

    private final Problem problem;

    MacFormatException(CharSequence input, Problem problem, String detail) {
        super("invalid MAC address '" + input + "': " + detail);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
