package dev.e911.genesys;

import static dev.e911.genesys.GenesysClientTest.failure;
import static dev.e911.genesys.GenesysClientTest.ok;
import static dev.e911.genesys.SdkWire.sdkResponse;
import static dev.e911.genesys.SdkWire.serverSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.mypurecloud.sdk.v2.extensions.AuthResponse;
import com.mypurecloud.sdk.v2.model.Detail;
import com.mypurecloud.sdk.v2.model.ErrorBody;
import com.mypurecloud.sdk.v2.model.LocationDefinition;
import com.mypurecloud.sdk.v2.model.LocationEntityListing;
import com.mypurecloud.sdk.v2.model.LocationsSearchResponse;
import com.mypurecloud.sdk.v2.model.OutboundRouteBaseEntityListing;
import com.mypurecloud.sdk.v2.model.PhoneEntityListing;
import com.mypurecloud.sdk.v2.model.Site;
import com.mypurecloud.sdk.v2.model.SiteEntityListing;
import com.mypurecloud.sdk.v2.model.StationEntityListing;
import com.mypurecloud.sdk.v2.model.UserEntityListing;
import dev.e911.api.agent.StationKind;
import dev.e911.api.spi.PlatformInventory;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.testkit.http.RecordedRequest;
import dev.e911.testkit.http.StubHttpServer;
import dev.e911.testkit.http.StubResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, responses: a loopback server answers every call the adapter makes with a body built from the
 * official SDK's model classes and serialized by the SDK's mapper settings (token, paged listings with
 * the SDK's envelopes, plain arrays, single entities, error bodies), and the adapter must read the same
 * values back.
 */
@DisplayName("Wire fidelity: every response shape we parse, built from the official Genesys Cloud SDK models")
class ResponseFidelityTest {

  private static final String E = SdkOrg.EDGES;
  private static final String API = SdkOrg.API;
  private static final String TOKEN = "sdk-token-7f3a9c2e";

  private final StubHttpServer server = StubHttpServer.start();
  private final GenesysPlatform genesys = GenesysPlatform.builder()
      .apiBase(server.baseUri()).loginBase(server.baseUri())
      .clientId(FakeGenesys.CLIENT_ID).clientSecret(FakeGenesys.SECRET)
      .requestTimeout(Duration.ofSeconds(2)).backoff(Duration.ofMillis(1), Duration.ofMillis(5))
      .retryLimits(Duration.ofSeconds(5), Duration.ofSeconds(30)).sleeper(d -> { })
      .paging(2, 20).httpClient(FakeGenesys.CLIENT).build();

  ResponseFidelityTest() {
    AuthResponse auth = new AuthResponse();
    auth.setAccess_token(TOKEN);
    auth.setToken_type("bearer");
    auth.setExpires_in(86399);
    server.on("POST", "/oauth/token").respond(sdkResponse(auth));
  }

  @AfterEach
  void close() {
    genesys.close();
    server.close();
  }

  /**
   * Answers a paged GET the way Genesys does, in the SDK listing {@code listing}: the page asked for by
   * {@code pageSize}/{@code pageNumber}, with {@code total}, {@code pageCount} and the page URIs.
   */
  private static <L> Function<RecordedRequest, StubResponse> paged(Supplier<L> listing, List<?> all, String path) {
    return r -> {
      int size = Integer.parseInt(r.queryParameter("pageSize").orElse("25"));
      int number = Integer.parseInt(r.queryParameter("pageNumber").orElse("1"));
      int count = Math.max(1, (all.size() + size - 1) / size);
      L page = listing.get();
      serverSet(page, "entities", all.subList(Math.min(all.size(), (number - 1) * size), Math.min(all.size(), number * size)));
      serverSet(page, "pageSize", size);
      serverSet(page, "pageNumber", number);
      serverSet(page, "total", (long) all.size());
      serverSet(page, "pageCount", count);
      String uri = path + "?pageSize=" + size + "&pageNumber=";
      serverSet(page, "selfUri", uri + number);
      serverSet(page, "firstUri", uri + 1);
      serverSet(page, "lastUri", uri + count);
      if (number < count) {
        serverSet(page, "nextUri", uri + (number + 1));
      }
      if (number > 1) {
        serverSet(page, "previousUri", uri + (number - 1));
      }
      return sdkResponse(page);
    };
  }

  /** The repeated values of a query parameter ({@code fields=a&fields=b}). */
  static List<String> all(RecordedRequest r, String name) {
    List<String> out = new java.util.ArrayList<>();
    for (String pair : r.query() == null ? new String[0] : r.query().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8).equals(name)) {
        out.add(java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /**
   * {@code GET .../phones} as Genesys answers it: {@code webRtcUser}, {@code lines[].loggedInUser} and
   * {@code lines[].defaultForUser} are opt-in {@code fields} (the SDK's {@code fieldsValues} for this
   * endpoint are exactly {@code webRtcUser, properties.*, lines.loggedInUser, lines.defaultForUser};
   * Genesys's own phone samples and the Terraform provider's phone export ask for
   * {@code fields=webRtcUser} to see the WebRTC user in the listing), so a listing that does not ask
   * for them does not carry them.
   */
  private static Function<RecordedRequest, StubResponse> phones(List<com.mypurecloud.sdk.v2.model.Phone> all) {
    return r -> {
      List<String> fields = all(r, "fields");
      List<com.mypurecloud.sdk.v2.model.Phone> answered = new java.util.ArrayList<>();
      for (com.mypurecloud.sdk.v2.model.Phone p : all) {
        if (r.queryParameter("site.id").isPresent() && !r.queryParameter("site.id").get().equals(p.getSite().getId())) {
          continue;
        }
        if (!fields.contains("webRtcUser")) {
          p.setWebRtcUser(null);
        }
        for (com.mypurecloud.sdk.v2.model.Line l : p.getLines()) {
          if (!fields.contains("lines.loggedInUser")) {
            l.setLoggedInUser(null);
          }
          if (!fields.contains("lines.defaultForUser")) {
            l.setDefaultForUser(null);
          }
        }
        answered.add(p);
      }
      return paged(PhoneEntityListing::new, answered, E + "/phones").apply(r);
    };
  }

  private void org() {
    List<Site> sites = List.of(SdkOrg.siteHq(), SdkOrg.siteJane());
    server.on("GET", E + "/sites").respondWith(paged(SiteEntityListing::new, sites, E + "/sites"));
    for (Site s : sites) {
      server.on("GET", E + "/sites/" + s.getId() + "/numberplans").respond(sdkResponse(SdkOrg.plans(s.getId())));
      server.on("GET", E + "/sites/" + s.getId() + "/outboundroutes").respondWith(paged(OutboundRouteBaseEntityListing::new,
          SdkOrg.routes(s.getId()), E + "/sites/" + s.getId() + "/outboundroutes"));
    }
    server.on("GET", E + "/trunkbasesettings/tb-e911").respond(sdkResponse(SdkOrg.trunkE911()));
    server.on("GET", E + "/trunkbasesettings/tb-main").respond(sdkResponse(SdkOrg.trunk("tb-main", "BYOC main", "", "Unassigned DID",
        List.of("Source", "Trunk"))));
    LocationDefinition deleted = SdkOrg.location("loc-old", "Old office", new com.mypurecloud.sdk.v2.model.LocationAddress(), "", 9, "");
    serverSet(deleted, "state", LocationDefinition.StateEnum.DELETED);
    server.on("GET", API + "/locations").respondWith(paged(LocationEntityListing::new,
        List.of(SdkOrg.locationHq(), SdkOrg.locationJane(), deleted, SdkOrg.locationRaj()), API + "/locations"));
    server.on("GET", API + "/stations").respondWith(paged(StationEntityListing::new,
        List.of(SdkOrg.station("st-jane", "u-jane", false), SdkOrg.station("st-bob", "u-bob", true)), API + "/stations"));
    server.on("GET", E + "/phones").respondWith(phones(List.of(SdkOrg.phoneJane(), SdkOrg.phoneBob(), SdkOrg.phoneDee())));
    server.on("GET", E + "/phonebasesettings/template").respond(sdkResponse(SdkOrg.template()));
    server.on("GET", E + "/phonebasesettings/pb-webrtc").respond(sdkResponse(SdkOrg.phoneBase("pb-webrtc", "WebRTC",
        "inin_webrtc_softphone.json", SdkOrg.phoneProperties(true, false))));
    server.on("GET", E + "/phonebasesettings/pb-desk").respond(sdkResponse(SdkOrg.phoneBaseDesk()));
    server.on("GET", API + "/users").respondWith(paged(UserEntityListing::new,
        List.of(SdkOrg.userJane(), SdkOrg.userBob(), SdkOrg.userDee()), API + "/users"));
  }

  @Test
  @DisplayName("the inventory read from SDK-built sites, plans, routes, trunks, locations, stations, phones, bases and users")
  void inventory() {
    org();
    PlatformInventory inv = ok(genesys.readInventory());

    assertThat(server.unmatchedRequests()).isEmpty();
    assertThat(server.requests()).filteredOn(r -> !r.path().equals("/oauth/token"))
        .allSatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer " + TOKEN));
    // the pager followed the SDK envelopes: two pages of users and of phones, one of sites
    assertThat(server.requests("GET", API + "/users")).hasSize(2);
    assertThat(server.requests("GET", E + "/phones")).hasSize(2);
    assertThat(server.requests("GET", E + "/sites")).hasSize(1);

    assertThat(inv.sites()).extracting(PlatformInventory.Site::id, PlatformInventory.Site::name, PlatformInventory.Site::locationId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("site-hq", "San Francisco HQ", "loc-hq"),
            org.assertj.core.groups.Tuple.tuple("site-remote-jane", "Remote - Jane", "loc-jane"));
    PlatformInventory.Site hq = inv.sites().get(0);
    assertThat(hq.numberPlan()).extracting(PlatformInventory.NumberPlanEntry::name, PlatformInventory.NumberPlanEntry::pattern,
        PlatformInventory.NumberPlanEntry::classification, PlatformInventory.NumberPlanEntry::priority).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Emergency", "^(?:\\Q911\\E|\\Q933\\E)$", "Emergency", 0),
        org.assertj.core.groups.Tuple.tuple("Extension", "^[0-9]{3,5}$", "Extension", 1),
        org.assertj.core.groups.Tuple.tuple("National", "(?!)", "National", 2),
        org.assertj.core.groups.Tuple.tuple("Suicide Prevention", "^(?:\\Q988\\E)$", "Suicide Prevention", 3),
        org.assertj.core.groups.Tuple.tuple("International", "^011(\\d+)$", "International", 4));
    assertThat(hq.outboundRoutes()).extracting(PlatformInventory.OutboundRoute::id, PlatformInventory.OutboundRoute::classificationTypes,
        PlatformInventory.OutboundRoute::callerIdMasked, PlatformInventory.OutboundRoute::callerIdNumber).containsExactly(
        org.assertj.core.groups.Tuple.tuple("or-e911-site-hq", List.of("Emergency"), true, "+18005550100"),
        org.assertj.core.groups.Tuple.tuple("or-main-site-hq", List.of("National", "International"), false, ""));

    assertThat(inv.locations()).extracting(PlatformInventory.Location::id).containsExactly("loc-hq", "loc-jane", "loc-raj");
    PlatformInventory.Location jane = inv.locations().get(1);
    assertThat(jane.name()).isEqualTo("WFH - Jane");
    assertThat(jane.addressVerified()).isTrue();
    assertThat(jane.emergencyNumber()).isEqualTo("+15125550117");
    assertThat(jane.address()).containsExactlyInAnyOrderEntriesOf(Map.of("street1", "4521 Avenida de los Arboles",
        "street2", "Apt 2B", "city", "Austin", "state", "TX", "zipcode", "78745", "country", "US"));

    assertThat(inv.users()).extracting(PlatformInventory.User::id, PlatformInventory.User::siteId, PlatformInventory.User::locationIds,
        PlatformInventory.User::station, PlatformInventory.User::webRtcForceTurn, PlatformInventory.User::emergencyLocationPrompt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("u-jane", "site-remote-jane", List.of("loc-jane"), StationKind.WEBRTC, false, false),
            org.assertj.core.groups.Tuple.tuple("u-bob", "site-hq", List.of("loc-hq"), StationKind.WEBRTC, true, false),
            org.assertj.core.groups.Tuple.tuple("u-dee", "site-hq", List.of(), StationKind.HARD_PHONE, false, false));
    assertThat(inv.users()).extracting(PlatformInventory.User::name).containsExactly("Jane Doe", "Bob Office", "Dee Desk");
    assertThat(inv.gaps()).isEmpty();
  }

  @Test
  @DisplayName("the Force TURN fix finds the site's WebRTC phones by webRtcUser, which the listing carries only when asked")
  void phoneFixFindsWebRtcPhones() {
    org();
    com.mypurecloud.sdk.v2.model.Phone jane = SdkOrg.phoneJane().phoneMetaBase(null);
    server.on("GET", E + "/sites/site-remote-jane").respond(sdkResponse(SdkOrg.siteJane()));
    server.on("GET", E + "/phonebasesettings/pb-webrtc").respond(sdkResponse(SdkOrg.phoneBaseWebRtc()));
    server.on("GET", E + "/phones").respondWith(phones(List.of(jane, SdkOrg.phoneBob(), SdkOrg.phoneDee())));

    dev.e911.api.spi.ConfigurationFix.Outcome dry = ok(genesys.applyFix(new dev.e911.api.spi.ConfigurationFix(
        dev.e911.api.spi.ConfigurationFix.Kind.FORCE_TURN, "site-remote-jane", ""), true));
    assertThat(dry.changed()).isTrue();
    assertThat(dry.diff()).contains("pb-webrtc").contains(FakeGenesys.TURN_KEY + " false -> true");
    assertThat(server.requests("PUT", E + "/phonebasesettings/pb-webrtc")).isEmpty();
  }

  @Test
  @DisplayName("forceNotReady reads the SDK presence-definition listing and UserPresence: System Busy, not the User one")
  void presence() {
    server.on("GET", API + "/presence/definitions").respond(sdkResponse(SdkOrg.definitions()));
    server.on("GET", API + "/users/u-jane/presences/purecloud").respond(sdkResponse(SdkOrg.presence("pd-busy", "Busy", "E911: stop")));
    server.on("GET", API + "/users/u-bob/presences/purecloud").respond(sdkResponse(SdkOrg.presence("pd-available", "Available", "")));
    server.on("PATCH", API + "/users/u-bob/presences/purecloud").respond(sdkResponse(SdkOrg.presence("pd-busy", "Busy", "E911: stop")));

    assertThat(ok(genesys.forceNotReady("u-jane", "E911: stop"))).isEqualTo("Busy");
    assertThat(server.requests("PATCH", API + "/users/u-jane/presences/purecloud")).as("already Busy with the message").isEmpty();
    assertThat(ok(genesys.forceNotReady("u-bob", "E911: stop"))).isEqualTo("Busy");
    List<RecordedRequest> patches = server.requests("PATCH", API + "/users/u-bob/presences/purecloud");
    assertThat(patches).hasSize(1);
    assertThat(SdkWire.tree(patches.get(0).bodyUtf8()).path("presenceDefinition").path("id").asText()).isEqualTo("pd-busy");
    assertThat(server.unmatchedRequests()).isEmpty();
  }

  @Test
  @DisplayName("upsert of an unchanged location reads LocationsSearchResponse and LocationDefinition and writes nothing")
  void locationSearch() {
    LocationsSearchResponse found = new LocationsSearchResponse().total(1L).pageCount(1).pageSize(25).pageNumber(1)
        .types(List.of("locations")).results(List.of(SdkOrg.locationRaj()));
    server.on("POST", API + "/locations/search").respond(sdkResponse(found));
    server.on("GET", API + "/locations/loc-raj").respond(sdkResponse(SdkOrg.locationRaj()));

    assertThat(ok(genesys.upsertLocation(SdkOrg.RAJ))).isEqualTo("loc-raj");
    assertThat(server.requests()).extracting(RecordedRequest::method).containsOnly("POST", "GET");
    assertThat(server.requests("POST", API + "/locations")).isEmpty();
    assertThat(server.unmatchedRequests()).isEmpty();
  }

  @Test
  @DisplayName("an SDK ErrorBody becomes a typed failure with its code, message and contextId")
  void errorBody() {
    ErrorBody body = new ErrorBody().status(403).code("missing.any.permissions")
        .message("You are missing the following permission(s): presence:userPresence:edit")
        .contextId("0b5c2f8e-9d1a-4c3b-8f6e-2a7d9e1c4b5a").messageWithParams("You are missing {perms}")
        .messageParams(Map.of("perms", "presence:userPresence:edit"))
        .details(List.of(new Detail().errorCode("missing.any.permissions").fieldName("presence")))
        .errors(List.of());
    server.on("GET", API + "/presence/definitions").respond(sdkResponse(SdkOrg.definitions()));
    server.on("GET", API + "/users/u-x/presences/purecloud").respond(sdkResponse(403, body));

    RemoteFailure f = failure(genesys.forceNotReady("u-x", "E911: stop"));
    assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.PERMISSION);
    assertThat(f.httpStatus()).isEqualTo(403);
    assertThat(f.code()).isEqualTo("missing.any.permissions");
    assertThat(f.message()).contains("presence:userPresence:edit").contains("0b5c2f8e-9d1a-4c3b-8f6e-2a7d9e1c4b5a");
  }

  @Test
  @DisplayName("a token refusal in the SDK's AuthResponse shape is an authentication failure naming the OAuth error")
  void tokenRefused() {
    AuthResponse refused = new AuthResponse();
    refused.setError("invalid_client");
    server.on("POST", "/oauth/token").respond(sdkResponse(400, refused));

    RemoteFailure f = failure(genesys.readInventory());
    assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.AUTHENTICATION);
    assertThat(f.code()).isEqualTo("invalid_client");
  }
}
