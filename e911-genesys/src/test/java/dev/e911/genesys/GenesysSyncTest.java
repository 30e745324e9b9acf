package dev.e911.genesys;

import static dev.e911.genesys.GenesysClientTest.failure;
import static dev.e911.genesys.GenesysClientTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.location.Location;
import dev.e911.api.phone.Elin;
import dev.e911.api.spi.PlatformResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.testkit.http.RecordedRequest;
import dev.e911.testkit.http.StubResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sync: locations with their ELIN, user assignment and the presence hard stop, idempotent")
class GenesysSyncTest {

  private final FakeGenesys fake = new FakeGenesys().cleanOrg();
  private final GenesysPlatform genesys = fake.platform().clock(new TestClock(fake.now())).build();

  static final DispatchableAddress RAJ_HOME = DispatchableAddress.builder("US").houseNumber("77").streetName("Alder")
      .streetSuffix("Rd").unit("Unit 5").city("Portland").state("OR").postalCode("97201-1234")
      .validation(new AddressValidation("reference", Instant.parse("2026-11-20T00:00:00Z"))).build();
  static final Location RAJ = new Location("raj-home", "WFH - Raj", RAJ_HOME,
      List.of(Elin.parse("+15035550121", "US", Elin.Kind.LOCATION_ELIN)));

  @AfterEach
  void close() {
    genesys.close();
    fake.close();
  }

  private List<RecordedRequest> writes() {
    return fake.server.requests().stream()
        .filter(r -> !r.method().equals("GET") && !r.path().equals("/oauth/token") && !r.path().endsWith("/search")).toList();
  }

  private static JsonNode body(RecordedRequest r) throws Exception {
    return FakeGenesys.M.readTree(r.bodyUtf8());
  }

  @Test
  @DisplayName("upsert creates the location with its address, ELIN and e911 marker; a second run writes nothing")
  void upsertCreatesThenNothing() throws Exception {
    String id = ok(genesys.upsertLocation(RAJ));
    List<RecordedRequest> posts = fake.server.requests("POST", "/api/v2/locations");
    assertThat(posts).hasSize(1);
    JsonNode sent = body(posts.get(0));
    assertThat(sent.path("name").asText()).isEqualTo("WFH - Raj");
    assertThat(sent.path("notes").asText()).isEqualTo("e911:raj-home");
    assertThat(sent.path("address").path("street1").asText()).isEqualTo("77 Alder Rd");
    assertThat(sent.path("address").path("street2").asText()).isEqualTo("Unit 5");
    assertThat(sent.path("address").path("zipcode").asText()).isEqualTo("97201-1234");
    assertThat(sent.path("address").path("country").asText()).isEqualTo("US");
    assertThat(sent.path("emergencyNumber").path("number").asText()).isEqualTo("+15035550121");
    assertThat(sent.path("emergencyNumber").path("type").asText()).isEqualTo("elin");
    assertThat(fake.locations.get(id).path("name").asText()).isEqualTo("WFH - Raj");

    int before = writes().size();
    assertThat(ok(genesys.upsertLocation(RAJ))).isEqualTo(id);
    assertThat(writes()).hasSize(before);
  }

  @Test
  @DisplayName("a changed ELIN is PATCHed with the current version and without the unchanged address")
  void upsertChangesNumber() throws Exception {
    String id = ok(genesys.upsertLocation(RAJ));
    Location moved = new Location("raj-home", "WFH - Raj", RAJ_HOME, List.of(Elin.parse("+15035550122", "US", Elin.Kind.LOCATION_ELIN)));
    assertThat(ok(genesys.upsertLocation(moved))).isEqualTo(id);
    List<RecordedRequest> patches = fake.server.requests("PATCH", "/api/v2/locations/" + id);
    assertThat(patches).hasSize(1);
    JsonNode sent = body(patches.get(0));
    assertThat(sent.path("version").asInt()).isEqualTo(1);
    assertThat(sent.has("address")).isFalse();
    assertThat(sent.path("emergencyNumber").path("number").asText()).isEqualTo("+15035550122");
    assertThat(fake.locations.get(id).path("version").asInt()).isEqualTo(2);
  }

  @Test
  @DisplayName("a changed address clears the ELIN first, then sets address and ELIN (Genesys refuses both at once)")
  void upsertChangesAddress() throws Exception {
    String id = ok(genesys.upsertLocation(RAJ));
    DispatchableAddress other = RAJ_HOME.toBuilder().houseNumber("79").build();
    ok(genesys.upsertLocation(new Location("raj-home", "WFH - Raj", other, RAJ.elins())));
    List<RecordedRequest> patches = fake.server.requests("PATCH", "/api/v2/locations/" + id);
    assertThat(patches).hasSize(2);
    assertThat(body(patches.get(0)).get("emergencyNumber").isNull()).isTrue();
    assertThat(body(patches.get(0)).has("address")).isFalse();
    assertThat(body(patches.get(1)).path("address").path("street1").asText()).isEqualTo("79 Alder Rd");
    assertThat(body(patches.get(1)).path("emergencyNumber").path("number").asText()).isEqualTo("+15035550121");
  }

