package dev.e911.core.config;

import dev.e911.api.validation.Violations;
import java.time.Duration;

/**
 * The contact center's location policies: how long a verification lasts (one shift by default),
 * whether a network match on a fixed site is enough to go Available, whether remote sites require a
 * REMOTE_VERIFIED location, whether addresses proposed on company networks wait for an
 * administrator's approval, and how long a PSAP callback to a pool ELIN reaches the caller.
 */
public record Policies(Duration maxVerificationAge, boolean networkMatchSufficesOnFixedSites,
    boolean remoteSitesRequireVerified, boolean approvalRequiredForCompanyNetworks, Duration callbackWindow) {

  public Policies {
    Violations v = Violations.forType("Policies");
    v.check(maxVerificationAge == null || maxVerificationAge.isNegative() || maxVerificationAge.isZero()
        || maxVerificationAge.compareTo(Duration.ofDays(7)) > 0, "maxVerificationAge", "range", "must be between 1 second and 7 days");
    v.check(callbackWindow == null || callbackWindow.compareTo(Duration.ofMinutes(5)) < 0
        || callbackWindow.compareTo(Duration.ofHours(24)) > 0, "callbackWindow", "range", "must be between 5 minutes and 24 hours");
    v.throwIfAny();
  }

  /** 12 h verification, network match enough on fixed sites, remote sites need REMOTE_VERIFIED, no approval queue, 60 min callback window. */
  public static Policies defaults() {
    return new Policies(Duration.ofHours(12), true, true, false, Duration.ofMinutes(60));
  }
}
