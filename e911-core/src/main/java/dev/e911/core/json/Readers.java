package dev.e911.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.address.GeoPoint;
import dev.e911.api.agent.Agent;
import dev.e911.api.agent.StationKind;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.Location;
import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.network.IpAddress;
import dev.e911.api.network.LldpNeighbor;
import dev.e911.api.network.MacAddress;
import dev.e911.api.network.NetworkFingerprint;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.phone.E164Number;
import dev.e911.api.phone.Elin;
import dev.e911.api.routing.CallbackPolicy;
import dev.e911.api.routing.Classification;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.api.routing.RouteWarning;
import dev.e911.api.site.Site;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import dev.e911.core.config.ComponentSettings;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.config.NetworkMapping;
import dev.e911.core.config.Policies;
import dev.e911.core.network.BssidPattern;
import dev.e911.core.network.IpPrefix;
import java.time.Instant;
import java.util.List;

/**
 * Reads every domain type from a JSON tree. Each reader returns null when the value could not be
 * built and has then recorded at least one violation with its JSON path.
 */
final class Readers {

  private final String defaultRegion;
  private final List<Violation> violations;

  Readers(String defaultRegion, List<Violation> violations) {
    this.defaultRegion = defaultRegion;
    this.violations = violations;
  }

  @SuppressWarnings("unchecked")
  <T> T read(JsonNode node, String path, Class<T> type) {
    Object value;
    if (type == DispatchableAddress.class) {
      value = address(node, path);
    } else if (type == GeoPoint.class) {
      value = point(node, path);
    } else if (type == AddressValidation.class) {
      value = validation(node, path);
    } else if (type == E164Number.class) {
      value = e164(node, path);
    } else if (type == Elin.class) {
      value = elin(node, path);
    } else if (type == IpAddress.class) {
      value = ip(node, path);
    } else if (type == MacAddress.class) {
      value = scalar(node, path, MacAddress::parse);
    } else if (type == NetworkFingerprint.class) {
      value = scalar(node, path, NetworkFingerprint::new);
    } else if (type == LldpNeighbor.class) {
      value = lldp(node, path);
    } else if (type == NetworkObservation.class) {
      value = observation(node, path);
    } else if (type == Location.class) {
      value = location(node, path);
    } else if (type == Site.class) {
      value = site(node, path);
    } else if (type == EmergencyRoutingRule.class) {
      value = rule(node, path);
    } else if (type == Agent.class) {
      value = agent(node, path);
    } else if (type == AgentLocation.class) {
      value = agentLocation(node, path);
    } else if (type == EmergencyRoute.class) {
      value = route(node, path);
    } else if (type == ContactCenterConfig.class) {
      value = config(node, path);
    } else {
      throw new IllegalArgumentException("no JSON mapping for " + type.getName());
    }
    return (T) value;
  }

  private <T> T scalar(JsonNode node, String path, java.util.function.Function<String, T> parse) {
    if (node == null || !node.isTextual()) {
      violations.add(new Violation(path, "json.type", "must be a string"));
      return null;
    }
    try {
      return parse.apply(node.textValue());
    } catch (InvalidValueException e) {
      for (Violation v : e.violations()) {
        violations.add(new Violation(v.path().isEmpty() ? path : path + "." + v.path(), v.rule(), v.message()));
      }
      return null;
    }
  }

  E164Number e164(JsonNode node, String path) {
    return scalar(node, path, s -> E164Number.parse(s, defaultRegion));
  }

  IpAddress ip(JsonNode node, String path) {
    return scalar(node, path, IpAddress::parse);
  }

  /** A callback number written as a plain string, of a kind implied by where it appears. */
  Elin elinOfKind(JsonNode node, String path, Elin.Kind kind) {
    return scalar(node, path, s -> Elin.parse(s, defaultRegion, kind));
  }

  Elin elin(JsonNode json, String path) {
    if (!Node.expectObject(json, path, violations)) {
      return null;
    }
    Node n = new Node(json, path, violations);
    JsonNode number = n.raw("number");
    Elin.Kind kind = n.enumValue("kind", Elin.Kind.class, true);
    n.done();
    if (number == null || number.isNull()) {
      n.violation("number", "required", "is required");
      return null;
    }
    return kind == null ? null : elinOfKind(number, n.child("number"), kind);
  }

