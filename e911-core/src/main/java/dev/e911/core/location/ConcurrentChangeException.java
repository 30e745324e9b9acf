package dev.e911.core.location;

import dev.e911.api.spi.StoreException;

/**
 * Another node sharing the store changed the agent's location between this node's read and its
 * write. Nothing was overwritten: this node has taken the other node's state (and told its listeners);
 * the operation can simply be retried.
 */
public final class ConcurrentChangeException extends StoreException {

  private static final long serialVersionUID = 1L;
  private final String agentId;

  ConcurrentChangeException(String agentId, long storedVersion) {
    super("agent " + agentId + " was changed by another node (stored version " + storedVersion + "); retry");
    this.agentId = agentId;
  }

  /** The agent concerned. */
  public String agentId() {
    return agentId;
  }
}
