package dev.e911.benchmarks.route;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.agent.Agent;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.Location;
import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.network.IpAddress;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.phone.Elin;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.api.routing.RouteWarning;
import dev.e911.api.site.Site;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.config.NetworkMapping;
import dev.e911.core.network.IpPrefix;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a straightforward router would do, for comparison: the agent and its claim from hash maps,
 * the dial string normalised into a new String and matched against each rule's regex compiled on
 * every call, the network found by a linear scan over every configured subnet (longest match wins),
 * and the PIDF-LO built as a DOM and serialised by a {@code Transformer} (civic tuple only, so it is
 * shorter than the real document). Same answer shape ({@link EmergencyRoute.Emergency}) and the same
 * precedence (network match over claim over site default). The DOM builder and transformer are reused
 * (one per instance, single-threaded), which flatters it.
 */
final class NaiveRouter {

  private static final String GP = "urn:ietf:params:xml:ns:pidf:geopriv10";
  private static final String CA = "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final Map<String, Agent> agents = new HashMap<>();
  private final Map<String, AgentLocation> claims = new HashMap<>();
  private final Map<String, Site> sites = new HashMap<>();
  private final Map<String, Location> locations = new HashMap<>();
  private final List<IpPrefix> prefixes = new ArrayList<>();
  private final List<String> prefixLocations = new ArrayList<>();
  private final List<EmergencyRoutingRule> rules;
  private final String outsideLine;
  private final Location fallback;
  private final DocumentBuilder documentBuilder;
  private final Transformer transformer;

  NaiveRouter(ContactCenterConfig config, Clock clock) throws Exception {
    this.clock = clock;
    config.agents().forEach(a -> agents.put(a.id(), a));
    config.agentLocations().forEach(l -> claims.put(l.agentId(), l));
    config.sites().forEach(s -> sites.put(s.id(), s));
    config.locations().forEach(l -> locations.put(l.id(), l));
    for (NetworkMapping m : config.networkMap()) {
      for (IpPrefix p : m.subnets()) {
        prefixes.add(p);
        prefixLocations.add(m.locationId());
      }
    }
    List<EmergencyRoutingRule> sorted = new ArrayList<>(config.rules());
    sorted.sort(Comparator.comparingInt(EmergencyRoutingRule::priority));
    this.rules = sorted;
    this.outsideLine = config.outsideLinePrefix();
    this.fallback = locations.get(config.sites().get(0).defaultLocationId());
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newDefaultInstance();
    dbf.setNamespaceAware(true);
    this.documentBuilder = dbf.newDocumentBuilder();
    this.transformer = TransformerFactory.newDefaultInstance().newTransformer();
    transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
    transformer.setOutputProperty(OutputKeys.INDENT, "no");
  }

