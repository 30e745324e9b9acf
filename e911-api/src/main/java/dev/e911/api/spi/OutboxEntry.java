package dev.e911.api.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A pending remote operation (carrier provisioning, platform assignment) recorded durably before it
 * is attempted, so a crash between steps neither loses nor repeats it. The {@code id} is
 * deterministic for the operation, which makes enqueueing idempotent.
 */
public record OutboxEntry(String id, String kind, String agentId, String payload, int attempts, Instant dueAt,
    String lastError) {
  public OutboxEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    agentId = agentId == null ? "" : agentId;
    payload = payload == null ? "" : payload;
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must be >= 0");
    }
    Objects.requireNonNull(dueAt, "dueAt");
    lastError = lastError == null ? "" : lastError;
  }
}
