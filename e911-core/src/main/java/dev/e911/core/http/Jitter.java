package dev.e911.core.http;

/**
 * How a computed backoff is randomised so that many clients that failed together do not retry
 * together. For a nominal backoff {@code b}: {@link #NONE} waits exactly {@code b};
 * {@link #FULL} waits a uniform random time in {@code [0, b]}; {@link #EQUAL} waits
 * {@code b/2} plus a uniform random time in {@code [0, b/2]}, so it never retries
 * sooner than half the nominal backoff.
 */
public enum Jitter {
    /** Wait exactly the nominal backoff (deterministic; useful for tests, bad for herds). */
    NONE,
    /** Wait a uniform random time between zero and the nominal backoff. */
    FULL,
    /** Wait half the nominal backoff plus a uniform random time up to the other half. */
    EQUAL
}
