package dev.e911.core.audit;

import dev.e911.api.agent.StationKind;
import dev.e911.api.site.Site;
import dev.e911.api.spi.ConfigurationFix;
import dev.e911.api.spi.PlatformInventory;
import dev.e911.core.config.ContactCenterConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** The checks on a platform inventory (the platform is the truth; the configuration says what is intended). */
final class InventoryAudit {

  static final String EMERGENCY = "Emergency";
  private static final int MAX_NAMED = 10;

  private final AuditRequest request;
  private final PlatformInventory inv;
  private final List<Finding> findings;
  private final List<String> notes;
  private final Map<String, Site.Kind> kinds = new HashMap<>();
  private final Map<String, Site.MediaPolicy> policies = new HashMap<>();
  private final Map<String, PlatformInventory.Location> locations = new HashMap<>();
  private final Set<String> officeLocations = new HashSet<>();
  private final Set<String> officePlaces = new HashSet<>();

  InventoryAudit(AuditRequest request, PlatformInventory inv, List<Finding> findings, List<String> notes) {
    this.request = request;
    this.inv = inv;
    this.findings = findings;
    this.notes = notes;
  }

  void run() {
    inv.locations().forEach(l -> locations.put(l.id(), l));
    classifySites();
    Set<String> used = inv.users().stream().map(PlatformInventory.User::siteId).collect(Collectors.toSet());
    int skipped = 0;
    for (PlatformInventory.Site s : inv.sites()) {
      if (!used.contains(s.id()) && !kinds.containsKey(s.id())) {
        skipped++;
        continue;
      }
      dialPlan(s);
      routes(s);
      if (kinds.get(s.id()) == Site.Kind.REMOTE) {
        remoteSite(s);
      }
      media(s);
    }
    if (skipped > 0) {
      notes.add(skipped + " site(s) that no phone uses and the configuration does not name were not audited");
    }
    long unknownKinds = inv.sites().stream().filter(s -> used.contains(s.id()) && !kinds.containsKey(s.id())).count();
    if (unknownKinds > 0) {
      notes.add(unknownKinds + " site(s) are neither in the configuration nor declared remote or fixed: the remote-site"
          + " checks (pinned agents, office location, force TURN, location prompt) were skipped for them");
    }
    inv.locations().forEach(this::location);
    gapsToNotes();
  }

  private void classifySites() {
    Optional<ContactCenterConfig> cfg = request.config();
    for (PlatformInventory.Site s : inv.sites()) {
      cfg.flatMap(c -> c.sites().stream()
              .filter(x -> x.id().equals(s.id())).findFirst()
              .or(() -> c.sites().stream().filter(x -> x.name().equalsIgnoreCase(s.name())).findFirst()))
          .ifPresent(x -> {
            kinds.put(s.id(), x.kind());
            policies.put(s.id(), x.mediaPolicy());
          });
      if (request.remoteSites().contains(s.id())) {
        kinds.put(s.id(), Site.Kind.REMOTE);
      }
      if (request.fixedSites().contains(s.id())) {
        kinds.put(s.id(), Site.Kind.FIXED);
      }
      if (kinds.get(s.id()) == Site.Kind.FIXED && !s.locationId().isEmpty()) {
        officeLocations.add(s.locationId());
        PlatformInventory.Location l = locations.get(s.locationId());
        if (l != null && !Addresses.placeKey(l.address()).isEmpty()) {
          officePlaces.add(Addresses.placeKey(l.address()));
        }
      }
    }
  }

  private static Subject subject(PlatformInventory.Site s) {
    return new Subject(Subject.Type.SITE, s.id(), s.name());
  }

  // ---------------------------------------------------------------- dial plan (Kari's Law, 933, shadowing)

  private record Compiled(PlatformInventory.NumberPlanEntry entry, Pattern pattern) {
    boolean emergency() {
      return entry.classification().equalsIgnoreCase(EMERGENCY);
    }
  }

  private void dialPlan(PlatformInventory.Site s) {
    List<Compiled> plan = new ArrayList<>();
    s.numberPlan().stream().sorted(Comparator.comparingInt(PlatformInventory.NumberPlanEntry::priority)).forEach(e -> {
      try {
        plan.add(new Compiled(e, Pattern.compile(e.pattern())));
      } catch (PatternSyntaxException x) {
        notes.add("site " + s.id() + ": number-plan entry '" + e.name() + "' has a pattern Java cannot read; it was ignored");
      }
    });
    ConfigurationFix fix = new ConfigurationFix(ConfigurationFix.Kind.ADD_EMERGENCY_NUMBER_PLAN, s.id(),
        "put e911's emergency entries at the head of the site's number plan");
    check(s, plan, "911", FindingCode.EMERGENCY_911_NOT_DIRECT, fix);
    request.outsideLinePrefix().ifPresent(p -> check(s, plan, p + "911", FindingCode.EMERGENCY_PREFIX_VARIANT_MISSING, fix));
    check(s, plan, "933", FindingCode.EMERGENCY_933_MISSING, fix);
  }

