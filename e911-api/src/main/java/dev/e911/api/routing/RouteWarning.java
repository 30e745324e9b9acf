package dev.e911.api.routing;

import java.util.Objects;

/**
 * Something an emergency route had to settle for, with a stable code and a sentence for humans. The
 * route is still produced; the warning goes into logs, the on-site notification and the audit.
 */
public record RouteWarning(Code code, String message) {

  /** The stable warning codes. */
  public enum Code {
    /** The agent is not known; defaults were used. */
    UNKNOWN_AGENT,
    /** The location is not verified for the agent's current network. */
    LOCATION_UNVERIFIED,
    /** The location was verified longer ago than allowed. */
    LOCATION_STALE,
    /** The address sent is not dispatchable (see its gaps). */
    ADDRESS_NOT_DISPATCHABLE,
    /** A lower rung of the location ladder was used; the message says which and why. */
    LOCATION_FALLBACK,
    /** Nothing was known; the configured fallback location was sent. */
    NO_LOCATION,
    /** The rule's preferred callback number was missing; the next legal one was used. */
    CALLBACK_FALLBACK,
    /** No callback number at all could be found. */
    NO_CALLBACK_NUMBER,
    /** The site's ELIN pool was exhausted; the least recently used ELIN was reused. */
    ELIN_POOL_EXHAUSTED,
    /** The carrier binding of the callback number to this address is not (yet) in place. */
    BINDING_NOT_PROVISIONED,
    /** The dialled string could not be read cleanly; it was classified on a best-effort basis. */
    DIAL_STRING_UNCLEAN
  }

  public RouteWarning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
