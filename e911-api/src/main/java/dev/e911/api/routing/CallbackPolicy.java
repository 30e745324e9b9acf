package dev.e911.api.routing;

/**
 * Which number an emergency call presents as its calling (and callback) number. The router falls
 * back to the next legal choice when the preferred one is missing, with a warning. Presenting the
 * masked queue number is only legal for non-emergency rules: a PSAP cannot call a queue back.
 */
public enum CallbackPolicy {
  /** The agent's own DID. */
  AGENT_DID,
  /** The ELIN of the location the agent is at. */
  LOCATION_ELIN,
  /** An ELIN leased from the site's pool for the callback window. */
  ELIN_POOL,
  /** Whatever masked caller ID the agent presents on normal calls; refused for emergency rules. */
  MASKED_CALLER_ID
}
