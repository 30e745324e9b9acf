package dev.e911.testkit.carrier;

/** A fault a {@link CarrierFake} injects into the next requests. */
public enum Fault {
  /** 429 with {@code Retry-After: 1} (or the carrier's equivalent). */
  RATE_LIMITED,
  /** 503 (or the carrier's "temporarily unavailable" error). */
  SERVER_ERROR,
  /** The request is held longer than the adapter's configured timeout, then dropped. */
  HANG,
  /** 200 with a body the adapter cannot understand. */
  MALFORMED,
  /** 401 with the carrier's authentication error. */
  UNAUTHORIZED,
  /** The change is applied, but the answer never arrives (the ambiguous timeout that tempts a duplicate order). */
  APPLY_THEN_HANG
}
