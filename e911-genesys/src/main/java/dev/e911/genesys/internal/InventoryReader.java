package dev.e911.genesys.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.e911.api.agent.StationKind;
import dev.e911.api.spi.PlatformInventory;
import dev.e911.api.spi.PlatformResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what matters for 911 from a Genesys Cloud org and maps it into a {@link PlatformInventory}:
 * sites with their number plans and enabled outbound routes (caller-ID masking from the routes' trunk
 * bases), active locations, and every active user who has a phone or station, with the site of that
 * phone, their directory locations, {@code webRtcForceTurn} (the station read-back, verified) and the
 * emergency-location prompt (an unverified key, see {@link PhoneSettingKeys}). What cannot be told is
 * recorded as a {@link PlatformInventory.Gap}, never as a silent {@code false}.
 */
public final class InventoryReader {

  private final GenesysClient client;
  private final String configuredForceTurnKey;
  private final String configuredPromptKey;

  public InventoryReader(GenesysClient client, String configuredForceTurnKey, String configuredPromptKey) {
    this.client = client;
    this.configuredForceTurnKey = configuredForceTurnKey;
    this.configuredPromptKey = configuredPromptKey;
  }

  /** Thrown inside the reader to stop at the first failed call; never escapes {@link #read()}. */
  private static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient PlatformResult<?> result;

