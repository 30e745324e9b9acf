package dev.e911.genesys;

import static dev.e911.genesys.SdkWire.sdkArray;
import static dev.e911.genesys.SdkWire.sdkObject;
import static dev.e911.genesys.SdkWire.serverSet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mypurecloud.sdk.v2.model.AddressableEntityRef;
import com.mypurecloud.sdk.v2.model.DigitLength;
import com.mypurecloud.sdk.v2.model.DomainEntityRef;
import com.mypurecloud.sdk.v2.model.Line;
import com.mypurecloud.sdk.v2.model.LineBase;
import com.mypurecloud.sdk.v2.model.Location;
import com.mypurecloud.sdk.v2.model.LocationAddress;
import com.mypurecloud.sdk.v2.model.LocationDefinition;
import com.mypurecloud.sdk.v2.model.LocationEmergencyNumber;
import com.mypurecloud.sdk.v2.model.Number;
import com.mypurecloud.sdk.v2.model.NumberPlan;
import com.mypurecloud.sdk.v2.model.OrganizationPresenceDefinition;
import com.mypurecloud.sdk.v2.model.OrganizationPresenceDefinitionEntityListing;
import com.mypurecloud.sdk.v2.model.OutboundRouteBase;
import com.mypurecloud.sdk.v2.model.Phone;
import com.mypurecloud.sdk.v2.model.PhoneBase;
import com.mypurecloud.sdk.v2.model.PhoneBaseSettings;
import com.mypurecloud.sdk.v2.model.PresenceDefinition;
import com.mypurecloud.sdk.v2.model.Site;
import com.mypurecloud.sdk.v2.model.Station;
import com.mypurecloud.sdk.v2.model.TrunkBase;
import com.mypurecloud.sdk.v2.model.User;
import com.mypurecloud.sdk.v2.model.UserPresence;
import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.phone.Elin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small Genesys Cloud org built from the official SDK's model classes with realistic values (the SDK
 * serializes them; nothing here is hand-written JSON): an HQ site and a remote agent's site, their
 * number plans and outbound routes, a masking BYOC trunk on the Emergency route, locations with ELINs,
 * WebRTC and desk phones, stations, users with directory locations, presences and presence definitions.
 */
final class SdkOrg {

  static final Date CREATED = Date.from(Instant.parse("2026-03-02T09:15:00Z"));
  static final Date MODIFIED = Date.from(Instant.parse("2026-11-20T16:40:12.345Z"));
  static final String API = "/api/v2";
  static final String EDGES = API + "/telephony/providers/edges";

  /** The e911 location that matches {@link #locationRaj()} field by field (so an upsert writes nothing). */
  static final dev.e911.api.location.Location RAJ = new dev.e911.api.location.Location("raj-home", "WFH - Raj",
      DispatchableAddress.builder("US").houseNumber("77").streetName("Alder").streetSuffix("Rd").unit("Unit 5")
          .city("Portland").state("OR").postalCode("97201-1234")
          .validation(new AddressValidation("reference", Instant.parse("2026-11-20T00:00:00Z"))).build(),
      List.of(Elin.parse("+15035550121", "US", Elin.Kind.LOCATION_ELIN)));

  private SdkOrg() {}

  static <T> T entity(T model, String id, String path) {
    serverSet(model, "id", id);
    serverSet(model, "selfUri", path + "/" + id);
    return model;
  }

  static <T> T audited(T model, String id, String path) {
    entity(model, id, path);
    serverSet(model, "dateCreated", CREATED);
    serverSet(model, "dateModified", MODIFIED);
    serverSet(model, "createdBy", "3b1f2c9e-admin");
    serverSet(model, "modifiedBy", "3b1f2c9e-admin");
    return model;
  }

  static DomainEntityRef ref(String id, String name, String path) {
    return new DomainEntityRef().id(id).name(name).selfUri(path + "/" + id);
  }

