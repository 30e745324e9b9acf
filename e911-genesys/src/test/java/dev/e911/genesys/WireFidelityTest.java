package dev.e911.genesys;

import static dev.e911.genesys.GenesysClientTest.ok;
import static dev.e911.genesys.SdkWire.assertRequestFits;
import static dev.e911.genesys.SdkWire.assertRequestFitsList;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mypurecloud.sdk.v2.model.LocationCreateDefinition;
import com.mypurecloud.sdk.v2.model.LocationEmergencyNumber;
import com.mypurecloud.sdk.v2.model.LocationSearchCriteria;
import com.mypurecloud.sdk.v2.model.LocationSearchRequest;
import com.mypurecloud.sdk.v2.model.LocationUpdateDefinition;
import com.mypurecloud.sdk.v2.model.NumberPlan;
import com.mypurecloud.sdk.v2.model.PhoneBase;
import com.mypurecloud.sdk.v2.model.TrunkBase;
import com.mypurecloud.sdk.v2.model.UpdateUser;
import com.mypurecloud.sdk.v2.model.UserPresence;
import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.location.Location;
import dev.e911.api.phone.Elin;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.api.spi.ConfigurationFix;
import dev.e911.core.dialplan.DialPlan;
import dev.e911.core.dialplan.GenesysNumberPlanEntry;
import dev.e911.testkit.http.RecordedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, requests: the real {@link GenesysPlatform} runs against {@link FakeGenesys} seeded with
 * {@link SdkOrg} (every stored entity is the SDK's own serialization), and every body it sends is read
 * into the official SDK model of its endpoint with unknown properties failing, written back unchanged
 * ({@link SdkWire#assertRequestFits}), and checked for the values that must have survived.
 */
@DisplayName("Wire fidelity: every request body fits the official Genesys Cloud SDK model of its endpoint")
class WireFidelityTest {

  private static final String E = SdkOrg.EDGES;

  /** The endpoints that carry a JSON body, with the SDK body model each takes (from the SDK's *Api classes). */
  private record Endpoint(String method, Pattern path, Class<?> model, boolean list) {}

  private static final List<Endpoint> ENDPOINTS = List.of(
      new Endpoint("POST", Pattern.compile("/api/v2/locations/search"), LocationSearchRequest.class, false),
      new Endpoint("POST", Pattern.compile("/api/v2/locations"), LocationCreateDefinition.class, false),
      new Endpoint("PATCH", Pattern.compile("/api/v2/locations/[^/]+"), LocationUpdateDefinition.class, false),
      new Endpoint("PATCH", Pattern.compile("/api/v2/users/[^/]+"), UpdateUser.class, false),
      new Endpoint("PATCH", Pattern.compile("/api/v2/users/[^/]+/presences/purecloud"), UserPresence.class, false),
      new Endpoint("PUT", Pattern.compile(Pattern.quote(E) + "/sites/[^/]+/numberplans"), NumberPlan.class, true),
      new Endpoint("PUT", Pattern.compile(Pattern.quote(E) + "/phonebasesettings/[^/]+"), PhoneBase.class, false),
      new Endpoint("PUT", Pattern.compile(Pattern.quote(E) + "/trunkbasesettings/[^/]+"), TrunkBase.class, false));

  static final Location RAJ_NEW = new Location("raj-2", "WFH - Raj Two",
      DispatchableAddress.builder("US").houseNumber("1600").streetName("Pennsylvania").streetSuffix("Ave").postDirectional("NW")
          .unit("Suite 210").floor("2").city("Washington").state("DC").postalCode("20500")
          .validation(new AddressValidation("reference", Instant.parse("2026-11-20T00:00:00Z"))).build(),
      List.of(Elin.parse("+12025550143", "US", Elin.Kind.LOCATION_ELIN)));

  /** Jane moved: same name as the Genesys location (found by name), new address, same ELIN. */
  static final Location JANE_MOVED = new Location("jane-home", "WFH - Jane",
      DispatchableAddress.builder("US").houseNumber("9").streetName("Lakeview").streetSuffix("Dr").city("Round Rock")
          .state("TX").postalCode("78664")
          .validation(new AddressValidation("reference", Instant.parse("2026-11-21T00:00:00Z"))).build(),
      List.of(Elin.parse("+15125550117", "US", Elin.Kind.LOCATION_ELIN)));

  private final FakeGenesys fake = SdkOrg.seed(new FakeGenesys());
  private final GenesysPlatform genesys = fake.platform().clock(new TestClock(fake.now())).build();

  @AfterEach
  void close() {
    genesys.close();
    fake.close();
  }

  private List<RecordedRequest> sent(String method, String path) {
    List<RecordedRequest> r = fake.server.requests(method, path);
    assertThat(r).as("%s %s was sent", method, path).isNotEmpty();
    return r;
  }

  private static ConfigurationFix fix(ConfigurationFix.Kind kind, String target) {
    return new ConfigurationFix(kind, target, "");
  }

  @Test
  @DisplayName("location search and create: LocationSearchRequest and LocationCreateDefinition, values intact")
  void createLocation() {
    String id = ok(genesys.upsertLocation(RAJ_NEW));

    LocationSearchRequest search = assertRequestFits(sent("POST", "/api/v2/locations/search").get(0).bodyUtf8(),
        LocationSearchRequest.class);
    assertThat(search.getPageNumber()).isEqualTo(1);
    assertThat(search.getQuery()).hasSize(1);
    LocationSearchCriteria c = search.getQuery().get(0);
    assertThat(c.getType()).isEqualTo(LocationSearchCriteria.TypeEnum.EXACT);
    assertThat(c.getFields()).containsExactly("name");
    assertThat(c.getValue()).isEqualTo("WFH - Raj Two");

    LocationCreateDefinition create = assertRequestFits(sent("POST", "/api/v2/locations").get(0).bodyUtf8(),
        LocationCreateDefinition.class);
    assertThat(create.getName()).isEqualTo("WFH - Raj Two");
    assertThat(create.getNotes()).isEqualTo("e911:raj-2");
    assertThat(create.getAddress().getStreet1()).isEqualTo("1600 Pennsylvania Ave NW");
    assertThat(create.getAddress().getStreet2()).isEqualTo("Floor 2, Suite 210");
    assertThat(create.getAddress().getCity()).isEqualTo("Washington");
    assertThat(create.getAddress().getState()).isEqualTo("DC");
    assertThat(create.getAddress().getZipcode()).isEqualTo("20500");
    assertThat(create.getAddress().getCountry()).isEqualTo("US");
    assertThat(create.getEmergencyNumber().getNumber()).isEqualTo("+12025550143");
    assertThat(create.getEmergencyNumber().getType()).isEqualTo(LocationEmergencyNumber.TypeEnum.ELIN);
    assertThat(fake.locations.get(id).path("name").asText()).isEqualTo("WFH - Raj Two");
  }

  @Test
  @DisplayName("a moved address: the number-clearing PATCH and the update PATCH are LocationUpdateDefinitions")
  void updateLocation() throws Exception {
    assertThat(ok(genesys.upsertLocation(JANE_MOVED))).isEqualTo("loc-jane");

    List<RecordedRequest> patches = sent("PATCH", "/api/v2/locations/loc-jane");
    assertThat(patches).hasSize(2);
    JsonNode clearing = FakeGenesys.M.readTree(patches.get(0).bodyUtf8());
    assertThat(clearing.has("emergencyNumber") && clearing.get("emergencyNumber").isNull())
        .as("the first PATCH clears the number with an explicit null").isTrue();
    LocationUpdateDefinition clear = assertRequestFits(patches.get(0).bodyUtf8(), LocationUpdateDefinition.class);
    assertThat(clear.getEmergencyNumber()).isNull();
    assertThat(clear.getName()).isEqualTo("WFH - Jane");
    assertThat(clear.getVersion()).isEqualTo(2);
    assertThat(clear.getNotes()).isEqualTo("remote agent e911:jane-home");
    assertThat(clear.getAddress()).isNull();

    LocationUpdateDefinition update = assertRequestFits(patches.get(1).bodyUtf8(), LocationUpdateDefinition.class);
    assertThat(update.getVersion()).isEqualTo(3);
    assertThat(update.getName()).isEqualTo("WFH - Jane");
    assertThat(update.getAddress().getStreet1()).isEqualTo("9 Lakeview Dr");
    assertThat(update.getAddress().getCity()).isEqualTo("Round Rock");
    assertThat(update.getAddress().getZipcode()).isEqualTo("78664");
    assertThat(update.getEmergencyNumber().getNumber()).isEqualTo("+15125550117");
    assertThat(update.getEmergencyNumber().getType()).isEqualTo(LocationEmergencyNumber.TypeEnum.ELIN);
  }

  @Test
  @DisplayName("user location assignment: UpdateUser with the user's version and one Location {id, notes}")
  void assignLocation() {
    String locationId = ok(genesys.assignLocation("u-dee", RAJ_NEW));

    UpdateUser u = assertRequestFits(sent("PATCH", "/api/v2/users/u-dee").get(0).bodyUtf8(), UpdateUser.class);
    assertThat(u.getVersion()).isEqualTo(1);
    assertThat(u.getLocations()).hasSize(1);
    assertThat(u.getLocations().get(0).getId()).isEqualTo(locationId);
    assertThat(u.getLocations().get(0).getNotes()).isEqualTo("E911 verified " + fake.now());
    assertThat(u.getLocations().get(0).getLocationDefinition()).isNull();
  }

  @Test
  @DisplayName("forceNotReady: UserPresence with the org's system Busy definition id and the message")
  void forceNotReady() {
    ok(genesys.forceNotReady("u-jane", "E911: confirm your emergency location before going available"));

    UserPresence p = assertRequestFits(sent("PATCH", "/api/v2/users/u-jane/presences/purecloud").get(0).bodyUtf8(),
        UserPresence.class);
    assertThat(p.getPresenceDefinition().getId()).isEqualTo("pd-busy");
    assertThat(p.getMessage()).isEqualTo("E911: confirm your emergency location before going available");
  }

  @Test
  @DisplayName("number-plan fix: the whole PUT array is NumberPlan[], ours first, the org's plans kept with id and version")
  void numberPlans() {
    assertThat(ok(genesys.applyFix(fix(ConfigurationFix.Kind.ADD_EMERGENCY_NUMBER_PLAN, "site-hq"), false)).changed()).isTrue();

    List<NumberPlan> plans = assertRequestFitsList(sent("PUT", E + "/sites/site-hq/numberplans").get(0).bodyUtf8(),
        NumberPlan.class);
    List<GenesysNumberPlanEntry> ours = DialPlan.of(EmergencyRoutingRule.usDefaults()).genesysNumberPlans();
    assertThat(plans).hasSize(ours.size() + 5);
    for (int i = 0; i < ours.size(); i++) {
      NumberPlan p = plans.get(i);
      assertThat(p.getName()).isEqualTo(ours.get(i).name());
      assertThat(p.getState()).isEqualTo(NumberPlan.StateEnum.ACTIVE);
      assertThat(p.getClassification()).isEqualTo("Emergency");
      assertThat(p.getMatchType()).isEqualTo("regex");
      assertThat(p.getMatch()).isEqualTo(ours.get(i).match());
      assertThat(p.getNormalizedFormat()).isEqualTo(ours.get(i).normalizedFormat());
      assertThat(p.getPriority()).isEqualTo(i);
      assertThat(p.getId()).isNull();
    }
    NumberPlan builtIn = plans.get(ours.size());
    assertThat(builtIn.getId()).isEqualTo("np-emergency-site-hq");
    assertThat(builtIn.getVersion()).isEqualTo(2);
    assertThat(builtIn.getNumbers()).extracting(n -> n.getStart()).containsExactly("911", "933");
    assertThat(builtIn.getPriority()).isEqualTo(ours.size());
    assertThat(plans.get(ours.size() + 1).getDigitLength().getEnd()).isEqualTo("5");
  }

  @Test
  @DisplayName("phone fixes: the PUT phone base settings is a PhoneBase with the key's instance set, everything else kept")
  void phoneBase() {
    assertThat(ok(genesys.applyFix(fix(ConfigurationFix.Kind.FORCE_TURN, "site-remote-jane"), false)).changed()).isTrue();
    assertThat(ok(genesys.applyFix(fix(ConfigurationFix.Kind.LOCATION_PROMPT, "site-remote-jane"), false)).changed()).isTrue();

    List<RecordedRequest> puts = sent("PUT", E + "/phonebasesettings/pb-webrtc");
    assertThat(puts).hasSize(2);
    PhoneBase turn = assertRequestFits(puts.get(0).bodyUtf8(), PhoneBase.class);
    assertThat(turn.getVersion()).isEqualTo(5);
    assertThat(turn.getName()).isEqualTo("WebRTC");
    assertThat(turn.getPhoneMetaBase().getId()).isEqualTo("inin_webrtc_softphone.json");
    assertThat(turn.getLines()).extracting(l -> l.getId()).containsExactly("pb-webrtc-line");
    assertThat(instance(turn.getProperties(), FakeGenesys.TURN_KEY)).isEqualTo(true);
    assertThat(instance(turn.getProperties(), FakeGenesys.PROMPT_KEY)).isEqualTo(false);
    assertThat(instance(turn.getProperties(), "phone_label")).isEqualTo("WebRTC");

    PhoneBase prompt = assertRequestFits(puts.get(1).bodyUtf8(), PhoneBase.class);
    assertThat(prompt.getVersion()).isEqualTo(6);
    assertThat(instance(prompt.getProperties(), FakeGenesys.TURN_KEY)).isEqualTo(true);
    assertThat(instance(prompt.getProperties(), FakeGenesys.PROMPT_KEY)).isEqualTo(true);
  }

  @Test
  @DisplayName("unmask fix: the PUT trunk base settings is a TrunkBase with the override and the priority changed")
  void trunkBase() {
    assertThat(ok(genesys.applyFix(fix(ConfigurationFix.Kind.UNMASK_EMERGENCY_CALLER_ID, "site-hq"), false)).changed()).isTrue();

    TrunkBase t = assertRequestFits(sent("PUT", E + "/trunkbasesettings/tb-e911").get(0).bodyUtf8(), TrunkBase.class);
    assertThat(t.getVersion()).isEqualTo(4);
    assertThat(t.getTrunkType()).isEqualTo(TrunkBase.TrunkTypeEnum.EXTERNAL);
    assertThat(t.getTrunkMetabase().getId()).isEqualTo("external_sip_pcv_byoc_carrier.json");
    assertThat(instance(t.getProperties(), "trunk_outboundIdentity_callingAddress_overrideMethod")).isEqualTo("Unassigned DID");
    assertThat(instance(t.getProperties(), "trunk_calling_id_priority")).isEqualTo(List.of("Source", "Trunk"));
    assertThat(instance(t.getProperties(), "trunk_outboundIdentity_callingAddress")).isEqualTo("+18005550100");
    assertThat(t.getProperties()).containsKey("trunk_transport_sipTimerT1");
  }

  @Test
  @DisplayName("every request the adapter sends with a JSON body is one of the endpoints checked here, and each is exercised")
  void everyBodyIsChecked() {
    ok(genesys.readInventory());
    ok(genesys.upsertLocation(RAJ_NEW));
    ok(genesys.upsertLocation(JANE_MOVED));
    ok(genesys.assignLocation("u-bob", SdkOrg.RAJ));
    ok(genesys.forceNotReady("u-jane", "E911: no verified location"));
    for (ConfigurationFix.Kind kind : ConfigurationFix.Kind.values()) {
      ok(genesys.applyFix(fix(kind, kind == ConfigurationFix.Kind.UNMASK_EMERGENCY_CALLER_ID ? "site-hq" : "site-remote-jane"), false));
    }

    Set<Endpoint> hit = new LinkedHashSet<>();
    List<String> unchecked = new ArrayList<>();
    int bodies = 0;
    for (RecordedRequest r : fake.server.requests()) {
      if (r.body().length == 0 || r.path().equals("/oauth/token")) {
        continue;
      }
      bodies++;
      Endpoint e = ENDPOINTS.stream().filter(x -> x.method().equals(r.method()) && x.path().matcher(r.path()).matches())
          .findFirst().orElse(null);
      if (e == null) {
        unchecked.add(r.method() + " " + r.path());
        continue;
      }
      hit.add(e);
      if (e.list()) {
        assertRequestFitsList(r.bodyUtf8(), e.model());
      } else {
        assertRequestFits(r.bodyUtf8(), e.model());
      }
    }
    assertThat(unchecked).as("requests with a body no SDK model checks").isEmpty();
    assertThat(hit).as("endpoints exercised").containsExactlyInAnyOrderElementsOf(ENDPOINTS);
    assertThat(bodies).isGreaterThanOrEqualTo(ENDPOINTS.size());
    // the only non-JSON body is the token request's form, the same one the SDK's ApiClient sends
    assertThat(fake.server.requests("POST", "/oauth/token")).allSatisfy(r ->
        assertThat(r.bodyUtf8()).isEqualTo("grant_type=client_credentials"));
  }

  @SuppressWarnings("unchecked")
  static Object instance(Map<String, Object> properties, String key) {
    Function<Object, Map<String, Object>> map = o -> (Map<String, Object>) o;
    return map.apply(map.apply(properties.get(key)).get("value")).get("instance");
  }
}
