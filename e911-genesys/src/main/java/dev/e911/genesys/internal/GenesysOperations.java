package dev.e911.genesys.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.location.Location;
import dev.e911.api.spi.ConfigurationFix;
import dev.e911.api.spi.PlatformResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.core.dialplan.DialPlan;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter's writes, each idempotent (a second run with the same input sends no write): location
 * upsert with its ELIN, a user's location assignment (PATCH with {@code version}, re-read on conflict),
 * the presence hard stop, and the four configuration fixes with their dry runs.
 */
public final class GenesysOperations {

  private static final Logger LOG = LoggerFactory.getLogger(GenesysOperations.class);
  private static final int MAX_MESSAGE = 200;

  private final GenesysClient client;
  private final InventoryReader reader;
  private final Clock clock;
  private final DialPlan dialPlan;
  private final String notReadyPresence;
  private final AtomicReference<Map<String, String>> presenceIds = new AtomicReference<>();

  public GenesysOperations(GenesysClient client, InventoryReader reader, Clock clock, DialPlan dialPlan,
      String notReadyPresence) {
    this.client = client;
    this.reader = reader;
    this.clock = clock;
    this.dialPlan = dialPlan;
    this.notReadyPresence = notReadyPresence;
  }

  // ---------------------------------------------------------------- locations

  /** Finds the Genesys location of {@code l} (notes marker first, then exact name), creating or updating it. */
  public PlatformResult<String> upsertLocation(Location l) {
    PlatformResult<Optional<JsonNode>> found = find(l);
    if (!(found instanceof PlatformResult.Ok<Optional<JsonNode>> ok)) {
      return GenesysClient.retype(found);
    }
    ObjectNode address = LocationBodies.address(l.address());
    ObjectNode number = LocationBodies.emergencyNumber(l);
    if (ok.value().isEmpty()) {
      ObjectNode body = Json.object();
      body.put("name", l.name());
      body.put("notes", LocationBodies.marker(l));
      body.set("address", address);
      if (number != null) {
        body.set("emergencyNumber", number);
      }
      PlatformResult<JsonNode> created = client.send("POST", Paths.LOCATIONS, body);
      if (created instanceof PlatformResult.Ok<JsonNode> c && !Json.text(c.value(), "id").isEmpty()) {
        LOG.info("created Genesys location {} for e911 location {}", Json.text(c.value(), "id"), l.id());
        return new PlatformResult.Ok<>(Json.text(c.value(), "id"));
      }
      return created instanceof PlatformResult.Ok ? new PlatformResult.Failed<>(RemoteFailure.of(
          RemoteFailure.Kind.MALFORMED_RESPONSE, "POST " + Paths.LOCATIONS + " answered without an id")) : GenesysClient.retype(created);
    }
    String id = Json.text(ok.value().get(), "id");
    String path = Paths.LOCATIONS + "/" + GenesysClient.enc(id);
    String wantedNumber = number == null ? "" : number.path("number").asText();
    // the address cannot change while an emergency number is set: clear the number first (unverified)
    JsonNode current = ok.value().get();
    if (!LocationBodies.sameAddress(current, address) && !LocationBodies.number(current).isEmpty()) {
      PlatformResult<GenesysClient.Update> cleared = client.update(path, "PATCH", path, cur -> {
        if (LocationBodies.number(cur).isEmpty() || LocationBodies.sameAddress(cur, address)) {
          return Optional.empty();
        }
        ObjectNode b = base(cur, l);
        b.set("emergencyNumber", NullNode.getInstance());
        return Optional.of(b);
      });
      if (!(cleared instanceof PlatformResult.Ok)) {
        return GenesysClient.retype(cleared);
      }
    }
    PlatformResult<GenesysClient.Update> updated = client.update(path, "PATCH", path, cur -> {
      boolean sameAddress = LocationBodies.sameAddress(cur, address);
      boolean sameNumber = LocationBodies.number(cur).equals(wantedNumber)
          && (wantedNumber.isEmpty() || Json.path(cur, "emergencyNumber", "type").equals("elin"));
      boolean sameName = Json.text(cur, "name").equals(l.name());
      boolean marked = Json.text(cur, "notes").contains(LocationBodies.marker(l));
      if (sameAddress && sameNumber && sameName && marked) {
        return Optional.empty();
      }
      ObjectNode b = base(cur, l);
      if (!sameAddress) {
        b.set("address", address);
      }
      b.set("emergencyNumber", number == null ? NullNode.getInstance() : number);
      return Optional.of(b);
    });
    if (updated instanceof PlatformResult.Ok<GenesysClient.Update> u) {
      if (u.value().changed()) {
        LOG.info("updated Genesys location {} for e911 location {}", id, l.id());
      }
      return new PlatformResult.Ok<>(id);
    }
    return GenesysClient.retype(updated);
  }