  /** {@code {"value": {"default": d, "instance": i}}}, the shape of a phone or trunk property. */
  static Map<String, Object> property(Object defaultValue, Object instance) {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("default", defaultValue);
    if (instance != null) {
      value.put("instance", instance);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("value", value);
    return p;
  }

  // ------------------------------------------------------------------ locations

  static LocationDefinition location(String id, String name, LocationAddress address, String elin, int version, String notes) {
    LocationDefinition l = entity(new LocationDefinition(), id, API + "/locations")
        .name(name).version(version).notes(notes).address(address)
        .contactUser(new AddressableEntityRef().id("9f1c7a2e-contact").selfUri(API + "/users/9f1c7a2e-contact"));
    if (!elin.isEmpty()) {
      l.emergencyNumber(new LocationEmergencyNumber().number(elin).e164(elin).type(LocationEmergencyNumber.TypeEnum.ELIN));
    }
    serverSet(l, "state", LocationDefinition.StateEnum.ACTIVE);
    serverSet(l, "addressVerified", true);
    serverSet(l, "addressStored", true);
    serverSet(l, "path", List.of());
    return l;
  }

  static LocationDefinition locationHq() {
    return location("loc-hq", "SF HQ", new LocationAddress().street1("1200 N Point St").street2("Floor 2")
        .city("San Francisco").state("CA").zipcode("94133").country("US").countryName("United States"),
        "+14155550140", 3, "HQ, verified by facilities");
  }

  static LocationDefinition locationJane() {
    return location("loc-jane", "WFH - Jane", new LocationAddress().street1("4521 Avenida de los Arboles").street2("Apt 2B")
        .city("Austin").state("TX").zipcode("78745").country("US").countryName("United States"),
        "+15125550117", 2, "remote agent");
  }

  static LocationDefinition locationRaj() {
    return location("loc-raj", "WFH - Raj", new LocationAddress().street1("77 Alder Rd").street2("Unit 5")
        .city("Portland").state("OR").zipcode("97201-1234").country("US").countryName("United States"),
        "+15035550121", 4, "e911:raj-home");
  }

  // ------------------------------------------------------------------ sites, plans, routes, trunks

  static Site site(String id, String name, LocationDefinition location) {
    Site s = audited(new Site(), id, EDGES + "/sites").name(name).version(3).location(location)
        .managed(false).mediaModel(Site.MediaModelEnum.CLOUD).callerId("+14155550100").callerName("Acme Support")
        .cloudProxyForceTurn(false).mediaRegionsUseLatencyBased(true).mediaRegions(List.of("us-west-2"));
    serverSet(s, "state", Site.StateEnum.ACTIVE);
    return s;
  }

  static Site siteHq() {
    return site("site-hq", "San Francisco HQ", locationHq());
  }

  static Site siteJane() {
    return site("site-remote-jane", "Remote - Jane", locationJane());
  }

  static NumberPlan plan(String siteId, String id, String name, String classification, String matchType, int priority) {
    NumberPlan p = audited(new NumberPlan(), id, EDGES + "/sites/" + siteId + "/numberplans")
        .name(name).version(2).classification(classification).matchType(matchType).priority(priority);
    serverSet(p, "state", NumberPlan.StateEnum.ACTIVE);
    return p;
  }

  /** Genesys's built-in plans: no e911 regex plans yet, so the number-plan fix has something to add. */
  static List<NumberPlan> plans(String siteId) {
    List<NumberPlan> out = new ArrayList<>();
    out.add(plan(siteId, "np-emergency-" + siteId, "Emergency", "Emergency", "numberList", 0)
        .numbers(List.of(new Number().start("911").end("911"), new Number().start("933").end("933"))));
    out.add(plan(siteId, "np-ext-" + siteId, "Extension", "Extension", "digitLength", 1)
        .digitLength(new DigitLength().start("3").end("5")));
    out.add(plan(siteId, "np-nat-" + siteId, "National", "National", "intraCountryCode", 2));
    out.add(plan(siteId, "np-988-" + siteId, "Suicide Prevention", "Suicide Prevention", "numberList", 3)
        .numbers(List.of(new Number().start("988").end("988"))));
    out.add(plan(siteId, "np-intl-" + siteId, "International", "International", "regex", 4)
        .match("^011(\\d+)$").normalizedFormat("+$1"));
    return out;
  }

  static OutboundRouteBase route(String siteId, String id, String name, List<String> classes, boolean enabled, String trunkId) {
    OutboundRouteBase r = audited(new OutboundRouteBase(), id, EDGES + "/sites/" + siteId + "/outboundroutes")
        .name(name).version(1).classificationTypes(classes).enabled(enabled)
        .distribution(OutboundRouteBase.DistributionEnum.SEQUENTIAL)
        .externalTrunkBases(List.of(ref(trunkId, trunkId.equals("tb-e911") ? "BYOC E911" : "BYOC main", EDGES + "/trunkbasesettings")));
    serverSet(r, "state", OutboundRouteBase.StateEnum.ACTIVE);
    return r;
  }

  static List<OutboundRouteBase> routes(String siteId) {
    return List.of(route(siteId, "or-e911-" + siteId, "E911 via BYOC", List.of("Emergency"), true, "tb-e911"),
        route(siteId, "or-main-" + siteId, "Default", List.of("National", "International"), true, "tb-main"),
        route(siteId, "or-off-" + siteId, "Disabled", List.of("Emergency"), false, "tb-main"));
  }

  static TrunkBase trunk(String id, String name, String callingAddress, String overrideMethod, List<String> priority) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("trunk_outboundIdentity_callingAddress", property("", callingAddress));
    props.put("trunk_outboundIdentity_callingAddress_overrideMethod", property("Unassigned DID", overrideMethod));
    props.put("trunk_calling_id_priority", property(List.of("Source", "Trunk"), priority));
    props.put("trunk_transport_sipTimerT1", property(500, null));
    TrunkBase t = audited(new TrunkBase(), id, EDGES + "/trunkbasesettings").name(name).version(4).properties(props)
        .trunkType(TrunkBase.TrunkTypeEnum.EXTERNAL).managed(false)
        .trunkMetabase(ref("external_sip_pcv_byoc_carrier.json", "BYOC Carrier", EDGES + "/trunkbasesettings/availablemetabases"));
    serverSet(t, "state", TrunkBase.StateEnum.ACTIVE);
    return t;
  }

