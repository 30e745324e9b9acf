package dev.e911.core.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential (token, client secret, API key) that must never appear in a log line, an
 * exception message or a {@code toString()}: it prints as {@code ***}, and the value is only
 * reachable through the deliberately named {@link #reveal()}. Equality is by value, compared in
 * constant time.
 */
public final class Secret {

    private static final String MASK = "***";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a credential.
     *
     * @throws IllegalArgumentException if {@code value} is empty (an empty credential is a bug)
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(value);
    }

    /** The credential itself; call it only where it is sent, never where it is printed. */
    public String reveal() {
        return value;
    }

    /** Always {@code ***}. */
    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant, so the hash leaks nothing; secrets do not belong in large hash maps anyway. */
    @Override
    public int hashCode() {
        return 0x5ec12e7;
    }
}
