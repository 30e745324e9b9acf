package dev.e911.core.config;

import dev.e911.api.agent.Agent;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.Location;
import dev.e911.api.phone.Elin;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.api.site.Site;
import dev.e911.api.validation.Violations;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A whole contact center as one immutable value — what the configuration file describes
 * ({@code docs/configuration.md}): sites, locations with addresses and ELINs, the network map,
 * agents, emergency rules, notifiers, the carriers, policies and, where the file carries it, the
 * agents' current location state. Construction checks every cross-reference (a site's default
 * location exists, every agent's site exists, ids are unique, no callback number is used twice) and
 * reports all problems at once, so a configuration is either whole or refused.
 */
public record ContactCenterConfig(
    String name,
    String defaultRegion,
    String outsideLinePrefix,
    Policies policies,
    List<ComponentSettings> carriers,
    List<Site> sites,
    List<Location> locations,
    List<NetworkMapping> networkMap,
    List<Agent> agents,
    List<EmergencyRoutingRule> rules,
    List<ComponentSettings> notifiers,
    List<AgentLocation> agentLocations) {

  public ContactCenterConfig {
    Violations v = Violations.forType("ContactCenterConfig");
    v.check(name == null || name.isBlank(), "name", "required", "is required");
    defaultRegion = defaultRegion == null ? "" : defaultRegion;
    v.check(!defaultRegion.isEmpty() && !defaultRegion.matches("[A-Z]{2}"), "defaultRegion", "iso3166", "must be a region code such as US");
    outsideLinePrefix = outsideLinePrefix == null ? "" : outsideLinePrefix;
    v.check(!outsideLinePrefix.matches("[0-9]{0,2}"), "outsideLinePrefix", "prefix.syntax", "must be empty or one or two digits such as 9");
    policies = policies == null ? Policies.defaults() : policies;
    carriers = copy(carriers);
    sites = copy(sites);
    locations = copy(locations);
    networkMap = copy(networkMap);
    agents = copy(agents);
    rules = copy(rules);
    notifiers = copy(notifiers);
    agentLocations = copy(agentLocations);

    Set<String> locationIds = unique(v, "locations", locations, Location::id);
    Set<String> siteIds = unique(v, "sites", sites, Site::id);
    Set<String> agentIds = unique(v, "agents", agents, Agent::id);
    if (unique(v, "rules", rules, EmergencyRoutingRule::id).size() == rules.size()) {
      compileDialPlan(v, rules, outsideLinePrefix);
    }
    unique(v, "notifiers", notifiers, ComponentSettings::id);
    unique(v, "carriers", carriers, ComponentSettings::id);
    unique(v, "agentLocations", agentLocations, AgentLocation::agentId);
    for (int i = 0; i < sites.size(); i++) {
      v.check(!locationIds.contains(sites.get(i).defaultLocationId()), "sites[" + i + "].defaultLocationId", "ref.location",
          "names no location of this file");
    }
    for (int i = 0; i < agents.size(); i++) {
      v.check(!siteIds.contains(agents.get(i).siteId()), "agents[" + i + "].siteId", "ref.site", "names no site of this file");
    }
    for (int i = 0; i < networkMap.size(); i++) {
      v.check(!locationIds.contains(networkMap.get(i).locationId()), "networkMap[" + i + "].locationId", "ref.location",
          "names no location of this file");
    }
    for (int i = 0; i < agentLocations.size(); i++) {
      AgentLocation l = agentLocations.get(i);
      v.check(!agentIds.contains(l.agentId()), "agentLocations[" + i + "].agentId", "ref.agent", "names no agent of this file");
      String path = "agentLocations[" + i + "].locationId";
      l.locationId().ifPresent(id -> v.check(!locationIds.contains(id), path, "ref.location", "names no location of this file"));
    }
    List<NetworkMapping> map = networkMap;
    v.nested("", () -> dev.e911.core.network.NetworkLocator.of(map));
    Map<String, String> numbers = new HashMap<>();
    for (int i = 0; i < locations.size(); i++) {
      for (Elin e : locations.get(i).elins()) {
        claim(v, numbers, e, "locations[" + i + "].elins");
      }
    }
    for (int i = 0; i < sites.size(); i++) {
      for (Elin e : sites.get(i).elinPool()) {
        claim(v, numbers, e, "sites[" + i + "].elinPool");
      }
    }
    for (int i = 0; i < agents.size(); i++) {
      int index = i;
      agents.get(i).did().ifPresent(d -> claim(v, numbers, d, "agents[" + index + "].did"));
    }
    v.throwIfAny();
  }

  /** The router compiles the rules when it starts: a pattern it cannot expand is refused here, at load. */
  private static void compileDialPlan(Violations v, List<EmergencyRoutingRule> rules, String prefix) {
    if (rules.isEmpty()) {
      return; // the router uses the US defaults
    }
    try {
      dev.e911.core.dialplan.DialPlan.Builder plan = dev.e911.core.dialplan.DialPlan.builder().rules(rules);
      if (prefix.matches("[0-9]{1,2}")) {
        plan.outsideLinePrefix(prefix);
      }
      plan.build();
    } catch (dev.e911.core.dialplan.DialPlanException e) {
      for (dev.e911.core.dialplan.DialPlanException.Problem p : e.problems()) {
        if (!p.reason().startsWith("pattern ")) {
          continue; // e.g. a shadowed rule: a finding of the compliance auditor, not a broken file
        }
        int i = 0;
        while (i < rules.size() && !rules.get(i).id().equals(p.ruleId())) {
          i++;
        }
        v.add(i < rules.size() ? "rules[" + i + "].pattern" : "rules", "dialplan.compile", p.reason());
      }
    }
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  private static <T> Set<String> unique(Violations v, String path, List<T> items, Function<T, String> id) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String key = id.apply(items.get(i));
      v.check(!seen.add(key), path + "[" + i + "]", "duplicate-id", "repeats the id '" + key + "'");
    }
    return seen;
  }

  private static void claim(Violations v, Map<String, String> numbers, Elin e, String path) {
    String previous = numbers.putIfAbsent(e.e164(), path);
    v.check(previous != null, path, "number.reused",
        "uses " + e.e164() + ", already used at " + previous + " (a callback number must lead back to one place)");
  }

  /** The site with this id. */
  public Optional<Site> site(String id) {
    return sites.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** The location with this id. */
  public Optional<Location> location(String id) {
    return locations.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  /** The agent with this id. */
  public Optional<Agent> agent(String id) {
    return agents.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** The agent's location state carried by the file, if any. */
  public Optional<AgentLocation> agentLocation(String agentId) {
    return agentLocations.stream().filter(l -> l.agentId().equals(agentId)).findFirst();
  }
}
