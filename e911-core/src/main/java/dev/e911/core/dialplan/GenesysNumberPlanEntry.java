package dev.e911.core.dialplan;

import java.util.Objects;

/**
 * One Genesys Cloud number-plan entry ({@code NumberPlan}) implementing part of a {@link DialPlan},
 * ready for the Genesys adapter to merge into the site's {@code PUT .../sites/{siteId}/numberplans}
 * array. Component names are the wire field names: {@code name}, {@code state} ({@code active}),
 * {@code classification} ({@code Emergency}), {@code matchType} ({@code regex}), {@code match} (an
 * anchored regex such as {@code ^911$}), {@code normalizedFormat} (the number sent on, with any
 * outside-line prefix removed: a literal or {@code $1}) and {@code priority} (0, 1, ... in order; the
 * adapter puts these entries ahead of every other plan).
 */
public record GenesysNumberPlanEntry(String name, String state, String classification, String matchType, String match,
    String normalizedFormat, int priority) {

  /** The {@code matchType} for regular-expression plans. */
  public static final String MATCH_TYPE_REGEX = "regex";
  /** The classification Genesys outbound routes reference for 911 (and the 933 test). */
  public static final String CLASSIFICATION_EMERGENCY = "Emergency";
  /** The entity state of a live plan. */
  public static final String STATE_ACTIVE = "active";

  public GenesysNumberPlanEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(matchType, "matchType");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(normalizedFormat, "normalizedFormat");
    if (priority < 0) {
      throw new IllegalArgumentException("priority must be zero or positive");
    }
  }
}
