package dev.e911.core.location;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.location.AgentLocation;
import java.util.List;
import java.util.Objects;

/**
 * The answer to an agent confirming an address: {@link Verified} (validated, provisioned, assigned),
 * {@link Pending} (validated; provisioning queued in the outbox, still unverified),
 * {@link SuggestCorrection} (the carrier proposes corrections for the agent to accept; nothing
 * applied), {@link Rejected} (the carrier cannot locate it), {@link AwaitingApproval} (policy sends
 * it to an administrator), or {@link Refused} (e911 cannot act: unknown agent, not dispatchable,
 * no carrier able to validate, carrier unreachable).
 */
public sealed interface ConfirmOutcome {

  /** The agent is REMOTE_VERIFIED at the (carrier-standardised) address. */
  record Verified(AgentLocation location) implements ConfirmOutcome {
    public Verified {
      Objects.requireNonNull(location, "location");
    }
  }

  /** Validated; provisioning is queued and will complete from the outbox. */
  record Pending(AgentLocation location, String reason) implements ConfirmOutcome {
    public Pending {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The carrier suggests corrected forms; accept one with {@code LocationService.acceptSuggestion}. */
  record SuggestCorrection(List<DispatchableAddress> suggestions, List<String> reasons) implements ConfirmOutcome {
    public SuggestCorrection {
      suggestions = List.copyOf(suggestions);
      reasons = List.copyOf(reasons);
    }
  }

  /** The carrier cannot locate the address. */
  record Rejected(List<String> reasons) implements ConfirmOutcome {
    public Rejected {
      reasons = List.copyOf(reasons);
    }
  }

  /** Waiting for an administrator ({@code LocationService.approve(requestId, ...)}). */
  record AwaitingApproval(String requestId) implements ConfirmOutcome {
    public AwaitingApproval {
      Objects.requireNonNull(requestId, "requestId");
    }
  }

  /** e911 could not act on the confirmation; the reason says why and what to do. */
  record Refused(String code, String reason) implements ConfirmOutcome {
    public Refused {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
