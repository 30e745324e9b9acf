package dev.e911.core.location;

/**
 * Receives every change of an agent's location, after it is durably stored (to rebuild a routing
 * snapshot, prompt the user, update the platform). Called on the thread that made the change; must
 * not block. An exception thrown by a listener is logged and does not undo the change.
 */
@FunctionalInterface
public interface LocationListener {
  /** Called once per change. */
  void onChange(LocationEvent event);
}
