package dev.e911.core.location;

import dev.e911.api.address.Dispatchability;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.agent.Agent;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.Location;
import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.network.NetworkFingerprint;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.phone.Elin;
import dev.e911.api.site.Site;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.LocationChange;
import dev.e911.api.spi.LocationStore;
import dev.e911.api.spi.OutboxEntry;
import dev.e911.api.spi.PlatformAdapter;
import dev.e911.api.spi.PlatformResult;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.core.callback.ElinBindings;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.config.Policies;
import dev.e911.core.network.Evidence;
import dev.e911.core.network.NetworkLocator;
import dev.e911.core.network.NetworkMatch;
import dev.e911.core.store.InMemoryLocationStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every agent's location claim: turns network observations and agents' confirmations into
 * {@link AgentLocation}s by one state machine ({@link Rule}) and one precedence ladder, validates
 * confirmed addresses with the carrier (corrections come back as suggestions, never applied
 * silently), provisions the callback number and assigns the platform location through a durable
 * outbox, and only then marks the agent REMOTE_VERIFIED. Every change is stored with a history row
 * and published to listeners. Thread-safe; nothing reads the wall clock (a {@link Clock} is injected).
 */
public final class LocationService {

  private static final Logger LOG = LoggerFactory.getLogger(LocationService.class);
  static final String PROVISION = "carrier.provision";
  static final String ASSIGN = "platform.assign";

  private final Clock clock;
  private final LocationStore store;
  private final NetworkLocator locator;
  private final Policies policies;
  private final Map<String, Agent> agents;
  private final Map<String, Site> sites;
  private final Map<String, Location> locations;
  private final CarrierAdapter carrier;
  private final PlatformAdapter platform;
  private final List<LocationListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, AgentLocation> current = new ConcurrentHashMap<>();
  private final Map<String, NetworkObservation> lastObservation = new ConcurrentHashMap<>();
  private final Map<String, NetworkMatch> lastMatch = new ConcurrentHashMap<>();
  private final Map<String, List<DispatchableAddress>> suggestions = new ConcurrentHashMap<>();
  private final Map<String, Approval> approvals = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong seenSequence = new java.util.concurrent.atomic.AtomicLong();
  private final Map<String, Long> versions = new ConcurrentHashMap<>();
  private final java.util.concurrent.locks.ReentrantLock outboxLock = new java.util.concurrent.locks.ReentrantLock();
  private final ElinBindings elinBindings;

  private record Approval(String agentId, DispatchableAddress address, String requestedBy) {}

  private LocationService(Builder b) {
    this.clock = b.clock;
    this.store = b.store;
    this.policies = b.config.policies();
    this.locator = NetworkLocator.of(b.config.networkMap());
    this.agents = b.config.agents().stream().collect(Collectors.toUnmodifiableMap(Agent::id, Function.identity()));
    this.sites = b.config.sites().stream().collect(Collectors.toUnmodifiableMap(Site::id, Function.identity()));
    this.locations = b.config.locations().stream().collect(Collectors.toUnmodifiableMap(Location::id, Function.identity()));
    this.carrier = b.carrier;
    this.platform = b.platform;
    this.elinBindings = ElinBindings.create(carrier != null);
    listeners.addAll(b.listeners);
    for (AgentLocation l : b.config.agentLocations()) {
      if (store.find(l.agentId()).isEmpty()) {
        store.save(l, 0, change(l, "config", "loaded from the configuration file"));
      }
    }
    seenSequence.set(store.currentSequence());
    for (Agent a : b.config.agents()) {
      store.find(a.id()).ifPresent(v -> {
        current.put(a.id(), v.value());
        versions.put(a.id(), v.version());
      });
    }
  }

  /** Starts a service for the contact center described by {@code config}. */
  public static Builder builder(ContactCenterConfig config) {
    return new Builder(config);
  }