  private void check(PlatformInventory.Site s, List<Compiled> plan, String digits, FindingCode missing, ConfigurationFix fix) {
    Compiled first = plan.stream().filter(c -> c.pattern().matcher(digits).matches()).findFirst().orElse(null);
    if (first != null && first.emergency()) {
      return;
    }
    Optional<Compiled> emergency = plan.stream().filter(c -> c.emergency() && c.pattern().matcher(digits).matches()).findFirst();
    if (first != null && emergency.isPresent()) {
      findings.add(Finding.of(FindingCode.EMERGENCY_RULE_SHADOWED, subject(s), "dialling " + digits + " matches '"
          + first.entry().name() + "' (" + first.entry().classification() + ", priority " + first.entry().priority()
          + ") before the Emergency entry '" + emergency.get().entry().name() + "'", fix));
      return;
    }
    String taken = first == null ? "no entry matches it" : "it is classified " + first.entry().classification()
        + " by '" + first.entry().name() + "'";
    findings.add(Finding.of(missing, subject(s), "dialling " + digits + " is not an emergency call on this site: " + taken, fix));
  }

  // ---------------------------------------------------------------- routes and caller ID

  private void routes(PlatformInventory.Site s) {
    List<PlatformInventory.OutboundRoute> emergency = s.outboundRoutes().stream()
        .filter(r -> r.classificationTypes().stream().anyMatch(c -> c.equalsIgnoreCase(EMERGENCY))).toList();
    if (emergency.isEmpty()) {
      findings.add(Finding.of(FindingCode.NO_EMERGENCY_ROUTE, subject(s),
          "none of the site's " + s.outboundRoutes().size() + " enabled outbound route(s) carries the Emergency classification"));
      return;
    }
    Set<String> queueNumbers = new HashSet<>();
    request.config().ifPresent(c -> c.agents().forEach(a -> a.maskedCallerId().ifPresent(n -> queueNumbers.add(n.value()))));
    String siteElin = Optional.ofNullable(locations.get(s.locationId())).map(PlatformInventory.Location::emergencyNumber).orElse("");
    for (PlatformInventory.OutboundRoute r : emergency) {
      String why = "";
      if (r.callerIdMasked()) {
        why = "presents " + (r.callerIdNumber().isEmpty() ? "a masked number" : r.callerIdNumber())
            + " instead of the caller's own number";
      } else if (!r.callerIdNumber().isEmpty() && queueNumbers.contains(r.callerIdNumber())) {
        why = "presents the queue number " + r.callerIdNumber();
      } else if (!r.callerIdNumber().isEmpty() && !r.callerIdNumber().equals(siteElin)) {
        why = "presents the shared number " + r.callerIdNumber() + ", which is not the site location's ELIN";
      }
      if (!why.isEmpty()) {
        findings.add(Finding.of(FindingCode.EMERGENCY_CALLER_ID_MASKED, new Subject(Subject.Type.ROUTE, r.id(), r.name()),
            "Emergency route '" + r.name() + "' of site " + s.id() + " " + why + ": the PSAP cannot call the caller back"
                + " and an ANI-based carrier locates every call at that number's address",
            new ConfigurationFix(ConfigurationFix.Kind.UNMASK_EMERGENCY_CALLER_ID, s.id(),
                "present the caller's DID or the location ELIN on the site's Emergency route")));
      }
    }
  }

  // ---------------------------------------------------------------- remote sites

  private List<PlatformInventory.User> usersOf(PlatformInventory.Site s) {
    return inv.users().stream().filter(u -> u.siteId().equals(s.id())).toList();
  }