    Stop(PlatformResult<?> result) {
      super(null, null, false, false);
      this.result = result;
    }
  }

  private <T> T ok(PlatformResult<T> r) {
    if (r instanceof PlatformResult.Ok<T> ok) {
      return ok.value();
    }
    throw new Stop(r);
  }

  /** Reads the whole inventory, or the first failure. */
  public PlatformResult<PlatformInventory> read() {
    try {
      return new PlatformResult.Ok<>(readAll());
    } catch (Stop s) {
      return GenesysClient.retype(s.result);
    }
  }

  private PlatformInventory readAll() {
    List<PlatformInventory.Gap> gaps = new ArrayList<>();
    Map<String, JsonNode> trunkBases = new HashMap<>();
    List<PlatformInventory.Site> sites = new ArrayList<>();
    for (JsonNode s : ok(client.list(Paths.SITES, ""))) {
      if (isDeleted(s)) {
        continue;
      }
      String id = Json.text(s, "id");
      JsonNode plansJson = ok(client.get(Paths.SITES + "/" + GenesysClient.enc(id) + "/numberplans"));
      List<JsonNode> plans = Json.elements(plansJson.isArray() ? plansJson : plansJson.path("entities"), null);
      List<PlatformInventory.NumberPlanEntry> entries = new ArrayList<>();
      for (int i = 0; i < plans.size(); i++) {
        if (!isInactive(plans.get(i))) {
          entries.add(NumberPlans.toEntry(plans.get(i), i));
        }
      }
      List<PlatformInventory.OutboundRoute> routes = new ArrayList<>();
      for (JsonNode r : ok(client.list(Paths.SITES + "/" + GenesysClient.enc(id) + "/outboundroutes", ""))) {
        if (isDeleted(r) || !Json.bool(r, "enabled", false)) {
          continue;
        }
        List<String> classes = new ArrayList<>();
        Json.elements(r, "classificationTypes").forEach(c -> classes.add(c.asText()));
        boolean masked = false;
        String number = "";
        for (JsonNode tb : Json.elements(r, "externalTrunkBases")) {
          String tbId = Json.text(tb, "id");
          if (tbId.isEmpty()) {
            continue;
          }
          JsonNode base = trunkBases.get(tbId);
          if (base == null) {
            base = ok(client.get(Paths.TRUNK_BASES + "/" + GenesysClient.enc(tbId) + "?ignoreHidden=true"));
            trunkBases.put(tbId, base);
          }
          CallerIdPolicy.Presented p = CallerIdPolicy.of(base);
          if (p.masked() && !masked) {
            masked = true;
            number = p.number();
          }
        }
        routes.add(new PlatformInventory.OutboundRoute(Json.text(r, "id"), Json.text(r, "name"), classes, masked, number));
      }
      sites.add(new PlatformInventory.Site(id, Json.text(s, "name"), Json.path(s, "location", "id"), entries, routes));
    }

    List<PlatformInventory.Location> locations = new ArrayList<>();
    for (JsonNode l : ok(client.list(Paths.LOCATIONS, ""))) {
      if (isDeleted(l)) {
        continue;
      }
      Map<String, String> address = new LinkedHashMap<>();
      JsonNode a = l.path("address");
      for (String f : List.of("street1", "street2", "city", "state", "zipcode", "country")) {
        String v = Json.text(a, f);
        if (!v.isEmpty()) {
          address.put(f, v);
        }
      }
      String elin = Json.path(l, "emergencyNumber", "e164");
      if (elin.isEmpty()) {
        elin = Json.path(l, "emergencyNumber", "number");
      }
      locations.add(new PlatformInventory.Location(Json.text(l, "id"), Json.text(l, "name"), address,
          Json.bool(l, "addressVerified", false), elin));
    }

    Map<String, JsonNode> stationByUser = new HashMap<>();
    for (JsonNode st : ok(client.list(Paths.STATIONS, ""))) {
      for (String key : List.of("webRtcUserId", "userId")) {
        String u = Json.text(st, key);
        if (!u.isEmpty()) {
          stationByUser.merge(u, st, (old, neu) -> isWebRtc(old) ? old : neu);
        }
      }
    }
    Map<String, JsonNode> phoneByUser = new HashMap<>();
    for (JsonNode ph : ok(client.list(Paths.PHONES, "expand=properties&expand=lines&" + Paths.PHONE_USER_FIELDS))) {
      if (isDeleted(ph)) {
        continue;
      }
      String webRtcUser = Json.path(ph, "webRtcUser", "id");
      if (!webRtcUser.isEmpty()) {
        phoneByUser.put(webRtcUser, ph);
      }
      for (JsonNode line : Json.elements(ph, "lines")) {
        for (String f : List.of("loggedInUser", "defaultForUser")) {
          String u = Json.path(line, f, "id");
          if (!u.isEmpty()) {
            phoneByUser.putIfAbsent(u, ph);
          }
        }
      }
    }

    PhoneSettingKeys keys = readKeys();
    Map<String, JsonNode> phoneBases = new HashMap<>();
    List<PlatformInventory.User> users = new ArrayList<>();
    for (JsonNode u : ok(client.list(Paths.USERS, "expand=locations&state=active"))) {
      String id = Json.text(u, "id");
      JsonNode station = stationByUser.get(id);
      JsonNode phone = phoneByUser.get(id);
      if (station == null && phone == null) {
        continue; // cannot place calls, so cannot place a 911 call
      }
      boolean webRtc = (station != null && isWebRtc(station)) || (phone != null && !Json.path(phone, "webRtcUser", "id").isEmpty());
      StationKind kind = webRtc ? StationKind.WEBRTC : StationKind.HARD_PHONE;
      JsonNode base = null;
      String baseId = phone == null ? "" : Json.path(phone, "phoneBaseSettings", "id");
      if (!baseId.isEmpty()) {
        base = phoneBases.get(baseId);
        if (base == null) {
          base = ok(client.get(Paths.PHONE_BASES + "/" + GenesysClient.enc(baseId)));
          phoneBases.put(baseId, base);
        }
      }
      Optional<Boolean> turn = station != null && station.has("webRtcForceTurn") && station.get("webRtcForceTurn").isBoolean()
          ? Optional.of(station.get("webRtcForceTurn").booleanValue())
          : setting(keys.forceTurn(), phone, base);
      if (turn.isEmpty() && webRtc) {
        gaps.add(new PlatformInventory.Gap(id, PlatformInventory.SETTING_FORCE_TURN, keys.forceTurn().isPresent()
            ? "neither the user's station nor their phone or its base settings say whether TURN is forced"
            : keys.whyUnknown("Force TURN")));
      }
      Optional<Boolean> prompt = setting(keys.locationPrompt(), phone, base);
      if (prompt.isEmpty() && webRtc) {
        gaps.add(new PlatformInventory.Gap(id, PlatformInventory.SETTING_LOCATION_PROMPT, keys.locationPrompt().isPresent()
            ? "the user's phone and its base settings do not carry the location-prompt key " + keys.locationPrompt().get()
            : keys.whyUnknown("emergency-location prompt")));
      }
      Set<String> locationIds = new LinkedHashSet<>();
      for (JsonNode l : Json.elements(u, "locations")) {
        String lid = Json.path(l, "locationDefinition", "id");
        locationIds.add(lid.isEmpty() ? Json.text(l, "id") : lid);
      }
      locationIds.remove("");
      users.add(new PlatformInventory.User(id, Json.text(u, "name"), phone == null ? "" : Json.path(phone, "site", "id"),
          List.copyOf(locationIds), kind, turn.orElse(false), prompt.orElse(false)));
    }
    return new PlatformInventory(sites, locations, users, gaps);
  }

  /** The keys of the org's WebRTC template; a template that cannot be read leaves only configured keys. */
  PhoneSettingKeys readKeys() {
    PlatformResult<JsonNode> template = client.get(Paths.WEBRTC_TEMPLATE);
    if (template instanceof PlatformResult.Ok<JsonNode> t) {
      return PhoneSettingKeys.discover(t.value(), configuredForceTurnKey, configuredPromptKey);
    }
    String why = template instanceof PlatformResult.Failed<JsonNode> f ? f.failure().message() : "unsupported";
    return PhoneSettingKeys.unreadable(why, configuredForceTurnKey, configuredPromptKey);
  }

  private static Optional<Boolean> setting(Optional<String> key, JsonNode phone, JsonNode base) {
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Optional<Boolean> v = PhoneSettingKeys.value(phone, key.get());
    return v.isPresent() ? v : PhoneSettingKeys.value(base, key.get());
  }

  static boolean isWebRtc(JsonNode station) {
    return Json.text(station, "type").toLowerCase(Locale.ROOT).contains("webrtc") || !Json.text(station, "webRtcUserId").isEmpty();
  }

  private static boolean isDeleted(JsonNode n) {
    return Json.text(n, "state").equalsIgnoreCase("deleted");
  }

  private static boolean isInactive(JsonNode n) {
    String s = Json.text(n, "state");
    return s.equalsIgnoreCase("deleted") || s.equalsIgnoreCase("inactive");
  }
}
