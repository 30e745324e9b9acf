package dev.e911.genesys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.spi.PlatformInventory;
import dev.e911.api.spi.PlatformResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.testkit.http.RecordedRequest;
import dev.e911.testkit.http.StubResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Genesys client: tokens, paging, retries, conflicts and errors against a loopback fake")
class GenesysClientTest {

  private final FakeGenesys fake = new FakeGenesys().cleanOrg();

  @AfterEach
  void close() {
    fake.close();
  }

  static RemoteFailure failure(PlatformResult<?> r) {
    assertThat(r).isInstanceOf(PlatformResult.Failed.class);
    RemoteFailure f = ((PlatformResult.Failed<?>) r).failure();
    assertThat(f.toString()).doesNotContain(FakeGenesys.SECRET_TEXT).doesNotContain("tok-");
    return f;
  }

  static <T> T ok(PlatformResult<T> r) {
    assertThat(r).isInstanceOf(PlatformResult.Ok.class);
    return ((PlatformResult.Ok<T>) r).value();
  }

  @Test
  @DisplayName("signs in with HTTP Basic client credentials at the login host and reuses the cached token")
  void tokenCached() {
    try (GenesysPlatform g = fake.platform().build()) {
      ok(g.readInventory());
      ok(g.readInventory());
    }
    assertThat(fake.tokensIssued).isEqualTo(1);
    RecordedRequest tokenCall = fake.server.requests("POST", "/oauth/token").get(0);
    assertThat(tokenCall.header("Content-Type")).hasValue("application/x-www-form-urlencoded");
    assertThat(fake.server.requests()).filteredOn(r -> r.path().startsWith("/api/"))
        .allSatisfy(r -> assertThat(r.header("Authorization").orElse("")).startsWith("Bearer tok-1-"));
  }

  @Test
  @DisplayName("a token request whose connection is lost (or whose answer is a 502/504) is sent again: asking for a token twice is harmless")
  void tokenRequestRetriedAfterLostConnection() {
    java.util.concurrent.atomic.AtomicInteger tokenPosts = new java.util.concurrent.atomic.AtomicInteger();
    try (dev.e911.testkit.http.FaultProxy proxy = dev.e911.testkit.http.FaultProxy.start(fake.server.baseUri(), r -> {
          if (!r.path().equals("/oauth/token")) {
            return new dev.e911.testkit.http.ProxyFault.Pass();
          }
          return switch (tokenPosts.incrementAndGet()) {
            case 1 -> new dev.e911.testkit.http.ProxyFault.ResetBefore();
            case 2 -> new dev.e911.testkit.http.ProxyFault.ApplyThenAnswer(504, "text/plain", "gateway timeout");
            default -> new dev.e911.testkit.http.ProxyFault.Pass();
          };
        });
        GenesysPlatform g = fake.platform().apiBase(proxy.baseUri()).loginBase(proxy.baseUri()).maxAttempts(4).build()) {
      ok(g.readInventory());
    }
    assertThat(tokenPosts).hasValue(3);
  }

  @Test
  @DisplayName("renews the token at 80% of expires_in, before the server refuses it")
  void tokenRenewedBeforeExpiry() {
    fake.expiresIn = 1000;
    TestClock clock = new TestClock(fake.now());
    try (GenesysPlatform g = fake.platform().clock(clock).build()) {
      ok(g.readInventory());
      clock.advance(Duration.ofSeconds(790));
      ok(g.readInventory());
      assertThat(fake.tokensIssued).isEqualTo(1);
      clock.advance(Duration.ofSeconds(20));
      ok(g.readInventory());
    }
    assertThat(fake.tokensIssued).isEqualTo(2);
  }

  @Test
  @DisplayName("a 401 on an expired token re-authenticates once and repeats the call")
  void reauthOnce() {
    try (GenesysPlatform g = fake.platform().build()) {
      ok(g.readInventory());
      fake.expireTokens();
      PlatformInventory inv = ok(g.readInventory());
      assertThat(inv.sites()).hasSize(2);
    }
    assertThat(fake.tokensIssued).isEqualTo(2);
  }

