package dev.e911.api.routing;

/** What a dialled number is, for emergency purposes. */
public enum Classification {
  /** A real emergency call (911, 9911, 112 ...). */
  EMERGENCY,
  /** A test call to the carrier's readback service (933): routed like 911, never reaches a PSAP. */
  EMERGENCY_TEST,
  /** Anything else; the emergency machinery stays out of the way. */
  NOT_EMERGENCY;

  /** Whether calls of this class take the emergency path (EMERGENCY or EMERGENCY_TEST). */
  public boolean isEmergency() {
    return this != NOT_EMERGENCY;
  }
}
