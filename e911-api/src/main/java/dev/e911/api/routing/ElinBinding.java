package dev.e911.api.routing;

/**
 * Whether the carrier already held the pool ELIN presented on an emergency call at the address sent,
 * for this caller, when the call was routed. A pool ELIN is lent per call, so its record at the
 * carrier follows the callers: when it is not in place the router asks for an update (through the
 * location engine's outbox, never on the call path) and warns {@link RouteWarning.Code#BINDING_NOT_PROVISIONED}.
 */
public enum ElinBinding {
  /** The callback number is not a pool ELIN (an agent DID, a location ELIN, or none): nothing is bound per call. */
  NOT_POOLED,
  /** The carrier confirmed holding this pool ELIN at the address sent, for this caller, before the call. */
  IN_PLACE,
  /** Not in place; an update to the address sent is requested (by this call or an earlier one) and not yet confirmed. */
  UPDATE_REQUESTED,
  /** Not in place, and no update could be requested (no carrier, an address that is not dispatchable, a full queue); the warning says why. */
  NOT_REQUESTED
}