  /** The Emergency route's trunk: masks callers with the main number (Always, and Trunk ahead of Source). */
  static TrunkBase trunkE911() {
    return trunk("tb-e911", "BYOC E911", "+18005550100", "Always", List.of("Trunk", "Source"));
  }

  static TrunkBase trunkMain() {
    return trunk("tb-main", "BYOC main", "+18005550100", "Always", List.of("Trunk", "Source"));
  }

  // ------------------------------------------------------------------ phones and stations

  static Map<String, Object> phoneProperties(boolean turn, boolean prompt) {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("phone_label", property("", "WebRTC"));
    props.put(FakeGenesys.TURN_KEY, property(false, turn));
    props.put(FakeGenesys.PROMPT_KEY, property(false, prompt));
    props.put("phone_maxLineKeys", property(1, null));
    return props;
  }

  static PhoneBase phoneBase(String id, String name, String metabase, Map<String, Object> props) {
    LineBase line = audited(new LineBase(), id + "-line", EDGES + "/phonebasesettings/" + id + "/lines").name(name + "_1")
        .lineMetaBase(ref(metabase.replace(".json", "_line.json"), name + " line", EDGES + "/linebasesettings"));
    PhoneBase b = audited(new PhoneBase(), id, EDGES + "/phonebasesettings").name(name).version(5)
        .phoneMetaBase(ref(metabase, name, EDGES + "/phonebasesettings/availablemetabases"))
        .lines(List.of(line)).properties(props);
    serverSet(b, "state", PhoneBase.StateEnum.ACTIVE);
    return b;
  }

