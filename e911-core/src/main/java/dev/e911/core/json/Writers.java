package dev.e911.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.address.GeoPoint;
import dev.e911.api.agent.Agent;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.Location;
import dev.e911.api.network.IpAddress;
import dev.e911.api.network.LldpNeighbor;
import dev.e911.api.network.MacAddress;
import dev.e911.api.network.NetworkFingerprint;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.phone.E164Number;
import dev.e911.api.phone.Elin;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.api.routing.RouteWarning;
import dev.e911.api.site.Site;
import dev.e911.api.validation.Violation;
import dev.e911.core.config.ComponentSettings;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.config.NetworkMapping;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes every domain type as a JSON tree, in the shapes {@link Readers} reads back. */
final class Writers {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Writers() {}

  static JsonNode write(Object value) {
    if (value instanceof DispatchableAddress a) {
      return address(a);
    } else if (value instanceof GeoPoint p) {
      return point(p);
    } else if (value instanceof AddressValidation v) {
      return validation(v);
    } else if (value instanceof E164Number n) {
      return F.textNode(n.value());
    } else if (value instanceof Elin e) {
      return elin(e);
    } else if (value instanceof IpAddress ip) {
      return F.textNode(ip.toString());
    } else if (value instanceof MacAddress mac) {
      return F.textNode(mac.toString());
    } else if (value instanceof NetworkFingerprint f) {
      return F.textNode(f.value());
    } else if (value instanceof LldpNeighbor l) {
      return lldp(l);
    } else if (value instanceof NetworkObservation o) {
      return observation(o);
    } else if (value instanceof Location l) {
      return location(l);
    } else if (value instanceof Site s) {
      return site(s);
    } else if (value instanceof EmergencyRoutingRule r) {
      return rule(r);
    } else if (value instanceof Agent a) {
      return agent(a);
    } else if (value instanceof AgentLocation l) {
      return agentLocation(l);
    } else if (value instanceof EmergencyRoute r) {
      return route(r);
    } else if (value instanceof ContactCenterConfig c) {
      return config(c);
    } else if (value instanceof Violation v) {
      return violation(v);
    } else if (value instanceof List<?> list) {
      ArrayNode arr = F.arrayNode();
      list.forEach(e -> arr.add(write(e)));
      return arr;
    }
    throw new IllegalArgumentException("no JSON mapping for " + value.getClass().getName());
  }

  static ObjectNode address(DispatchableAddress a) {
    ObjectNode n = F.objectNode();
    a.elements().forEach((e, v) -> n.put(e.jsonName(), v));
    a.point().ifPresent(p -> n.set("point", point(p)));
    a.validation().ifPresent(v -> n.set("validation", validation(v)));
    if (a.requiresInBuildingDetail()) {
      n.put("requiresInBuildingDetail", true);
    }
    return n;
  }

  static ObjectNode point(GeoPoint p) {
    ObjectNode n = F.objectNode();
    n.put("latitude", p.latitude());
    n.put("longitude", p.longitude());
    if (p.hasUncertainty()) {
      n.put("uncertaintyMeters", p.uncertaintyMeters());
    }
    return n;
  }

  static ObjectNode validation(AddressValidation v) {
    ObjectNode n = F.objectNode();
    n.put("validatedBy", v.validatedBy());
    n.put("validatedAt", v.validatedAt().toString());
    return n;
  }

  static ObjectNode elin(Elin e) {
    ObjectNode n = F.objectNode();
    n.put("number", e.e164());
    n.put("kind", e.kind().name());
    return n;
  }

  static ObjectNode lldp(LldpNeighbor l) {
    ObjectNode n = F.objectNode();
    n.put("chassisId", l.chassisId());
    n.put("portId", l.portId());
    return n;
  }

  static ObjectNode observation(NetworkObservation o) {
    ObjectNode n = F.objectNode();
    ArrayNode local = n.putArray("localAddresses");
    o.localAddresses().forEach(a -> local.add(a.toString()));
    o.publicAddress().ifPresent(a -> n.put("publicAddress", a.toString()));
    o.bssid().ifPresent(b -> n.put("bssid", b.toString()));
    o.lldp().ifPresent(l -> n.set("lldp", lldp(l)));
    n.put("observedAt", o.observedAt().toString());
    return n;
  }

  static ObjectNode location(Location l) {
    ObjectNode n = F.objectNode();
    n.put("id", l.id());
    n.put("name", l.name());
    n.set("address", address(l.address()));
    ArrayNode elins = n.putArray("elins");
    l.elins().forEach(e -> elins.add(e.e164()));
    return n;
  }

  static ObjectNode site(Site s) {
    ObjectNode n = F.objectNode();
    n.put("id", s.id());
    n.put("name", s.name());
    n.put("kind", s.kind().name());
    n.put("defaultLocationId", s.defaultLocationId());
    ObjectNode m = n.putObject("mediaPolicy");
    m.put("forceTurn", s.mediaPolicy().forceTurn());
    m.put("promptForEmergencyLocation", s.mediaPolicy().promptForEmergencyLocation());
    ArrayNode pool = n.putArray("elinPool");
    s.elinPool().forEach(e -> pool.add(e.e164()));
    return n;
  }

  static ObjectNode rule(EmergencyRoutingRule r) {
    ObjectNode n = F.objectNode();
    n.put("id", r.id());
    n.put("pattern", r.pattern());
    n.put("classification", r.classification().name());
    n.put("priority", r.priority());
    n.put("callbackPolicy", r.callbackPolicy().name());
    n.put("notifyOnSite", r.notifyOnSite());
    return n;
  }

