package dev.e911.core.audit;

import dev.e911.api.address.Dispatchability;
import dev.e911.api.agent.Agent;
import dev.e911.api.agent.StationKind;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.Location;
import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.routing.Classification;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.api.site.Site;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.dialplan.DialPlan;
import dev.e911.core.dialplan.DialPlanException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks on a contact-center configuration: its own dial plan, Kari's Law notification, agents'
 * verification age, its locations' addresses and remote agents assigned an office location; and, when no
 * platform inventory is given, its remote sites' media policies (the intent, audited offline).
 */
final class ConfigAudit {

  private final AuditRequest request;
  private final ContactCenterConfig cfg;
  private final Clock clock;
  private final List<Finding> findings;
  private final List<String> notes;

  ConfigAudit(AuditRequest request, ContactCenterConfig cfg, Clock clock, List<Finding> findings, List<String> notes) {
    this.request = request;
    this.cfg = cfg;
    this.clock = clock;
    this.findings = findings;
    this.notes = notes;
  }

  void run() {
    dialPlan();
    notification();
    stale();
    pinned();
    cfg.locations().forEach(this::location);
    if (request.inventory().isEmpty()) {
      cfg.sites().stream().filter(s -> s.kind() == Site.Kind.REMOTE).forEach(this::remoteMedia);
    }
  }

  private static final Subject DIAL_PLAN = new Subject(Subject.Type.DIAL_PLAN, "rules", "e911 emergency dial plan");

  private void dialPlan() {
    DialPlan plan;
    try {
      DialPlan.Builder b = DialPlan.builder().rules(cfg.rules());
      if (!cfg.outsideLinePrefix().isEmpty()) {
        b.outsideLinePrefix(cfg.outsideLinePrefix());
      }
      plan = b.build();
    } catch (DialPlanException e) {
      findings.add(Finding.of(FindingCode.DIAL_PLAN_INVALID, DIAL_PLAN, e.problems().stream()
          .map(p -> "rule " + p.ruleId() + ": " + p.reason()).collect(Collectors.joining("; "))));
      return;
    }
    if (!plan.classify("911").isEmergency()) {
      findings.add(Finding.of(FindingCode.EMERGENCY_911_NOT_DIRECT, DIAL_PLAN, "no rule of the configuration makes 911 an"
          + " emergency call (" + cfg.rules().size() + " rule(s))"));
    }
    if (!plan.classify("933").isEmergency()) {
      findings.add(Finding.of(FindingCode.EMERGENCY_933_MISSING, DIAL_PLAN, "no rule of the configuration makes 933 an"
          + " emergency test call"));
    }
  }

  private void notification() {
    boolean anyEmergency = cfg.rules().stream().anyMatch(r -> r.classification() == Classification.EMERGENCY);
    if (cfg.notifiers().isEmpty()) {
      findings.add(Finding.of(FindingCode.NO_ONSITE_NOTIFIER, new Subject(Subject.Type.CONTACT_CENTER, "", cfg.name()),
          "the configuration has no notifier, so nobody on site learns of a 911 call"));
    }
    if (anyEmergency) {
      for (EmergencyRoutingRule r : cfg.rules()) {
        if (r.classification() == Classification.EMERGENCY && !r.notifyOnSite()) {
          findings.add(Finding.of(FindingCode.ONSITE_NOTIFICATION_OFF, new Subject(Subject.Type.DIAL_PLAN, r.id(), r.pattern()),
              "EMERGENCY rule " + r.id() + " (" + r.pattern() + ") does not notify on site"));
        }
      }
    }
  }

  private void stale() {
    Instant now = clock.instant();
    for (AgentLocation l : cfg.agentLocations()) {
      boolean expired = l.verification() == VerificationState.REMOTE_VERIFIED
          && l.since().plus(cfg.policies().maxVerificationAge()).isBefore(now);
      if (l.verification() == VerificationState.STALE || expired) {
        String name = cfg.agent(l.agentId()).map(Agent::displayName).orElse("");
        findings.add(Finding.of(FindingCode.AGENT_VERIFICATION_STALE, new Subject(Subject.Type.AGENT, l.agentId(), name),
            "verified " + l.since() + ", longer ago than the policy's " + cfg.policies().maxVerificationAge()
                + (l.verification() == VerificationState.STALE ? " (marked STALE)" : "")));
      }
    }
  }

  private void pinned() {
    Set<String> offices = cfg.sites().stream().filter(s -> s.kind() == Site.Kind.FIXED).map(Site::defaultLocationId)
        .collect(Collectors.toSet());
    for (AgentLocation l : cfg.agentLocations()) {
      Agent agent = cfg.agent(l.agentId()).orElse(null);
      boolean remote = agent != null && cfg.site(agent.siteId()).map(s -> s.kind() == Site.Kind.REMOTE).orElse(false);
      boolean assigned = l.source() == LocationSource.ADMIN_ASSIGNED || l.source() == LocationSource.SITE_DEFAULT;
      if (remote && assigned && l.locationId().filter(offices::contains).isPresent()) {
        findings.add(Finding.of(FindingCode.REMOTE_AGENTS_PINNED_TO_HQ, new Subject(Subject.Type.AGENT, agent.id(),
            agent.displayName()), "remote agent " + agent.id() + " is " + l.source() + " to the office location "
            + l.locationId().get() + " instead of where they are"));
      }
    }
  }

  private void location(Location l) {
    Subject subject = new Subject(Subject.Type.LOCATION, l.id(), l.name());
    Dispatchability d = l.address().dispatchability();
    List<Dispatchability.Gap> gaps = d.gaps().stream().filter(g -> g != Dispatchability.Gap.NOT_VALIDATED).toList();
    if (!gaps.isEmpty()) {
      findings.add(Finding.of(FindingCode.LOCATION_NOT_DISPATCHABLE, subject,
          gaps.stream().map(Dispatchability.Gap::description).collect(Collectors.joining("; "))));
    }
    if (d.gaps().contains(Dispatchability.Gap.NOT_VALIDATED)) {
      findings.add(Finding.of(FindingCode.LOCATION_ADDRESS_UNVERIFIED, subject, Dispatchability.Gap.NOT_VALIDATED.description()));
    }
  }

  private void remoteMedia(Site s) {
    List<Agent> webRtc = cfg.agents().stream().filter(a -> a.siteId().equals(s.id()))
        .filter(a -> a.station() == StationKind.WEBRTC || a.station() == StationKind.DESKTOP_APP).toList();
    if (webRtc.isEmpty()) {
      return;
    }
    Subject subject = new Subject(Subject.Type.SITE, s.id(), s.name());
    if (!s.mediaPolicy().forceTurn()) {
      findings.add(Finding.of(FindingCode.WEBRTC_FORCE_TURN_OFF, subject, "remote site " + s.id() + " has " + webRtc.size()
          + " WebRTC agent(s) and its media policy does not force TURN"));
    }
    if (!s.mediaPolicy().promptForEmergencyLocation()) {
      findings.add(Finding.of(FindingCode.WEBRTC_LOCATION_PROMPT_OFF, subject, "remote site " + s.id() + " has "
          + webRtc.size() + " WebRTC agent(s) and its media policy does not prompt for the emergency location"));
    }
  }
}