  DispatchableAddress address(JsonNode json, String path) {
    if (!Node.expectObject(json, path, violations)) {
      return null;
    }
    Node n = new Node(json, path, violations);
    DispatchableAddress.Builder b = DispatchableAddress.builder();
    int before = violations.size();
    for (CivicElement e : CivicElement.values()) {
      String value = n.text(e.jsonName(), false);
      if (value != null) {
        b.set(e, value);
      }
    }
    Node p = n.object("point", false);
    if (p != null) {
      b.point(point(p.json(), p.path()));
    }
    Node v = n.object("validation", false);
    if (v != null) {
      b.validation(validation(v.json(), v.path()));
    }
    b.requiresInBuildingDetail(n.bool("requiresInBuildingDetail", false));
    n.done();
    try {
      DispatchableAddress built = b.build();
      return violations.size() > before ? null : built;
    } catch (InvalidValueException e) {
      n.domain(e);
      return null;
    }
  }

  GeoPoint point(JsonNode json, String path) {
    if (!Node.expectObject(json, path, violations)) {
      return null;
    }
    Node n = new Node(json, path, violations);
    Double lat = n.number("latitude", true);
    Double lon = n.number("longitude", true);
    Double unc = n.number("uncertaintyMeters", false);
    n.done();
    if (lat == null || lon == null) {
      return null;
    }
    try {
      return new GeoPoint(lat, lon, unc == null ? 0 : unc);
    } catch (InvalidValueException e) {
      n.domain(e);
      return null;
    }
  }

  AddressValidation validation(JsonNode json, String path) {
    if (!Node.expectObject(json, path, violations)) {
      return null;
    }
    Node n = new Node(json, path, violations);
    String by = n.text("validatedBy", true);
    Instant at = n.instant("validatedAt", true);
    n.done();
    if (by == null || at == null) {
      return null;
    }
    try {
      return new AddressValidation(by, at);
    } catch (InvalidValueException e) {
      n.domain(e);
      return null;
    }
  }

  LldpNeighbor lldp(JsonNode json, String path) {
    if (!Node.expectObject(json, path, violations)) {
      return null;
    }
    Node n = new Node(json, path, violations);
    String chassis = n.text("chassisId", true);
    String port = n.text("portId", true);
    n.done();
    if (chassis == null || port == null) {
      return null;
    }
    try {
      return new LldpNeighbor(chassis, port);
    } catch (InvalidValueException e) {
      n.domain(e);
      return null;
    }
  }

  NetworkObservation observation(JsonNode json, String path) {
    if (!Node.expectObject(json, path, violations)) {
      return null;
    }
    Node n = new Node(json, path, violations);
    int before = violations.size();
    Instant at = n.instant("observedAt", true);
    NetworkObservation.Builder b = NetworkObservation.builder(at);
    n.list("localAddresses", this::ip).forEach(b::localAddress);
    if (n.has("publicAddress")) {
      b.publicAddress(ip(n.raw("publicAddress"), n.child("publicAddress")));
    } else {
      n.raw("publicAddress");
    }
    if (n.has("bssid")) {
      b.bssid(scalar(n.raw("bssid"), n.child("bssid"), MacAddress::parse));
    } else {
      n.raw("bssid");
    }
    Node l = n.object("lldp", false);
    if (l != null) {
      b.lldp(lldp(l.json(), l.path()));
    }
    n.done();
    try {
      var built = b.build();
      return violations.size() > before ? null : built;
    } catch (InvalidValueException e) {
      n.domain(e);
      return null;
    }
  }

  Location location(JsonNode json, String path) {
    if (!Node.expectObject(json, path, violations)) {
      return null;
    }
    Node n = new Node(json, path, violations);
    int before = violations.size();
    String id = n.text("id", true);
    String name = n.text("name", true);
    Node a = n.object("address", true);
    DispatchableAddress address = a == null ? null : address(a.json(), a.path());
    List<Elin> elins = n.list("elins", (e, p) -> elinOfKind(e, p, Elin.Kind.LOCATION_ELIN));
    n.done();
    try {
      Location built = new Location(id, name, address, elins);
      return violations.size() > before ? null : built;
    } catch (InvalidValueException e) {
      n.domain(e);
      return null;
    }
  }

  Site site(JsonNode json, String path) {
    if (!Node.expectObject(json, path, violations)) {
      return null;
    }
    Node n = new Node(json, path, violations);
    int before = violations.size();
    String id = n.text("id", true);
    String name = n.text("name", true);
    Site.Kind kind = n.enumValue("kind", Site.Kind.class, true);
    String defaultLocationId = n.text("defaultLocationId", true);
    Node m = n.object("mediaPolicy", false);
    Site.MediaPolicy media = new Site.MediaPolicy(false, false);
    if (m != null) {
      media = new Site.MediaPolicy(m.bool("forceTurn", false), m.bool("promptForEmergencyLocation", false));
      m.done();
    }
    List<Elin> pool = n.list("elinPool", (e, p) -> elinOfKind(e, p, Elin.Kind.POOL_ELIN));
    n.done();
    try {
      Site built = new Site(id, name, kind, defaultLocationId, media, pool);
      return violations.size() > before ? null : built;
    } catch (InvalidValueException e) {
      n.domain(e);
      return null;
    }
  }