  static ObjectNode agent(Agent a) {
    ObjectNode n = F.objectNode();
    n.put("id", a.id());
    n.put("displayName", a.displayName());
    n.put("siteId", a.siteId());
    n.put("station", a.station().name());
    a.did().ifPresent(d -> n.put("did", d.e164()));
    a.maskedCallerId().ifPresent(m -> n.put("maskedCallerId", m.value()));
    return n;
  }

  static ObjectNode agentLocation(AgentLocation l) {
    ObjectNode n = F.objectNode();
    n.put("agentId", l.agentId());
    n.set("address", address(l.address()));
    l.locationId().ifPresent(id -> n.put("locationId", id));
    n.put("source", l.source().name());
    n.put("verification", l.verification().name());
    n.put("since", l.since().toString());
    l.fingerprint().ifPresent(f -> n.put("fingerprint", f.value()));
    return n;
  }

  static ObjectNode route(EmergencyRoute route) {
    ObjectNode n = F.objectNode();
    n.put("classification", route.classification().name());
    if (route instanceof EmergencyRoute.NotEmergency ne) {
      n.put("dialled", ne.dialled());
      return n;
    }
    EmergencyRoute.Emergency e = (EmergencyRoute.Emergency) route;
    n.put("dialled", e.dialled());
    n.put("agentId", e.agentId());
    n.put("ruleId", e.ruleId());
    e.presentedNumber().ifPresent(p -> n.put("presentedNumber", p.value()));
    e.callbackNumber().ifPresent(c -> n.set("callbackNumber", elin(c)));
    n.put("elinBinding", e.elinBinding().name());
    e.location().ifPresent(l -> n.set("location", agentLocation(l)));
    n.put("pidfLo", new String(e.pidfLo(), StandardCharsets.UTF_8));
    n.put("geolocation", e.geolocation());
    n.put("geolocationRouting", e.geolocationRouting());
    n.put("notifyOnSite", e.notifyOnSite());
    ArrayNode warnings = n.putArray("warnings");
    for (RouteWarning w : e.warnings()) {
      ObjectNode wn = warnings.addObject();
      wn.put("code", w.code().name());
      wn.put("message", w.message());
    }
    return n;
  }

  static ObjectNode violation(Violation v) {
    ObjectNode n = F.objectNode();
    n.put("path", v.path());
    n.put("rule", v.rule());
    n.put("message", v.message());
    return n;
  }

  static ObjectNode config(ContactCenterConfig c) {
    ObjectNode n = F.objectNode();
    n.put("name", c.name());
    if (!c.defaultRegion().isEmpty()) {
      n.put("defaultRegion", c.defaultRegion());
    }
    if (!c.outsideLinePrefix().isEmpty()) {
      n.put("outsideLinePrefix", c.outsideLinePrefix());
    }
    ObjectNode p = n.putObject("policies");
    p.put("maxVerificationAge", c.policies().maxVerificationAge().toString());
    p.put("networkMatchSufficesOnFixedSites", c.policies().networkMatchSufficesOnFixedSites());
    p.put("remoteSitesRequireVerified", c.policies().remoteSitesRequireVerified());
    p.put("approvalRequiredForCompanyNetworks", c.policies().approvalRequiredForCompanyNetworks());
    p.put("callbackWindow", c.policies().callbackWindow().toString());
    ArrayNode carriers = n.putArray("carriers");
    c.carriers().forEach(x -> carriers.add(component(x)));
    ArrayNode sites = n.putArray("sites");
    c.sites().forEach(x -> sites.add(site(x)));
    ArrayNode locations = n.putArray("locations");
    c.locations().forEach(x -> locations.add(location(x)));
    ArrayNode map = n.putArray("networkMap");
    c.networkMap().forEach(x -> map.add(mapping(x)));
    ArrayNode agents = n.putArray("agents");
    c.agents().forEach(x -> agents.add(agent(x)));
    ArrayNode rules = n.putArray("rules");
    c.rules().forEach(x -> rules.add(rule(x)));
    ArrayNode notifiers = n.putArray("notifiers");
    c.notifiers().forEach(x -> notifiers.add(component(x)));
    ArrayNode states = n.putArray("agentLocations");
    c.agentLocations().forEach(x -> states.add(agentLocation(x)));
    return n;
  }

  static ObjectNode component(ComponentSettings c) {
    ObjectNode n = F.objectNode();
    n.put("id", c.id());
    n.put("type", c.type());
    ObjectNode settings = n.putObject("settings");
    new java.util.TreeMap<>(c.settings()).forEach(settings::put);
    ObjectNode secrets = n.putObject("secretsFromEnv");
    new java.util.TreeMap<>(c.secretsFromEnv()).forEach(secrets::put);
    return n;
  }

  static ObjectNode mapping(NetworkMapping m) {
    ObjectNode n = F.objectNode();
    n.put("locationId", m.locationId());
    ArrayNode subnets = n.putArray("subnets");
    m.subnets().forEach(x -> subnets.add(x.toString()));
    ArrayNode bssids = n.putArray("bssids");
    m.bssids().forEach(x -> bssids.add(x.toString()));
    ArrayNode ports = n.putArray("switchPorts");
    m.switchPorts().forEach(x -> ports.add(lldp(x)));
    ArrayNode ranges = n.putArray("publicRanges");
    m.publicRanges().forEach(x -> ranges.add(x.toString()));
    return n;
  }
}
