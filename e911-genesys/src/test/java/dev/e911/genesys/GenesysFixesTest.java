package dev.e911.genesys;

import static dev.e911.genesys.GenesysClientTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.api.spi.ConfigurationFix;
import dev.e911.api.spi.PlatformResult;
import dev.e911.core.dialplan.DialPlan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Configuration fixes: dry runs print the diff, applying twice changes nothing the second time")
class GenesysFixesTest {

  private final FakeGenesys fake = new FakeGenesys().cleanOrg();

  @AfterEach
  void close() {
    fake.close();
  }

  static ConfigurationFix fix(ConfigurationFix.Kind kind, String target) {
    return new ConfigurationFix(kind, target, "");
  }

  private static List<String> names(JsonNode plans) {
    List<String> out = new ArrayList<>();
    plans.forEach(p -> out.add(p.path("name").asText()));
    return out;
  }

  @Test
  @DisplayName("ADD_EMERGENCY_NUMBER_PLAN on a clean site changes nothing")
  void numberPlanAlreadyThere() {
    try (GenesysPlatform g = fake.platform().build()) {
      ConfigurationFix.Outcome o = ok(g.applyFix(fix(ConfigurationFix.Kind.ADD_EMERGENCY_NUMBER_PLAN, "site-hq"), false));
      assertThat(o.changed()).isFalse();
      assertThat(o.diff()).isEmpty();
    }
    assertThat(fake.server.requests("PUT", FakeGenesys.EDGES + "/sites/site-hq/numberplans")).isEmpty();
  }

  @Test
  @DisplayName("ADD_EMERGENCY_NUMBER_PLAN: dry run shows the diff and writes nothing; applying puts ours first and keeps the rest")
  void numberPlanAdded() {
    fake.numberPlans.get("site-hq").remove(1); // the 933 entry
    DialPlan plan = DialPlan.builder().rules(EmergencyRoutingRule.usDefaults()).outsideLinePrefix("9").build();
    try (GenesysPlatform g = fake.platform().dialPlan(plan).build()) {
      ConfigurationFix.Outcome dry = ok(g.applyFix(fix(ConfigurationFix.Kind.ADD_EMERGENCY_NUMBER_PLAN, "site-hq"), true));
      assertThat(dry.dryRun()).isTrue();
      assertThat(dry.changed()).isTrue();
      assertThat(dry.diff()).contains("~ E911 911: match '^911$' -> '^9?911$'")
          .contains("+ E911 933 (regex ^9?933$ -> 933, Emergency) at position 2");
      assertThat(fake.server.requests("PUT", FakeGenesys.EDGES + "/sites/site-hq/numberplans")).isEmpty();

      ConfigurationFix.Outcome applied = ok(g.applyFix(fix(ConfigurationFix.Kind.ADD_EMERGENCY_NUMBER_PLAN, "site-hq"), false));
      assertThat(applied.changed()).isTrue();
      assertThat(applied.diff()).isEqualTo(dry.diff());
      JsonNode plans = fake.numberPlans.get("site-hq");
      assertThat(names(plans)).containsExactly("E911 911", "E911 933", "Extension", "National", "Suicide Prevention");
      assertThat(plans.get(0).path("id").asText()).as("the existing plan is updated in place").isEqualTo("np-911-site-hq");
      assertThat(plans.get(1).path("classification").asText()).isEqualTo("Emergency");
      assertThat(plans.get(4).path("priority").asInt()).isEqualTo(4);

      ConfigurationFix.Outcome again = ok(g.applyFix(fix(ConfigurationFix.Kind.ADD_EMERGENCY_NUMBER_PLAN, "site-hq"), false));
      assertThat(again.changed()).isFalse();
    }
    assertThat(fake.server.requests("PUT", FakeGenesys.EDGES + "/sites/site-hq/numberplans")).hasSize(1);
  }

  @Test
  @DisplayName("ADD_EMERGENCY_NUMBER_PLAN retries the whole-list PUT after a version conflict")
  void numberPlanConflict() {
    fake.numberPlans.get("site-hq").remove(1);
    fake.fault("PUT", FakeGenesys.EDGES + "/sites/site-hq/numberplans", FakeGenesys.error(409, "general.conflict", "stale"));
    try (GenesysPlatform g = fake.platform().build()) {
      assertThat(ok(g.applyFix(fix(ConfigurationFix.Kind.ADD_EMERGENCY_NUMBER_PLAN, "site-hq"), false)).changed()).isTrue();
    }
    assertThat(fake.server.requests("PUT", FakeGenesys.EDGES + "/sites/site-hq/numberplans")).hasSize(2);
    assertThat(names(fake.numberPlans.get("site-hq"))).startsWith("E911 911", "E911 933");
  }

