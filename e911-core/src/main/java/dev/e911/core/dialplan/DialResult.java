package dev.e911.core.dialplan;

import dev.e911.api.routing.Classification;
import dev.e911.api.routing.EmergencyRoutingRule;
import java.util.Objects;

/**
 * What {@link DialPlan#classify(CharSequence)} found for one dial string: either a {@link Match} of a
 * rule of the plan, or {@link #NOT_EMERGENCY} when no rule matched (including unreadable input). The
 * plan preallocates one {@code Match} per number it knows and shares the one {@code NoMatch}, so the
 * hot path hands these out without allocating; compare with {@code instanceof}, not identity.
 */
public sealed interface DialResult permits DialResult.Match, DialResult.NoMatch {

  /** The shared answer for a dial string that no rule matched. */
  NoMatch NOT_EMERGENCY = new NoMatch();

  /** The classification of the dial string. */
  Classification classification();

  /** Whether the call takes the emergency path (EMERGENCY or EMERGENCY_TEST). */
  default boolean isEmergency() {
    return classification().isEmergency();
  }

  /**
   * A rule matched. {@code digits} is the normalised dial string (e.g. {@code 9911}); {@code number}
   * is the same without the outside-line prefix when the match came through the prefix (e.g.
   * {@code 911}), otherwise equal to {@code digits}. The classification is the rule's, which may be
   * {@code NOT_EMERGENCY} for an explicit carve-out rule.
   */
  record Match(EmergencyRoutingRule rule, String digits, String number) implements DialResult {
    public Match {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(digits, "digits");
      Objects.requireNonNull(number, "number");
      if (number.isEmpty() || !digits.endsWith(number)) {
        throw new IllegalArgumentException("number must be a non-empty suffix of digits");
      }
    }

    @Override
    public Classification classification() {
      return rule.classification();
    }

    /** Whether the number was dialled behind the outside-line prefix (e.g. {@code 9911}). */
    public boolean viaOutsideLinePrefix() {
      return digits.length() != number.length();
    }
  }

  /** No rule matched; the dial string is not an emergency number. */
  record NoMatch() implements DialResult {
    @Override
    public Classification classification() {
      return Classification.NOT_EMERGENCY;
    }
  }
}