  private static ObjectNode base(JsonNode cur, Location l) {
    ObjectNode b = Json.object();
    b.put("name", l.name());
    b.put("version", cur.path("version").asInt());
    String notes = Json.text(cur, "notes");
    b.put("notes", notes.contains(LocationBodies.marker(l)) ? notes
        : (notes.isEmpty() ? "" : notes + " ") + LocationBodies.marker(l));
    return b;
  }

  private PlatformResult<Optional<JsonNode>> find(Location l) {
    ObjectNode query = Json.object();
    query.put("pageSize", 25).put("pageNumber", 1);
    ObjectNode criterion = query.putArray("query").addObject();
    criterion.put("type", "EXACT");
    criterion.putArray("fields").add("name");
    criterion.put("value", l.name());
    PlatformResult<JsonNode> r = client.send("POST", Paths.LOCATIONS + "/search", query);
    if (!(r instanceof PlatformResult.Ok<JsonNode> ok)) {
      return GenesysClient.retype(r);
    }
    List<JsonNode> results = Json.elements(ok.value(), "results").stream()
        .filter(x -> !Json.text(x, "state").equalsIgnoreCase("deleted")).toList();
    Optional<JsonNode> marked = results.stream().filter(x -> Json.text(x, "notes").contains(LocationBodies.marker(l))).findFirst();
    Optional<JsonNode> byName = results.stream().filter(x -> Json.text(x, "name").equals(l.name())).findFirst();
    Optional<JsonNode> hit = marked.isPresent() ? marked : byName;
    if (hit.isEmpty()) {
      return new PlatformResult.Ok<>(Optional.empty());
    }
    // search results may be partial: read the entity itself for its version and full address
    PlatformResult<JsonNode> full = client.get(Paths.LOCATIONS + "/" + GenesysClient.enc(Json.text(hit.get(), "id")));
    return full instanceof PlatformResult.Ok<JsonNode> f ? new PlatformResult.Ok<>(Optional.of(f.value())) : GenesysClient.retype(full);
  }

  /** Upserts the location, then makes it the user's only directory location (PATCH with version; replace). */
  public PlatformResult<String> assignLocation(String userId, Location l) {
    PlatformResult<String> upserted = upsertLocation(l);
    if (!(upserted instanceof PlatformResult.Ok<String> ok)) {
      return upserted;
    }
    String locationId = ok.value();
    String path = Paths.USERS + "/" + GenesysClient.enc(userId);
    PlatformResult<GenesysClient.Update> r = client.update(path + "?expand=locations", "PATCH", path, user -> {
      List<String> current = new ArrayList<>();
      for (JsonNode x : Json.elements(user, "locations")) {
        String id = Json.path(x, "locationDefinition", "id");
        current.add(id.isEmpty() ? Json.text(x, "id") : id);
      }
      if (current.equals(List.of(locationId))) {
        return Optional.empty();
      }
      ObjectNode body = Json.object();
      body.put("version", user.path("version").asInt());
      ObjectNode item = body.putArray("locations").addObject();
      item.put("id", locationId);
      item.put("notes", "E911 verified " + clock.instant());
      return Optional.of(body);
    });
    return r instanceof PlatformResult.Ok ? new PlatformResult.Ok<>(locationId) : GenesysClient.retype(r);
  }

  // ---------------------------------------------------------------- presence

  /** PATCHes the user's presence to the org's system Busy (or Away) definition with the reason; nothing when already there. */
  public PlatformResult<String> forceNotReady(String userId, String reason) {
    PlatformResult<String> definition = presenceDefinition();
    if (!(definition instanceof PlatformResult.Ok<String> def)) {
      return definition;
    }
    String message = reason.length() > MAX_MESSAGE ? reason.substring(0, MAX_MESSAGE) : reason;
    String path = Paths.USERS + "/" + GenesysClient.enc(userId) + "/presences/purecloud";
    PlatformResult<JsonNode> current = client.get(path);
    if (!(current instanceof PlatformResult.Ok<JsonNode> cur)) {
      return GenesysClient.retype(current);
    }
    if (Json.path(cur.value(), "presenceDefinition", "id").equals(def.value()) && Json.text(cur.value(), "message").equals(message)) {
      return new PlatformResult.Ok<>(notReadyPresence);
    }
    ObjectNode body = Json.object();
    body.putObject("presenceDefinition").put("id", def.value());
    body.put("message", message);
    PlatformResult<JsonNode> patched = client.send("PATCH", path, body);
    return patched instanceof PlatformResult.Ok ? new PlatformResult.Ok<>(notReadyPresence) : GenesysClient.retype(patched);
  }