  /** Adds a listener for every later change. */
  public void addListener(LocationListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** The agent's current claim (as last stored), if any. */
  public Optional<AgentLocation> current(String agentId) {
    return Optional.ofNullable(current.get(agentId));
  }

  /** The network locator built from the map (shared with the router). */
  public NetworkLocator locator() {
    return locator;
  }

  /** The policies in force. */
  public Policies policies() {
    return policies;
  }

  /** The agent, if known. */
  public Optional<Agent> agent(String agentId) {
    return Optional.ofNullable(agents.get(agentId));
  }

  /** The site, if known. */
  public Optional<Site> site(String siteId) {
    return Optional.ofNullable(sites.get(siteId));
  }

  /** The known location, if any. */
  public Optional<Location> location(String locationId) {
    return Optional.ofNullable(locations.get(locationId));
  }

  /**
   * The pool ELIN bindings: what the carrier holds for each pool ELIN and the updates the router
   * asked for, which {@link #processOutbox()} (or {@link #processElinBindings()}) writes to the
   * outbox and performs.
   */
  public ElinBindings elinBindings() {
    return elinBindings;
  }

  /** The clock the service reads. */
  public Clock clock() {
    return clock;
  }

  /**
   * Applies an observation of the agent's network (sign-in, network change, periodic check) and says
   * what must happen next. Never throws for a remote problem; a store failure propagates as
   * {@link dev.e911.api.spi.StoreException} with the in-memory claim left as it was.
   */
  public ObserveOutcome observe(String agentId, NetworkObservation observation) {
    Agent agent = agents.get(agentId);
    NetworkMatch match = locator.locate(observation);
    if (agent == null) {
      return new ObserveOutcome(agentId, Optional.empty(), Rule.UNKNOWN_NETWORK, NextAction.UNKNOWN_AGENT, match);
    }
    lastObservation.put(agentId, observation);
    lastMatch.put(agentId, match);
    Instant now = clock.instant();
    NetworkFingerprint fp = observation.fingerprint().orElse(null);
    AgentLocation prev = current.get(agentId);

    if (match.verifies()) {
      Evidence best = match.best().orElseThrow();
      Location known = locations.get(best.locationId());
      boolean dispatchable = known.address().isDispatchable();
      if (prev != null && prev.source() == LocationSource.NETWORK_MATCH && prev.isVerified() == dispatchable
          && prev.locationId().equals(Optional.of(known.id())) && Objects.equals(prev.fingerprint().orElse(null), fp)) {
        return new ObserveOutcome(agentId, Optional.of(prev), dispatchable ? Rule.KNOWN_NETWORK_VERIFIES
            : Rule.KNOWN_NETWORK_NOT_DISPATCHABLE, dispatchable ? NextAction.NONE : NextAction.PROMPT, match);
      }
      AgentLocation next = AgentLocation.builder(agentId).address(known.address()).locationId(known.id())
          .source(LocationSource.NETWORK_MATCH)
          .verification(dispatchable ? VerificationState.REMOTE_VERIFIED : VerificationState.UNVERIFIED)
          .since(now).fingerprint(fp).build();
      Rule rule = dispatchable ? Rule.KNOWN_NETWORK_VERIFIES : Rule.KNOWN_NETWORK_NOT_DISPATCHABLE;
      write(prev, next, rule, "network", "matched " + best + (match.conflicting() ? "; conflicting: " + match.conflicts() : ""), List.of());
      return new ObserveOutcome(agentId, Optional.of(next), rule, dispatchable ? NextAction.NONE : NextAction.PROMPT, match);
    }

    boolean confirmedHere = prev != null && prev.source() != LocationSource.NETWORK_MATCH
        && prev.verification() != VerificationState.UNVERIFIED && fp != null && prev.fingerprint().map(fp::equals).orElse(false);
    if (confirmedHere) {
      if (isAged(prev, now)) {
        if (prev.verification() == VerificationState.STALE) {
          return new ObserveOutcome(agentId, Optional.of(prev), Rule.VERIFICATION_AGED, NextAction.REVERIFY, match);
        }
        AgentLocation stale = prev.toBuilder().verification(VerificationState.STALE).since(now).build();
        write(prev, stale, Rule.VERIFICATION_AGED, "system", "verified " + prev.since() + ", older than " + policies.maxVerificationAge(), List.of());
        return new ObserveOutcome(agentId, Optional.of(stale), Rule.VERIFICATION_AGED, NextAction.REVERIFY, match);
      }
      return new ObserveOutcome(agentId, Optional.of(prev), Rule.SAME_NETWORK_KEEPS_VERIFICATION, NextAction.NONE, match);
    }

    if (prev != null && prev.verification() != VerificationState.UNVERIFIED) {
      AgentLocation unverified = prev.toBuilder().verification(VerificationState.UNVERIFIED).since(now).build();
      write(prev, unverified, Rule.NETWORK_CHANGED, "network",
          "was verified on " + prev.fingerprint().map(Object::toString).orElse("no network") + ", now on "
              + (fp == null ? "no network evidence" : fp.value()), List.of());
      return new ObserveOutcome(agentId, Optional.of(unverified), Rule.NETWORK_CHANGED, NextAction.PROMPT, match);
    }
    if (prev != null) {
      return new ObserveOutcome(agentId, Optional.of(prev), Rule.UNKNOWN_NETWORK, NextAction.PROMPT, match);
    }
    Location fallback = locations.get(sites.get(agent.siteId()).defaultLocationId());
    AgentLocation siteDefault = AgentLocation.builder(agentId).address(fallback.address()).locationId(fallback.id())
        .source(LocationSource.SITE_DEFAULT).verification(VerificationState.UNVERIFIED).since(now).build();
    write(null, siteDefault, Rule.UNKNOWN_NETWORK, "network", "no known network; site default until the agent confirms", List.of());
    return new ObserveOutcome(agentId, Optional.of(siteDefault), Rule.UNKNOWN_NETWORK, NextAction.PROMPT, match);
  }

  private boolean isAged(AgentLocation l, Instant now) {
    return l.since().plus(policies.maxVerificationAge()).compareTo(now) <= 0;
  }

  /**
   * The agent confirms the address they work from, on the network last observed. The carrier
   * validates it; a correction comes back as suggestions (accept one with
   * {@link #acceptSuggestion}); a valid address is stored with its provisioning queued in the same
   * transaction, then provisioned and assigned at once; only when both succeed is the agent verified.
   */
  public ConfirmOutcome confirm(String agentId, DispatchableAddress proposed, String actor) {
    Agent agent = agents.get(agentId);
    if (agent == null) {
      return new ConfirmOutcome.Refused("unknown-agent", "agent " + agentId + " is not known to e911");
    }
    NetworkMatch match = lastMatch.getOrDefault(agentId, NetworkMatch.none());
    if (policies.approvalRequiredForCompanyNetworks() && match.best().isPresent()) {
      String id = "approval:" + agentId + ":" + digest(proposed.oneLine());
      approvals.put(id, new Approval(agentId, proposed, actor));
      return new ConfirmOutcome.AwaitingApproval(id);
    }
    return validateAndProvision(agent, proposed, actor, Rule.CONFIRMED_AND_PROVISIONED);
  }

  /** Accepts the carrier's suggestion number {@code index} (0 = best) from the last confirmation. */
  public ConfirmOutcome acceptSuggestion(String agentId, int index, String actor) {
    List<DispatchableAddress> offered = suggestions.get(agentId);
    if (offered == null || index < 0 || index >= offered.size()) {
      return new ConfirmOutcome.Refused("no-suggestion", "there is no suggestion " + index + " for agent " + agentId);
    }
    return confirm(agentId, offered.get(index), actor);
  }

  /** An administrator approves an address waiting in the approval queue. */
  public ConfirmOutcome approve(String requestId, String admin) {
    Approval a = approvals.remove(requestId);
    if (a == null) {
      return new ConfirmOutcome.Refused("no-request", "no approval request " + requestId);
    }
    return validateAndProvision(agents.get(a.agentId()), a.address(), admin, Rule.APPROVED);
  }

  /** Addresses waiting for an administrator, by request id. */
  public Map<String, DispatchableAddress> pendingApprovals() {
    return approvals.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().address()));
  }

  /**
   * An administrator puts the agent at a known location (a desk phone, a fixed seat). Recorded with
   * who and why; verified when the location is dispatchable, on the network last observed.
   */
  public AgentLocation adminAssign(String agentId, String locationId, String admin, String reason) {
    Agent agent = agents.get(agentId);
    Location location = locations.get(locationId);
    if (agent == null || location == null) {
      throw new IllegalArgumentException(agent == null ? "unknown agent " + agentId : "unknown location " + locationId);
    }
    AgentLocation prev = current.get(agentId);
    NetworkFingerprint fp = Optional.ofNullable(lastObservation.get(agentId)).flatMap(NetworkObservation::fingerprint).orElse(null);
    AgentLocation next = AgentLocation.builder(agentId).address(location.address()).locationId(locationId)
        .source(LocationSource.ADMIN_ASSIGNED)
        .verification(location.address().isDispatchable() ? VerificationState.REMOTE_VERIFIED : VerificationState.UNVERIFIED)
        .since(clock.instant()).fingerprint(fp).build();
    write(prev, next, Rule.ADMIN_ASSIGNED, admin, "assigned by " + admin + ": " + reason, List.of());
    return next;
  }

  private ConfirmOutcome validateAndProvision(Agent agent, DispatchableAddress proposed, String actor, Rule rule) {
    if (carrier == null) {
      return new ConfirmOutcome.Refused("no-carrier", "no carrier is configured to validate addresses");
    }
    AddressValidationResult verdict = carrier.validate(proposed.withoutValidation());
    if (verdict instanceof AddressValidationResult.Corrected c) {
      suggestions.put(agent.id(), c.suggestions());
      return new ConfirmOutcome.SuggestCorrection(c.suggestions(), c.reasons());
    }
    if (verdict instanceof AddressValidationResult.Rejected r) {
      return new ConfirmOutcome.Rejected(r.reasons());
    }
    if (verdict instanceof AddressValidationResult.Failed f) {
      return new ConfirmOutcome.Refused("carrier-unavailable", "the carrier could not validate the address now ("
          + f.failure().kind() + "); try again");
    }
    if (verdict instanceof AddressValidationResult.Unsupported u) {
      return new ConfirmOutcome.Refused("validation-unsupported", "carrier " + carrier.id() + " cannot validate addresses: " + u.reason());
    }
    DispatchableAddress validated = ((AddressValidationResult.Valid) verdict).standardized();
    suggestions.remove(agent.id());
    Dispatchability d = validated.dispatchability();
    if (!d.dispatchable()) {
      return new ConfirmOutcome.Refused("not-dispatchable", d.gaps().stream().map(Dispatchability.Gap::description)
          .collect(Collectors.joining("; ")));
    }
    Instant now = clock.instant();
    NetworkFingerprint fp = Optional.ofNullable(lastObservation.get(agent.id())).flatMap(NetworkObservation::fingerprint).orElse(null);
    AgentLocation prev = current.get(agent.id());
    AgentLocation pending = AgentLocation.builder(agent.id()).address(validated).source(LocationSource.USER_CONFIRMED)
        .verification(VerificationState.UNVERIFIED).since(now).fingerprint(fp).build();
    String opKey = agent.id() + ":" + digest(validated.oneLine() + "|" + now);
    List<OutboxEntry> ops = new ArrayList<>();
    if (agent.did().isPresent()) {
      ops.add(new OutboxEntry(PROVISION + ":" + opKey, PROVISION, agent.id(), validated.oneLine(), 0, now, ""));
    }
    if (platform != null) {
      ops.add(new OutboxEntry(ASSIGN + ":" + opKey, ASSIGN, agent.id(), validated.oneLine(), 0, now, ""));
    }
    write(prev, pending, rule, actor, "confirmed by " + actor + ", validated by " + carrier.id(), ops);
    processOutbox(agent.id());
    AgentLocation after = current.get(agent.id());
    if (after != null && after.isVerified()) {
      return new ConfirmOutcome.Verified(after);
    }
    return new ConfirmOutcome.Pending(pending, "provisioning the callback number or assigning the platform location is queued; "
        + "the agent stays unverified until it completes");
  }

  /**
   * Adds a note to the agent's history without changing the claim (e.g. a gate override: who, why,
   * until when). With no claim yet, the note is logged only.
   */
  public synchronized void recordNote(String agentId, String actor, String note) {
    AgentLocation l = current.get(agentId);
    if (l == null) {
      LOG.info("note for agent {} by {} (no location yet): {}", agentId, actor, note);
      return;
    }
    LocationStore.SaveResult r = store.save(l, versions.getOrDefault(agentId, 0L), change(l, actor, note), List.of());
    if (r instanceof LocationStore.SaveResult.Saved saved) {
      versions.put(agentId, saved.version());
      seenSequence.accumulateAndGet(saved.sequence(), Math::max);
    } else {
      LOG.warn("note for agent {} not recorded: changed concurrently on another node", agentId);
    }
  }

  /** The newest history rows of an agent, newest first. */
  public List<LocationChange> history(String agentId, int limit) {
    return store.history(agentId, limit);
  }

  /**
   * Applies the changes other nodes wrote to the shared store since the last poll (the store's
   * change feed works the same on H2 and PostgreSQL): each changed agent's claim is re-read and, if it
   * differs from this node's, taken over and published to listeners (rule {@link Rule#REPLICATED}), so
   * this node's routing follows. Call it every second or so; returns how many claims changed here.
   */
  public int pollChanges() {
    int changed = 0;
    while (true) {
      List<LocationStore.Change> batch = store.changesSince(seenSequence.get(), 500);
      if (batch.isEmpty()) {
        return changed;
      }
      for (LocationStore.Change c : batch) {
        seenSequence.accumulateAndGet(c.sequence(), Math::max);
        if (!agents.containsKey(c.agentId())) {
          continue;
        }
        Optional<LocationStore.Versioned<AgentLocation>> read = store.find(c.agentId());
        Optional<AgentLocation> stored = read.map(LocationStore.Versioned::value);
        read.ifPresent(v -> versions.put(c.agentId(), v.version()));
        AgentLocation mine = current.get(c.agentId());
        if (stored.isPresent() && !stored.get().equals(mine)) {
          current.put(c.agentId(), stored.get());
          changed++;
          publish(new LocationEvent(c.agentId(), Optional.ofNullable(mine), stored.get(), Rule.REPLICATED, "replication", clock.instant()));
        }
      }
    }
  }

  /**
   * Writes the pool ELIN binding updates the router queued to the outbox, then performs every due
   * outbox operation (all agents); returns how many completed. Call it every few seconds.
   */
  public int processOutbox() {
    elinBindings.drain(store);
    return processOutbox(null, null);
  }

  /**
   * Writes the pool ELIN binding updates the router queued to the outbox and performs the due ones
   * (kind {@value ElinBindings#KIND}) only; returns how many completed. For a background worker
   * woken by {@link ElinBindings#onRequest}; a store failure is logged and the work stays queued.
   */
  public int processElinBindings() {
    elinBindings.drain(store);
    return processOutbox(null, ElinBindings.KIND);
  }

  private int processOutbox(String onlyAgent) {
    return processOutbox(onlyAgent, null);
  }

  private int processOutbox(String onlyAgent, String onlyKind) {
    // one worker at a time, but never holding the state monitor while a carrier or platform is called:
    // a slow remote must not stall sign-ins (observe) of other agents
    outboxLock.lock();
    try {
      return processOutboxLocked(onlyAgent, onlyKind);
    } finally {
      outboxLock.unlock();
    }
  }

  private int processOutboxLocked(String onlyAgent, String onlyKind) {
    Instant now = clock.instant();
    int done = 0;
    Map<String, Instant> latestElinRequests = null;
    for (OutboxEntry e : store.due(now, onlyKind == null ? 100 : 1000)) {
      if ((onlyAgent != null && !onlyAgent.equals(e.agentId())) || (onlyKind != null && !onlyKind.equals(e.kind()))) {
        continue;
      }
      if (ElinBindings.KIND.equals(e.kind())) {
        if (latestElinRequests == null) {
          latestElinRequests = ElinBindings.latestPending(store.due(now.plus(Duration.ofDays(3650)), 10_000));
        }
        done += processElinBinding(e, latestElinRequests, now) ? 1 : 0;
        continue;
      }
      AgentLocation l = current.get(e.agentId());
      Agent agent = agents.get(e.agentId());
      if (l == null || agent == null || !l.address().oneLine().equals(e.payload())) {
        store.complete(e.id()); // superseded by a later change: nothing left to do
        continue;
      }
      String error = perform(e, agent, l);
      if (error == null) {
        store.complete(e.id());
        done++;
      } else {
        Duration backoff = Duration.ofSeconds(Math.min(300, 1L << Math.min(8, e.attempts())));
        store.reschedule(e.id(), now.plus(backoff), error);
        LOG.info("outbox {} for agent {} failed (attempt {}): {}", e.kind(), e.agentId(), e.attempts() + 1, error);
      }
    }
    if (onlyKind != null) {
      return done;
    }
    if (onlyAgent != null) {
      maybeVerify(onlyAgent, now);
    } else {
      agents.keySet().forEach(id -> maybeVerify(id, now));
    }
    return done;
  }

  /** Provisions one pool ELIN binding unless a later request for the same ELIN superseded it; true when the carrier confirmed it. */
  private boolean processElinBinding(OutboxEntry e, Map<String, Instant> latestRequests, Instant now) {
    Optional<ElinBindings.Request> read = ElinBindings.read(e);
    if (read.isEmpty()) {
      LOG.error("outbox {} cannot be read; dropped", e.id());
      store.complete(e.id());
      return false;
    }
    ElinBindings.Request r = read.get();
    Instant latest = latestRequests.getOrDefault(r.elin().e164(), r.requestedAt());
    if (latest.isAfter(r.requestedAt()) || !elinBindings.isCurrent(r)) {
      store.complete(e.id()); // a later caller's binding for this ELIN is on its way: this one must not overwrite it
      return false;
    }
    String error;
    if (carrier == null) {
      error = "no carrier is configured";
    } else {
      Agent agent = agents.get(r.agentId());
      String name = truncate(agent == null || agent.displayName().isBlank() ? r.agentId() : agent.displayName(), 64);
      try {
        ProvisioningResult result = carrier.provision(new Binding.NumberBinding(r.elin(), r.address(),
            name.isBlank() ? "Emergency caller" : name));
        error = result instanceof ProvisioningResult.Done ? null : describe(result);
      } catch (RuntimeException ex) { // adapters must not throw; the worker must survive one that does
        error = "the carrier adapter threw " + ex.getClass().getSimpleName();
      }
    }
    if (error == null) {
      store.complete(e.id());
      elinBindings.confirmed(r);
      return true;
    }
    Duration backoff = Duration.ofSeconds(Math.min(300, 1L << Math.min(8, e.attempts())));
    store.reschedule(e.id(), now.plus(backoff), error);
    LOG.info("outbox {} for pool ELIN {} failed (attempt {}): {}", e.kind(), r.elin().e164(), e.attempts() + 1, error);
    return false;
  }

  private String perform(OutboxEntry e, Agent agent, AgentLocation l) {
    if (PROVISION.equals(e.kind())) {
      Elin did = agent.did().orElseThrow();
      ProvisioningResult r = carrier.provision(new Binding.NumberBinding(did, l.address(), truncate(agent.displayName(), 64)));
      if (r instanceof ProvisioningResult.Done) {
        return null;
      }
      return describe(r);
    }
    if (ASSIGN.equals(e.kind())) {
      Location home = new Location("home-" + agent.id(), truncate(agent.displayName() + " (remote)", 128), l.address(), List.of());
      PlatformResult<String> r = platform.assignLocation(agent.id(), home);
      return r instanceof PlatformResult.Ok ? null : r.toString();
    }
    return "unknown outbox operation " + e.kind();
  }

  private static String describe(ProvisioningResult r) {
    if (r instanceof ProvisioningResult.Pending p) {
      return "carrier order " + p.orderReference() + " still " + p.carrierStatus();
    }
    if (r instanceof ProvisioningResult.Rejected rej) {
      return "carrier rejected: " + rej.reasons();
    }
    if (r instanceof ProvisioningResult.Failed f) {
      return "carrier failed: " + f.failure().kind() + " " + f.failure().message();
    }
    return r.toString();
  }

  private void maybeVerify(String agentId, Instant now) {
    AgentLocation l = current.get(agentId);
    if (l == null || l.source() != LocationSource.USER_CONFIRMED || l.verification() != VerificationState.UNVERIFIED) {
      return;
    }
    String line = l.address().oneLine();
    boolean outstanding = store.due(now.plus(Duration.ofDays(3650)), 1000).stream().anyMatch(e -> e.agentId().equals(agentId) && e.payload().equals(line));
    if (!outstanding) {
      AgentLocation verified = l.toBuilder().verification(VerificationState.REMOTE_VERIFIED).since(now).build();
      write(l, verified, Rule.CONFIRMED_AND_PROVISIONED, "outbox", "callback number provisioned and platform location assigned", List.of());
    }
  }

  private synchronized void write(AgentLocation prev, AgentLocation next, Rule rule, String actor, String evidence, List<OutboxEntry> ops) {
    long version = versions.getOrDefault(next.agentId(), 0L);
    LocationStore.SaveResult r = store.save(next, version, change(next, actor, rule + ": " + evidence), ops);
    if (r instanceof LocationStore.SaveResult.Conflict c) {
      // another node changed this agent since we read it: take its state (nothing is lost) and let the caller retry
      store.find(next.agentId()).ifPresent(v -> {
        AgentLocation mine = current.put(next.agentId(), v.value());
        versions.put(next.agentId(), v.version());
        publish(new LocationEvent(next.agentId(), Optional.ofNullable(mine), v.value(), Rule.REPLICATED, "replication", clock.instant()));
      });
      throw new ConcurrentChangeException(next.agentId(), c.currentVersion());
    }
    LocationStore.SaveResult.Saved saved = (LocationStore.SaveResult.Saved) r;
    current.put(next.agentId(), next);
    versions.put(next.agentId(), saved.version());
    seenSequence.accumulateAndGet(saved.sequence(), Math::max);
    publish(new LocationEvent(next.agentId(), Optional.ofNullable(prev), next, rule, actor, clock.instant()));
  }

  private void publish(LocationEvent event) {
    for (LocationListener listener : listeners) {
      try {
        listener.onChange(event);
      } catch (RuntimeException ex) {
        LOG.warn("location listener failed for agent {}: {}", event.agentId(), ex.toString());
      }
    }
  }

  private LocationChange change(AgentLocation l, String actor, String evidence) {
    return new LocationChange(l.agentId(), clock.instant(), actor, l.source(), l.verification(), l.locationId().orElse(""),
        l.address().oneLine(), evidence);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static String digest(String s) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Wires a {@link LocationService}; everything but the configuration has a default. */
  public static final class Builder {
    private final ContactCenterConfig config;
    private Clock clock = Clock.systemUTC();
    private LocationStore store;
    private CarrierAdapter carrier;
    private PlatformAdapter platform;
    private final List<LocationListener> listeners = new ArrayList<>();

    private Builder(ContactCenterConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** The clock (default: the system clock in UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The durable store (default: a new {@link InMemoryLocationStore}). */
    public Builder store(LocationStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The carrier that validates addresses and holds the callback bindings. */
    public Builder carrier(CarrierAdapter carrier) {
      this.carrier = Objects.requireNonNull(carrier, "carrier");
      return this;
    }

    /** The contact-center platform to assign locations on. */
    public Builder platform(PlatformAdapter platform) {
      this.platform = Objects.requireNonNull(platform, "platform");
      return this;
    }

    /** A listener for every change. */
    public Builder listener(LocationListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Builds the service, loading each agent's stored claim. */
    public LocationService build() {
      if (store == null) {
        store = InMemoryLocationStore.create();
      }
      return new LocationService(this);
    }
  }
}
