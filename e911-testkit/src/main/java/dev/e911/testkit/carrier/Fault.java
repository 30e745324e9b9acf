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
  /**
   * The change is applied, but the answer never arrives (the ambiguous timeout that tempts a duplicate
   * order). It meets the next request that changes state; reads before it (an adapter that looks before
   * it writes) are served normally, since they have no change to apply and a fault spent on one would
   * leave the lost answer untested.
   */
  APPLY_THEN_HANG
}