  @Test
  @DisplayName("FORCE_TURN on a site sets the discovered key on its WebRTC phones' base, keeping the other properties")
  void forceTurn() {
    fake.phoneBases.get("pb-webrtc").with("properties").with(FakeGenesys.TURN_KEY).with("value").put("instance", false);
    try (GenesysPlatform g = fake.platform().build()) {
      ConfigurationFix.Outcome dry = ok(g.applyFix(fix(ConfigurationFix.Kind.FORCE_TURN, "site-remote-jane"), true));
      assertThat(dry.diff()).isEqualTo("~ phone base settings pb-webrtc (WebRTC): " + FakeGenesys.TURN_KEY + " false -> true");
      assertThat(fake.server.requests("PUT", FakeGenesys.EDGES + "/phonebasesettings/pb-webrtc")).isEmpty();
      assertThat(ok(g.applyFix(fix(ConfigurationFix.Kind.FORCE_TURN, "site-remote-jane"), false)).changed()).isTrue();
      JsonNode base = fake.phoneBases.get("pb-webrtc");
      assertThat(base.path("properties").path(FakeGenesys.TURN_KEY).path("value").path("instance").asBoolean()).isTrue();
      assertThat(base.path("properties").path("phone_label").path("value").path("instance").asText()).isEqualTo("x");
      assertThat(base.path("version").asInt()).isEqualTo(6);
      assertThat(ok(g.applyFix(fix(ConfigurationFix.Kind.FORCE_TURN, "site-remote-jane"), false)).changed()).isFalse();
    }
    assertThat(fake.server.requests("PUT", FakeGenesys.EDGES + "/phonebasesettings/pb-webrtc")).hasSize(1);
    assertThat(fake.server.requests("PUT", FakeGenesys.EDGES + "/phonebasesettings/pb-desk")).as("not a WebRTC phone").isEmpty();
  }

  @Test
  @DisplayName("LOCATION_PROMPT accepts a phone base id as target too")
  void locationPromptOnBase() {
    fake.phoneBases.get("pb-webrtc").with("properties").remove(FakeGenesys.PROMPT_KEY);
    try (GenesysPlatform g = fake.platform().build()) {
      ConfigurationFix.Outcome o = ok(g.applyFix(fix(ConfigurationFix.Kind.LOCATION_PROMPT, "pb-webrtc"), false));
      assertThat(o.diff()).contains(FakeGenesys.PROMPT_KEY + " unset -> true");
    }
    assertThat(fake.phoneBases.get("pb-webrtc").path("properties").path(FakeGenesys.PROMPT_KEY).path("value")
        .path("instance").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("an org whose template has no such key gets Unsupported with what to do by hand, and nothing is written")
  void promptKeyAbsent() {
    fake.template = FakeGenesys.json("{'properties':{'phone_label':{}}}");
    try (GenesysPlatform g = fake.platform().build()) {
      PlatformResult<ConfigurationFix.Outcome> r = g.applyFix(fix(ConfigurationFix.Kind.LOCATION_PROMPT, "site-hq"), false);
      assertThat(r).isInstanceOf(PlatformResult.Unsupported.class);
      assertThat(((PlatformResult.Unsupported<?>) r).reason()).contains("no emergency-location prompt key")
          .contains("Base Settings");
    }
    assertThat(fake.server.requests().stream().filter(x -> x.method().equals("PUT"))).isEmpty();
  }

  @Test
  @DisplayName("UNMASK refuses when the masking trunk also carries non-emergency routes (it would unmask every call)")
  void unmaskShared() {
    fake.routes.get("site-hq").get(0).set("externalTrunkBases", FakeGenesys.array("[{'id':'tb-main'}]"));
    try (GenesysPlatform g = fake.platform().build()) {
      PlatformResult<ConfigurationFix.Outcome> r = g.applyFix(fix(ConfigurationFix.Kind.UNMASK_EMERGENCY_CALLER_ID, "site-hq"), false);
      assertThat(r).isInstanceOf(PlatformResult.Unsupported.class);
      assertThat(((PlatformResult.Unsupported<?>) r).reason()).contains("trunk base tb-main also carries route 'Default'");
    }
    assertThat(fake.server.requests("PUT", FakeGenesys.EDGES + "/trunkbasesettings/tb-main")).isEmpty();
  }

  @Test
  @DisplayName("UNMASK on a trunk only emergency routes use switches Always to Unassigned DID and puts Source first")
  void unmask() {
    fake.trunkBases.get("tb-e911").set("properties", FakeGenesys.json("{"
        + "'trunk_outboundIdentity_callingAddress':{'value':{'instance':'+18005550100'}},"
        + "'trunk_outboundIdentity_callingAddress_overrideMethod':{'value':{'instance':'Always'}},"
        + "'trunk_calling_id_priority':{'value':{'instance':['Trunk','Source','Site']}},"
        + "'trunk_sip_termination_uri':{'value':{'instance':'sip:carrier.example'}}}"));
    try (GenesysPlatform g = fake.platform().build()) {
      ConfigurationFix.Outcome dry = ok(g.applyFix(fix(ConfigurationFix.Kind.UNMASK_EMERGENCY_CALLER_ID, "site-hq"), true));
      assertThat(dry.diff()).contains("'Always' -> 'Unassigned DID'").contains("[Trunk, Source, Site] -> [Source, Trunk, Site]");
      assertThat(fake.server.requests("PUT", FakeGenesys.EDGES + "/trunkbasesettings/tb-e911")).isEmpty();
      assertThat(ok(g.applyFix(fix(ConfigurationFix.Kind.UNMASK_EMERGENCY_CALLER_ID, "site-hq"), false)).changed()).isTrue();
      assertThat(ok(g.applyFix(fix(ConfigurationFix.Kind.UNMASK_EMERGENCY_CALLER_ID, "site-hq"), false)).changed()).isFalse();
      assertThat(ok(g.readInventory()).sites().get(0).outboundRoutes().get(0).callerIdMasked()).isFalse();
    }
    JsonNode props = fake.trunkBases.get("tb-e911").path("properties");
    assertThat(props.path("trunk_sip_termination_uri").path("value").path("instance").asText()).isEqualTo("sip:carrier.example");
    assertThat(fake.server.requests("PUT", FakeGenesys.EDGES + "/trunkbasesettings/tb-e911")).hasSize(1);
  }
}
