package dev.e911.core.route;

import dev.e911.api.agent.Agent;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.Location;
import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.phone.Elin;
import dev.e911.api.routing.CallbackPolicy;
import dev.e911.api.routing.ElinBinding;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.api.routing.RouteWarning;
import dev.e911.api.site.Site;
import dev.e911.core.callback.ElinBindings;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.dialplan.DialPlan;
import dev.e911.core.dialplan.DialResult;
import dev.e911.core.location.LocationEvent;
import dev.e911.core.location.LocationService;
import dev.e911.core.network.Evidence;
import dev.e911.core.network.NetworkLocator;
import dev.e911.core.pidf.LocationMethod;
import dev.e911.core.pidf.PidfLoWriter;
import dev.e911.core.pidf.PreRenderedPidf;
import dev.e911.core.sip.GeolocationHeader;
import dev.e911.core.sip.GeolocationRouting;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hot path: what to do with one dialled number. {@link #route} classifies the digits with the
 * compiled dial plan; for an emergency it picks the callback number by the matching rule's policy
 * (agent DID, location ELIN or a pool ELIN — never the masked queue number), the location by the
 * precedence ladder (a verifying network match now, else the agent's claim, else the site default,
 * else the configured fallback), and the pre-rendered PIDF-LO with the timestamp patched in, plus
 * the SIP {@code Geolocation} headers. It never throws and never refuses: every fallback is named in
 * the warnings. It reads an immutable per-agent entry and an immutable configuration generation,
 * both published atomically off the hot path, so every answer is consistent and no lock is taken.
 */
public final class EmergencyRouter {

  private static final Logger LOG = LoggerFactory.getLogger(EmergencyRouter.class);
  /** Fallback orders of the callback policies, by the rule's preference (read-only; never handed out). */
  private static final CallbackPolicy[] LOCATION_ELIN_FIRST =
      {CallbackPolicy.LOCATION_ELIN, CallbackPolicy.AGENT_DID, CallbackPolicy.ELIN_POOL};
  private static final CallbackPolicy[] ELIN_POOL_FIRST = {CallbackPolicy.ELIN_POOL, CallbackPolicy.AGENT_DID, CallbackPolicy.LOCATION_ELIN};
  private static final CallbackPolicy[] AGENT_DID_FIRST = {CallbackPolicy.AGENT_DID, CallbackPolicy.LOCATION_ELIN, CallbackPolicy.ELIN_POOL};
  /**
   * How many distinct document parts one generation shares (the skeletons around entity and civic address,
   * slot layouts: a handful per writer, more only with points). Bounds the interner; past it, parts are kept per agent.
   */
  private static final int INTERNED_PARTS = 1 << 16;

  /** The CALLBACK_FALLBACK message for each (preferred, used) pair, by ordinal: built once, not per call. */
  private static final String[][] CALLBACK_FALLBACK_MESSAGES = new String[CallbackPolicy.values().length][CallbackPolicy.values().length];

  static {
    for (CallbackPolicy preferred : CallbackPolicy.values()) {
      for (CallbackPolicy used : CallbackPolicy.values()) {
        CALLBACK_FALLBACK_MESSAGES[preferred.ordinal()][used.ordinal()] =
            "the rule prefers " + preferred + ", which is not available; " + used + " is used";
      }
    }
  }

  /**
   * What one configuration generation compiles to. {@code templates} shares one pre-rendered document per
   * (address, method) among the agents at a configured location (the entity is the only per-agent part and
   * is written per call); {@code warningLists} shares the per-agent warning lists that do not depend on the agent.
   */
  private record Generation(ContactCenterConfig config, DialPlan plan, Map<String, Agent> agents, Map<String, Site> sites,
      Map<String, Location> locations, Map<String, ElinPool> pools, Location fallback, PidfLoWriter writer, String contentId,
      String geolocation, PreRenderedPidf.Interner interner, Map<TemplateKey, PreRenderedPidf> templates, Map<List<RouteWarning>, List<RouteWarning>> warningLists,
      PreRenderedPidf fallbackDocument, Elin fallbackElin, List<RouteWarning> unknownWarnings) {}

  private record TemplateKey(dev.e911.api.address.DispatchableAddress address, LocationMethod method) {}

  /**
   * Everything pre-computed for one agent: built when the agent's location changes, read on every call.
   * {@code locationId}, {@code did} and {@code locationElin} are null when absent (read without an {@code Optional} per call);
   * {@code locationElin} is set only when the agent is at that location.
   */
  private record Entry(Generation gen, Agent agent, Site site, AgentLocation location, String locationId, Elin did,
      Elin locationElin, PreRenderedPidf document, List<RouteWarning> locationWarnings) {}

  private final Clock clock;
  private final AtomicReference<Generation> generation = new AtomicReference<>();
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Consumer<EmergencyRoute.Emergency> onEmergency;
  private final LocationService locations;
  private final ElinBindings elinBindings;

  private EmergencyRouter(LocationService locations, ContactCenterConfig config, String entityDomain,
      Consumer<EmergencyRoute.Emergency> onEmergency) {
    this.locations = locations;
    this.elinBindings = locations.elinBindings();
    this.clock = locations.clock();
    this.onEmergency = onEmergency;
    publish(config, entityDomain);
    locations.addListener(this::onLocationChange);
  }

  /**
   * A router over the location service's state and the configuration's rules.
   *
   * @param entityDomain the domain of the PIDF-LO entity URIs ({@code pres:agent@domain})
   * @param onEmergency called (on the caller's thread, must not block) for every emergency routed, e.g. to dispatch notifications
   */
  public static EmergencyRouter create(LocationService locations, ContactCenterConfig config, String entityDomain,
      Consumer<EmergencyRoute.Emergency> onEmergency) {
    return new EmergencyRouter(locations, config, entityDomain, onEmergency);
  }

  /** Compiles a new configuration generation and republishes every agent's entry against it. */
  public void publish(ContactCenterConfig config, String entityDomain) {
    // a rule shadowed by another never matches: routing is the same without it, so the router starts and
    // says so (the auditor reports it as a finding) rather than refusing a configuration that loaded
    DialPlan.Builder planBuilder = DialPlan.builder().allowShadowedRules()
        .rules(config.rules().isEmpty() ? EmergencyRoutingRule.usDefaults() : config.rules());
    if (!config.outsideLinePrefix().isEmpty()) {
      planBuilder.outsideLinePrefix(config.outsideLinePrefix());
    }
    DialPlan plan = planBuilder.build();
    plan.shadowedRules().forEach(p -> LOG.warn("emergency rule {} {}; it is ignored", p.ruleId(), p.reason()));
    Map<String, Site> sites = new HashMap<>();
    Map<String, ElinPool> pools = new HashMap<>();
    Generation previous = generation.get(); // live pool leases survive a new configuration: a PSAP may still call back
    for (Site s : config.sites()) {
      sites.put(s.id(), s);
      pools.put(s.id(), ElinPool.next(previous == null ? null : previous.pools().get(s.id()), s.elinPool(),
          config.policies().callbackWindow()));
    }
    Map<String, Location> locs = new HashMap<>();
    config.locations().forEach(l -> locs.put(l.id(), l));
    if (config.locations().isEmpty()) {
      throw new IllegalArgumentException("the router needs at least one location to fall back on");
    }
    Location fallback = config.sites().isEmpty() ? config.locations().get(0) : locs.get(config.sites().get(0).defaultLocationId());
    // ids are unique (the configuration refuses duplicates): a map replaces config.agent(id)'s linear scan,
    // which made publish quadratic in the number of agents and every location change linear
    Map<String, Agent> agents = new HashMap<>(config.agents().size() * 4 / 3 + 1);
    config.agents().forEach(a -> agents.put(a.id(), a));
    String contentId = "loc@" + entityDomain;
    PidfLoWriter writer = PidfLoWriter.builder(entityDomain).build();
    Elin fallbackElin = fallback.primaryElin().orElse(null);
    // the agent id is in the route itself; the warning does not repeat it (no per-call string, nothing of the caller's in logs)
    List<RouteWarning> unknown = fallbackElin != null
        ? List.of(new RouteWarning(RouteWarning.Code.UNKNOWN_AGENT, "the agent is not known to e911; the fallback location "
            + fallback.id() + " is sent"))
        : List.of(new RouteWarning(RouteWarning.Code.UNKNOWN_AGENT, "the agent is not known to e911; the fallback location "
            + fallback.id() + " is sent"), new RouteWarning(RouteWarning.Code.NO_CALLBACK_NUMBER, "no callback number is known for an unknown agent"));
    Generation gen = new Generation(config, plan, java.util.Collections.unmodifiableMap(agents), Map.copyOf(sites),
        Map.copyOf(locs), Map.copyOf(pools), fallback, writer, contentId,
        GeolocationHeader.byValue(contentId), // the header is the same for every call of a generation
        new PreRenderedPidf.Interner(INTERNED_PARTS), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
        writer.preRender("unknown", fallback.address(), LocationMethod.MANUAL), fallbackElin, unknown);
    generation.set(gen);
    for (Agent a : config.agents()) {
      rebuild(gen, a.id());
    }
  }

  private void onLocationChange(LocationEvent event) {
    rebuild(generation.get(), event.agentId());
  }

  private void rebuild(Generation gen, String agentId) {
    // the claim is read and its entry stored atomically per agent: a rebuild by publish() or route() that read
    // the claim before a location change must not overwrite the entry that change built (a lost update)
    entries.compute(agentId, (id, old) -> {
      Agent agent = gen.agents().get(id);
      return agent == null ? null : entry(gen, agent);
    });
  }

  private Entry entry(Generation gen, Agent agent) {
    String agentId = agent.id();
    Site site = gen.sites().get(agent.siteId());
    Optional<AgentLocation> claim = locations.current(agentId);
    List<RouteWarning> warnings = new java.util.ArrayList<>();
    AgentLocation l;
    if (claim.isPresent()) {
      l = claim.get();
      if (l.verification() == VerificationState.UNVERIFIED) {
        warnings.add(new RouteWarning(RouteWarning.Code.LOCATION_UNVERIFIED,
            "the location is not verified for the agent's current network (" + l.source() + ")"));
      } else if (l.verification() == VerificationState.STALE) {
        warnings.add(new RouteWarning(RouteWarning.Code.LOCATION_STALE, "the location was verified " + l.since() + ", older than allowed"));
      }
      if (l.source() == LocationSource.SITE_DEFAULT) {
        warnings.add(new RouteWarning(RouteWarning.Code.LOCATION_FALLBACK, "no confirmed location: the site default " + site.defaultLocationId() + " is sent"));
      }
    } else {
      Location def = gen.locations().get(site.defaultLocationId());
      l = AgentLocation.builder(agentId).address(def.address()).locationId(def.id()).source(LocationSource.SITE_DEFAULT)
          .verification(VerificationState.UNVERIFIED).since(clock.instant()).build();
      warnings.add(new RouteWarning(RouteWarning.Code.LOCATION_FALLBACK, "no location known for the agent: the site default " + def.id() + " is sent"));
    }
    if (!l.address().isDispatchable() && l.source() != LocationSource.SITE_DEFAULT) {
      warnings.add(new RouteWarning(RouteWarning.Code.ADDRESS_NOT_DISPATCHABLE, "the address is not dispatchable: " + l.address().dispatchability().gaps()));
    }
    AgentLocation claim0 = l;
    LocationMethod method = method(l);
    String locationId = l.locationId().orElse(null);
    // agents at a configured location share its document (bounded by the configuration); a home address is the agent's own
    PreRenderedPidf doc = locationId == null ? gen.writer().preRender(l, method, gen.interner())
        : gen.templates().computeIfAbsent(new TemplateKey(l.address(), method),
            k -> gen.writer().preRender(claim0, k.method(), gen.interner()));
    // A location's ELIN leads the PSAP to that location; a remote agent merely defaulted to HQ is not there.
    boolean atTheLocation = l.source() != LocationSource.SITE_DEFAULT || site.kind() == Site.Kind.FIXED;
    Location at = locationId == null ? null : gen.locations().get(locationId);
    Elin locationElin = atTheLocation && at != null ? at.primaryElin().orElse(null) : null;
    return new Entry(gen, agent, site, l, locationId, agent.did().orElse(null), locationElin, doc, shared(gen, warnings));
  }

  /** The warnings as an immutable list, shared with other agents when it cannot depend on the agent. */
  private static List<RouteWarning> shared(Generation gen, List<RouteWarning> warnings) {
    List<RouteWarning> list = List.copyOf(warnings);
    for (RouteWarning w : list) {
      if (w.code() != RouteWarning.Code.LOCATION_UNVERIFIED && w.code() != RouteWarning.Code.LOCATION_FALLBACK) {
        return list; // a date or an address's gaps: the agent's own
      }
    }
    return list.isEmpty() ? list : gen.warningLists().computeIfAbsent(list, k -> k);
  }

  private static LocationMethod method(AgentLocation l) {
    return l.source() == LocationSource.NETWORK_MATCH ? LocationMethod.WIREMAP : LocationMethod.MANUAL;
  }

  /**
   * Routes one dialled number. Never throws: any input yields an answer, and an emergency is always
   * routed with the best location known and warnings for everything it had to settle for.
   *
   * @param observation the network the call comes from, if the integration knows it (may be null)
   */
  public EmergencyRoute route(String agentId, CharSequence dialled, NetworkObservation observation) {
    Generation gen = generation.get();
    DialResult r;
    try {
      r = gen.plan().classify(dialled);
    } catch (RuntimeException e) {
      r = DialResult.NOT_EMERGENCY;
    }
    if (!(r instanceof DialResult.Match m) || !m.isEmergency()) {
      return new EmergencyRoute.NotEmergency(dialled == null ? "" : dialled.toString());
    }
    try {
      EmergencyRoute.Emergency e = emergency(gen, agentId == null ? "" : agentId, m, observation);
      notify(e);
      return e;
    } catch (RuntimeException unexpected) {
      LOG.error("routing failed unexpectedly; sending the fallback location", unexpected);
      EmergencyRoute.Emergency e = lastResort(gen, agentId == null ? "" : agentId, m, unexpected);
      notify(e);
      return e;
    }
  }

  private void notify(EmergencyRoute.Emergency e) {
    if (onEmergency == null) {
      return;
    }
    try {
      onEmergency.accept(e);
    } catch (RuntimeException ex) {
      LOG.warn("emergency listener failed: {}", ex.toString());
    }
  }

  private EmergencyRoute.Emergency emergency(Generation gen, String agentId, DialResult.Match m, NetworkObservation observation) {
    long now = clock.millis(); // no Instant per call: the document takes epoch milliseconds
    EmergencyRoute.Emergency.Builder b = EmergencyRoute.Emergency.builder(m.classification(), m.number(), agentId)
        .ruleId(m.rule().id()).notifyOnSite(m.rule().notifyOnSite())
        .geolocation(gen.geolocation()).geolocationRouting(GeolocationRouting.YES.headerValue());
    Entry entry = entries.get(agentId);
    if (entry != null && entry.gen() != gen) { // a configuration was published while this entry was built
      rebuild(gen, agentId);
      entry = entries.get(agentId);
    }
    if (entry == null) {
      String id = agentId.isEmpty() ? "unknown" : sanitize(agentId);
      AgentLocation l = AgentLocation.builder(id).address(gen.fallback().address())
          .locationId(gen.fallback().id()).source(LocationSource.SITE_DEFAULT).verification(VerificationState.UNVERIFIED)
          .since(Instant.ofEpochMilli(now)).build();
      // the fallback document is pre-rendered once per generation; only the entity (the id) and the time differ
      b.warnAll(gen.unknownWarnings()).location(l).pidfLo(gen.fallbackDocument().render(now, id));
      if (gen.fallbackElin() != null) {
        b.callbackNumber(gen.fallbackElin()).presentedNumber(gen.fallbackElin().number());
      }
      return b.build();
    }
    AgentLocation l = entry.location();
    Elin locationElin = entry.locationElin();
    byte[] doc = null;
    if (observation != null) {
      NetworkLocator locator = locations.locator();
      int best = locator.bestEntry(observation); // the strongest evidence, without building a NetworkMatch
      if (best >= 0) {
        Evidence evidence = locator.entry(best);
        if (evidence.kind().verifies() && !evidence.locationId().equals(entry.locationId())) {
          Location here = gen.locations().get(evidence.locationId());
          l = AgentLocation.builder(l.agentId()).address(here.address()).locationId(here.id()).source(LocationSource.NETWORK_MATCH)
              .verification(here.address().isDispatchable() ? VerificationState.REMOTE_VERIFIED : VerificationState.UNVERIFIED)
              .since(Instant.ofEpochMilli(now)).fingerprint(observation.fingerprint().orElse(null)).build();
          AgentLocation there = l;
          doc = gen.templates().computeIfAbsent(new TemplateKey(here.address(), LocationMethod.WIREMAP),
              k -> gen.writer().preRender(there, LocationMethod.WIREMAP, gen.interner())).render(now, agentId);
          locationElin = here.primaryElin().orElse(null);
          b.warn(RouteWarning.Code.LOCATION_FALLBACK, "the call comes from " + evidence + "; that location is sent instead of the agent's claim");
        }
      }
    }
    if (doc == null) {
      doc = entry.document().render(now, agentId); // the caller's string: no trip through the claim to its id
      b.warnAll(entry.locationWarnings());
    }
    b.location(l).pidfLo(doc);
    chooseCallback(gen, entry, l, locationElin, m.rule().callbackPolicy(), now, b);
    return b.build();
  }

  private void chooseCallback(Generation gen, Entry entry, AgentLocation l, Elin locationElin, CallbackPolicy preferred, long now,
      EmergencyRoute.Emergency.Builder b) {
    CallbackPolicy[] order = switch (preferred) {
      case LOCATION_ELIN -> LOCATION_ELIN_FIRST;
      case ELIN_POOL -> ELIN_POOL_FIRST;
      default -> AGENT_DID_FIRST;
    };
    for (CallbackPolicy p : order) {
      Elin pick = switch (p) {
        case AGENT_DID -> entry.did();
        case LOCATION_ELIN -> locationElin;
        case ELIN_POOL -> leasePoolElin(gen, entry, l, now, b);
        default -> null;
      };
      if (pick != null) {
        if (p != preferred) {
          b.warn(RouteWarning.Code.CALLBACK_FALLBACK, CALLBACK_FALLBACK_MESSAGES[preferred.ordinal()][p.ordinal()]);
        }
        b.callbackNumber(pick).presentedNumber(pick.number());
        return;
      }
    }
    b.warn(RouteWarning.Code.NO_CALLBACK_NUMBER, "no DID, location ELIN or pool ELIN is available; the masked caller ID is never presented");
  }

  /**
   * Lends a pool ELIN to the caller and says whether the carrier already holds it at the address
   * sent; if not, the binding update is queued for the outbox (in memory: no store, no carrier here).
   */
  private Elin leasePoolElin(Generation gen, Entry entry, AgentLocation l, long nowMillis, EmergencyRoute.Emergency.Builder b) {
    Instant now = Instant.ofEpochMilli(nowMillis);
    Optional<ElinPool.Lease> lease = gen.pools().get(entry.site().id()).lease(entry.agent().id(), now);
    if (lease.isEmpty()) {
      return null;
    }
    Elin elin = lease.get().elin();
    if (lease.get().reused()) {
      b.warn(RouteWarning.Code.ELIN_POOL_EXHAUSTED, "every pool ELIN was leased; " + elin.e164() + " was reused");
    }
    ElinBindings.Outcome binding = elinBindings.request(elin, entry.agent().id(), l.address(), now);
    b.elinBinding(binding.state());
    if (binding.state() != ElinBinding.IN_PLACE) {
      b.warn(RouteWarning.Code.BINDING_NOT_PROVISIONED, "pool ELIN " + elin.e164()
          + " is not known to be bound to this address at the carrier: " + binding.detail());
    }
    return elin;
  }

  private EmergencyRoute.Emergency lastResort(Generation gen, String agentId, DialResult.Match m, RuntimeException cause) {
    EmergencyRoute.Emergency.Builder b = EmergencyRoute.Emergency.builder(m.classification(), m.number(), agentId)
        .ruleId(m.rule().id()).notifyOnSite(m.rule().notifyOnSite());
    b.warn(RouteWarning.Code.NO_LOCATION, "routing failed (" + cause.getClass().getSimpleName() + "); the fallback location "
        + gen.fallback().id() + " is sent");
    gen.fallback().primaryElin().ifPresent(e -> b.callbackNumber(e).presentedNumber(e.number()));
    return b.build();
  }

  /**
   * An entity id from an unknown caller's id: every code point outside {@code [A-Za-z0-9._:@-]} becomes
   * {@code _}, an {@code x} goes in front unless it starts with a letter or digit, at most 128 characters.
   * Returns {@code id} itself (no allocation) when it is already clean.
   */
  static String sanitize(String id) {
    boolean clean = !id.isEmpty() && id.length() <= 128 && isAlnum(id.charAt(0));
    for (int i = 0; i < id.length() && clean; i++) {
      clean = isIdChar(id.charAt(i));
    }
    if (clean) {
      return id;
    }
    StringBuilder s = new StringBuilder(id.length() + 1);
    for (int i = 0; i < id.length(); ) {
      int cp = id.codePointAt(i);
      s.append(cp < 0x80 && isIdChar((char) cp) ? (char) cp : '_');
      i += Character.charCount(cp);
    }
    if (s.length() == 0 || !isAlnum(s.charAt(0))) {
      s.insert(0, 'x');
    }
    return s.length() > 128 ? s.substring(0, 128) : s.toString();
  }

  private static boolean isAlnum(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  private static boolean isIdChar(char c) {
    return isAlnum(c) || c == '.' || c == '_' || c == ':' || c == '@' || c == '-';
  }

  /** Which agent a PSAP callback to a pool ELIN should reach now. */
  public Optional<String> callbackTarget(String e164, Instant now) {
    for (ElinPool pool : generation.get().pools().values()) {
      Optional<String> t = pool.callbackTarget(e164, now);
      if (t.isPresent()) {
        return t;
      }
    }
    return Optional.empty();
  }

}