  EmergencyRoute route(String agentId, CharSequence dialled, NetworkObservation observation) throws Exception {
    String digits = digits(dialled.toString());
    EmergencyRoutingRule rule = null;
    String number = null;
    for (EmergencyRoutingRule r : rules) {
      Pattern p = Pattern.compile(r.pattern());
      if (p.matcher(digits).matches()) {
        rule = r;
        number = digits;
        break;
      }
      if (!outsideLine.isEmpty() && digits.startsWith(outsideLine) && p.matcher(digits.substring(outsideLine.length())).matches()) {
        rule = r;
        number = digits.substring(outsideLine.length());
        break;
      }
    }
    if (rule == null) {
      return new EmergencyRoute.NotEmergency(dialled.toString());
    }
    Instant now = clock.instant();
    EmergencyRoute.Emergency.Builder b = EmergencyRoute.Emergency.builder(rule.classification(), number, agentId)
        .ruleId(rule.id()).notifyOnSite(rule.notifyOnSite());
    Agent agent = agents.get(agentId);
    AgentLocation claim = agent == null ? null : claims.get(agentId);
    String networkLocation = null;
    if (agent != null && observation != null) { // an unknown agent gets the fallback, as in the real router
      int best = -1;
      for (IpAddress a : observation.localAddresses()) {
        for (int i = 0; i < prefixes.size(); i++) { // linear scan
          IpPrefix p = prefixes.get(i);
          if (p.length() > best && p.contains(a)) {
            best = p.length();
            networkLocation = prefixLocations.get(i);
          }
        }
      }
    }
    AgentLocation l;
    if (networkLocation != null && (claim == null || !claim.locationId().equals(Optional.of(networkLocation)))) {
      Location here = locations.get(networkLocation);
      l = AgentLocation.builder(agentId).address(here.address()).locationId(here.id()).source(LocationSource.NETWORK_MATCH)
          .verification(VerificationState.REMOTE_VERIFIED).since(now).build();
    } else if (claim != null) {
      l = claim;
      if (!claim.isVerified()) {
        b.warn(RouteWarning.Code.LOCATION_UNVERIFIED, "the location is not verified");
      }
    } else {
      Location def = agent == null ? fallback : locations.get(sites.get(agent.siteId()).defaultLocationId());
      l = AgentLocation.builder(agent == null ? "unknown" : agentId).address(def.address()).locationId(def.id())
          .source(LocationSource.SITE_DEFAULT).verification(VerificationState.UNVERIFIED).since(now).build();
      b.warn(agent == null ? RouteWarning.Code.UNKNOWN_AGENT : RouteWarning.Code.LOCATION_FALLBACK, "site default sent");
    }
    b.location(l).pidfLo(dom(agentId, l.address(), now));
    Optional<Elin> callback = agent == null ? Optional.empty() : agent.did();
    if (callback.isEmpty()) {
      callback = l.locationId().map(locations::get).flatMap(Location::primaryElin);
    }
    callback.ifPresent(e -> b.callbackNumber(e).presentedNumber(e.number()));
    return b.build();
  }

  private static String digits(String s) {
    String t = s.trim();
    if (t.startsWith("tel:")) {
      t = t.substring(4);
    } else if (t.startsWith("sip:")) {
      t = t.substring(4).replaceAll("@.*", "");
    }
    return t.replaceAll("[^0-9]", "");
  }

  private byte[] dom(String agentId, DispatchableAddress address, Instant now) throws Exception {
    Document d = documentBuilder.newDocument();
    Element presence = d.createElementNS("urn:ietf:params:xml:ns:pidf", "presence");
    presence.setAttribute("entity", "pres:" + agentId + "@contact.example.com");
    d.appendChild(presence);
    Element tuple = d.createElementNS("urn:ietf:params:xml:ns:pidf", "tuple");
    tuple.setAttribute("id", "loc-civic");
    presence.appendChild(tuple);
    Element status = d.createElementNS("urn:ietf:params:xml:ns:pidf", "status");
    tuple.appendChild(status);
    Element geopriv = d.createElementNS(GP, "gp:geopriv");
    status.appendChild(geopriv);
    Element info = d.createElementNS(GP, "gp:location-info");
    geopriv.appendChild(info);
    Element civic = d.createElementNS(CA, "ca:civicAddress");
    info.appendChild(civic);
    for (Map.Entry<CivicElement, String> e : address.elements().entrySet()) {
      Element el = d.createElementNS(e.getKey().namespace().uri(), "ca:" + e.getKey().xmlName());
      el.setTextContent(e.getValue());
      civic.appendChild(el);
    }
    Element rules = d.createElementNS(GP, "gp:usage-rules");
    geopriv.appendChild(rules);
    Element retransmission = d.createElementNS("urn:ietf:params:xml:ns:pidf:geopriv10:basicPolicy", "gbp:retransmission-allowed");
    retransmission.setTextContent("true");
    rules.appendChild(retransmission);
    Element method = d.createElementNS(GP, "gp:method");
    method.setTextContent("Manual");
    geopriv.appendChild(method);
    Element timestamp = d.createElementNS("urn:ietf:params:xml:ns:pidf", "timestamp");
    timestamp.setTextContent(STAMP.format(now));
    tuple.appendChild(timestamp);
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    transformer.transform(new DOMSource(d), new StreamResult(out));
    return out.toByteArray();
  }
}
