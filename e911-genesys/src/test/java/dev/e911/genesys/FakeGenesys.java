package dev.e911.genesys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.spi.Secret;
import dev.e911.testkit.http.RecordedRequest;
import dev.e911.testkit.http.StubHttpServer;
import dev.e911.testkit.http.StubResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A stateful fake of the Genesys Cloud Platform API on a loopback {@link StubHttpServer}, answering with
 * the JSON shapes of genesys-cloud.md sections 2 to 7: client-credentials tokens, paged listings,
 * versioned PATCH/PUT with 409 on a stale version, locations search, number plans as a whole array,
 * phone base settings with property maps, presences. Faults (429, 5xx, slow answers, expired tokens)
 * are injected one-shot ahead of the normal answer. Every mutation bumps {@code version}. Public, and
 * published in e911-genesys's test-jar, so that the CLI's tests can run the genesys commands against it.
 */
public final class FakeGenesys implements AutoCloseable {

  public static final ObjectMapper M = new ObjectMapper();
  public static final String CLIENT_ID = "e911-test-client";
  public static final String SECRET_TEXT = "cl1ent-S3cret-Do-Not-Leak-42";
  public static final Secret SECRET = Secret.of(SECRET_TEXT);
  public static final String EDGES = "/api/v2/telephony/providers/edges";
  /** The fake org's (invented) WebRTC template keys: the real ones are unverified. */
  public static final String TURN_KEY = "phone_media_forceTurn";
  public static final String PROMPT_KEY = "phone_emergencyLocation_prompt";

