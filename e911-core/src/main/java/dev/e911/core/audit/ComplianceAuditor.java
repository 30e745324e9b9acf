package dev.e911.core.audit;

import dev.e911.api.spi.PlatformInventory;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.core.config.ContactCenterConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the known 911 traps of a contact center, platform-neutral: remote agents pinned to an office
 * location, remote sites routed with an office's location, a dial plan where 911 (bare or behind the
 * outside-line prefix) or 933 is not an emergency call or is shadowed, no route for emergency calls,
 * masked or shared caller IDs on emergency routes, remote WebRTC without forced TURN or without the
 * location prompt, locations whose address is unverified or not dispatchable, callback numbers the
 * carrier does not hold or holds for another address, no on-site notifier, stale agent verification.
 * It reads a {@link PlatformInventory}, a {@link ContactCenterConfig}, or both, plus the carrier's
 * read-back; it never calls anything remote and never throws for what it reads. A clean center gives an
 * empty report; what could not be checked goes to the report's notes, not into findings.
 */
public final class ComplianceAuditor {

  private final Clock clock;

  private ComplianceAuditor(Clock clock) {
    this.clock = clock;
  }

  /** An auditor that judges verification age by {@code clock}. */
  public static ComplianceAuditor create(Clock clock) {
    return new ComplianceAuditor(Objects.requireNonNull(clock, "clock"));
  }

  /** Audits what the request holds. */
  public AuditReport audit(AuditRequest request) {
    Objects.requireNonNull(request, "request");
    List<Finding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    request.inventory().ifPresent(inv -> new InventoryAudit(request, inv, findings, notes).run());
    request.config().ifPresent(cfg -> new ConfigAudit(request, cfg, clock, findings, notes).run());
    new CarrierAudit(request, findings, notes).run();
    return new AuditReport(findings, notes, clock.instant());
  }

  /** Audits a platform inventory alone. */
  public AuditReport audit(PlatformInventory inventory) {
    return audit(AuditRequest.builder().inventory(inventory).build());
  }

  /**
   * Audits a configuration file alone, offline (what {@code ./e911 audit --config FILE} runs): its dial
   * plan, notifiers, sites' media policies, locations' addresses and agents' verification age.
   */
  public AuditReport auditConfig(ContactCenterConfig config) {
    return audit(AuditRequest.builder().config(config).build());
  }

  /** Audits a configuration together with what the carrier holds for its callback numbers. */
  public AuditReport auditConfig(ContactCenterConfig config, List<ReadBackResult> carrierReadBack) {
    return audit(AuditRequest.builder().config(config).carrierReadBack(carrierReadBack).build());
  }
}
