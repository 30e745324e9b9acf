package dev.e911.carrier.intelepeer;

import static dev.e911.carrier.intelepeer.Fixtures.NUMBER;
import static dev.e911.carrier.intelepeer.Fixtures.binding;
import static dev.e911.carrier.intelepeer.Fixtures.orlando;
import static dev.e911.carrier.intelepeer.Fixtures.tampa;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.e911.api.phone.Elin;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.spi.WebhookRequest;
import dev.e911.api.spi.WebhookResult;
import dev.e911.testkit.carrier.Fault;
import dev.e911.testkit.http.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("IntelePeer adapter on the documented v3 API")
class IntelePeerV3CarrierTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String E911 = "/_rest/v3/my/did/e911";
  private static final String AUTH = "/_rest/v4/authenticate";
  private static final BindingKey KEY = BindingKey.number(NUMBER);

  private FakeIntelePeer fake;
  private TestTime time;
  private IntelePeerCarrier carrier;
  private final List<Object> results = new ArrayList<>();

  @BeforeEach
  void start() {
    fake = new FakeIntelePeer(false);
    time = new TestTime();
    carrier = Fixtures.carrier(Fixtures.settings(fake, IntelePeerContract.V3).build(), time);
  }

  @AfterEach
  void noSecretInAnyResult() {
    try {
      for (Object r : results) {
        for (String secret : fake.secrets()) {
          assertThat(r.toString()).as("result text").doesNotContain(secret);
        }
      }
      assertThat(fake.server().unmatchedRequests()).isEmpty();
    } finally {
      carrier.close();
      fake.close();
    }
  }

  private <T> T seen(T result) {
    results.add(result);
    return result;
  }

  private static JsonNode body(RecordedRequest r) throws IOException {
    return JSON.readTree(r.body());
  }

  @Nested
  @DisplayName("provisioning")
  class Provisioning {

    @Test
    @DisplayName("a number without E911 is added with one POST carrying the mapped record, and reported pending")
    void addsWithPost() throws IOException {
      ProvisioningResult r = seen(carrier.provision(binding(NUMBER, tampa())));

      assertThat(r).isInstanceOfSatisfying(ProvisioningResult.Pending.class, p -> {
        assertThat(p.orderReference()).isEqualTo("5512093");
        assertThat(p.carrierStatus()).startsWith("SUBMITTED");
      });
      assertThat(fake.requests("POST", E911)).hasSize(1);
      JsonNode b = body(fake.requests("POST", E911).get(0));
      assertThat(b.path("address1").asText()).isEqualTo("2210 W HARBOUR VIEW BLVD");
      assertThat(b.path("address2").asText()).isEqualTo("FL 4 STE 410");
      assertThat(b.path("city").asText()).isEqualTo("TAMPA");
      assertThat(b.path("state").asText()).isEqualTo("FL");
      assertThat(b.path("zip").asText()).isEqualTo("33602");
      assertThat(b.path("numbers").get(0).path("countryCode").asText()).isEqualTo("1");
      assertThat(b.path("numbers").get(0).path("number").asText()).isEqualTo("8135550142");
      assertThat(b.path("serviceBusiness").asText()).isEqualTo("Acme Support LLC");
      assertThat(b.path("referenceID").asText()).matches("e911-[0-9a-f]{20}-bind");
      assertThat(b.has("isDynamic911")).isFalse();
      assertThat(fake.provisioned(KEY)).hasValueSatisfying(a -> assertThat(a.sameCivicAddress(tampa())).isTrue());
      assertThat(fake.bindingCount(KEY)).isEqualTo(1);
    }

    @Test
    @DisplayName("provisioning twice updates with PUT: one record, never a second Add")
    void secondTimeIsAnUpdate() {
      seen(carrier.provision(binding(NUMBER, tampa())));
      seen(carrier.provision(binding(NUMBER, orlando())));

      assertThat(fake.requests("POST", E911)).hasSize(1);
      assertThat(fake.requests("PUT", E911)).hasSize(1);
      assertThat(fake.bindingCount(KEY)).isEqualTo(1);
      assertThat(fake.provisioned(KEY)).hasValueSatisfying(a -> assertThat(a.sameCivicAddress(orlando())).isTrue());
    }

    @Test
    @DisplayName("the same record again sends no second order until resubmitAfter, then the same referenceID")
    void sameRecordAgain() throws IOException {
      fake.seed(NUMBER, orlando());
      ProvisioningResult first = seen(carrier.provision(binding(NUMBER, tampa())));
      ProvisioningResult again = seen(carrier.provision(binding(NUMBER, tampa())));
      assertThat(fake.requests("PUT", E911)).hasSize(1);
      assertThat(again).isInstanceOfSatisfying(ProvisioningResult.Pending.class, p -> {
        assertThat(p.orderReference()).isEqualTo(((ProvisioningResult.Pending) first).orderReference());
        assertThat(p.carrierStatus()).contains("not sent again").contains("933");
      });

      time.advance(Duration.ofHours(24).plusSeconds(1));
      seen(carrier.provision(binding(NUMBER, tampa())));
      seen(carrier.provision(binding(NUMBER, orlando())));
      List<RecordedRequest> puts = fake.requests("PUT", E911);
      assertThat(puts).hasSize(3);
      assertThat(body(puts.get(1)).path("referenceID")).isEqualTo(body(puts.get(0)).path("referenceID"));
      assertThat(body(puts.get(2)).path("referenceID")).isNotEqualTo(body(puts.get(0)).path("referenceID"));
      assertThat(fake.provisioned(KEY)).hasValueSatisfying(a -> assertThat(a.sameCivicAddress(orlando())).isTrue());
    }

    @Test
    @DisplayName("a record changed since the accepted order, or a number that lost E911, is sent again at once")
    void changedOrLostIsSentAgain() {
      seen(carrier.provision(binding(NUMBER, tampa())));
      seen(carrier.provision(binding(NUMBER, orlando())));
      assertThat(fake.requests("PUT", E911)).as("another address is another order").hasSize(1);

      fake.forget(NUMBER); // IntelePeer failed the order, or someone removed E911 in the portal
      seen(carrier.provision(binding(NUMBER, orlando())));
      assertThat(fake.requests("POST", E911)).as("a number without E911 is added again at once").hasSize(2);
      assertThat(fake.bindingCount(KEY)).isEqualTo(1);

      seen(carrier.remove(KEY));
      seen(carrier.provision(binding(NUMBER, orlando())));
      assertThat(fake.requests("POST", E911)).as("after a removal the same record is added again").hasSize(3);
    }

    @Test
    @DisplayName("a dynamic endpoint whose id is a NANP number sends the dynamic911 fields")
    void dynamicEndpoint() throws IOException {
      Binding b = new Binding.EndpointBinding("18135550142", Elin.parse("+18135550199", null, Elin.Kind.AGENT_DID),
          tampa(), "Acme Support A417");
      seen(carrier.provision(b));
      JsonNode body = body(fake.requests("POST", E911).get(0));
      assertThat(body.path("isDynamic911").asBoolean()).isTrue();
      assertThat(body.path("dynamic911CallbackNumbers").asText()).isEqualTo("8135550199");
      assertThat(body.path("dynamic911CallerName").asText()).isEqualTo("ACME SUPPORT A417");
      assertThat(body.path("numbers").get(0).path("number").asText()).isEqualTo("8135550142");
    }

    @Test
    @DisplayName("a dynamic endpoint whose id is not a NANP number is rejected before anything is sent, naming the field")
    void endpointIdNotANumber() {
      Binding b = new Binding.EndpointBinding("agent-a417", Elin.parse("+18135550199", null, Elin.Kind.AGENT_DID),
          tampa(), "Acme Support A417");
      assertThat(seen(carrier.provision(b))).isInstanceOfSatisfying(ProvisioningResult.Rejected.class,
          rej -> assertThat(rej.reasons()).anyMatch(s -> s.contains("endpointId") && s.contains("intelepeer.nanp")));
      assertThat(fake.server().requestCount()).isZero();
    }

    @Test
    @DisplayName("an address IntelePeer cannot hold is rejected before anything is sent, naming the field")
    void rejectedByMapping() {
      var london = dev.e911.api.address.DispatchableAddress.builder("GB").houseNumber("10").streetName("Downing St")
          .city("London").postalCode("SW1A 2AA").build();
      ProvisioningResult r = seen(carrier.provision(binding(NUMBER, london)));
      assertThat(r).isInstanceOfSatisfying(ProvisioningResult.Rejected.class,
          rej -> assertThat(rej.reasons()).anyMatch(s -> s.contains("address.country") && s.contains("intelepeer.country")));
      assertThat(fake.server().requestCount()).isZero();
    }

    @Test
    @DisplayName("a 400 from the Add is a rejection with IntelePeer's reason")
    void rejectedByCarrier() {
      fake.strictAddresses(true);
      ProvisioningResult r = seen(carrier.provision(binding(NUMBER, tampa())));
      assertThat(r).isInstanceOfSatisfying(ProvisioningResult.Rejected.class,
          rej -> assertThat(rej.reasons()).anyMatch(s -> s.contains("does not match the 911 database")));
      assertThat(fake.bindingCount(KEY)).isZero();
    }
  }

  @Nested
  @DisplayName("idempotency after an uncertain timeout")
  class Uncertain {

    @Test
    @DisplayName("an Add applied whose answer is lost is not resent: the DID list is read again, one record")
    void applyThenHang() {
      fake.failNextWrite(Fault.APPLY_THEN_HANG, 1);
      ProvisioningResult r = seen(carrier.provision(binding(NUMBER, tampa())));

      assertThat(r).isInstanceOfSatisfying(ProvisioningResult.Pending.class,
          p -> assertThat(p.carrierStatus()).contains("answer lost"));
      assertThat(fake.requests("POST", E911)).hasSize(1);
      assertThat(fake.bindingCount(KEY)).isEqualTo(1);
      assertThat(fake.writeOrders()).isEqualTo(1);

      ProvisioningResult retry = seen(carrier.provision(binding(NUMBER, tampa())));
      assertThat(retry).as("the retry after the lost answer").isInstanceOf(ProvisioningResult.Pending.class);
      assertThat(fake.writeOrders()).as("no second order, neither Add nor Update").isEqualTo(1);
    }

    @Test
    @DisplayName("an Add that timed out unapplied is not resent either; provisioning again later adds it once")
    void hangWithoutApply() {
      fake.failNextWrite(Fault.HANG, 1);
      ProvisioningResult first = seen(carrier.provision(binding(NUMBER, tampa())));
      assertThat(first).isInstanceOfSatisfying(ProvisioningResult.Failed.class, f -> {
        assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT);
        assertThat(f.failure().message()).contains("not resent");
      });
      assertThat(fake.requests("POST", E911)).hasSize(1);

      seen(carrier.provision(binding(NUMBER, tampa())));
      assertThat(fake.requests("POST", E911)).hasSize(2);
      assertThat(fake.bindingCount(KEY)).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("removal and read-back")
  class RemovalAndReadBack {

    @Test
    @DisplayName("removal sends DELETE with a JSON body and is done once the DID list no longer shows E911")
    void removes() throws IOException {
      fake.seed(NUMBER, tampa());
      ProvisioningResult r = seen(carrier.remove(KEY));
      assertThat(r).isInstanceOfSatisfying(ProvisioningResult.Done.class, d -> assertThat(d.removed()).isTrue());
      JsonNode body = body(fake.requests("DELETE", E911).get(0));
      assertThat(body.path("numbers").get(0).path("number").asText()).isEqualTo("8135550142");
      assertThat(body.path("referenceID").asText()).endsWith("-unbind");
      assertThat(fake.bindingCount(KEY)).isZero();
    }

    @Test
    @DisplayName("removing a number without E911 is done without sending anything")
    void removingNothing() {
      assertThat(seen(carrier.remove(KEY))).isInstanceOfSatisfying(ProvisioningResult.Done.class,
          d -> assertThat(d.removed()).isTrue());
      assertThat(fake.requests("DELETE", E911)).isEmpty();
    }

    @Test
    @DisplayName("read-back: no E911 is NotFound; E911 with an unknowable address is Unsupported with the reason")
    void coarseReadBack() {
      assertThat(seen(carrier.readBack(KEY))).isInstanceOf(ReadBackResult.NotFound.class);
      fake.seed(NUMBER, tampa());
      assertThat(seen(carrier.readBack(KEY))).isInstanceOfSatisfying(ReadBackResult.Unsupported.class,
          u -> assertThat(u.reason()).contains("hasE911=true").contains("933"));
    }

    @Test
    @DisplayName("the DID list is paged until the number is found (pageSize + 1 rows mean another page)")
    void paging() {
      fake.ignoreLikeFilter(true);
      fake.addOtherNumbersWithE911(250);
      fake.seed(NUMBER, tampa());
      assertThat(seen(carrier.readBack(KEY))).isInstanceOf(ReadBackResult.Unsupported.class);
      assertThat(fake.requests("GET", "/_rest/v3/my/did")).extracting(r -> r.queryParameter("page").orElseThrow())
          .containsExactly("1", "2", "3");
    }

    @Test
    @DisplayName("a DID list whose rows carry no number is a malformed response")
    void malformedRows() {
      fake.addOtherNumbersWithE911(2);
      fake.ignoreLikeFilter(true);
      fake.malformedDidRows(true);
      assertThat(seen(carrier.readBack(KEY))).isInstanceOfSatisfying(ReadBackResult.Failed.class,
          f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.MALFORMED_RESPONSE));
    }
  }

  @Nested
  @DisplayName("authentication")
  class Authentication {

    @Test
    @DisplayName("the token is fetched once, sent bare, and reused until it is near its 24 h end")
    void tokenCached() {
      seen(carrier.readBack(KEY));
      seen(carrier.readBack(KEY));
      assertThat(fake.requests("POST", AUTH)).hasSize(1);
      RecordedRequest get = fake.requests("GET", "/_rest/v3/my/did").get(0);
      assertThat(get.header("Authorization")).contains(fake.issuedTokens().iterator().next());

      time.advance(Duration.ofHours(24));
      seen(carrier.readBack(KEY));
      assertThat(fake.requests("POST", AUTH)).hasSize(2);
    }

    @Test
    @DisplayName("a 401 on a call re-authenticates once and succeeds")
    void reauthOnce() {
      seen(carrier.readBack(KEY));
      fake.refuseTokens(1);
      assertThat(seen(carrier.readBack(KEY))).isInstanceOf(ReadBackResult.NotFound.class);
      assertThat(fake.requests("POST", AUTH)).hasSize(2);
    }

    @Test
    @DisplayName("a 401 that survives re-authentication is AUTHENTICATION, after exactly one retry")
    void noLoop() {
      seen(carrier.readBack(KEY));
      fake.refuseTokens(5);
      assertThat(seen(carrier.readBack(KEY))).isInstanceOfSatisfying(ReadBackResult.Failed.class,
          f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.AUTHENTICATION));
      assertThat(fake.requests("POST", AUTH)).hasSize(2);
      assertThat(fake.requests("GET", "/_rest/v3/my/did")).hasSize(3);
    }

    @Test
    @DisplayName("a refused API user is AUTHENTICATION: cold, after the refused login; warm, after one refused re-login")
    void refusedUser() {
      fake.failNext(Fault.UNAUTHORIZED, 100);
      assertThat(seen(carrier.provision(binding(NUMBER, tampa())))).isInstanceOfSatisfying(ProvisioningResult.Failed.class,
          f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.AUTHENTICATION));
      assertThat(fake.server().requestCount()).as("a cold adapter: the refused login only").isEqualTo(1);

      fake.failNext(Fault.UNAUTHORIZED, 0);
      try (IntelePeerCarrier warm = Fixtures.carrier(Fixtures.settings(fake, IntelePeerContract.V3).build(), time)) {
        seen(warm.readBack(KEY));
        int before = fake.server().requestCount();
        fake.failNext(Fault.UNAUTHORIZED, 100);
        assertThat(seen(warm.remove(KEY))).isInstanceOfSatisfying(ProvisioningResult.Failed.class,
            f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.AUTHENTICATION));
        assertThat(fake.server().requestCount() - before).as("the refused call and the refused re-login").isEqualTo(2);
      }
    }

    @Test
    @DisplayName("wrong credentials are AUTHENTICATION and the message holds neither user nor password")
    void wrongPassword() {
      IntelePeerCarrier bad = Fixtures.carrier(Fixtures.settings(fake, IntelePeerContract.V3)
          .password(dev.e911.api.spi.Secret.of("not-the-Password-42")).build(), time);
      ProvisioningResult r = seen(bad.provision(binding(NUMBER, tampa())));
      assertThat(r).isInstanceOfSatisfying(ProvisioningResult.Failed.class, f -> {
        assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.AUTHENTICATION);
        assertThat(f.failure().message()).doesNotContain("not-the-Password-42").doesNotContain(FakeIntelePeer.USERNAME);
      });
      assertThat(fake.requests("POST", AUTH)).hasSize(1);
    }

    @Test
    @DisplayName("with authorizationPrefix Bearer the token goes as Bearer <token>")
    void bearer() {
      try (FakeIntelePeer bearerFake = new FakeIntelePeer(true);
          IntelePeerCarrier c = Fixtures.carrier(Fixtures.settings(bearerFake, IntelePeerContract.V3)
              .authorizationPrefix("Bearer").build(), time)) {
        assertThat(c.readBack(KEY)).isInstanceOf(ReadBackResult.NotFound.class);
        assertThat(bearerFake.requests("GET", "/_rest/v3/my/did").get(0).header("Authorization").orElseThrow())
            .startsWith("Bearer tok-");
      }
    }
  }

  @Nested
  @DisplayName("errors are typed")
  class Errors {

    @Test
    @DisplayName("a 429 is retried after its Retry-After; one that persists is RATE_LIMITED with the delay")
    void rateLimited() {
      seen(carrier.readBack(KEY));
      time.clearSleeps();
      fake.failNext(Fault.RATE_LIMITED, 1);
      assertThat(seen(carrier.readBack(KEY))).isInstanceOf(ReadBackResult.NotFound.class);
      assertThat(time.sleeps()).contains(Duration.ofSeconds(1));

      fake.failNext(Fault.RATE_LIMITED, 3);
      assertThat(seen(carrier.readBack(KEY))).isInstanceOfSatisfying(ReadBackResult.Failed.class, f -> {
        assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.RATE_LIMITED);
        assertThat(f.failure().retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(f.failure().retryable()).isTrue();
      });
    }

    @Test
    @DisplayName("a burst of 503s is ridden out; one longer than the retries is TRANSIENT")
    void serverErrors() {
      fake.failNext(Fault.SERVER_ERROR, 2);
      assertThat(seen(carrier.readBack(KEY))).isInstanceOf(ReadBackResult.NotFound.class);
      fake.failNext(Fault.SERVER_ERROR, 3);
      assertThat(seen(carrier.readBack(KEY))).isInstanceOfSatisfying(ReadBackResult.Failed.class,
          f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT));
    }

    @Test
    @DisplayName("a slow read beyond the timeout is retried; one always slow is TRANSIENT")
    void slow() {
      seen(carrier.readBack(KEY));
      fake.failNext(Fault.HANG, 1);
      assertThat(seen(carrier.readBack(KEY))).isInstanceOf(ReadBackResult.NotFound.class);
    }

    @Test
    @DisplayName("a 200 that is not JSON is MALFORMED_RESPONSE")
    void malformed() {
      seen(carrier.readBack(KEY));
      fake.failNext(Fault.MALFORMED, 1);
      assertThat(seen(carrier.readBack(KEY))).isInstanceOfSatisfying(ReadBackResult.Failed.class,
          f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.MALFORMED_RESPONSE));
    }

    @Test
    @DisplayName("an unreachable carrier is TRANSIENT")
    void unreachable() {
      fake.close();
      assertThat(seen(carrier.readBack(KEY))).isInstanceOfSatisfying(ReadBackResult.Failed.class,
          f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT));
    }
  }

  @Test
  @DisplayName("validation and webhooks are unsupported on v3")
  void unsupported() {
    assertThat(seen(carrier.validate(tampa()))).isInstanceOfSatisfying(AddressValidationResult.Unsupported.class,
        u -> assertThat(u.reason()).contains("no address validation API"));
    assertThat(carrier.parseWebhook(new WebhookRequest("application/json", Map.of(),
        "{}".getBytes(StandardCharsets.UTF_8)))).isInstanceOf(WebhookResult.Unsupported.class);
    assertThat(carrier.capabilities().addressValidation()).isFalse();
    assertThat(carrier.capabilities().readBack()).isFalse();
    assertThat(carrier.capabilities().notificationWebhook()).isFalse();
    assertThat(carrier.capabilities().numberBinding()).isTrue();
    assertThat(fake.server().requestCount()).isZero();
  }

  @Test
  @DisplayName("the client-side rate limit spaces requests (2 per second)")
  void rateLimit() {
    IntelePeerCarrier limited = Fixtures.carrier(Fixtures.settings(fake, IntelePeerContract.V3)
        .requestsPerSecond(2).build(), time);
    seen(limited.readBack(KEY)); // authenticate + GET
    seen(limited.readBack(KEY)); // GET
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
  }

  @Test
  @DisplayName("concurrent provisioning of one number from many threads adds it once")
  void concurrency() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<ProvisioningResult>> tasks = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        tasks.add(() -> carrier.provision(binding(NUMBER, tampa())));
        String other = "+1813555" + (1000 + i);
        tasks.add(() -> carrier.provision(binding(other, orlando())));
      }
      for (Future<ProvisioningResult> f : pool.invokeAll(tasks)) {
        assertThat(seen(f.get())).isInstanceOf(ProvisioningResult.Pending.class);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fake.bindingCount(KEY)).isEqualTo(1);
    assertThat(fake.requests("POST", E911).stream().filter(r -> r.bodyUtf8().contains("8135550142"))).hasSize(1);
    for (int i = 0; i < 6; i++) {
      assertThat(fake.bindingCount(BindingKey.number("+1813555" + (1000 + i)))).isEqualTo(1);
    }
  }
}
