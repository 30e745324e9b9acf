package dev.e911.carrier.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.Secret;
import dev.e911.carrier.bandwidth.internal.TokenBucket;
import dev.e911.testkit.http.StubHttpServer;
import dev.e911.testkit.http.StubResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransportTest {

  private static final BindingKey KEY = BindingKey.number("+14155550100");

  @Test
  void the_token_bucket_allows_a_burst_of_three_then_one_every_third_of_a_second() {
    TestTime time = new TestTime();
    TokenBucket bucket = new TokenBucket(3, time, time);
    assertThat(bucket.reserve()).isZero();
    assertThat(bucket.reserve()).isZero();
    assertThat(bucket.reserve()).isZero();
    assertThat(bucket.reserve()).isEqualTo(Duration.ofNanos(333_333_333));
    assertThat(bucket.reserve()).isEqualTo(Duration.ofNanos(666_666_666));
    time.advance(Duration.ofSeconds(10));
    assertThat(bucket.reserve()).isZero();
  }

  @Test
  void the_adapter_paces_its_requests_by_the_configured_rate() {
    TestTime time = new TestTime();
    try (FakeBandwidth fake = new FakeBandwidth(BandwidthConfig.Mode.DASHBOARD);
        BandwidthCarrier a = fake.adapter(time, fake.config(Duration.ofSeconds(2)).requestsPerSecond(1).build())) {
      for (int i = 0; i < 4; i++) {
        a.readBack(KEY);
      }
      assertThat(fake.server().requestCount()).isEqualTo(4);
      assertThat(time.sleeps()).hasSize(3).allSatisfy(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)));
    }
  }

  @Test
  void oauth2_fetches_a_token_once_caches_it_and_refreshes_it_before_expiry() {
    TestTime time = new TestTime();
    try (StubHttpServer server = StubHttpServer.start()) {
      server.on("POST", "/api/v1/oauth2/token").respond(
          StubResponse.okJson("{\"access_token\":\"tok-ONE-abcdef\",\"token_type\":\"Bearer\",\"expires_in\":3600}"),
          StubResponse.okJson("{\"access_token\":\"tok-TWO-abcdef\",\"expires_in\":3600}"));
      server.on("GET", "/api/tns/4155550100/e911").respond(StubResponse.xml(404, "<ResponseStatus/>"));
      BandwidthCarrier a = BandwidthCarrier.builder(oauth(server)).clock(time).sleeper(time).build();
      a.readBack(KEY);
      a.readBack(KEY);
      assertThat(server.requests("POST", "/api/v1/oauth2/token")).hasSize(1);
      assertThat(server.requests("POST", "/api/v1/oauth2/token").get(0).bodyUtf8()).isEqualTo("grant_type=client_credentials");
      assertThat(server.requests("GET", "/api/tns/4155550100/e911")).allSatisfy(r ->
          assertThat(r.header("Authorization")).contains("Bearer tok-ONE-abcdef"));
      time.advance(Duration.ofSeconds(3600 - 59));
      a.readBack(KEY);
      assertThat(server.requests("POST", "/api/v1/oauth2/token")).hasSize(2);
      a.close();
    }
  }

  @Test
  void a_refused_bearer_token_is_replaced_once_then_the_401_stands() {
    TestTime time = new TestTime();
    try (StubHttpServer server = StubHttpServer.start()) {
      server.on("POST", "/api/v1/oauth2/token").respond(StubResponse.okJson("{\"access_token\":\"tok-abcdef\",\"expires_in\":3600}"));
      server.on("GET", "/api/tns/4155550100/e911").respond(StubResponse.xml(401, "<ResponseStatus/>"));
      BandwidthCarrier a = BandwidthCarrier.builder(oauth(server)).clock(time).sleeper(time).build();
      assertThat(a.readBack(KEY)).isInstanceOfSatisfying(ReadBackResult.Failed.class, f -> {
        assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.AUTHENTICATION);
        assertThat(f.failure().message()).doesNotContain("tok-abcdef").doesNotContain("client-secret-xyz");
      });
      assertThat(server.requests("GET", "/api/tns/4155550100/e911")).hasSize(2);
      assertThat(server.requests("POST", "/api/v1/oauth2/token")).hasSize(2);
      a.close();
    }
  }

  @Test
  void a_token_request_whose_connection_is_lost_is_sent_again_asking_twice_is_harmless() {
    TestTime time = new TestTime();
    java.util.concurrent.atomic.AtomicInteger tokenPosts = new java.util.concurrent.atomic.AtomicInteger();
    try (StubHttpServer server = StubHttpServer.start();
        dev.e911.testkit.http.FaultProxy proxy = dev.e911.testkit.http.FaultProxy.start(server.baseUri(),
            r -> r.path().endsWith("/oauth2/token") && tokenPosts.incrementAndGet() == 1
                ? new dev.e911.testkit.http.ProxyFault.ResetBefore() : new dev.e911.testkit.http.ProxyFault.Pass())) {
      server.on("POST", "/api/v1/oauth2/token").respond(StubResponse.okJson("{\"access_token\":\"tok-abcdef\",\"expires_in\":3600}"));
      server.on("GET", "/api/tns/4155550100/e911").respond(StubResponse.xml(404, "<ResponseStatus/>"));
      BandwidthConfig config = BandwidthConfig.builder(BandwidthConfig.Mode.DASHBOARD).baseUrl(proxy.uri("/api")).accountId("42")
          .oauth2(Secret.of("client-abc-123"), Secret.of("client-secret-xyz"), null)
          .attemptTimeout(Duration.ofSeconds(2)).retryInitialBackoff(Duration.ofMillis(1)).build();
      BandwidthCarrier a = BandwidthCarrier.builder(config).clock(time).sleeper(time).build();
      assertThat(a.readBack(KEY)).isInstanceOf(ReadBackResult.NotFound.class);
      assertThat(tokenPosts).hasValue(2);
      a.close();
    }
  }

  @Test
  void refused_client_credentials_are_an_authentication_failure_asked_once() {
    TestTime time = new TestTime();
    try (StubHttpServer server = StubHttpServer.start()) {
      server.on("POST", "/api/v1/oauth2/token").respond(StubResponse.json(401, "{\"error\":\"invalid_client\"}"));
      BandwidthCarrier a = BandwidthCarrier.builder(oauth(server)).clock(time).sleeper(time).build();
      assertThat(a.readBack(KEY)).isInstanceOfSatisfying(ReadBackResult.Failed.class,
          f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.AUTHENTICATION));
      assertThat(server.requests("POST", "/api/v1/oauth2/token")).hasSize(1);
      assertThat(server.unmatchedRequests()).isEmpty();
      a.close();
    }
  }

  private static BandwidthConfig oauth(StubHttpServer server) {
    return BandwidthConfig.builder(BandwidthConfig.Mode.DASHBOARD).baseUrl(server.uri("/api")).accountId("42")
        .oauth2(Secret.of("client-abc-123"), Secret.of("client-secret-xyz"), null)
        .attemptTimeout(Duration.ofSeconds(2)).retryInitialBackoff(Duration.ofMillis(1)).build();
  }
}
