package dev.e911.core.audit;

/**
 * How bad a {@link Finding} is: {@link #ERROR} when a 911 call may reach the wrong PSAP, present a number
 * that cannot be called back, not go through, or break Kari's Law; {@link #WARNING} when it makes a
 * call or its location less reliable; {@link #INFO} for advice.
 */
public enum Severity {
  /** A 911 call can fail, be misrouted, or the center is out of compliance. */
  ERROR,
  /** Reliability or verification is weakened. */
  WARNING,
  /** Advice. */
  INFO
}