  private PlatformResult<String> presenceDefinition() {
    Map<String, String> ids = presenceIds.get();
    if (ids == null) {
      PlatformResult<JsonNode> r = client.get(Paths.PRESENCE_DEFINITIONS + "?deactivated=false");
      if (!(r instanceof PlatformResult.Ok<JsonNode> ok)) {
        return GenesysClient.retype(r);
      }
      ids = new LinkedHashMap<>();
      List<JsonNode> defs = ok.value().isArray() ? Json.elements(ok.value(), null) : Json.elements(ok.value(), "entities");
      for (JsonNode d : defs) {
        if (Json.text(d, "type").equalsIgnoreCase("System") && !Json.bool(d, "deactivated", false)) {
          ids.putIfAbsent(normalise(Json.text(d, "systemPresence")), Json.text(d, "id"));
        }
      }
      presenceIds.set(Map.copyOf(ids));
    }
    String id = ids.get(normalise(notReadyPresence));
    return id == null || id.isEmpty()
        ? new PlatformResult.Unsupported<>("the org has no active system " + notReadyPresence + " presence definition")
        : new PlatformResult.Ok<>(id);
  }

  /** {@code On Queue}, {@code OnQueue}, {@code ON_QUEUE} all become {@code ONQUEUE}. */
  static String normalise(String presence) {
    return presence.toUpperCase(Locale.ROOT).replace(" ", "").replace("_", "");
  }

  // ---------------------------------------------------------------- fixes

  /** Applies (or describes) one fix; its target is a site id (or, for the phone fixes, a phone base settings id). */
  public PlatformResult<ConfigurationFix.Outcome> applyFix(ConfigurationFix fix, boolean dryRun) {
    return switch (fix.kind()) {
      case ADD_EMERGENCY_NUMBER_PLAN -> numberPlan(fix, dryRun);
      case FORCE_TURN -> phoneSetting(fix, dryRun, true);
      case LOCATION_PROMPT -> phoneSetting(fix, dryRun, false);
      case UNMASK_EMERGENCY_CALLER_ID -> unmask(fix, dryRun);
    };
  }

  private PlatformResult<ConfigurationFix.Outcome> numberPlan(ConfigurationFix fix, boolean dryRun) {
    String path = Paths.SITES + "/" + GenesysClient.enc(fix.targetId()) + "/numberplans";
    AtomicReference<List<String>> diff = new AtomicReference<>(List.of());
    PlatformResult<GenesysClient.Update> r = client.update(path, "PUT", path, current -> {
      NumberPlans.Merge merge = NumberPlans.merge(current, dialPlan.genesysNumberPlans());
      diff.set(merge.diff());
      return merge.changed() && !dryRun ? Optional.of(merge.plans()) : Optional.empty();
    });
    return outcome(r, fix, dryRun, diff.get());
  }

  private PlatformResult<ConfigurationFix.Outcome> outcome(PlatformResult<?> r, ConfigurationFix fix, boolean dryRun,
      List<String> diff) {
    if (!(r instanceof PlatformResult.Ok)) {
      return GenesysClient.retype(r);
    }
    return new PlatformResult.Ok<>(new ConfigurationFix.Outcome(fix, dryRun, !diff.isEmpty(), String.join("\n", diff)));
  }

