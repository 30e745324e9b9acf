package dev.e911.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.routing.CallbackPolicy;
import dev.e911.api.routing.Classification;
import dev.e911.api.routing.EmergencyRoutingRule;
import dev.e911.api.site.Site;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.ConfigurationFix;
import dev.e911.api.spi.PlatformInventory;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The compliance auditor")
class ComplianceAuditorTest {

  static final ComplianceAuditor AUDITOR = ComplianceAuditor.create(Clock.fixed(CleanCenter.NOW, ZoneOffset.UTC));

  static AuditReport audit(CleanCenter c) {
    return AUDITOR.audit(c.request());
  }

  @Test
  @DisplayName("finds nothing on a clean center, and notes nothing it could not check")
  void clean() {
    AuditReport report = audit(new CleanCenter());
    assertThat(report.findings()).isEmpty();
    assertThat(report.notes()).isEmpty();
    assertThat(report.hasErrors()).isFalse();
    assertThat(report.toText()).contains("no traps found");
  }

  static Arguments trap(String name, Consumer<CleanCenter> plant, FindingCode code, Subject.Type type, String id) {
    return Arguments.of(name, plant, code, type, id);
  }

  static Stream<Arguments> traps() {
    return Stream.of(
        trap("a remote agent pinned to the HQ location", c -> c.users.put("u-jane",
            CleanCenter.withUser(c.users.get("u-jane"), List.of("loc-hq"), true, true)),
            FindingCode.REMOTE_AGENTS_PINNED_TO_HQ, Subject.Type.SITE, "site-remote"),
        trap("all remote agents sharing one location", c -> {
          c.users.put("u-jane", CleanCenter.withUser(c.users.get("u-jane"), List.of("loc-remote"), true, true));
          c.users.put("u-raj", CleanCenter.withUser(c.users.get("u-raj"), List.of("loc-remote"), true, true));
        }, FindingCode.REMOTE_AGENTS_PINNED_TO_HQ, Subject.Type.SITE, "site-remote"),
        trap("a remote site whose location is the office's", c -> c.remoteSiteLocation = "loc-hq",
            FindingCode.REMOTE_SITE_STATIC_LOCATION, Subject.Type.SITE, "site-remote"),
        trap("a remote site whose location has the office's address", c -> {
          c.platformLocation("loc-hq-copy", "HQ copy", "1200 N Point St", "", "San Francisco", "CA", "94133", "");
          c.remoteSiteLocation = "loc-hq-copy";
        }, FindingCode.REMOTE_SITE_STATIC_LOCATION, Subject.Type.SITE, "site-remote"),
        trap("no ^933$ entry", c -> c.remotePlan.removeIf(e -> e.pattern().equals("^933$")),
            FindingCode.EMERGENCY_933_MISSING, Subject.Type.SITE, "site-remote"),
        trap("^933$ shadowed by a higher-priority entry", c -> c.remotePlan.add(
            new PlatformInventory.NumberPlanEntry("Voicemail", "^933$", "Extension", -1)),
            FindingCode.EMERGENCY_RULE_SHADOWED, Subject.Type.SITE, "site-remote"),
        trap("911 not dialable without the prefix", c -> c.hqPlan.removeIf(e -> e.pattern().equals("^911$")),
            FindingCode.EMERGENCY_911_NOT_DIRECT, Subject.Type.SITE, "site-hq"),
        trap("the 9911 prefix variant missing", c -> c.hqPlan.removeIf(e -> e.pattern().equals("^9911$")),
            FindingCode.EMERGENCY_PREFIX_VARIANT_MISSING, Subject.Type.SITE, "site-hq"),
        trap("no route carrying Emergency", c -> c.hqRoutes.remove(0),
            FindingCode.NO_EMERGENCY_ROUTE, Subject.Type.SITE, "site-hq"),
        trap("an emergency route masking the caller ID", c -> c.hqRoutes.set(0, new PlatformInventory.OutboundRoute(
            "or-e911-hq", "E911 via BYOC", List.of("Emergency"), true, "+18005550100")),
            FindingCode.EMERGENCY_CALLER_ID_MASKED, Subject.Type.ROUTE, "or-e911-hq"),
        trap("an emergency route presenting a shared number", c -> c.remoteRoutes.set(0, new PlatformInventory.OutboundRoute(
            "or-e911-remote", "E911 via BYOC", List.of("Emergency"), false, "+13125550000")),
            FindingCode.EMERGENCY_CALLER_ID_MASKED, Subject.Type.ROUTE, "or-e911-remote"),
        trap("remote WebRTC without force TURN", c -> c.users.put("u-raj",
            CleanCenter.withUser(c.users.get("u-raj"), List.of("loc-raj"), false, true)),
            FindingCode.WEBRTC_FORCE_TURN_OFF, Subject.Type.SITE, "site-remote"),
        trap("remote WebRTC without the location prompt", c -> c.users.put("u-raj",
            CleanCenter.withUser(c.users.get("u-raj"), List.of("loc-raj"), true, false)),
            FindingCode.WEBRTC_LOCATION_PROMPT_OFF, Subject.Type.SITE, "site-remote"),
        trap("a location with an unverified address", c -> c.locations.put("loc-raj",
            CleanCenter.withLocation(c.locations.get("loc-raj"), c.locations.get("loc-raj").address(), false)),
            FindingCode.LOCATION_ADDRESS_UNVERIFIED, Subject.Type.LOCATION, "loc-raj"),
        trap("a location without a street", c -> {
          Map<String, String> a = new HashMap<>(c.locations.get("loc-raj").address());
          a.remove("street1");
          c.locations.put("loc-raj", CleanCenter.withLocation(c.locations.get("loc-raj"), a, true));
        }, FindingCode.LOCATION_NOT_DISPATCHABLE, Subject.Type.LOCATION, "loc-raj"),
        trap("an ELIN the carrier does not hold", c -> c.carrier.put("+15035550121",
            new ReadBackResult.NotFound(BindingKey.number("+15035550121"))),
            FindingCode.ELIN_NOT_PROVISIONED, Subject.Type.NUMBER, "+15035550121"),
        trap("an ELIN the carrier holds for another address", c -> c.held("+15035550121", CleanCenter.SAM),
            FindingCode.ELIN_ADDRESS_MISMATCH, Subject.Type.NUMBER, "+15035550121"),
        trap("an agent DID the carrier holds for another address", c -> c.held("+15125550999", CleanCenter.RAJ),
            FindingCode.ELIN_ADDRESS_MISMATCH, Subject.Type.NUMBER, "+15125550999"),
        trap("a platform-only ELIN the carrier holds elsewhere", c -> {
          c.platformLocation("loc-annex", "Annex", "1300 N Point St", "", "San Francisco", "CA", "94133", "+14155550150");
          c.held("+14155550150", CleanCenter.HQ);
        }, FindingCode.ELIN_ADDRESS_MISMATCH, Subject.Type.NUMBER, "+14155550150"),
        trap("no on-site notifier", c -> c.notifiers.clear(),
            FindingCode.NO_ONSITE_NOTIFIER, Subject.Type.CONTACT_CENTER, ""),
        trap("a 911 rule that does not notify", c -> c.rules.set(0,
            new EmergencyRoutingRule("911", "^911$", Classification.EMERGENCY, 1, CallbackPolicy.AGENT_DID, false)),
            FindingCode.ONSITE_NOTIFICATION_OFF, Subject.Type.DIAL_PLAN, "911"),
        trap("an agent verified longer ago than the policy allows", c -> c.verified("sam", CleanCenter.SAM, "loc-sam",
            CleanCenter.NOW.minus(Duration.ofHours(13))),
            FindingCode.AGENT_VERIFICATION_STALE, Subject.Type.AGENT, "sam"),
        trap("an agent marked STALE", c -> c.agentLocations.put("sam", c.agentLocations.get("sam").toBuilder()
            .verification(VerificationState.STALE).build()),
            FindingCode.AGENT_VERIFICATION_STALE, Subject.Type.AGENT, "sam"),
        trap("a remote agent assigned the office location by an administrator", c -> c.agentLocations.put("sam",
            AgentLocation.builder("sam").address(CleanCenter.HQ).locationId("loc-hq").source(LocationSource.ADMIN_ASSIGNED)
                .verification(VerificationState.UNVERIFIED).since(CleanCenter.NOW).build()),
            FindingCode.REMOTE_AGENTS_PINNED_TO_HQ, Subject.Type.AGENT, "sam"),
        trap("e911's own rules without 911", c -> c.rules.remove(0),
            FindingCode.EMERGENCY_911_NOT_DIRECT, Subject.Type.DIAL_PLAN, "rules"),
        trap("e911's own rules with one that never matches", c -> c.rules.add(
            new EmergencyRoutingRule("911-again", "^911$", Classification.EMERGENCY, 5, CallbackPolicy.AGENT_DID, true)),
            FindingCode.DIAL_PLAN_INVALID, Subject.Type.DIAL_PLAN, "rules"),
        trap("a configured location whose address was never validated", c -> c.configLocation("loc-sam", "WFH Sam",
            CleanCenter.SAM.withoutValidation(), null),
            FindingCode.LOCATION_ADDRESS_UNVERIFIED, Subject.Type.LOCATION, "loc-sam"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("traps")
  @DisplayName("finds each trap planted alone, and nothing else")
  void eachTrapAlone(String name, Consumer<CleanCenter> plant, FindingCode code, Subject.Type type, String id) {
    CleanCenter c = new CleanCenter();
    plant.accept(c);
    AuditReport report = audit(c);
    assertThat(report.findings()).as(report.toText()).hasSize(1);
    Finding f = report.findings().get(0);
    assertThat(f.code()).isEqualTo(code);
    assertThat(f.severity()).isEqualTo(code.severity());
    assertThat(f.subject().type()).isEqualTo(type);
    assertThat(f.subject().id()).isEqualTo(id);
    assertThat(f.message()).isNotBlank();
    assertThat(f.fix()).isEqualTo(code.fix());
  }

  @Test
  @DisplayName("every finding code is reachable by some planted trap")
  void everyCodeCovered() {
    List<FindingCode> covered = traps().map(a -> (FindingCode) a.get()[2]).distinct().toList();
    assertThat(covered).containsExactlyInAnyOrder(FindingCode.values());
  }

  @Test
  @DisplayName("findings that a platform can fix name the fix and the site")
  void platformFixes() {
    CleanCenter c = new CleanCenter();
    c.hqPlan.clear();
    c.hqRoutes.set(0, new PlatformInventory.OutboundRoute("or-e911-hq", "E911", List.of("Emergency"), true, "+18005550100"));
    c.users.put("u-raj", CleanCenter.withUser(c.users.get("u-raj"), List.of("loc-raj"), false, false));
    AuditReport report = audit(c);
    assertThat(report.findings(FindingCode.EMERGENCY_911_NOT_DIRECT).get(0).platformFixes())
        .containsExactly(new ConfigurationFix(ConfigurationFix.Kind.ADD_EMERGENCY_NUMBER_PLAN, "site-hq",
            "put e911's emergency entries at the head of the site's number plan"));
    assertThat(report.findings(FindingCode.EMERGENCY_CALLER_ID_MASKED).get(0).platformFixes())
        .extracting(ConfigurationFix::kind, ConfigurationFix::targetId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ConfigurationFix.Kind.UNMASK_EMERGENCY_CALLER_ID, "site-hq"));
    assertThat(report.findings(FindingCode.WEBRTC_FORCE_TURN_OFF).get(0).platformFixes().get(0).kind())
        .isEqualTo(ConfigurationFix.Kind.FORCE_TURN);
    assertThat(report.findings(FindingCode.WEBRTC_LOCATION_PROMPT_OFF).get(0).platformFixes().get(0).kind())
        .isEqualTo(ConfigurationFix.Kind.LOCATION_PROMPT);
    assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.EMERGENCY_911_NOT_DIRECT,
        FindingCode.EMERGENCY_CALLER_ID_MASKED, FindingCode.EMERGENCY_PREFIX_VARIANT_MISSING, FindingCode.EMERGENCY_933_MISSING,
        FindingCode.WEBRTC_FORCE_TURN_OFF, FindingCode.WEBRTC_LOCATION_PROMPT_OFF);
  }

  @Nested
  @DisplayName("says what it could not check instead of guessing")
  class Unknowns {

    @Test
    @DisplayName("a setting the platform cannot tell is a note, not a finding")
    void gaps() {
      CleanCenter c = new CleanCenter();
      c.users.put("u-raj", CleanCenter.withUser(c.users.get("u-raj"), List.of("loc-raj"), true, false));
      c.gaps.add(new PlatformInventory.Gap("u-raj", PlatformInventory.SETTING_LOCATION_PROMPT, "the template has no such key"));
      AuditReport report = audit(c);
      assertThat(report.findings()).isEmpty();
      assertThat(report.notes()).singleElement().asString().contains("emergencyLocationPrompt").contains("u-raj")
          .contains("the template has no such key");
    }

    @Test
    @DisplayName("without a configuration, site kinds are unknown and the remote checks are skipped with a note")
    void noConfig() {
      CleanCenter c = new CleanCenter();
      c.users.put("u-jane", CleanCenter.withUser(c.users.get("u-jane"), List.of("loc-hq"), false, false));
      AuditReport report = AUDITOR.audit(c.inventory());
      assertThat(report.findings()).isEmpty();
      assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("2 site(s) are neither in the configuration"))
          .anySatisfy(n -> assertThat(n).contains("no carrier read-back was given"));
    }

    @Test
    @DisplayName("explicit remote/fixed site ids stand in for the configuration")
    void explicitKinds() {
      CleanCenter c = new CleanCenter();
      c.users.put("u-jane", CleanCenter.withUser(c.users.get("u-jane"), List.of("loc-hq"), true, true));
      AuditReport report = AUDITOR.audit(AuditRequest.builder().inventory(c.inventory())
          .remoteSites(java.util.Set.of("site-remote")).fixedSites(java.util.Set.of("site-hq")).outsideLinePrefix("9").build());
      assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.REMOTE_AGENTS_PINNED_TO_HQ);
    }