  EmergencyRoutingRule rule(JsonNode json, String path) {
    if (!Node.expectObject(json, path, violations)) {
      return null;
    }
    Node n = new Node(json, path, violations);
    int before = violations.size();
    String id = n.text("id", true);
    String pattern = n.text("pattern", true);
    Classification classification = n.enumValue("classification", Classification.class, true);
    Integer priority = n.integer("priority", true);
    CallbackPolicy policy = n.enumValue("callbackPolicy", CallbackPolicy.class, true);
    boolean notify = n.bool("notifyOnSite", false);
    n.done();
    try {
      EmergencyRoutingRule built = new EmergencyRoutingRule(id, pattern, classification, priority == null ? 0 : priority, policy, notify);
      return violations.size() > before ? null : built;
    } catch (InvalidValueException e) {
      n.domain(e);
      return null;
    }
  }

  Agent agent(JsonNode json, String path) {
    if (!Node.expectObject(json, path, violations)) {
      return null;
    }
    Node n = new Node(json, path, violations);
    int before = violations.size();
    Agent.Builder b = Agent.builder(n.text("id", true))
        .displayName(n.text("displayName", true))
        .siteId(n.text("siteId", true));
    StationKind station = n.enumValue("station", StationKind.class, false);
    if (station != null) {
      b.station(station);
    }
    if (n.has("did")) {
      b.did(elinOfKind(n.raw("did"), n.child("did"), Elin.Kind.AGENT_DID));
    } else {
      n.raw("did");
    }
    if (n.has("maskedCallerId")) {
      b.maskedCallerId(e164(n.raw("maskedCallerId"), n.child("maskedCallerId")));
    } else {
      n.raw("maskedCallerId");
    }
    n.done();
    try {
      var built = b.build();
      return violations.size() > before ? null : built;
    } catch (InvalidValueException e) {
      n.domain(e);
      return null;
    }
  }

  AgentLocation agentLocation(JsonNode json, String path) {
    if (!Node.expectObject(json, path, violations)) {
      return null;
    }
    Node n = new Node(json, path, violations);
    int before = violations.size();
    AgentLocation.Builder b = AgentLocation.builder(n.text("agentId", true));
    Node a = n.object("address", true);
    if (a != null) {
      b.address(address(a.json(), a.path()));
    }
    b.locationId(n.text("locationId", false));
    b.source(n.enumValue("source", LocationSource.class, true));
    b.verification(n.enumValue("verification", VerificationState.class, true));
    b.since(n.instant("since", true));
    if (n.has("fingerprint")) {
      b.fingerprint(scalar(n.raw("fingerprint"), n.child("fingerprint"), NetworkFingerprint::new));
    } else {
      n.raw("fingerprint");
    }
    n.done();
    try {
      var built = b.build();
      return violations.size() > before ? null : built;
    } catch (InvalidValueException e) {
      n.domain(e);
      return null;
    }
  }