  private PlatformResult<ConfigurationFix.Outcome> phoneSetting(ConfigurationFix fix, boolean dryRun, boolean turn) {
    PhoneSettingKeys keys = reader.readKeys();
    Optional<String> key = turn ? keys.forceTurn() : keys.locationPrompt();
    if (key.isEmpty()) {
      return new PlatformResult.Unsupported<>(keys.whyUnknown(turn ? "Force TURN" : "emergency-location prompt"));
    }
    PlatformResult<List<String>> bases = phoneBases(fix.targetId());
    if (!(bases instanceof PlatformResult.Ok<List<String>> ok)) {
      return GenesysClient.retype(bases);
    }
    List<String> diff = new ArrayList<>();
    for (String baseId : ok.value()) {
      String path = Paths.PHONE_BASES + "/" + GenesysClient.enc(baseId);
      List<String> lines = new ArrayList<>(); // the change may run again after a conflict: keep only its last diff
      PlatformResult<GenesysClient.Update> r = client.update(path, "PUT", path, base -> {
        lines.clear();
        if (PhoneSettingKeys.value(base, key.get()).orElse(false)) {
          return Optional.empty();
        }
        lines.add("~ phone base settings " + baseId + " (" + Json.text(base, "name") + "): " + key.get() + " "
            + PhoneSettingKeys.value(base, key.get()).map(String::valueOf).orElse("unset") + " -> true");
        if (dryRun) {
          return Optional.empty();
        }
        ObjectNode copy = base.deepCopy();
        JsonNode props = copy.get("properties");
        ObjectNode properties = props instanceof ObjectNode o ? o : copy.putObject("properties");
        JsonNode existing = properties.get(key.get());
        ObjectNode property = existing instanceof ObjectNode e ? e : properties.putObject(key.get());
        JsonNode value = property.get("value");
        ObjectNode valueNode = value instanceof ObjectNode v ? v : property.putObject("value");
        valueNode.put("instance", true);
        return Optional.of(copy);
      });
      if (!(r instanceof PlatformResult.Ok)) {
        return GenesysClient.retype(r);
      }
      diff.addAll(lines);
    }
    if (ok.value().isEmpty()) {
      return new PlatformResult.Ok<>(new ConfigurationFix.Outcome(fix, dryRun, false, "no WebRTC phones on site " + fix.targetId()));
    }
    return new PlatformResult.Ok<>(new ConfigurationFix.Outcome(fix, dryRun, !diff.isEmpty(), String.join("\n", diff)));
  }