    @Test
    @DisplayName("numbers missing from the read-back, or whose read-back failed, are noted")
    void readBackHoles() {
      CleanCenter c = new CleanCenter();
      c.carrier.remove("+13125550190");
      c.carrier.put("+15035550121", new ReadBackResult.Failed(BindingKey.number("+15035550121"),
          RemoteFailure.of(RemoteFailure.Kind.TRANSIENT, "down")));
      AuditReport report = audit(c);
      assertThat(report.findings()).isEmpty();
      assertThat(report.notes()).singleElement().asString().contains("+13125550190 (not in the read-back)")
          .contains("+15035550121 (read-back failed: TRANSIENT)");
    }

    @Test
    @DisplayName("sites no phone uses and the configuration does not name are left out, with a note")
    void unusedSites() {
      CleanCenter c = new CleanCenter();
      PlatformInventory base = c.inventory();
      List<PlatformInventory.Site> sites = new java.util.ArrayList<>(base.sites());
      sites.add(new PlatformInventory.Site("site-aws", "PureCloud Voice - AWS", "", List.of(), List.of()));
      PlatformInventory inv = new PlatformInventory(sites, base.locations(), base.users(), base.gaps());
      AuditReport report = AUDITOR.audit(AuditRequest.builder().inventory(inv).config(c.config())
          .carrierReadBack(c.readBack()).build());
      assertThat(report.findings()).isEmpty();
      assertThat(report.notes()).singleElement().asString().contains("1 site(s) that no phone uses");
    }
  }

  @Nested
  @DisplayName("audits a configuration file alone, offline")
  class Offline {

    @Test
    @DisplayName("a clean configuration gives no findings; the carrier is noted as unchecked")
    void cleanConfig() {
      AuditReport report = AUDITOR.auditConfig(new CleanCenter().config());
      assertThat(report.findings()).isEmpty();
      assertThat(report.notes()).singleElement().asString().contains("no carrier read-back");
    }

    @Test
    @DisplayName("a remote site whose media policy neither forces TURN nor prompts gives both findings")
    void remoteMediaPolicy() {
      CleanCenter c = new CleanCenter();
      c.remotePolicy = new Site.MediaPolicy(false, false);
      AuditReport report = AUDITOR.auditConfig(c.config(), c.readBack());
      assertThat(report.findings()).extracting(Finding::code)
          .containsExactly(FindingCode.WEBRTC_FORCE_TURN_OFF, FindingCode.WEBRTC_LOCATION_PROMPT_OFF);
      assertThat(report.findings()).allSatisfy(f -> assertThat(f.subject().id()).isEqualTo("site-remote"));
    }

    @Test
    @DisplayName("the shipped example finds exactly the traps planted in it (examples/README.md), nothing else")
    void example() throws Exception {
      Path example = Path.of("..", "examples", "contact-center.json");
      if (!Files.exists(example)) {
        example = Path.of("examples", "contact-center.json");
      }
      ContactCenterConfig config = ConfigLoader.load(example);
      AuditReport report = AUDITOR.auditConfig(config);
      assertThat(report.findings()).as(report.toText()).extracting(f -> f.code().name() + " " + f.subject().id())
          .containsExactlyInAnyOrder("LOCATION_ADDRESS_UNVERIFIED sf-hq-4", "WEBRTC_FORCE_TURN_OFF remote-west",
              "WEBRTC_LOCATION_PROMPT_OFF remote-west", "AGENT_VERIFICATION_STALE tom");
    }
  }

  @Nested
  @DisplayName("renders its report")
  class Rendering {

    @Test
    @DisplayName("as JSON with every field of every finding, parseable and escaped")
    void json() throws Exception {
      CleanCenter c = new CleanCenter();
      c.hqPlan.clear();
      c.gaps.add(new PlatformInventory.Gap("u-raj", PlatformInventory.SETTING_FORCE_TURN, "a \"quoted\"\nreason"));
      AuditReport report = audit(c);
      JsonNode json = new ObjectMapper().readTree(report.toJson());
      assertThat(json.path("auditedAt").asText()).isEqualTo("2026-11-26T12:00:00Z");
      assertThat(json.path("counts").path("ERROR").asInt()).isEqualTo(2);
      assertThat(json.path("counts").path("WARNING").asInt()).isEqualTo(1);
      JsonNode first = json.path("findings").get(0);
      assertThat(first.path("code").asText()).isEqualTo("EMERGENCY_911_NOT_DIRECT");
      assertThat(first.path("severity").asText()).isEqualTo("ERROR");
      assertThat(first.path("subject").path("type").asText()).isEqualTo("site");
      assertThat(first.path("subject").path("id").asText()).isEqualTo("site-hq");
      assertThat(first.path("platformFixes").get(0).path("kind").asText()).isEqualTo("ADD_EMERGENCY_NUMBER_PLAN");
      assertThat(json.path("notes").get(0).asText()).contains("a \"quoted\"\nreason");
    }

    @Test
    @DisplayName("as text: a summary line, one block per finding with its fix, then what was not checked")
    void text() {
      CleanCenter c = new CleanCenter();
      c.notifiers.clear();
      String text = AUDITOR.auditConfig(c.config()).toText();
      assertThat(text).startsWith("e911 compliance audit at 2026-11-26T12:00:00Z: 1 error(s), 0 warning(s), 0 info")
          .contains("ERROR   NO_ONSITE_NOTIFIER  contact-center (Acme support)")
          .contains("fix: configure a notifier").contains("not checked:");
    }
  }
}
