package dev.e911.core.audit;

/**
 * The stable codes of the {@link ComplianceAuditor}'s findings, each with its severity, a title and the
 * usual fix. The names never change meaning; new traps get new codes. {@code docs/audit.md} explains
 * each one.
 */
public enum FindingCode {
  REMOTE_AGENTS_PINNED_TO_HQ(Severity.ERROR, "remote agents are pinned to an office location",
      "give each remote agent their own verified location (e911 assigns it once the agent confirms the address);"
          + " never leave remote agents on the office's location"),
  REMOTE_SITE_STATIC_LOCATION(Severity.ERROR, "a remote site routes 911 with an office's location",
      "give remote agents a site per dispatchable address (or move each agent's phone to the site of where they"
          + " are); a remote site must not carry the office's location and ELIN"),
  EMERGENCY_911_NOT_DIRECT(Severity.ERROR, "911 cannot be dialled directly (Kari's Law)",
      "add a number-plan entry ^911$ classified Emergency ahead of every other entry (fix ADD_EMERGENCY_NUMBER_PLAN)"),
  EMERGENCY_PREFIX_VARIANT_MISSING(Severity.ERROR, "911 dialled behind the outside-line prefix is not an emergency call",
      "add the entry ^<prefix>911$ classified Emergency, normalised to 911 (fix ADD_EMERGENCY_NUMBER_PLAN with the"
          + " prefix in the dial plan)"),
  EMERGENCY_933_MISSING(Severity.WARNING, "there is no 933 (address read-back test) emergency entry",
      "add ^933$ classified Emergency so agents can hear the address the carrier holds (fix ADD_EMERGENCY_NUMBER_PLAN)"),
  EMERGENCY_RULE_SHADOWED(Severity.ERROR, "an emergency number is taken by a higher-priority non-emergency entry",
      "move the Emergency entries ahead of the entry that matches first (fix ADD_EMERGENCY_NUMBER_PLAN puts them first)"),
  NO_EMERGENCY_ROUTE(Severity.ERROR, "no enabled outbound route carries the Emergency classification",
      "add an enabled outbound route whose classificationTypes include Emergency, on the carrier trunk"),
  EMERGENCY_CALLER_ID_MASKED(Severity.ERROR, "an emergency route presents a masked or shared caller ID",
      "present the agent's DID or the location's ELIN on the Emergency route: use a trunk without an Always"
          + " calling-address override for it (fix UNMASK_EMERGENCY_CALLER_ID)"),
  WEBRTC_FORCE_TURN_OFF(Severity.WARNING, "remote WebRTC phones do not force TURN",
      "turn on Force TURN in the WebRTC phones' base settings (Media); agents sign out and in again (fix FORCE_TURN)"),
  WEBRTC_LOCATION_PROMPT_OFF(Severity.WARNING, "WebRTC users are not prompted for their emergency location",
      "turn on the emergency-location prompt for the site's WebRTC phones (fix LOCATION_PROMPT where the org exposes it)"),
  LOCATION_ADDRESS_UNVERIFIED(Severity.ERROR, "a location's address is not verified",
      "have the address validated (the platform's address verification, or the carrier's 911 validation) and correct it"),
  LOCATION_NOT_DISPATCHABLE(Severity.ERROR, "a location's address is not dispatchable",
      "complete the address: house number, street, city, state and postal code, plus floor/unit where the building has several"),
  ELIN_NOT_PROVISIONED(Severity.ERROR, "a callback number is not provisioned at the carrier",
      "provision the number with its dispatchable address in the carrier's 911 database"),
  ELIN_ADDRESS_MISMATCH(Severity.ERROR, "a callback number is provisioned to another address",
      "re-provision the number at the carrier with the location's address"),
  NO_ONSITE_NOTIFIER(Severity.ERROR, "no on-site notifier is configured (Kari's Law)",
      "configure a notifier (security desk e-mail, webhook) that is told of every 911 call"),
  ONSITE_NOTIFICATION_OFF(Severity.ERROR, "an emergency rule does not notify on site (Kari's Law)",
      "set notifyOnSite on every EMERGENCY rule"),
  AGENT_VERIFICATION_STALE(Severity.WARNING, "an agent's location verification is stale",
      "have the agent confirm the location again before going Available"),
  DIAL_PLAN_INVALID(Severity.ERROR, "e911's emergency dial plan does not compile",
      "correct the rules the message names (patterns, duplicates, rules that never match)");

  private final Severity severity;
  private final String title;
  private final String fix;

  FindingCode(Severity severity, String title, String fix) {
    this.severity = severity;
    this.title = title;
    this.fix = fix;
  }

  /** The severity of findings with this code. */
  public Severity severity() {
    return severity;
  }

  /** What the trap is, in one line. */
  public String title() {
    return title;
  }

  /** The usual fix. */
  public String fix() {
    return fix;
  }
}