  /** The phone base settings of the site's WebRTC phones; a target that is no site is taken as a base id. */
  private PlatformResult<List<String>> phoneBases(String target) {
    PlatformResult<JsonNode> site = client.get(Paths.SITES + "/" + GenesysClient.enc(target));
    if (site instanceof PlatformResult.Failed<JsonNode> f && f.failure().kind() == RemoteFailure.Kind.NOT_FOUND) {
      return new PlatformResult.Ok<>(List.of(target));
    }
    if (!(site instanceof PlatformResult.Ok)) {
      return GenesysClient.retype(site);
    }
    PlatformResult<List<JsonNode>> phones = client.list(Paths.PHONES, "site.id=" + GenesysClient.enc(target) + "&" + Paths.PHONE_USER_FIELDS);
    if (!(phones instanceof PlatformResult.Ok<List<JsonNode>> ok)) {
      return GenesysClient.retype(phones);
    }
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode ph : ok.value()) {
      boolean webRtc = !Json.path(ph, "webRtcUser", "id").isEmpty()
          || Json.path(ph, "phoneMetaBase", "id").equals(Paths.WEBRTC_METABASE);
      String base = Json.path(ph, "phoneBaseSettings", "id");
      if (webRtc && !base.isEmpty() && Json.path(ph, "site", "id").equals(target)) {
        ids.add(base);
      }
    }
    return new PlatformResult.Ok<>(List.copyOf(ids));
  }

  private PlatformResult<ConfigurationFix.Outcome> unmask(ConfigurationFix fix, boolean dryRun) {
    PlatformResult<List<JsonNode>> siteRoutes = client.list(Paths.SITES + "/" + GenesysClient.enc(fix.targetId()) + "/outboundroutes", "");
    if (!(siteRoutes instanceof PlatformResult.Ok<List<JsonNode>> sr)) {
      return GenesysClient.retype(siteRoutes);
    }
    Set<String> trunkIds = new LinkedHashSet<>();
    for (JsonNode r : sr.value()) {
      if (Json.bool(r, "enabled", false) && carriesEmergency(r)) {
        Json.elements(r, "externalTrunkBases").forEach(t -> trunkIds.add(Json.text(t, "id")));
      }
    }
    trunkIds.remove("");
    Map<String, JsonNode> masking = new LinkedHashMap<>();
    for (String id : trunkIds) {
      PlatformResult<JsonNode> tb = client.get(Paths.TRUNK_BASES + "/" + GenesysClient.enc(id) + "?ignoreHidden=true");
      if (!(tb instanceof PlatformResult.Ok<JsonNode> ok)) {
        return GenesysClient.retype(tb);
      }
      if (CallerIdPolicy.of(ok.value()).masked()) {
        masking.put(id, ok.value());
      }
    }
    if (masking.isEmpty()) {
      return new PlatformResult.Ok<>(new ConfigurationFix.Outcome(fix, dryRun, false, ""));
    }
    PlatformResult<List<JsonNode>> all = client.list(Paths.ALL_OUTBOUND_ROUTES, "");
    if (!(all instanceof PlatformResult.Ok<List<JsonNode>> allRoutes)) {
      return GenesysClient.retype(all);
    }
    List<String> shared = new ArrayList<>();
    for (JsonNode r : allRoutes.value()) {
      boolean onlyEmergency = Json.elements(r, "classificationTypes").stream()
          .allMatch(c -> c.asText().equalsIgnoreCase("Emergency"));
      for (JsonNode t : Json.elements(r, "externalTrunkBases")) {
        if (masking.containsKey(Json.text(t, "id")) && !onlyEmergency && Json.bool(r, "enabled", false)) {
          shared.add("trunk base " + Json.text(t, "id") + " also carries route '" + Json.text(r, "name") + "' ("
              + Json.elements(r, "classificationTypes").stream().map(JsonNode::asText).collect(Collectors.joining(", ")) + ")");
        }
      }
    }
    if (!shared.isEmpty()) {
      return new PlatformResult.Unsupported<>("unmasking would change the caller ID of every call through the trunk: "
          + String.join("; ", shared) + ". Put the Emergency classification on a route of its own with a trunk base"
          + " that has no Always calling-address override, by hand");
    }
    List<String> diff = new ArrayList<>();
    for (String id : masking.keySet()) {
      String path = Paths.TRUNK_BASES + "/" + GenesysClient.enc(id);
      List<String> lines = new ArrayList<>();
      PlatformResult<GenesysClient.Update> r = client.update(path + "?ignoreHidden=true", "PUT", path, base -> {
        lines.clear();
        if (!CallerIdPolicy.of(base).masked()) {
          return Optional.empty();
        }
        ObjectNode copy = base.deepCopy();
        ObjectNode props = (ObjectNode) copy.get("properties");
        String method = CallerIdPolicy.instanceText(base, CallerIdPolicy.OVERRIDE_METHOD);
        if (CallerIdPolicy.ALWAYS.equalsIgnoreCase(method)) {
          lines.add("~ trunk base " + id + ": " + CallerIdPolicy.OVERRIDE_METHOD + " '" + method + "' -> '"
              + CallerIdPolicy.UNASSIGNED_DID + "'");
          instance(props, CallerIdPolicy.OVERRIDE_METHOD).put("instance", CallerIdPolicy.UNASSIGNED_DID);
        }
        List<String> order = CallerIdPolicy.priority(base);
        if (order.indexOf("Trunk") >= 0 && (order.indexOf("Source") < 0 || order.indexOf("Trunk") < order.indexOf("Source"))) {
          List<String> fixed = new ArrayList<>(order);
          fixed.remove("Source");
          fixed.add(0, "Source");
          lines.add("~ trunk base " + id + ": " + CallerIdPolicy.PRIORITY + " " + order + " -> " + fixed);
          ArrayNode arr = instance(props, CallerIdPolicy.PRIORITY).putArray("instance");
          fixed.forEach(arr::add);
        }
        return dryRun ? Optional.empty() : Optional.of(copy);
      });
      if (!(r instanceof PlatformResult.Ok)) {
        return GenesysClient.retype(r);
      }
      diff.addAll(lines);
    }
    return new PlatformResult.Ok<>(new ConfigurationFix.Outcome(fix, dryRun, !diff.isEmpty(), String.join("\n", diff)));
  }

  private static ObjectNode instance(ObjectNode props, String key) {
    JsonNode p = props.get(key);
    ObjectNode property = p instanceof ObjectNode o ? o : props.putObject(key);
    JsonNode v = property.get("value");
    return v instanceof ObjectNode o ? o : property.putObject("value");
  }

  private static boolean carriesEmergency(JsonNode route) {
    return Json.elements(route, "classificationTypes").stream().anyMatch(c -> c.asText().equalsIgnoreCase("Emergency"));
  }

  @Override
  public String toString() {
    return "notReadyPresence=" + notReadyPresence + ", dialPlan=" + dialPlan;
  }
}