  static {
    // the JDK server otherwise waits out the client's delayed ACK (~40 ms) on every small response
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  public final StubHttpServer server = StubHttpServer.start();
  public final Map<String, ObjectNode> sites = new LinkedHashMap<>();
  public final Map<String, ArrayNode> numberPlans = new LinkedHashMap<>();
  public final Map<String, List<ObjectNode>> routes = new LinkedHashMap<>();
  public final Map<String, ObjectNode> trunkBases = new LinkedHashMap<>();
  public final Map<String, ObjectNode> locations = new LinkedHashMap<>();
  public final Map<String, ObjectNode> users = new LinkedHashMap<>();
  public final Map<String, ObjectNode> stations = new LinkedHashMap<>();
  public final Map<String, ObjectNode> phones = new LinkedHashMap<>();
  public final Map<String, ObjectNode> phoneBases = new LinkedHashMap<>();
  public final Map<String, ObjectNode> presences = new LinkedHashMap<>();
  /** Users' routing status ({@code OFF_QUEUE} when absent). */
  public final Map<String, String> routingStatus = new LinkedHashMap<>();
  /** The notifications API and its websocket server (started on the first channel). */
  public final FakeNotifications notifications = new FakeNotifications();
  public ObjectNode template = obj();
  public final List<Fault> faults = new CopyOnWriteArrayList<>();
  final Set<String> validTokens = new HashSet<>();
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  int tokensIssued;
  long expiresIn = 86399;
  public boolean refuseCredentials;
  int nextId = 1;

  public record Fault(String method, Predicate<String> path, StubResponse response) {}

  public FakeGenesys() {
    server.on("POST", "/oauth/token").respondWith(this::token);
    for (String m : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
      server.on(m, "/api/v2/**").respondWith(this::api);
    }
  }

  /** A builder aimed at this fake, with tiny backoffs and a sleeper that only records. */
  public GenesysPlatform.Builder platform() {
    return GenesysPlatform.builder()
        .apiBase(server.baseUri())
        .loginBase(server.baseUri())
        .clientId(CLIENT_ID)
        .clientSecret(SECRET)
        .requestTimeout(Duration.ofSeconds(2))
        .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
        .retryLimits(Duration.ofSeconds(5), Duration.ofSeconds(30))
        .sleeper(sleeps::add)
        .paging(2, 50)
        .httpClient(CLIENT);
  }

  /** One HTTP/1.1 client for every test (no h2c upgrade dance with the JDK stub server). */
  public static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newBuilder()
      .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

  @Override
  public void close() {
    notifications.close();
    server.close();
  }

  // ------------------------------------------------------------------ faults and tokens

  /** The next request with this method whose path starts with {@code pathPrefix} gets {@code response}. */
  public FakeGenesys fault(String method, String pathPrefix, StubResponse response) {
    faults.add(new Fault(method, p -> p.startsWith(pathPrefix), response));
    return this;
  }

  /** Every token issued so far stops working (the next API call answers 401). */
  public synchronized void expireTokens() {
    validTokens.clear();
  }

  private synchronized StubResponse token(RecordedRequest r) {
    String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET_TEXT).getBytes(StandardCharsets.UTF_8));
    if (refuseCredentials || !r.header("Authorization").orElse("").equals(expected)
        || !r.bodyUtf8().equals("grant_type=client_credentials")) {
      return StubResponse.json(400, "{\"error\":\"invalid_client\",\"description\":\"client " + CLIENT_ID + " secret "
          + SECRET_TEXT + " is not valid\"}");
    }
    String t = "tok-" + (++tokensIssued) + "-abcdefgh";
    validTokens.add(t);
    return StubResponse.okJson("{\"access_token\":\"" + t + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + "}");
  }

  // ------------------------------------------------------------------ dispatch

  private synchronized StubResponse api(RecordedRequest r) {
    for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
      Fault f = it.next();
      if (f.method().equals(r.method()) && f.path().test(r.path())) {
        faults.remove(f);
        return f.response();
      }
    }
    String auth = r.header("Authorization").orElse("");
    if (!auth.startsWith("Bearer ") || !validTokens.contains(auth.substring(7))) {
      return error(401, "authentication.required", "No authentication bearer token specified in authorization header.");
    }
    try {
      return route(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private StubResponse route(RecordedRequest r) throws IOException {
    String p = r.path();
    String m = r.method();
    String[] s = p.split("/");
    if (p.startsWith(EDGES + "/sites")) {
      if (p.equals(EDGES + "/sites")) {
        return page(r, new ArrayList<>(sites.values()));
      }
      String site = s[7];
      if (!sites.containsKey(site)) {
        return error(404, "not.found", "site " + site + " not found");
      }
      if (s.length == 8) {
        return ok(sites.get(site));
      }
      if (s[8].equals("numberplans")) {
        if (m.equals("PUT")) {
          ArrayNode body = (ArrayNode) M.readTree(r.bodyUtf8());
          for (JsonNode plan : body) {
            ObjectNode o = (ObjectNode) plan;
            if (!o.has("id")) {
              o.put("id", "np-" + (nextId++));
            }
            o.put("version", o.path("version").asInt(0) + 1);
          }
          numberPlans.put(site, body);
          return ok(body);
        }
        return ok(numberPlans.getOrDefault(site, M.createArrayNode()));
      }
      if (s[8].equals("outboundroutes")) {
        return page(r, new ArrayList<>(routes.getOrDefault(site, List.of())));
      }
    }
    if (p.equals(EDGES + "/outboundroutes")) {
      List<ObjectNode> all = new ArrayList<>();
      routes.values().forEach(all::addAll);
      return page(r, all);
    }
    if (p.startsWith(EDGES + "/trunkbasesettings/")) {
      return versioned(r, trunkBases, s[7], "PUT");
    }
    if (p.equals(EDGES + "/phonebasesettings/template")) {
      return ok(template);
    }
    if (p.startsWith(EDGES + "/phonebasesettings/")) {
      return versioned(r, phoneBases, s[7], "PUT");
    }
    if (p.equals(EDGES + "/phones")) {
      List<ObjectNode> list = new ArrayList<>(phones.values());
      r.queryParameter("site.id").ifPresent(id -> list.removeIf(ph -> !ph.path("site").path("id").asText().equals(id)));
      r.queryParameter("webRtcUser.id").ifPresent(id -> list.removeIf(ph -> !ph.path("webRtcUser").path("id").asText().equals(id)));
      return page(r, list);
    }
    if (p.equals("/api/v2/stations")) {
      return page(r, new ArrayList<>(stations.values()));
    }
    if (p.equals("/api/v2/locations/search") && m.equals("POST")) {
      JsonNode q = M.readTree(r.bodyUtf8());
      String name = q.path("query").path(0).path("value").asText();
      ArrayNode results = M.createArrayNode();
      locations.values().stream().filter(l -> l.path("name").asText().equals(name) && !l.path("state").asText().equals("deleted"))
          .forEach(results::add);
      ObjectNode out = obj();
      out.put("total", results.size()).put("pageCount", 1).put("pageNumber", 1).set("results", results);
      return ok(out);
    }
    if (p.equals("/api/v2/locations")) {
      if (m.equals("POST")) {
        ObjectNode body = (ObjectNode) M.readTree(r.bodyUtf8());
        String id = "loc-" + (nextId++);
        body.put("id", id).put("version", 1).put("state", "active").put("addressVerified", false);
        if (body.has("emergencyNumber")) {
          ((ObjectNode) body.get("emergencyNumber")).put("e164", body.path("emergencyNumber").path("number").asText());
        }
        locations.put(id, body);
        return StubResponse.json(200, M.writeValueAsString(body));
      }
      return page(r, new ArrayList<>(locations.values()));
    }
    if (p.startsWith("/api/v2/locations/")) {
      return versioned(r, locations, s[4], "PATCH");
    }
    if (p.startsWith("/api/v2/notifications/")) {
      return notifications.handle(r);
    }
    if (p.equals("/api/v2/users")) {
      List<String> ids = queryValues(r, "id");
      boolean expandPresence = queryValues(r, "expand").stream().anyMatch(e -> e.contains("presence"));
      List<ObjectNode> list = new ArrayList<>();
      for (ObjectNode u : users.values()) {
        if (!ids.isEmpty() && !ids.contains(u.path("id").asText())) {
          continue;
        }
        ObjectNode x = u.deepCopy();
        if (expandPresence) {
          String id = u.path("id").asText();
          x.set("presence", presences.getOrDefault(id, presenceBody("pd-offline", "Offline", "")));
          x.putObject("routingStatus").put("userId", id).put("status", routingStatus.getOrDefault(id, "OFF_QUEUE"))
              .put("startTime", "2026-11-26T11:00:00Z");
        }
        list.add(x);
      }
      return page(r, list);
    }
    if (p.startsWith("/api/v2/users/") && p.endsWith("/presences/purecloud")) {
      String user = s[4];
      if (m.equals("PATCH")) {
        ObjectNode body = (ObjectNode) M.readTree(r.bodyUtf8());
        String def = body.path("presenceDefinition").path("id").asText();
        ObjectNode stored = presences.getOrDefault(user, presenceBody("pd-offline", "Offline", "")).deepCopy();
        if (!def.isEmpty()) {
          String system = definitionNames().getOrDefault(def, "");
          if (system.isEmpty()) {
            return error(400, "bad.request", "presence definition " + def + " does not exist");
          }
          stored.set("presenceDefinition", obj().put("id", def).put("systemPresence", system));
        }
        if (body.has("message")) {
          stored.put("message", body.path("message").asText());
        }
        stored.put("modifiedDate", Instant.now().toString());
        presences.put(user, stored);
        publishPresence(user);
        return ok(stored);
      }
      return ok(presences.getOrDefault(user, obj().put("message", "")));
    }
    if (p.startsWith("/api/v2/users/")) {
      String user = s[4];
      ObjectNode u = users.get(user);
      if (u == null) {
        return error(404, "not.found", "user not found");
      }
      if (m.equals("PATCH")) {
        JsonNode body = M.readTree(r.bodyUtf8());
        if (body.path("version").asInt() != u.path("version").asInt()) {
          return error(409, "general.conflict", "The version supplied does not match the current version of the user");
        }
        ArrayNode locs = M.createArrayNode();
        for (JsonNode l : body.path("locations")) {
          ObjectNode x = obj();
          x.put("notes", l.path("notes").asText());
          x.set("locationDefinition", obj().put("id", l.path("id").asText()));
          locs.add(x);
        }
        u.set("locations", locs);
        u.put("version", u.path("version").asInt() + 1);
        return ok(u);
      }
      return ok(u);
    }
    if (p.equals("/api/v2/presence/definitions")) {
      ArrayNode defs = M.createArrayNode();
      defs.add(obj().put("id", "pd-available").put("type", "System").put("systemPresence", "Available").put("deactivated", false));
      defs.add(obj().put("id", "pd-busy").put("type", "System").put("systemPresence", "Busy").put("deactivated", false));
      defs.add(obj().put("id", "pd-away").put("type", "System").put("systemPresence", "Away").put("deactivated", false));
      defs.add(obj().put("id", "pd-onqueue").put("type", "System").put("systemPresence", "OnQueue").put("deactivated", false));
      defs.add(obj().put("id", "pd-busy-custom").put("type", "User").put("systemPresence", "Busy").put("deactivated", false));
      ObjectNode out = obj();
      out.set("entities", defs);
      return ok(out);
    }
    return error(404, "not.found", "no fake for " + m + " " + p);
  }

  private static final Map<String, String> DISPLAY = Map.of("pd-available", "Available", "pd-busy", "Busy", "pd-away", "Away",
      "pd-onqueue", "On Queue", "pd-offline", "Offline", "pd-busy-custom", "Busy");

  private static Map<String, String> definitionNames() {
    return DISPLAY;
  }

  private static ObjectNode presenceBody(String definitionId, String systemPresence, String message) {
    ObjectNode p = obj().put("source", "PURECLOUD").put("primary", true).put("message", message)
        .put("modifiedDate", Instant.now().toString());
    p.set("presenceDefinition", obj().put("id", definitionId).put("systemPresence", systemPresence));
    return p;
  }

  private static List<String> queryValues(RecordedRequest r, String name) {
    List<String> out = new ArrayList<>();
    String q = r.query() == null ? "" : r.query();
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
        out.add(java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /**
   * The user sets a presence in the Genesys UI: {@code Available}, {@code On Queue}, {@code Busy}, {@code Away} or
   * {@code Offline}. The REST state changes and, as Genesys does, a presence event and a routing-status event are
   * pushed to the channels subscribed to the user's topics (On Queue means routing status IDLE).
   */
  public synchronized void setPresence(String userId, String display) {
    String def = DISPLAY.entrySet().stream().filter(e -> e.getValue().equals(display) && !e.getKey().equals("pd-busy-custom"))
        .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new IllegalArgumentException("no definition " + display));
    presences.put(userId, presenceBody(def, display, ""));
    publishPresence(userId);
  }

  /** Pushes the user's current presence, then the routing status it implies. */
  private void publishPresence(String userId) {
    ObjectNode p = presences.get(userId);
    String display = p.path("presenceDefinition").path("systemPresence").asText();
    // the events spell systemPresence upper-snake (unverified in the reference; the client must normalise either way)
    ObjectNode event = p.deepCopy();
    ((ObjectNode) event.get("presenceDefinition")).put("systemPresence", display.toUpperCase(java.util.Locale.ROOT).replace(' ', '_'));
    notifications.publish("v2.users." + userId + ".presence", event);
    String status = display.equals("On Queue") ? "IDLE" : "OFF_QUEUE";
    if (!status.equals(routingStatus.getOrDefault(userId, "OFF_QUEUE"))) {
      routingStatus.put(userId, status);
      ObjectNode rs = obj().put("id", userId);
      rs.putObject("routingStatus").put("status", status).put("startTime", Instant.now().toString());
      notifications.publish("v2.users." + userId + ".routingStatus", rs);
    }
  }

  /** GET, or a versioned full write (PUT replaces, PATCH merges); a stale version answers 409. */
  private StubResponse versioned(RecordedRequest r, Map<String, ObjectNode> store, String id, String writeMethod)
      throws IOException {
    ObjectNode current = store.get(id);
    if (current == null || current.path("state").asText().equals("deleted")) {
      return error(404, "not.found", "entity " + id + " not found");
    }
    if (r.method().equals("GET")) {
      return ok(current);
    }
    if (!r.method().equals(writeMethod)) {
      return error(405, "method.not.allowed", r.method());
    }
    ObjectNode body = (ObjectNode) M.readTree(r.bodyUtf8());
    if (body.path("version").asInt(-1) != current.path("version").asInt()) {
      return error(409, "general.conflict", "The version supplied does not match the current version");
    }
    ObjectNode next = writeMethod.equals("PUT") ? body : current.deepCopy().setAll(body);
    next.put("id", id).put("version", current.path("version").asInt() + 1);
    if (next.has("emergencyNumber") && next.get("emergencyNumber").isObject()) {
      ((ObjectNode) next.get("emergencyNumber")).put("e164", next.path("emergencyNumber").path("number").asText());
    }
    store.put(id, next);
    return ok(next);
  }

  private StubResponse page(RecordedRequest r, List<? extends JsonNode> all) {
    int size = Integer.parseInt(r.queryParameter("pageSize").orElse("25"));
    int number = Integer.parseInt(r.queryParameter("pageNumber").orElse("1"));
    int pageCount = Math.max(1, (all.size() + size - 1) / size);
    ArrayNode entities = M.createArrayNode();
    for (int i = (number - 1) * size; i < Math.min(all.size(), number * size); i++) {
      entities.add(all.get(i));
    }
    ObjectNode out = obj();
    out.set("entities", entities);
    out.put("pageSize", size).put("pageNumber", number).put("total", all.size()).put("pageCount", pageCount);
    if (number < pageCount) {
      out.put("nextUri", r.path() + "?pageSize=" + size + "&pageNumber=" + (number + 1));
    }
    return ok(out);
  }

  public static StubResponse ok(JsonNode body) {
    try {
      return StubResponse.okJson(M.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static StubResponse error(int status, String code, String message) {
    ObjectNode e = obj();
    e.put("message", message).put("code", code).put("status", status).put("contextId", "ctx-" + status + "-0001");
    e.set("details", M.createArrayNode());
    e.set("errors", M.createArrayNode());
    try {
      return StubResponse.json(status, M.writeValueAsString(e));
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  public static ObjectNode obj() {
    return M.createObjectNode();
  }

  public static ObjectNode json(String text) {
    try {
      return (ObjectNode) M.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ArrayNode array(String text) {
    try {
      return (ArrayNode) M.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ------------------------------------------------------------------ a clean org

  /**
   * A clean org: an HQ site and a remote site (one per home location), each with 911/933 Emergency plans
   * ahead of the others and an enabled Emergency route on an unmasked trunk (the default route masks with
   * the queue number, which is fine off the Emergency route); verified locations with ELINs; three users
   * with phones (Jane remote WebRTC, Bob HQ WebRTC, Dee HQ desk phone) and one without.
   */
  public FakeGenesys cleanOrg() {
    template = json("{'id':'tmpl','properties':{'phone_label':{'value':{'default':''}},"
        + "'" + TURN_KEY + "':{'value':{'default':false}},'" + PROMPT_KEY + "':{'value':{'default':false}}}}");
    trunkBases.put("tb-e911", json("{'id':'tb-e911','name':'BYOC E911','version':1,'trunkType':'EXTERNAL','properties':{"
        + "'trunk_outboundIdentity_callingAddress':{'value':{'instance':''}}}}"));
    trunkBases.put("tb-main", json("{'id':'tb-main','name':'BYOC main','version':4,'trunkType':'EXTERNAL','properties':{"
        + "'trunk_outboundIdentity_callingAddress':{'value':{'instance':'+18005550100'}},"
        + "'trunk_outboundIdentity_callingAddress_overrideMethod':{'value':{'instance':'Always'}}}}"));
    addSite("site-hq", "San Francisco HQ", "loc-hq");
    addSite("site-remote-jane", "Remote - Jane", "loc-jane");
    locations.put("loc-hq", json("{'id':'loc-hq','name':'SF HQ','version':3,'state':'active','addressVerified':true,"
        + "'address':{'street1':'1200 N Point St','street2':'Floor 2','city':'San Francisco','state':'CA','zipcode':'94133','country':'US'},"
        + "'emergencyNumber':{'e164':'+14155550140','number':'+14155550140','type':'elin'}}"));
    locations.put("loc-jane", json("{'id':'loc-jane','name':'WFH - Jane','version':1,'state':'active','addressVerified':true,"
        + "'address':{'street1':'4521 Avenida de los Arboles','street2':'Apt 2B','city':'Austin','state':'TX','zipcode':'78745','country':'US'},"
        + "'emergencyNumber':{'e164':'+15125550117','number':'+15125550117','type':'elin'}}"));
    locations.put("loc-old", json("{'id':'loc-old','name':'Old office','version':9,'state':'deleted','address':{}}"));
    users.put("u-jane", json("{'id':'u-jane','name':'Jane Doe','version':7,'state':'active','locations':["
        + "{'notes':'home','locationDefinition':{'id':'loc-jane','name':'WFH - Jane'}}]}"));
    users.put("u-bob", json("{'id':'u-bob','name':'Bob Office','version':2,'state':'active','locations':[{'id':'loc-hq'}]}"));
    users.put("u-dee", json("{'id':'u-dee','name':'Dee Desk','version':1,'state':'active','locations':[]}"));
    users.put("u-nophone", json("{'id':'u-nophone','name':'No Phone','version':1,'state':'active'}"));
    stations.put("st-jane", json("{'id':'st-jane','type':'inin_webrtc_softphone','webRtcUserId':'u-jane','webRtcForceTurn':true}"));
    stations.put("st-bob", json("{'id':'st-bob','type':'inin_webrtc_softphone','webRtcUserId':'u-bob','webRtcForceTurn':true}"));
    phoneBases.put("pb-webrtc", json("{'id':'pb-webrtc','name':'WebRTC','version':5,'phoneMetaBase':{'id':'inin_webrtc_softphone.json'},"
        + "'properties':{'" + TURN_KEY + "':{'value':{'instance':true}},'" + PROMPT_KEY + "':{'value':{'instance':true}},"
        + "'phone_label':{'value':{'instance':'x'}}}}"));
    phoneBases.put("pb-desk", json("{'id':'pb-desk','name':'Polycom','version':1,'properties':{}}"));
    phones.put("ph-jane", json("{'id':'ph-jane','name':'Jane WebRTC','site':{'id':'site-remote-jane'},"
        + "'phoneBaseSettings':{'id':'pb-webrtc'},'webRtcUser':{'id':'u-jane'},'lines':[]}"));
    phones.put("ph-bob", json("{'id':'ph-bob','name':'Bob WebRTC','site':{'id':'site-hq'},"
        + "'phoneBaseSettings':{'id':'pb-webrtc'},'webRtcUser':{'id':'u-bob'},'lines':[]}"));
    phones.put("ph-dee", json("{'id':'ph-dee','name':'Dee desk','site':{'id':'site-hq'},'phoneBaseSettings':{'id':'pb-desk'},"
        + "'lines':[{'id':'line-1','defaultForUser':{'id':'u-dee'}}]}"));
    return this;
  }

  public void addSite(String id, String name, String locationId) {
    sites.put(id, json("{'id':'" + id + "','name':'" + name + "','version':3,'state':'active','mediaModel':'Cloud',"
        + "'location':{'id':'" + locationId + "'}}"));
    numberPlans.put(id, array("[{'id':'np-911-" + id + "','name':'E911 911','state':'active','classification':'Emergency',"
        + "'matchType':'regex','match':'^911$','normalizedFormat':'911','priority':0,'version':1},"
        + "{'id':'np-933-" + id + "','name':'E911 933','state':'active','classification':'Emergency','matchType':'regex',"
        + "'match':'^933$','normalizedFormat':'933','priority':1,'version':1},"
        + "{'id':'np-ext-" + id + "','name':'Extension','state':'active','classification':'Extension','matchType':'digitLength',"
        + "'digitLength':{'start':'3','end':'5'},'priority':2,'version':1},"
        + "{'id':'np-nat-" + id + "','name':'National','state':'active','classification':'National','matchType':'intraCountryCode',"
        + "'priority':3,'version':1},"
        + "{'id':'np-sp-" + id + "','name':'Suicide Prevention','state':'active','classification':'Suicide Prevention',"
        + "'matchType':'numberList','numbers':[{'start':'988','end':'988'}],'priority':4,'version':1}]"));
    List<ObjectNode> r = new ArrayList<>();
    r.add(json("{'id':'or-e911-" + id + "','name':'E911 via BYOC','classificationTypes':['Emergency'],'enabled':true,"
        + "'distribution':'SEQUENTIAL','externalTrunkBases':[{'id':'tb-e911'}],'site':{'id':'" + id + "'}}"));
    r.add(json("{'id':'or-main-" + id + "','name':'Default','classificationTypes':['National','International'],'enabled':true,"
        + "'externalTrunkBases':[{'id':'tb-main'}],'site':{'id':'" + id + "'}}"));
    r.add(json("{'id':'or-off-" + id + "','name':'Disabled','classificationTypes':['Emergency'],'enabled':false,"
        + "'externalTrunkBases':[{'id':'tb-main'}],'site':{'id':'" + id + "'}}"));
    routes.put(id, r);
  }

  public Instant now() {
    return Instant.parse("2026-11-26T12:00:00Z");
  }
}