  /** The WebRTC base: Force TURN and the location prompt both off, so both fixes have work to do. */
  static PhoneBase phoneBaseWebRtc() {
    return phoneBase("pb-webrtc", "WebRTC", "inin_webrtc_softphone.json", phoneProperties(false, false));
  }

  static PhoneBase phoneBaseDesk() {
    return phoneBase("pb-desk", "Polycom VVX", "polycom_vvx_450.json", new LinkedHashMap<>());
  }

  /** The org's WebRTC phone template ({@code phonebasesettings/template}): a PhoneBase without id. */
  static PhoneBase template() {
    PhoneBase t = new PhoneBase().name("WebRTC template")
        .phoneMetaBase(ref("inin_webrtc_softphone.json", "PureCloud WebRTC Phone", EDGES + "/phonebasesettings/availablemetabases"))
        .properties(phoneProperties(false, false));
    serverSet(t, "state", PhoneBase.StateEnum.ACTIVE);
    return t;
  }

  static Phone phone(String id, String name, String siteId, String baseId, String webRtcUser, Line line) {
    Phone p = audited(new Phone(), id, EDGES + "/phones").name(name).version(1)
        .site(ref(siteId, siteId, EDGES + "/sites"))
        .phoneBaseSettings(new PhoneBaseSettings().id(baseId).name(baseId).selfUri(EDGES + "/phonebasesettings/" + baseId))
        .lines(List.of(line)).properties(new LinkedHashMap<>());
    if (webRtcUser != null) {
      p.webRtcUser(ref(webRtcUser, webRtcUser, API + "/users"))
          .phoneMetaBase(ref("inin_webrtc_softphone.json", "PureCloud WebRTC Phone", EDGES + "/phonebasesettings/availablemetabases"));
    }
    serverSet(p, "state", Phone.StateEnum.ACTIVE);
    return p;
  }

  static Line line(String id, String loggedIn, String defaultFor) {
    Line l = audited(new Line(), id, EDGES + "/lines").name(id).version(1);
    if (loggedIn != null) {
      l.loggedInUser(ref(loggedIn, loggedIn, API + "/users"));
    }
    if (defaultFor != null) {
      l.defaultForUser(ref(defaultFor, defaultFor, API + "/users"));
    }
    serverSet(l, "state", Line.StateEnum.ACTIVE);
    return l;
  }

  static Phone phoneJane() {
    return phone("ph-jane", "Jane WebRTC", "site-remote-jane", "pb-webrtc", "u-jane", line("line-jane", "u-jane", null));
  }

  static Phone phoneBob() {
    return phone("ph-bob", "Bob WebRTC", "site-hq", "pb-webrtc", "u-bob", line("line-bob", null, null));
  }

  static Phone phoneDee() {
    return phone("ph-dee", "Dee desk", "site-hq", "pb-desk", null, line("line-dee", null, "u-dee"));
  }

  static Station station(String id, String user, boolean forceTurn) {
    Station s = entity(new Station(), id, API + "/stations").name(user + " WebRTC").type("inin_webrtc_softphone")
        .webRtcUserId(user).userId(user).status(Station.StatusEnum.ASSOCIATED).lineAppearanceId("line-" + user);
    serverSet(s, "webRtcForceTurn", forceTurn);
    serverSet(s, "webRtcPersistentEnabled", true);
    serverSet(s, "webRtcCallAppearances", 100);
    return s;
  }

  // ------------------------------------------------------------------ users and presence

  static User user(String id, String name, int version, List<Location> locations) {
    User u = entity(new User(), id, API + "/users").name(name).version(version).email(id + "@example.com")
        .username(id + "@example.com").department("Support");
    serverSet(u, "state", User.StateEnum.ACTIVE);
    serverSet(u, "locations", locations);
    return u;
  }

  static Location userLocation(LocationDefinition definition, String notes) {
    return new Location().notes(notes).locationDefinition(definition);
  }