  @Test
  @DisplayName("a 401 that survives one re-authentication is an AUTHENTICATION failure, not a loop")
  void noAuthLoop() {
    StubResponse unauthorized = FakeGenesys.error(401, "credentials.expired", "token expired");
    fake.fault("GET", FakeGenesys.EDGES + "/sites", unauthorized).fault("GET", FakeGenesys.EDGES + "/sites", unauthorized);
    try (GenesysPlatform g = fake.platform().build()) {
      RemoteFailure f = failure(g.readInventory());
      assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.AUTHENTICATION);
      assertThat(f.httpStatus()).isEqualTo(401);
      assertThat(f.code()).isEqualTo("credentials.expired");
    }
    assertThat(fake.tokensIssued).isEqualTo(2);
    assertThat(fake.server.requests("GET", FakeGenesys.EDGES + "/sites")).hasSize(2);
  }

  @Test
  @DisplayName("refused client credentials are an AUTHENTICATION failure whose message never holds the secret")
  void badCredentials() {
    fake.refuseCredentials = true;
    try (GenesysPlatform g = fake.platform().build()) {
      RemoteFailure f = failure(g.readInventory());
      assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.AUTHENTICATION);
      assertThat(f.code()).isEqualTo("invalid_client");
      assertThat(f.message()).contains("***").doesNotContain(FakeGenesys.SECRET_TEXT);
    }
    assertThat(fake.server.requests("POST", "/oauth/token")).hasSize(1);
  }

  @Test
  @DisplayName("pages through every listing page by page (pageSize 2) and stops at pageCount")
  void paging() {
    for (int i = 0; i < 5; i++) {
      fake.locations.put("loc-x" + i, FakeGenesys.json("{'id':'loc-x" + i + "','name':'X" + i + "','version':1,"
          + "'state':'active','address':{}}"));
    }
    try (GenesysPlatform g = fake.platform().build()) {
      PlatformInventory inv = ok(g.readInventory());
      assertThat(inv.locations()).extracting(PlatformInventory.Location::id)
          .containsExactly("loc-hq", "loc-jane", "loc-x0", "loc-x1", "loc-x2", "loc-x3", "loc-x4");
    }
    List<RecordedRequest> pages = fake.server.requests("GET", "/api/v2/locations");
    assertThat(pages).extracting(r -> r.queryParameter("pageNumber").orElse("")).containsExactly("1", "2", "3", "4");
    assertThat(pages).allSatisfy(r -> assertThat(r.queryParameter("pageSize")).hasValue("2"));
  }

  @Test
  @DisplayName("a listing with more pages than allowed fails instead of looping forever")
  void pageBound() {
    for (int i = 0; i < 9; i++) {
      fake.locations.put("loc-y" + i, FakeGenesys.json("{'id':'loc-y" + i + "','name':'Y','state':'active','address':{}}"));
    }
    try (GenesysPlatform g = fake.platform().paging(2, 3).build()) {
      RemoteFailure f = failure(g.readInventory());
      assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.MALFORMED_RESPONSE);
      assertThat(f.message()).contains("more than 3 pages");
    }
  }

  @Test
  @DisplayName("a 429 waits out Retry-After (seconds) and then succeeds")
  void rateLimited() {
    fake.fault("GET", "/api/v2/locations", StubResponse.tooManyRequests("2"));
    try (GenesysPlatform g = fake.platform().build()) {
      ok(g.readInventory());
    }
    assertThat(fake.sleeps).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  @DisplayName("a 429 that never ends is RATE_LIMITED with the wait the server asked for")
  void rateLimitedForever() {
    for (int i = 0; i < 5; i++) {
      fake.fault("GET", "/api/v2/users", FakeGenesys.error(429, "too.many.requests", "slow down").header("Retry-After", "3"));
    }
    try (GenesysPlatform g = fake.platform().build()) {
      RemoteFailure f = failure(g.readInventory());
      assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.RATE_LIMITED);
      assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }
    assertThat(fake.sleeps).hasSize(4);
  }

  @Test
  @DisplayName("a burst of 500/502/503 is retried with backoff and the read succeeds")
  void fiveHundredBurst() {
    fake.fault("GET", "/api/v2/users", StubResponse.status(503))
        .fault("GET", "/api/v2/users", StubResponse.status(502))
        .fault("GET", "/api/v2/users", FakeGenesys.error(500, "internal.server.error", "oops"));
    try (GenesysPlatform g = fake.platform().build()) {
      assertThat(ok(g.readInventory()).users()).isNotEmpty();
    }
    assertThat(fake.sleeps).hasSize(3).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(5)));
  }

  @Test
  @DisplayName("5xx without end gives up after maxAttempts as TRANSIENT with the last status")
  void fiveHundredForever() {
    for (int i = 0; i < 10; i++) {
      fake.fault("GET", "/api/v2/stations", FakeGenesys.error(503, "service.unavailable", "down"));
    }
    try (GenesysPlatform g = fake.platform().maxAttempts(3).build()) {
      RemoteFailure f = failure(g.readInventory());
      assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT);
      assertThat(f.httpStatus()).isEqualTo(503);
      assertThat(f.retryable()).isTrue();
    }
    assertThat(fake.server.requests("GET", "/api/v2/stations")).hasSize(3);
  }

  @Test
  @DisplayName("a response slower than the request timeout is retried, and the retry's answer is used")
  void slowResponse() {
    fake.fault("GET", FakeGenesys.EDGES + "/sites", StubResponse.okJson("{\"entities\":[]}").delayHeaders(Duration.ofSeconds(2)));
    try (GenesysPlatform g = fake.platform().requestTimeout(Duration.ofMillis(300)).build()) {
      assertThat(ok(g.readInventory()).sites()).hasSize(2);
    }
    assertThat(fake.server.requests("GET", FakeGenesys.EDGES + "/sites").size()).isGreaterThanOrEqualTo(2);
  }

  @Test
  @DisplayName("a 403 carries the Genesys code, status and contextId, and is not retried")
  void permissionError() {
    fake.fault("GET", FakeGenesys.EDGES + "/sites/site-hq/numberplans",
        FakeGenesys.error(403, "missing.any.permissions", "Unable to perform the requested action. You are missing the following permission(s): telephony:plugin:all"));
    try (GenesysPlatform g = fake.platform().build()) {
      RemoteFailure f = failure(g.readInventory());
      assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.PERMISSION);
      assertThat(f.httpStatus()).isEqualTo(403);
      assertThat(f.code()).isEqualTo("missing.any.permissions");
      assertThat(f.message()).contains("telephony:plugin:all").contains("contextId ctx-403-0001")
          .contains("GET /api/v2/telephony/providers/edges/sites/site-hq/numberplans");
    }
    assertThat(fake.sleeps).isEmpty();
  }

  @Test
  @DisplayName("a response body over the bound is MALFORMED_RESPONSE, not an out-of-memory")
  void boundedBodies() {
    StringBuilder big = new StringBuilder("{\"entities\":[");
    for (int i = 0; i < 200; i++) {
      big.append(i == 0 ? "" : ",").append("{\"id\":\"loc-").append(i).append("\",\"name\":\"padding padding padding\"}");
    }
    fake.fault("GET", "/api/v2/locations", StubResponse.okJson(big.append("]}").toString()));
    try (GenesysPlatform g = fake.platform().maxResponseBytes(2048).build()) {
      RemoteFailure f = failure(g.readInventory());
      assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.MALFORMED_RESPONSE);
    }
  }

  @Test
  @DisplayName("a 2xx body that is not JSON is MALFORMED_RESPONSE")
  void notJson() {
    fake.fault("GET", "/api/v2/locations", StubResponse.text(200, "<html>maintenance</html>"));
    try (GenesysPlatform g = fake.platform().build()) {
      assertThat(failure(g.readInventory()).kind()).isEqualTo(RemoteFailure.Kind.MALFORMED_RESPONSE);
    }
  }

  @Test
  @DisplayName("the builder reports every problem at once and never echoes the secret")
  void builderValidation() {
    assertThatThrownBy(() -> GenesysPlatform.builder().paging(0, 0).maxAttempts(0).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("apiBase").hasMessageContaining("loginBase").hasMessageContaining("clientId")
        .hasMessageContaining("clientSecret").hasMessageContaining("pageSize").hasMessageContaining("maxPages")
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> fake.platform().region("usw2.pure.cloud").build())
        .hasMessageContaining("give either a region or apiBase and loginBase");
    assertThatThrownBy(() -> GenesysPlatform.builder().region("mars_north_1").clientId("x")
        .clientSecret(FakeGenesys.SECRET).build()).hasMessageContaining("region").hasMessageNotContaining(FakeGenesys.SECRET_TEXT);
    try (GenesysPlatform g = GenesysPlatform.builder().region("us-west-2").clientId("abc").clientSecret(FakeGenesys.SECRET).build()) {
      assertThat(g.id()).isEqualTo("genesys");
      assertThat(g.toString()).doesNotContain(FakeGenesys.SECRET_TEXT);
    }
  }

  @Test
  @DisplayName("regions resolve by SDK id or domain to the login. and api. hosts")
  void regions() {
    assertThat(GenesysRegion.find("us_east_1")).hasValue(GenesysRegion.US_EAST_1);
    assertThat(GenesysRegion.find("EU-CENTRAL-1")).hasValue(GenesysRegion.EU_CENTRAL_1);
    assertThat(GenesysRegion.find("mypurecloud.com.au")).hasValue(GenesysRegion.AP_SOUTHEAST_2);
    assertThat(GenesysRegion.US_WEST_2.loginBase()).hasToString("https://login.usw2.pure.cloud");
    assertThat(GenesysRegion.US_EAST_2.apiBase()).hasToString("https://api.use2.us-gov-pure.cloud");
    assertThat(GenesysRegion.find("nowhere")).isEmpty();
  }
}
