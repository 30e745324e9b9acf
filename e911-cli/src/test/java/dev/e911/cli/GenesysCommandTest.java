package dev.e911.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.e911.genesys.FakeGenesys;
import dev.e911.testkit.http.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("./e911 genesys audit|sync|fix through the real main against the loopback Genesys fake")
class GenesysCommandTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final FakeGenesys fake = new FakeGenesys().cleanOrg();
  private final Map<String, String> env = new HashMap<>(Map.of(
      GenesysCommand.CLIENT_ID_VAR, FakeGenesys.CLIENT_ID, GenesysCommand.CLIENT_SECRET_VAR, FakeGenesys.SECRET_TEXT));

  @TempDir Path dir;

  @BeforeEach
  void hooks() {
    GenesysCommand.environment = env::get;
    // HTTP/1.1 (no h2c upgrade with the JDK stub server), tiny backoffs, no real sleeping, small pages
    GenesysCommand.builderHook = b -> b.httpClient(FakeGenesys.CLIENT).requestTimeout(Duration.ofSeconds(2))
        .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).retryLimits(Duration.ofSeconds(5), Duration.ofSeconds(30))
        .sleeper(d -> { }).paging(2, 50);
  }

  @AfterEach
  void restore() {
    GenesysCommand.environment = System::getenv;
    GenesysCommand.builderHook = UnaryOperator.identity();
    fake.close();
  }

  /** {@code genesys <args…> --api-base <fake> --login-base <fake>}. */
  private CliRunner genesys(String... args) {
    List<String> all = new ArrayList<>(List.of("genesys"));
    all.addAll(List.of(args));
    all.addAll(List.of("--api-base", fake.server.baseUri().toString(), "--login-base", fake.server.baseUri().toString()));
    CliRunner r = CliRunner.run(all.toArray(String[]::new));
    assertThat(r.out() + r.err()).as("the client secret is never printed").doesNotContain(FakeGenesys.SECRET_TEXT)
        .as("nor a token").doesNotContain("-abcdefgh");
    return r;
  }

  private static JsonNode json(CliRunner r) throws Exception {
    return MAPPER.readTree(r.out());
  }

  private static List<String> codes(JsonNode report) {
    return report.path("findings").findValuesAsText("code");
  }

  /** Every write the fake received (the token request and the location search are reads). */
  private List<RecordedRequest> writes() {
    return fake.server.requests().stream()
        .filter(r -> !r.method().equals("GET") && !r.path().equals("/oauth/token") && !r.path().endsWith("/search")).toList();
  }

  /**
   * The fake org's intent: site-hq is the San Francisco office, site-remote-jane a remote site; the locations are the
   * fake's HQ and Jane's home (same address and ELIN), plus Raj's home, which Genesys does not have yet.
   */
  private Path config(String hqElin, boolean withNotifier) throws Exception {
    String text = """
        {
          "name": "Fake org",
          "defaultRegion": "US",
          "sites": [
            {"id": "site-hq", "name": "San Francisco HQ", "kind": "FIXED", "defaultLocationId": "hq",
             "mediaPolicy": {"forceTurn": false, "promptForEmergencyLocation": false}, "elinPool": []},
            {"id": "site-remote-jane", "name": "Remote - Jane", "kind": "REMOTE", "defaultLocationId": "jane-home",
             "mediaPolicy": {"forceTurn": true, "promptForEmergencyLocation": true}, "elinPool": []}
          ],
          "locations": [
            {"id": "hq", "name": "SF HQ", "elins": ["HQ_ELIN"],
             "address": {"country": "US", "state": "CA", "city": "San Francisco", "houseNumber": "1200", "preDirectional": "N",
                         "streetName": "Point", "streetSuffix": "St", "postalCode": "94133", "floor": "2",
                         "validation": {"validatedBy": "reference", "validatedAt": "2026-11-20T15:04:05Z"}}},
            {"id": "jane-home", "name": "WFH - Jane", "elins": ["+1 512 555 0117"],
             "address": {"country": "US", "state": "TX", "city": "Austin", "houseNumber": "4521",
                         "streetName": "Avenida de los Arboles", "unit": "Apt 2B", "postalCode": "78745",
                         "validation": {"validatedBy": "reference", "validatedAt": "2026-11-20T15:04:05Z"}}},
            {"id": "raj-home", "name": "WFH - Raj", "elins": ["+1 503 555 0121"],
             "address": {"country": "US", "state": "OR", "city": "Portland", "houseNumber": "77", "streetName": "Alder",
                         "streetSuffix": "Rd", "unit": "Unit 5", "postalCode": "97201-1234",
                         "validation": {"validatedBy": "reference", "validatedAt": "2026-11-20T15:04:05Z"}}}
          ],
          "rules": [
            {"id": "911", "pattern": "^911$", "classification": "EMERGENCY", "priority": 1, "callbackPolicy": "AGENT_DID", "notifyOnSite": true},
            {"id": "933", "pattern": "^933$", "classification": "EMERGENCY_TEST", "priority": 3, "callbackPolicy": "AGENT_DID", "notifyOnSite": false}
          ],
          "notifiers": NOTIFIERS
        }
        """.replace("HQ_ELIN", hqElin)
        .replace("NOTIFIERS", withNotifier ? "[{\"id\": \"desk\", \"type\": \"log\", \"settings\": {}, \"secretsFromEnv\": {}}]" : "[]");
    return Files.writeString(dir.resolve("fake-org.json"), text);
  }

  @Nested
  @DisplayName("genesys audit")
  class Audit {

    @Test
    @DisplayName("a clean org has no findings: exit 0, in text and in JSON")
    void clean() throws Exception {
      CliRunner text = genesys("audit");
      assertThat(text.exitCode()).as(text.err()).isZero();
      assertThat(text.out()).contains("e911 compliance audit", "0 error(s)", "no traps found");
      CliRunner j = genesys("audit", "--format", "json");
      assertThat(j.exitCode()).isZero();
      JsonNode doc = json(j);
      assertThat(doc.path("counts").path("ERROR").asInt()).isZero();
      assertThat(doc.path("findings")).isEmpty();
      assertThat(writes()).as("an audit only reads").isEmpty();
    }

    @Test
    @DisplayName("planted traps are reported with their codes and platform fixes: exit 4")
    void traps() throws Exception {
      fake.numberPlans.get("site-hq").remove(1); // 933
      fake.trunkBases.get("tb-e911").set("properties", FakeGenesys.json("{"
          + "'trunk_outboundIdentity_callingAddress':{'value':{'instance':'+18005550100'}},"
          + "'trunk_outboundIdentity_callingAddress_overrideMethod':{'value':{'instance':'Always'}}}"));
      fake.locations.get("loc-jane").put("addressVerified", false);
      CliRunner r = genesys("audit", "--format", "json");
      assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
      JsonNode doc = json(r);
      assertThat(codes(doc)).contains("EMERGENCY_933_MISSING", "EMERGENCY_CALLER_ID_MASKED", "LOCATION_ADDRESS_UNVERIFIED");
      assertThat(doc.path("counts").path("ERROR").asInt()).isPositive();
      assertThat(doc.path("findings").findValuesAsText("kind")).contains("ADD_EMERGENCY_NUMBER_PLAN", "UNMASK_EMERGENCY_CALLER_ID");
      CliRunner text = genesys("audit");
      assertThat(text.exitCode()).isEqualTo(4);
      assertThat(text.out()).contains("ERROR   EMERGENCY_CALLER_ID_MASKED", "platform fix: ADD_EMERGENCY_NUMBER_PLAN on site-hq");
    }

    @Test
    @DisplayName("--config adds what only the configuration knows: site kinds (Force TURN on a remote site) and notifiers")
    void withConfig() throws Exception {
      fake.stations.get("st-jane").put("webRtcForceTurn", false);
      CliRunner without = genesys("audit", "--format", "json");
      assertThat(without.exitCode()).as(without.err()).isZero();
      assertThat(codes(json(without))).doesNotContain("WEBRTC_FORCE_TURN_OFF", "NO_ONSITE_NOTIFIER");
      CliRunner with = genesys("audit", "--config", config("+14155550140", false).toString(), "--format", "json");
      assertThat(with.exitCode()).as(with.err()).isEqualTo(4);
      assertThat(codes(json(with))).contains("WEBRTC_FORCE_TURN_OFF", "NO_ONSITE_NOTIFIER");
    }

    @Test
    @DisplayName("an unreadable configuration is bad input: exit 1 before anything is asked of Genesys")
    void badConfig() throws Exception {
      Path broken = Files.writeString(dir.resolve("broken.json"), "{\"name\": \"x\", \"sites\": 3}");
      CliRunner r = genesys("audit", "--config", broken.toString());
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("broken.json");
      assertThat(fake.server.requests()).isEmpty();
    }
  }

  @Nested
  @DisplayName("genesys sync")
  class Sync {

    @Test
    @DisplayName("creates and updates what differs, keeps what is equal; the second run changes nothing and writes nothing")
    void twice() throws Exception {
      String cfg = config("+14155550149", true).toString();
      CliRunner first = genesys("sync", "--config", cfg, "--format", "json");
      assertThat(first.exitCode()).as(first.err()).isZero();
      JsonNode doc = json(first);
      assertThat(doc.path("dryRun").asBoolean()).isFalse();
      assertThat(doc.path("locations").asInt()).isEqualTo(3);
      assertThat(doc.path("changed").asInt()).isEqualTo(2);
      JsonNode hq = doc.path("results").get(0);
      assertThat(hq.path("action").asText()).isEqualTo("UPDATE");
      assertThat(hq.path("genesysId").asText()).isEqualTo("loc-hq");
      assertThat(hq.path("changes").get(0).asText()).isEqualTo("~ emergencyNumber: '+14155550140' -> '+14155550149'");
      assertThat(doc.path("results").get(1).path("action").asText()).isEqualTo("UNCHANGED");
      JsonNode raj = doc.path("results").get(2);
      assertThat(raj.path("action").asText()).isEqualTo("CREATE");
      assertThat(raj.path("changes").toString()).contains("+ address.street1: '77 Alder Rd'", "+ address.zipcode: '97201-1234'",
          "+ emergencyNumber: '+15035550121'");
      assertThat(fake.locations.get("loc-hq").path("emergencyNumber").path("number").asText()).isEqualTo("+14155550149");

      int writesBefore = writes().size();
      CliRunner second = genesys("sync", "--config", cfg);
      assertThat(second.exitCode()).as(second.err()).isZero();
      assertThat(second.out()).contains(": 0 changed").doesNotContain("created", "updated");
      assertThat(second.out().lines().filter(l -> l.startsWith("unchanged"))).hasSize(3);
      assertThat(writes()).as("the second run sends no write").hasSize(writesBefore);
    }

    @Test
    @DisplayName("--dry-run writes nothing and predicts exactly what the real run then does")
    void dryRunPredicts() throws Exception {
      String cfg = config("+14155550149", true).toString();
      CliRunner dry = genesys("sync", "--config", cfg, "--dry-run", "--format", "json");
      assertThat(dry.exitCode()).as(dry.err()).isZero();
      assertThat(writes()).isEmpty();
      JsonNode planned = json(dry);
      assertThat(planned.path("dryRun").asBoolean()).isTrue();
      CliRunner real = genesys("sync", "--config", cfg, "--format", "json");
      JsonNode done = json(real);
      for (int i = 0; i < 3; i++) {
        assertThat(done.path("results").get(i).path("action")).isEqualTo(planned.path("results").get(i).path("action"));
        assertThat(done.path("results").get(i).path("changes")).isEqualTo(planned.path("results").get(i).path("changes"));
      }
      CliRunner text = genesys("sync", "--config", cfg, "--dry-run");
      assertThat(text.out()).contains("dry run: nothing was written", "0 would change");
    }

    @Test
    @DisplayName("--config is required")
    void configRequired() {
      CliRunner r = genesys("sync");
      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).contains("--config");
    }

    @Test
    @DisplayName("a location Genesys refuses is reported with the Genesys code and contextId; the others are still synced (exit 1)")
    void oneRefused() throws Exception {
      fake.faults.add(new FakeGenesys.Fault("POST", p -> p.equals("/api/v2/locations"),
          FakeGenesys.error(400, "bad.request", "The address is not valid")));
      CliRunner r = genesys("sync", "--config", config("+14155550149", true).toString());
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.out()).contains("updated", "FAILED");
      assertThat(r.err()).contains("raj-home", "INVALID_REQUEST", "HTTP 400", "bad.request", "ctx-400-0001");
    }
  }

  @Nested
  @DisplayName("genesys fix")
  class Fix {

    @Test
    @DisplayName("--dry-run prints the diffs and writes nothing; applying changes the org, says what it cannot fix, and audits again")
    void dryRunThenApply() throws Exception {
      fake.numberPlans.get("site-hq").remove(1); // 933: ADD_EMERGENCY_NUMBER_PLAN
      // the Emergency route shares the masked trunk of the Default route: UNMASK is refused on this org
      fake.routes.get("site-hq").get(0).set("externalTrunkBases", FakeGenesys.array("[{'id':'tb-main'}]"));

      CliRunner dry = genesys("fix", "--dry-run");
      assertThat(dry.exitCode()).as(dry.err()).isEqualTo(4);
      assertThat(dry.out()).contains("dry run: nothing was written",
          "would change ADD_EMERGENCY_NUMBER_PLAN on site-hq  (EMERGENCY_933_MISSING)",
          "+ E911 933 (regex ^933$ -> 933, Emergency) at position 2",
          "UNSUPPORTED  UNMASK_EMERGENCY_CALLER_ID on site-hq",
          "not possible on this org:", "trunk base tb-main also carries route 'Default'");
      assertThat(writes()).as("a dry run writes nothing").isEmpty();

      CliRunner applied = genesys("fix", "--format", "json");
      assertThat(applied.exitCode()).as(applied.err()).isEqualTo(4);
      JsonNode doc = json(applied);
      assertThat(doc.path("dryRun").asBoolean()).isFalse();
      assertThat(codes(doc.path("before"))).contains("EMERGENCY_933_MISSING", "EMERGENCY_CALLER_ID_MASKED");
      Map<String, JsonNode> byKind = new HashMap<>();
      doc.path("fixes").forEach(f -> byKind.put(f.path("kind").asText() + " " + f.path("targetId").asText(), f));
      JsonNode plan = byKind.get("ADD_EMERGENCY_NUMBER_PLAN site-hq");
      assertThat(plan.path("result").asText()).isEqualTo("CHANGED");
      assertThat(plan.path("diff").get(0).asText()).isEqualTo("+ E911 933 (regex ^933$ -> 933, Emergency) at position 2");
      JsonNode unmask = byKind.get("UNMASK_EMERGENCY_CALLER_ID site-hq");
      assertThat(unmask.path("result").asText()).isEqualTo("UNSUPPORTED");
      assertThat(unmask.path("reason").asText()).contains("tb-main");
      assertThat(codes(doc.path("after"))).doesNotContain("EMERGENCY_933_MISSING").contains("EMERGENCY_CALLER_ID_MASKED");
      assertThat(fake.numberPlans.get("site-hq").findValuesAsText("name")).startsWith("E911 911", "E911 933");
      assertThat(fake.server.requests("PUT", FakeGenesys.EDGES + "/trunkbasesettings/tb-main")).isEmpty();

      CliRunner again = genesys("fix");
      assertThat(again.exitCode()).isEqualTo(4);
      assertThat(again.out()).doesNotContain("ADD_EMERGENCY_NUMBER_PLAN").contains("UNSUPPORTED");
      assertThat(fake.server.requests("PUT", FakeGenesys.EDGES + "/sites/site-hq/numberplans")).hasSize(1);
    }

    @Test
    @DisplayName("with --config the number plans pushed carry the configuration's outside-line prefix; a fixed org exits 0")
    void prefixFromConfig() throws Exception {
      Path cfg = config("+14155550140", true);
      Files.writeString(cfg, Files.readString(cfg).replace("\"defaultRegion\": \"US\",", "\"defaultRegion\": \"US\", \"outsideLinePrefix\": \"9\","));
      CliRunner dry = genesys("fix", "--config", cfg.toString(), "--dry-run", "--format", "json");
      assertThat(dry.exitCode()).as(dry.err()).isEqualTo(4);
      assertThat(codes(json(dry).path("before"))).contains("EMERGENCY_PREFIX_VARIANT_MISSING");
      assertThat(json(dry).path("after").isNull()).isTrue();
      CliRunner applied = genesys("fix", "--config", cfg.toString());
      assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
      assertThat(applied.out()).contains("changed      ADD_EMERGENCY_NUMBER_PLAN on site-hq", "~ E911 911: match '^911$' -> '^9?911$'",
          "after the fixes:", "0 error(s)");
    }

    @Test
    @DisplayName("a clean org has nothing to fix: exit 0, no write")
    void nothingToFix() {
      CliRunner r = genesys("fix");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("0 finding(s), 0 platform fix(es)");
      assertThat(writes()).isEmpty();
    }
  }

  @Nested
  @DisplayName("connection and credentials")
  class Connection {

    @Test
    @DisplayName("a missing environment variable is bad input naming it: exit 1, nothing sent")
    void missingVariables() {
      env.remove(GenesysCommand.CLIENT_SECRET_VAR);
      CliRunner r = genesys("audit");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("GENESYS_CLIENT_SECRET").contains("not set");
      env.put(GenesysCommand.CLIENT_SECRET_VAR, FakeGenesys.SECRET_TEXT);
      env.put(GenesysCommand.CLIENT_ID_VAR, " ");
      CliRunner id = genesys("sync", "--config", "no-such-file.json");
      assertThat(id.exitCode()).isEqualTo(1);
      assertThat(id.err()).contains("no-such-file.json");
      CliRunner blank = genesys("fix", "--dry-run");
      assertThat(blank.exitCode()).isEqualTo(1);
      assertThat(blank.err()).contains("GENESYS_CLIENT_ID");
      assertThat(fake.server.requests()).isEmpty();
    }

    @Test
    @DisplayName("a 401 on the API (twice, after one token renewal) is exit 1 with the Genesys code, status and contextId")
    void unauthorized() {
      for (int i = 0; i < 4; i++) {
        fake.fault("GET", "/api/v2/", FakeGenesys.error(401, "authentication.required", "No authentication bearer token specified"));
      }
      CliRunner r = genesys("audit", "--format", "json");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).contains("AUTHENTICATION", "HTTP 401", "authentication.required", "ctx-401-0001",
          "GENESYS_CLIENT_ID", "GENESYS_CLIENT_SECRET");
    }

    @Test
    @DisplayName("refused credentials (the OAuth answer even echoes the secret) are exit 1 and the secret is not printed")
    void refusedCredentials() {
      fake.refuseCredentials = true;
      CliRunner r = genesys("fix");
      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.err()).contains("AUTHENTICATION", "invalid_client", "refused the OAuth client credentials");
    }

    @Test
    @DisplayName("--region or both URLs: neither, or both kinds, is a usage error; an unknown region is bad input")
    void target() {
      assertThat(CliRunner.run("genesys", "audit").exitCode()).isEqualTo(2);
      assertThat(CliRunner.run("genesys", "audit", "--api-base", "http://127.0.0.1:1").exitCode()).isEqualTo(2);
      assertThat(genesys("audit", "--region", "us_west_2").exitCode()).isEqualTo(2);
      CliRunner unknown = CliRunner.run("genesys", "audit", "--region", "mars_north_1");
      assertThat(unknown.exitCode()).isEqualTo(1);
      assertThat(unknown.err()).contains("--region", "not a Genesys Cloud region");
    }

    @Test
    @DisplayName("genesys alone prints its usage with the environment variables")
    void usage() {
      CliRunner r = CliRunner.run("genesys");
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).contains("audit", "sync", "fix", "GENESYS_CLIENT_ID", "GENESYS_CLIENT_SECRET");
    }
  }
}