  @Test
  @DisplayName("a POST answered 503 is not resent (it may have been applied) and fails TRANSIENT")
  void postNotResent() {
    // only the create (exact path): the search before it is a POST too
    fake.faults.add(new FakeGenesys.Fault("POST", p -> p.equals("/api/v2/locations"), StubResponse.status(503)));
    RemoteFailure f = failure(genesys.upsertLocation(RAJ));
    assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT);
    assertThat(fake.server.requests("POST", "/api/v2/locations")).hasSize(1);
    assertThat(ok(genesys.upsertLocation(RAJ))).as("the next run creates it").isNotBlank();
  }

  @Test
  @DisplayName("assigning a location PATCHes the user with version and the location; a second run writes nothing")
  void assign() throws Exception {
    String id = ok(genesys.assignLocation("u-jane", RAJ));
    List<RecordedRequest> patches = fake.server.requests("PATCH", "/api/v2/users/u-jane");
    assertThat(patches).hasSize(1);
    JsonNode sent = body(patches.get(0));
    assertThat(sent.path("version").asInt()).isEqualTo(7);
    assertThat(sent.path("locations").get(0).path("id").asText()).isEqualTo(id);
    assertThat(sent.path("locations").get(0).path("notes").asText()).isEqualTo("E911 verified 2026-11-26T12:00:00Z");
    assertThat(sent.path("locations")).hasSize(1);

    int before = writes().size();
    ok(genesys.assignLocation("u-jane", RAJ));
    assertThat(writes()).hasSize(before);
  }

  @Test
  @DisplayName("a 409 version conflict is re-read and retried with the new version")
  void assignConflict() throws Exception {
    fake.fault("PATCH", "/api/v2/users/u-jane",
        FakeGenesys.error(409, "general.conflict", "The version supplied does not match the current version of the user"));
    ok(genesys.assignLocation("u-jane", RAJ));
    assertThat(fake.server.requests("PATCH", "/api/v2/users/u-jane")).hasSize(2);
    assertThat(fake.server.requests("GET", "/api/v2/users/u-jane")).hasSize(2);
    assertThat(fake.users.get("u-jane").path("version").asInt()).isEqualTo(8);
  }

  @Test
  @DisplayName("a 400 saying the version does not match is a conflict too")
  void assignConflict400() {
    fake.fault("PATCH", "/api/v2/users/u-jane",
        FakeGenesys.error(400, "bad.request", "Version 7 does not match the current version 8"));
    ok(genesys.assignLocation("u-jane", RAJ));
    assertThat(fake.server.requests("PATCH", "/api/v2/users/u-jane")).hasSize(2);
  }

  @Test
  @DisplayName("a conflict that never resolves is CONFLICT after the configured re-reads, not a loop")
  void persistentConflict() {
    for (int i = 0; i < 10; i++) {
      fake.fault("PATCH", "/api/v2/users/u-jane", FakeGenesys.error(409, "general.conflict", "conflict"));
    }
    try (GenesysPlatform g = fake.platform().maxConflictRetries(2).build()) {
      RemoteFailure f = failure(g.assignLocation("u-jane", RAJ));
      assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.CONFLICT);
      assertThat(f.code()).isEqualTo("general.conflict");
    }
    assertThat(fake.server.requests("PATCH", "/api/v2/users/u-jane")).hasSize(3);
  }

  @Test
  @DisplayName("forceNotReady sets the system Busy definition with the reason; a second call writes nothing")
  void forceNotReady() throws Exception {
    assertThat(ok(genesys.forceNotReady("u-jane", "E911: confirm your location"))).isEqualTo("Busy");
    List<RecordedRequest> patches = fake.server.requests("PATCH", "/api/v2/users/u-jane/presences/purecloud");
    assertThat(patches).hasSize(1);
    assertThat(body(patches.get(0)).path("presenceDefinition").path("id").asText()).isEqualTo("pd-busy");
    assertThat(body(patches.get(0)).path("message").asText()).isEqualTo("E911: confirm your location");
    ok(genesys.forceNotReady("u-jane", "E911: confirm your location"));
    assertThat(fake.server.requests("PATCH", "/api/v2/users/u-jane/presences/purecloud")).hasSize(1);
    assertThat(fake.server.requests("GET", "/api/v2/presence/definitions")).as("definitions cached").hasSize(1);
  }

  @Test
  @DisplayName("forceNotReady to Away picks the Away system definition")
  void forceAway() throws Exception {
    try (GenesysPlatform g = fake.platform().notReadyPresence("Away").build()) {
      assertThat(ok(g.forceNotReady("u-bob", "x"))).isEqualTo("Away");
    }
    assertThat(body(fake.server.requests("PATCH", "/api/v2/users/u-bob/presences/purecloud").get(0))
        .path("presenceDefinition").path("id").asText()).isEqualTo("pd-away");
  }

  @Test
  @DisplayName("live event streaming is offered (GenesysNotificationsTest), and closing the adapter closes its subscriptions")
  void subscribeIsOfferedAndClosedWithTheAdapter() throws Exception {
    assertThat(genesys.subscribe(java.util.Set.of("u-jane"), e -> { })).isInstanceOf(PlatformResult.Ok.class);
    assertThat(fake.notifications.connected()).hasSize(1);
    genesys.close();
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    while (!fake.notifications.connected().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(fake.notifications.connected()).isEmpty();
  }
}
