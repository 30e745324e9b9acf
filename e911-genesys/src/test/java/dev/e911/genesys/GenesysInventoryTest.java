package dev.e911.genesys;

import static dev.e911.genesys.GenesysClientTest.failure;
import static dev.e911.genesys.GenesysClientTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.agent.StationKind;
import dev.e911.api.spi.PlatformInventory;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.genesys.internal.CallerIdPolicy;
import dev.e911.genesys.internal.NumberPlans;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("readInventory maps the documented Genesys shapes into the platform inventory")
class GenesysInventoryTest {

  private final FakeGenesys fake = new FakeGenesys().cleanOrg();

  @AfterEach
  void close() {
    fake.close();
  }

  private PlatformInventory read() {
    try (GenesysPlatform g = fake.platform().build()) {
      return ok(g.readInventory());
    }
  }

  private static PlatformInventory.User user(PlatformInventory inv, String id) {
    return inv.users().stream().filter(u -> u.id().equals(id)).findFirst().orElseThrow();
  }

  private static PlatformInventory.Site site(PlatformInventory inv, String id) {
    return inv.sites().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("sites carry their location, number plans in array order and enabled routes with caller-ID masking")
  void sites() {
    PlatformInventory inv = read();
    assertThat(inv.sites()).extracting(PlatformInventory.Site::id).containsExactly("site-hq", "site-remote-jane");
    PlatformInventory.Site hq = site(inv, "site-hq");
    assertThat(hq.name()).isEqualTo("San Francisco HQ");
    assertThat(hq.locationId()).isEqualTo("loc-hq");
    assertThat(hq.numberPlan()).extracting(PlatformInventory.NumberPlanEntry::name)
        .containsExactly("E911 911", "E911 933", "Extension", "National", "Suicide Prevention");
    assertThat(hq.numberPlan()).extracting(PlatformInventory.NumberPlanEntry::priority).containsExactly(0, 1, 2, 3, 4);
    assertThat(hq.numberPlan().get(0).pattern()).isEqualTo("^911$");
    assertThat(hq.numberPlan().get(0).classification()).isEqualTo("Emergency");
    assertThat(Pattern.compile(hq.numberPlan().get(2).pattern()).matcher("4321").matches()).isTrue();
    assertThat(Pattern.compile(hq.numberPlan().get(3).pattern()).matcher("911").matches()).isFalse();
    assertThat(Pattern.compile(hq.numberPlan().get(4).pattern()).matcher("988").matches()).isTrue();
    assertThat(hq.outboundRoutes()).extracting(PlatformInventory.OutboundRoute::name).containsExactly("E911 via BYOC", "Default");
    PlatformInventory.OutboundRoute e911 = hq.outboundRoutes().get(0);
    assertThat(e911.classificationTypes()).containsExactly("Emergency");
    assertThat(e911.callerIdMasked()).isFalse();
    assertThat(e911.callerIdNumber()).isEmpty();
    PlatformInventory.OutboundRoute main = hq.outboundRoutes().get(1);
    assertThat(main.callerIdMasked()).isTrue();
    assertThat(main.callerIdNumber()).isEqualTo("+18005550100");
    assertThat(fake.server.requests("GET", FakeGenesys.EDGES + "/trunkbasesettings/tb-main"))
        .as("trunk bases are read once and cached").hasSize(1);
  }

  @Test
  @DisplayName("locations carry the address, addressVerified and the ELIN; deleted ones are left out")
  void locations() {
    PlatformInventory inv = read();
    assertThat(inv.locations()).extracting(PlatformInventory.Location::id).containsExactly("loc-hq", "loc-jane");
    PlatformInventory.Location hq = inv.locations().get(0);
    assertThat(hq.address()).containsExactlyInAnyOrderEntriesOf(Map.of("street1", "1200 N Point St", "street2", "Floor 2",
        "city", "San Francisco", "state", "CA", "zipcode", "94133", "country", "US"));
    assertThat(hq.addressVerified()).isTrue();
    assertThat(hq.emergencyNumber()).isEqualTo("+14155550140");
  }

  @Test
  @DisplayName("users with a phone or station carry their site, locations, station kind, force TURN and the location prompt")
  void users() {
    PlatformInventory inv = read();
    assertThat(inv.users()).extracting(PlatformInventory.User::id).containsExactly("u-jane", "u-bob", "u-dee");
    PlatformInventory.User jane = user(inv, "u-jane");
    assertThat(jane.siteId()).isEqualTo("site-remote-jane");
    assertThat(jane.locationIds()).containsExactly("loc-jane");
    assertThat(jane.station()).isEqualTo(StationKind.WEBRTC);
    assertThat(jane.webRtcForceTurn()).isTrue();
    assertThat(jane.emergencyLocationPrompt()).isTrue();
    assertThat(user(inv, "u-bob").locationIds()).containsExactly("loc-hq");
    PlatformInventory.User dee = user(inv, "u-dee");
    assertThat(dee.station()).isEqualTo(StationKind.HARD_PHONE);
    assertThat(dee.siteId()).isEqualTo("site-hq");
    assertThat(inv.gaps()).isEmpty();
  }

  @Test
  @DisplayName("the station's webRtcForceTurn read-back wins over the phone settings; a phone's own property wins over its base")
  void precedence() {
    fake.stations.get("st-jane").put("webRtcForceTurn", false);
    fake.phones.get("ph-jane").set("properties", FakeGenesys.json("{'" + FakeGenesys.PROMPT_KEY + "':{'value':{'instance':false}}}"));
    PlatformInventory inv = read();
    assertThat(user(inv, "u-jane").webRtcForceTurn()).isFalse();
    assertThat(user(inv, "u-jane").emergencyLocationPrompt()).isFalse();
    assertThat(user(inv, "u-bob").emergencyLocationPrompt()).isTrue();
  }

  @Test
  @DisplayName("an org whose template has no location-prompt key gets a gap per WebRTC user, not a silent false")
  void promptKeyAbsent() {
    fake.template = FakeGenesys.json("{'properties':{'phone_label':{},'" + FakeGenesys.TURN_KEY + "':{}}}");
    PlatformInventory inv = read();
    assertThat(inv.gaps()).extracting(PlatformInventory.Gap::objectId).containsExactly("u-jane", "u-bob");
    assertThat(inv.gaps()).allSatisfy(g -> {
      assertThat(g.setting()).isEqualTo(PlatformInventory.SETTING_LOCATION_PROMPT);
      assertThat(g.reason()).contains("template").contains("no emergency-location prompt key");
    });
    assertThat(inv.unknown("u-jane", PlatformInventory.SETTING_LOCATION_PROMPT)).isTrue();
    assertThat(inv.unknown("u-dee", PlatformInventory.SETTING_LOCATION_PROMPT)).as("not a WebRTC user").isFalse();
  }

  @Test
  @DisplayName("an unreadable template leaves gaps naming why; configured keys skip discovery")
  void templateUnreadable() {
    fake.fault("GET", FakeGenesys.EDGES + "/phonebasesettings/template",
        FakeGenesys.error(403, "missing.any.permissions", "missing telephony:plugin:all"));
    PlatformInventory inv = read();
    assertThat(inv.gaps()).hasSize(2).allSatisfy(g -> assertThat(g.reason()).contains("could not be read").contains("403"));

    fake.template = FakeGenesys.obj();
    try (GenesysPlatform g = fake.platform().phoneSettingKeys(FakeGenesys.TURN_KEY, FakeGenesys.PROMPT_KEY).build()) {
      PlatformInventory configured = ok(g.readInventory());
      assertThat(configured.gaps()).isEmpty();
      assertThat(user(configured, "u-jane").emergencyLocationPrompt()).isTrue();
    }
  }

  @Test
  @DisplayName("a failure in any core listing fails the whole read with the typed failure")
  void coreFailure() {
    fake.fault("GET", "/api/v2/users", FakeGenesys.error(404, "not.found", "gone"));
    try (GenesysPlatform g = fake.platform().build()) {
      assertThat(failure(g.readInventory()).kind()).isEqualTo(RemoteFailure.Kind.NOT_FOUND);
    }
  }

  @Test
  @DisplayName("caller-ID masking: Always masks, Unassigned DID does not, and the newer priority list masks when Trunk leads Source")
  void callerIdPolicy() {
    String base = "{'properties':{'trunk_outboundIdentity_callingAddress':{'value':{'instance':'+18005550100'}}%s}}";
    assertThat(CallerIdPolicy.of(FakeGenesys.json(String.format(base,
        ",'trunk_outboundIdentity_callingAddress_overrideMethod':{'value':{'instance':'Always'}}"))).masked()).isTrue();
    assertThat(CallerIdPolicy.of(FakeGenesys.json(String.format(base,
        ",'trunk_outboundIdentity_callingAddress_overrideMethod':{'value':{'instance':'Unassigned DID'}}"))).masked()).isFalse();
    assertThat(CallerIdPolicy.of(FakeGenesys.json(String.format(base,
        ",'trunk_calling_id_priority':{'value':{'instance':['Trunk','Source','Site']}}"))).masked()).isTrue();
    assertThat(CallerIdPolicy.of(FakeGenesys.json(String.format(base,
        ",'trunk_calling_id_priority':{'value':{'instance':['Source','Trunk']}}"))).masked()).isFalse();
    assertThat(CallerIdPolicy.of(FakeGenesys.json("{'properties':{'trunk_outboundIdentity_callingAddress_overrideMethod':"
        + "{'value':{'instance':'Always'}}}}")).masked()).as("no number to mask with").isFalse();
  }

  @Test
  @DisplayName("number plans of every match type become a Java regex over the dialled digits (or one that matches nothing)")
  void numberPlanPatterns() {
    assertThat(NumberPlans.toEntry(FakeGenesys.json("{'name':'E','classification':'Emergency','matchType':'numberList',"
        + "'numbers':[{'start':'911'},{'start':'930','end':'933'}]}"), 0).pattern())
        .matches(p -> Pattern.compile(p).matcher("911").matches() && Pattern.compile(p).matcher("932").matches()
            && !Pattern.compile(p).matcher("934").matches());
    assertThat(NumberPlans.toEntry(FakeGenesys.json("{'name':'N','matchType':'e164NumberList'}"), 3).pattern())
        .matches(p -> !Pattern.compile(p).matcher("911").matches());
    assertThat(NumberPlans.toEntry(FakeGenesys.json("{'name':'R','matchType':'regex'}"), 1).pattern())
        .as("a regex plan without a match never matches").matches(p -> !Pattern.compile(p).matcher("").matches());
  }
}