  private void remoteSite(PlatformInventory.Site s) {
    List<PlatformInventory.User> users = usersOf(s);
    List<PlatformInventory.User> pinned = users.stream()
        .filter(u -> !u.locationIds().isEmpty() && officeLocations.containsAll(u.locationIds())).toList();
    String why = "";
    if (!pinned.isEmpty()) {
      why = pinned.size() + " of " + users.size() + " remote user(s) have only an office location: " + names(pinned);
    } else if (users.size() >= 2 && users.stream().allMatch(u -> u.locationIds().size() == 1)
        && users.stream().map(u -> u.locationIds().get(0)).distinct().count() == 1) {
      pinned = users;
      why = "all " + users.size() + " remote users share the single location " + users.get(0).locationIds().get(0);
    }
    if (!pinned.isEmpty()) {
      findings.add(Finding.of(FindingCode.REMOTE_AGENTS_PINNED_TO_HQ, subject(s), why));
    }
    PlatformInventory.Location own = locations.get(s.locationId());
    boolean officeById = officeLocations.contains(s.locationId());
    boolean officeByPlace = own != null && officePlaces.contains(Addresses.placeKey(own.address()));
    if (officeById || officeByPlace) {
      findings.add(Finding.of(FindingCode.REMOTE_SITE_STATIC_LOCATION, subject(s), "the remote site's location "
          + s.locationId() + (officeById ? " is an office's location" : " has an office's address")
          + ": 911 calls of its phones without a per-agent address are routed and located at the office"));
    }
  }

  private void media(PlatformInventory.Site s) {
    boolean remote = kinds.get(s.id()) == Site.Kind.REMOTE;
    Site.MediaPolicy policy = policies.get(s.id());
    boolean wantTurn = remote || (policy != null && policy.forceTurn());
    boolean wantPrompt = remote || (policy != null && policy.promptForEmergencyLocation());
    List<PlatformInventory.User> webRtc = usersOf(s).stream()
        .filter(u -> u.station() == StationKind.WEBRTC || u.station() == StationKind.DESKTOP_APP).toList();
    if (wantTurn) {
      List<PlatformInventory.User> off = webRtc.stream()
          .filter(u -> !inv.unknown(u.id(), PlatformInventory.SETTING_FORCE_TURN) && !u.webRtcForceTurn()).toList();
      if (!off.isEmpty()) {
        findings.add(Finding.of(FindingCode.WEBRTC_FORCE_TURN_OFF, subject(s), off.size() + " WebRTC user(s) of "
            + (remote ? "remote " : "") + "site " + s.id() + " do not force TURN: " + names(off)
            + "; behind home NATs a 911 call may connect without audio",
            new ConfigurationFix(ConfigurationFix.Kind.FORCE_TURN, s.id(), "force TURN for the site's WebRTC phones")));
      }
    }
    if (wantPrompt) {
      List<PlatformInventory.User> off = webRtc.stream()
          .filter(u -> !inv.unknown(u.id(), PlatformInventory.SETTING_LOCATION_PROMPT) && !u.emergencyLocationPrompt()).toList();
      if (!off.isEmpty()) {
        findings.add(Finding.of(FindingCode.WEBRTC_LOCATION_PROMPT_OFF, subject(s), off.size() + " WebRTC user(s) of "
            + (remote ? "remote " : "") + "site " + s.id() + " are not prompted for their emergency location: " + names(off),
            new ConfigurationFix(ConfigurationFix.Kind.LOCATION_PROMPT, s.id(), "prompt the site's WebRTC users for their location")));
      }
    }
  }

  // ---------------------------------------------------------------- locations

  private void location(PlatformInventory.Location l) {
    Subject subject = new Subject(Subject.Type.LOCATION, l.id(), l.name());
    List<String> missing = Addresses.missing(l.address());
    if (!missing.isEmpty()) {
      findings.add(Finding.of(FindingCode.LOCATION_NOT_DISPATCHABLE, subject, "the address lacks " + String.join(", ", missing)));
    }
    if (!l.addressVerified()) {
      findings.add(Finding.of(FindingCode.LOCATION_ADDRESS_UNVERIFIED, subject,
          "the platform has not verified the address" + (l.emergencyNumber().isEmpty() ? "" : " of ELIN " + l.emergencyNumber())));
    }
  }

  private void gapsToNotes() {
    Map<String, List<PlatformInventory.Gap>> bySetting = new LinkedHashMap<>();
    inv.gaps().forEach(g -> bySetting.computeIfAbsent(g.setting(), k -> new ArrayList<>()).add(g));
    bySetting.forEach((setting, gaps) -> {
      Set<String> reasons = new LinkedHashSet<>();
      gaps.forEach(g -> reasons.add(g.reason()));
      notes.add("the platform could not tell " + setting + " for " + gaps.size() + " object(s) ("
          + gaps.stream().limit(MAX_NAMED).map(PlatformInventory.Gap::objectId).collect(Collectors.joining(", "))
          + "): " + String.join("; ", reasons));
    });
  }

  static String names(List<PlatformInventory.User> users) {
    String listed = users.stream().limit(MAX_NAMED).map(u -> u.name().isEmpty() ? u.id() : u.name() + " (" + u.id() + ")")
        .collect(Collectors.joining(", "));
    return users.size() > MAX_NAMED ? listed + " and " + (users.size() - MAX_NAMED) + " more" : listed;
  }
}