  EmergencyRoute route(JsonNode json, String path) {
    if (!Node.expectObject(json, path, violations)) {
      return null;
    }
    Node n = new Node(json, path, violations);
    int before = violations.size();
    Classification classification = n.enumValue("classification", Classification.class, true);
    String dialled = n.text("dialled", true);
    if (classification == null || dialled == null) {
      return null;
    }
    if (classification == Classification.NOT_EMERGENCY) {
      n.done();
      return violations.size() > before ? null : new EmergencyRoute.NotEmergency(dialled);
    }
    String agentId = n.text("agentId", true);
    if (agentId == null) {
      return null;
    }
    EmergencyRoute.Emergency.Builder b = EmergencyRoute.Emergency.builder(classification, dialled, agentId);
    String rule = n.text("ruleId", false);
    if (rule != null) {
      b.ruleId(rule);
    }
    if (n.has("presentedNumber")) {
      b.presentedNumber(e164(n.raw("presentedNumber"), n.child("presentedNumber")));
    } else {
      n.raw("presentedNumber");
    }
    Node cb = n.object("callbackNumber", false);
    if (cb != null) {
      b.callbackNumber(elin(cb.json(), cb.path()));
    }
    if (n.has("elinBinding")) {
      dev.e911.api.routing.ElinBinding binding = n.enumValue("elinBinding", dev.e911.api.routing.ElinBinding.class, false);
      if (binding != null) {
        b.elinBinding(binding);
      }
    }
    Node loc = n.object("location", false);
    if (loc != null) {
      b.location(agentLocation(loc.json(), loc.path()));
    }
    String pidf = n.text("pidfLo", false);
    if (pidf != null) {
      b.pidfLo(pidf.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    String geo = n.text("geolocation", false);
    if (geo != null) {
      b.geolocation(geo);
    }
    String geoRouting = n.text("geolocationRouting", false);
    if (geoRouting != null) {
      b.geolocationRouting(geoRouting);
    }
    b.notifyOnSite(n.bool("notifyOnSite", false));
    n.list("warnings", (w, p) -> {
      if (!Node.expectObject(w, p, violations)) {
        return null;
      }
      Node wn = new Node(w, p, violations);
      RouteWarning.Code code = wn.enumValue("code", RouteWarning.Code.class, true);
      String message = wn.text("message", true);
      wn.done();
      if (code != null && message != null) {
        b.warn(code, message);
      }
      return code;
    });
    n.done();
    return violations.size() > before ? null : b.build();
  }

  ContactCenterConfig config(JsonNode json, String path) {
    if (!Node.expectObject(json, path, violations)) {
      return null;
    }
    Node n = new Node(json, path, violations);
    int before = violations.size();
    String name = n.text("name", true);
    String region = n.text("defaultRegion", false);
    Readers r = region != null && region.matches("[A-Z]{2}") ? new Readers(region, violations) : this;
    String prefix = n.text("outsideLinePrefix", false);
    Node p = n.object("policies", false);
    Policies policies = p == null ? Policies.defaults() : policies(p);
    List<ComponentSettings> carriers = n.list("carriers", this::component);
    List<Site> sites = n.list("sites", r::site);
    List<Location> locations = n.list("locations", r::location);
    List<NetworkMapping> networkMap = n.list("networkMap", this::mapping);
    List<Agent> agents = n.list("agents", r::agent);
    List<EmergencyRoutingRule> rules = n.list("rules", this::rule);
    List<ComponentSettings> notifiers = n.list("notifiers", this::component);
    List<AgentLocation> agentLocations = n.list("agentLocations", this::agentLocation);
    n.done();
    if (violations.size() > before) {
      return null; // element problems first: cross-references are checked on a file whose elements are whole
    }
    try {
      return new ContactCenterConfig(name, region, prefix, policies, carriers, sites, locations, networkMap, agents, rules,
          notifiers, agentLocations);
    } catch (InvalidValueException e) {
      n.domain(e);
      return null;
    }
  }

  private Policies policies(Node n) {
    Policies d = Policies.defaults();
    java.time.Duration age = n.duration("maxVerificationAge", d.maxVerificationAge());
    boolean fixed = n.bool("networkMatchSufficesOnFixedSites", d.networkMatchSufficesOnFixedSites());
    boolean remote = n.bool("remoteSitesRequireVerified", d.remoteSitesRequireVerified());
    boolean approval = n.bool("approvalRequiredForCompanyNetworks", d.approvalRequiredForCompanyNetworks());
    java.time.Duration window = n.duration("callbackWindow", d.callbackWindow());
    n.done();
    try {
      return new Policies(age, fixed, remote, approval, window);
    } catch (InvalidValueException e) {
      n.domain(e);
      return d;
    }
  }

  ComponentSettings component(JsonNode json, String path) {
    if (!Node.expectObject(json, path, violations)) {
      return null;
    }
    Node n = new Node(json, path, violations);
    int before = violations.size();
    String id = n.text("id", true);
    String type = n.text("type", true);
    java.util.Map<String, String> settings = n.stringMap("settings");
    java.util.Map<String, String> secrets = n.stringMap("secretsFromEnv");
    n.done();
    try {
      ComponentSettings built = new ComponentSettings(id, type, settings, secrets);
      return violations.size() > before ? null : built;
    } catch (InvalidValueException e) {
      n.domain(e);
      return null;
    }
  }

  NetworkMapping mapping(JsonNode json, String path) {
    if (!Node.expectObject(json, path, violations)) {
      return null;
    }
    Node n = new Node(json, path, violations);
    int before = violations.size();
    String locationId = n.text("locationId", true);
    List<IpPrefix> subnets = n.list("subnets", (e, p) -> scalar(e, p, IpPrefix::parse));
    List<BssidPattern> bssids = n.list("bssids", (e, p) -> scalar(e, p, BssidPattern::parse));
    List<LldpNeighbor> ports = n.list("switchPorts", this::lldp);
    List<IpPrefix> publicRanges = n.list("publicRanges", (e, p) -> scalar(e, p, IpPrefix::parse));
    n.done();
    try {
      NetworkMapping built = new NetworkMapping(locationId, subnets, bssids, ports, publicRanges);
      return violations.size() > before ? null : built;
    } catch (InvalidValueException e) {
      n.domain(e);
      return null;
    }
  }
}
