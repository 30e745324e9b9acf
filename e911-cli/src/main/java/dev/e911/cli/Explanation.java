package dev.e911.cli;

import dev.e911.api.agent.Agent;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.Location;
import dev.e911.api.location.LocationSource;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.phone.Elin;
import dev.e911.api.routing.ElinBinding;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.routing.RouteWarning;
import dev.e911.api.site.Site;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.dialplan.DialPlan;
import dev.e911.core.dialplan.DialResult;
import dev.e911.core.location.LocationService;
import dev.e911.core.network.Evidence;
import dev.e911.core.network.NetworkMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The administrator's question "why this location and this number for this call?", answered step by
 * step from the same facts the router used: the rule, the evidence, the agent's claim, the callback
 * candidates, and what the carrier holds for the callback number.
 */
final class Explanation {

  private Explanation() {}

  static List<String> of(ContactCenterConfig c, LocationService locations, CarrierAdapter carrier, String agentId, String dial,
      NetworkObservation observation, EmergencyRoute route) {
    List<String> why = new ArrayList<>();
    DialPlan.Builder plan = DialPlan.builder().rules(c.rules());
    if (!c.outsideLinePrefix().isEmpty()) {
      plan.outsideLinePrefix(c.outsideLinePrefix());
    }
    DialResult d = plan.build().classify(dial);
    if (!(d instanceof DialResult.Match m) || !m.isEmergency()) {
      why.add("dial plan: '" + dial + "' matches no emergency rule" + (c.outsideLinePrefix().isEmpty() ? "" : " (outside-line prefix "
          + c.outsideLinePrefix() + ")"));
      return why;
    }
    why.add("dial plan: '" + dial + "' matched rule " + m.rule().id() + " " + m.rule().pattern() + " (" + m.rule().classification()
        + ", priority " + m.rule().priority() + ")" + (m.viaOutsideLinePrefix() ? ", dialled behind the outside-line prefix" : ""));
    EmergencyRoute.Emergency e = (EmergencyRoute.Emergency) route;
    Optional<Agent> agent = c.agent(agentId);
    if (agent.isEmpty()) {
      why.add("agent: '" + agentId + "' is not in the configuration, so the fallback location is sent");
      return why;
    }
    Site site = c.site(agent.get().siteId()).orElseThrow();
    if (observation != null) {
      NetworkMatch match = locations.locator().locate(observation);
      if (match.evidence().isEmpty()) {
        why.add("network: nothing in the observation matches the network map");
      } else {
        for (Evidence ev : match.evidence()) {
          why.add("network: " + ev.kind() + " " + ev.matched() + " -> " + ev.locationId() + (ev.kind().verifies() ? "" : " (too weak to verify)"));
        }
        if (match.conflicting()) {
          why.add("network: the evidence disagrees; the strongest wins");
        }
      }
    }
    AgentLocation l = e.location().orElseThrow();
    String ladder = switch (l.source()) {
      case NETWORK_MATCH -> "rung 1 of the ladder: a known network";
      case USER_CONFIRMED -> "rung 2 (or 3 when unverified): the address the agent confirmed";
      case ADMIN_ASSIGNED -> "rung 4: an administrator's assignment";
      case SITE_DEFAULT -> "rung 5, the last resort: the default of site " + site.id();
    };
    why.add("location: " + l.address().oneLine() + " — " + ladder + ", " + l.verification());
    Optional<Elin> did = agent.get().did();
    Optional<Location> known = l.locationId().flatMap(c::location);
    why.add("callback: the rule prefers " + m.rule().callbackPolicy() + "; agent DID " + did.map(Elin::e164).orElse("none")
        + "; location ELIN " + known.flatMap(Location::primaryElin).map(Elin::e164).orElse("none")
        + (l.source() == LocationSource.SITE_DEFAULT && site.kind() == Site.Kind.REMOTE ? " (not used: a remote agent is not at the site default)" : "")
        + "; site pool " + site.elinPool().size() + " ELIN(s)");
    why.add("callback: " + e.callbackNumber().map(Object::toString).orElse("none") + " presented"
        + agent.get().maskedCallerId().map(mask -> "; the masked " + mask + " of normal calls is never presented on 911").orElse(""));
    if (e.elinBinding() != ElinBinding.NOT_POOLED) {
      why.add("callback binding: the pool ELIN's record at the carrier is " + e.elinBinding() + switch (e.elinBinding()) {
        case IN_PLACE -> " — the carrier confirmed it at this address for this caller";
        case UPDATE_REQUESTED -> " — a running e911 queues the update to this address in the outbox and provisions it off the call"
            + " path (this command sends nothing)";
        default -> " — no update can be requested" + e.warnings().stream()
            .filter(w -> w.code() == RouteWarning.Code.BINDING_NOT_PROVISIONED).findFirst()
            .map(w -> " (" + w.message() + ")").orElse("");
      });
    }
    if (carrier != null && e.callbackNumber().isPresent()) {
      ReadBackResult held = carrier.readBack(BindingKey.number(e.callbackNumber().get().e164()));
      if (held instanceof ReadBackResult.Found f) {
        boolean same = f.binding().address().sameCivicAddress(l.address());
        why.add("carrier " + carrier.id() + ": holds " + e.callbackNumber().get().e164() + " at " + f.binding().address().oneLine()
            + (same ? " — the same address" : " — WARNING: not the address sent; such calls are routed by the carrier's record"
                + " or fall to its national emergency call center"));
      } else if (held instanceof ReadBackResult.NotFound) {
        why.add("carrier " + carrier.id() + ": WARNING: " + e.callbackNumber().get().e164()
            + " is not provisioned; the call falls to the carrier's national emergency call center");
      } else {
        why.add("carrier " + carrier.id() + ": could not tell what it holds (" + held.getClass().getSimpleName() + ")");
      }
    }
    return why;
  }
}
