package dev.e911.api.routing;

import dev.e911.api.validation.Identifiers;
import dev.e911.api.validation.Violations;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.regex.PatternSyntaxException;

/**
 * One entry of the emergency dial plan: a dialled-number pattern (a regular expression over the
 * normalised digits, anchored like Genesys number-plan patterns, e.g. {@code ^911$}), its
 * classification, its priority (lower is tried first), the callback policy that overrides caller-ID
 * masking, and whether the Kari's Law on-site notification fires. An emergency rule can never use
 * {@link CallbackPolicy#MASKED_CALLER_ID}.
 */
public record EmergencyRoutingRule(@NotBlank String id, @NotBlank String pattern, @NotNull Classification classification,
    @PositiveOrZero int priority, @NotNull CallbackPolicy callbackPolicy, boolean notifyOnSite) {

  /** Longest pattern accepted. */
  public static final int MAX_PATTERN_LENGTH = 256;

  public EmergencyRoutingRule {
    Violations v = Violations.forType("EmergencyRoutingRule");
    Identifiers.check(v, "id", id);
    if (pattern == null || pattern.isBlank()) {
      v.add("pattern", "required", "is required");
    } else if (pattern.length() > MAX_PATTERN_LENGTH) {
      v.add("pattern", "length", "must be at most " + MAX_PATTERN_LENGTH + " characters");
    } else {
      try {
        java.util.regex.Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        v.add("pattern", "pattern.syntax", "is not a valid regular expression: " + e.getDescription());
      }
    }
    v.check(classification == null, "classification", "required", "is required");
    v.check(priority < 0, "priority", "range", "must be zero or positive (lower is tried first)");
    v.check(callbackPolicy == null, "callbackPolicy", "required", "is required");
    v.check(classification != null && classification.isEmergency() && callbackPolicy == CallbackPolicy.MASKED_CALLER_ID,
        "callbackPolicy", "emergency.masked-caller-id",
        "an emergency rule must present a callback number a PSAP can dial (AGENT_DID, LOCATION_ELIN or ELIN_POOL), never the masked caller ID");
    v.throwIfAny();
  }

  /** The usual US rule set: {@code ^911$} and {@code ^933$} (test), agent DID first, notify on 911. */
  public static java.util.List<EmergencyRoutingRule> usDefaults() {
    return java.util.List.of(
        new EmergencyRoutingRule("911", "^911$", Classification.EMERGENCY, 1, CallbackPolicy.AGENT_DID, true),
        new EmergencyRoutingRule("933", "^933$", Classification.EMERGENCY_TEST, 2, CallbackPolicy.AGENT_DID, false));
  }
}