  static User userJane() {
    return user("u-jane", "Jane Doe", 7, List.of(userLocation(locationJane(), "home")));
  }

  static User userBob() {
    return user("u-bob", "Bob Office", 2, List.of(userLocation(locationHq(), "")));
  }

  static User userDee() {
    return user("u-dee", "Dee Desk", 1, List.of());
  }

  static UserPresence presence(String definitionId, String systemPresence, String message) {
    UserPresence p = new UserPresence().name("PURECLOUD").source("PURECLOUD").primary(true).message(message)
        .modifiedDate(MODIFIED).presenceDefinition(new PresenceDefinition().id(definitionId).systemPresence(systemPresence));
    serverSet(p, "id", "PURECLOUD");
    return p;
  }

  static OrganizationPresenceDefinition definition(String id, OrganizationPresenceDefinition.TypeEnum type,
      OrganizationPresenceDefinition.SystemPresenceEnum system, String label) {
    OrganizationPresenceDefinition d = entity(new OrganizationPresenceDefinition(), id, API + "/presence/definitions")
        .name(label).type(type).systemPresence(system).languageLabels(Map.of("en_US", label)).deactivated(false)
        .divisionId("*");
    return d;
  }

  static OrganizationPresenceDefinitionEntityListing definitions() {
    return new OrganizationPresenceDefinitionEntityListing().total(4L).entities(List.of(
        definition("pd-available", OrganizationPresenceDefinition.TypeEnum.SYSTEM,
            OrganizationPresenceDefinition.SystemPresenceEnum.AVAILABLE, "Available"),
        definition("pd-busy-custom", OrganizationPresenceDefinition.TypeEnum.USER,
            OrganizationPresenceDefinition.SystemPresenceEnum.BUSY, "Busy - coaching"),
        definition("pd-busy", OrganizationPresenceDefinition.TypeEnum.SYSTEM,
            OrganizationPresenceDefinition.SystemPresenceEnum.BUSY, "Busy"),
        definition("pd-away", OrganizationPresenceDefinition.TypeEnum.SYSTEM,
            OrganizationPresenceDefinition.SystemPresenceEnum.AWAY, "Away")));
  }

  // ------------------------------------------------------------------ seeding the stateful fake

  /** Replaces {@code fake}'s org with this one, every stored entity being the SDK's serialization. */
  static FakeGenesys seed(FakeGenesys fake) {
    for (Site s : List.of(siteHq(), siteJane())) {
      fake.sites.put(s.getId(), sdkObject(s));
      fake.numberPlans.put(s.getId(), sdkArray(plans(s.getId())));
      List<ObjectNode> r = new ArrayList<>();
      routes(s.getId()).forEach(x -> r.add(sdkObject(x)));
      fake.routes.put(s.getId(), r);
    }
    for (TrunkBase t : List.of(trunkE911(), trunkMain())) {
      fake.trunkBases.put(t.getId(), sdkObject(t));
    }
    for (LocationDefinition l : List.of(locationHq(), locationJane())) {
      fake.locations.put(l.getId(), sdkObject(l));
    }
    for (User u : List.of(userJane(), userBob(), userDee())) {
      fake.users.put(u.getId(), sdkObject(u));
    }
    fake.stations.put("st-jane", sdkObject(station("st-jane", "u-jane", false)));
    fake.stations.put("st-bob", sdkObject(station("st-bob", "u-bob", true)));
    for (PhoneBase b : List.of(phoneBaseWebRtc(), phoneBaseDesk())) {
      fake.phoneBases.put(b.getId(), sdkObject(b));
    }
    for (Phone p : List.of(phoneJane(), phoneBob(), phoneDee())) {
      fake.phones.put(p.getId(), sdkObject(p));
    }
    fake.template = sdkObject(template());
    fake.presences.put("u-jane", sdkObject(presence("pd-available", "Available", "")));
    fake.server.on("GET", API + "/presence/definitions").respond(SdkWire.sdkResponse(definitions()));
    return fake;
  }
}
