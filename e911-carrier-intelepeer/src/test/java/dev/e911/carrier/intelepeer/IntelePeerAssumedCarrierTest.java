package dev.e911.carrier.intelepeer;

import static dev.e911.carrier.intelepeer.Fixtures.NUMBER;
import static dev.e911.carrier.intelepeer.Fixtures.binding;
import static dev.e911.carrier.intelepeer.Fixtures.orlando;
import static dev.e911.carrier.intelepeer.Fixtures.tampa;
import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.spi.WebhookRequest;
import dev.e911.api.spi.WebhookResult;
import dev.e911.testkit.carrier.Fault;
import dev.e911.testkit.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

@DisplayName("IntelePeer adapter on the ASSUMED contract")
class IntelePeerAssumedCarrierTest {

  private static final BindingKey KEY = BindingKey.number(NUMBER);
  private static final String BINDING = "/e911/v1/bindings/%2B18135550142";

  private FakeIntelePeer fake;
  private TestTime time;
  private IntelePeerCarrier carrier;
  private final List<Object> results = new ArrayList<>();

  @BeforeEach
  void start() {
    fake = new FakeIntelePeer(true);
    time = new TestTime();
    carrier = Fixtures.carrier(Fixtures.settings(fake, IntelePeerContract.ASSUMED).build(), time);
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

  @Nested
  @DisplayName("validation")
  class Validation {

    @Test
    @DisplayName("a known address is valid and comes back marked validated by IntelePeer")
    void valid() {
      fake.knowAddress(tampa());
      assertThat(seen(carrier.validate(tampa()))).isInstanceOfSatisfying(AddressValidationResult.Valid.class, v -> {
        assertThat(v.standardized().sameCivicAddress(tampa())).isTrue();
        assertThat(v.standardized().validation()).hasValueSatisfying(s -> {
          assertThat(s.validatedBy()).isEqualTo("intelepeer");
          assertThat(s.validatedAt()).isEqualTo(time.instant());
        });
      });
    }

    @Test
    @DisplayName("a corrected address comes back as a suggestion, never applied silently")
    void corrected() {
      DispatchableAddress typo = tampa().toBuilder().streetSuffix("St").build();
      fake.correct(typo, tampa());
      assertThat(seen(carrier.validate(typo))).isInstanceOfSatisfying(AddressValidationResult.Corrected.class, c -> {
        assertThat(c.suggestions()).hasSize(1);
        assertThat(c.suggestions().get(0).sameCivicAddress(tampa())).isTrue();
        assertThat(c.reasons()).containsExactly("street suffix corrected");
      });
    }

    @Test
    @DisplayName("a suggestion with a ZIP+4 keeps its add-on: the user accepts the carrier's whole correction")
    void correctedWithZipPlus4() {
      DispatchableAddress typo = tampa().toBuilder().streetName("Harbor View").build();
      DispatchableAddress suggestion = tampa().toBuilder().postalCode("33602-4417").build();
      fake.correct(typo, suggestion);
      assertThat(seen(carrier.validate(typo))).isInstanceOfSatisfying(AddressValidationResult.Corrected.class, c -> {
        assertThat(c.suggestions().get(0).sameCivicAddress(suggestion)).isTrue();
        assertThat(c.suggestions().get(0).oneLine()).contains("33602-4417");
      });
    }

    @Test
    @DisplayName("an unknown address is rejected with IntelePeer's message")
    void invalid() {
      assertThat(seen(carrier.validate(orlando()))).isInstanceOfSatisfying(AddressValidationResult.Rejected.class,
          r -> assertThat(r.reasons()).containsExactly("address not found in the 911 database"));
    }

    @Test
    @DisplayName("a 503 that persists is a failure, not a verdict")
    void failed() {
      fake.failNext(Fault.SERVER_ERROR, 5);
      assertThat(seen(carrier.validate(orlando()))).isInstanceOfSatisfying(AddressValidationResult.Failed.class,
          f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT));
    }
  }

  @Nested
  @DisplayName("provisioning")
  class Provisioning {

    @Test
    @DisplayName("a bind is a PUT with a Bearer token and an Idempotency-Key, followed to COMPLETE")
    void binds() {
      ProvisioningResult r = seen(carrier.provision(binding(NUMBER, tampa())));
      assertThat(r).isInstanceOfSatisfying(ProvisioningResult.Done.class, d -> {
        assertThat(d.removed()).isFalse();
        assertThat(d.carrierReference()).startsWith("ord-");
      });
      RecordedRequest put = fake.requests("PUT", BINDING).get(0);
      assertThat(put.header("Idempotency-Key").orElseThrow()).matches("e911-[0-9a-f]{20}-bind");
      assertThat(put.header("Authorization").orElseThrow()).startsWith("Bearer tok-");
      assertThat(fake.provisioned(KEY)).hasValueSatisfying(a -> assertThat(a.sameCivicAddress(tampa())).isTrue());
      assertThat(time.sleeps()).contains(Duration.ofSeconds(1)); // one poll of the order
    }

    @Test
    @DisplayName("binding the same record twice sends one write; A, B, A gets three different keys")
    void idempotent() {
      seen(carrier.provision(binding(NUMBER, tampa())));
      seen(carrier.provision(binding(NUMBER, tampa())));
      assertThat(fake.writeOrders()).isEqualTo(1);

      seen(carrier.provision(binding(NUMBER, orlando())));
      seen(carrier.provision(binding(NUMBER, tampa())));
      List<String> keys = fake.requests("PUT", BINDING).stream().map(r -> r.header("Idempotency-Key").orElseThrow())
          .toList();
      assertThat(keys).hasSize(3).doesNotHaveDuplicates();
      assertThat(fake.provisioned(KEY)).hasValueSatisfying(a -> assertThat(a.sameCivicAddress(tampa())).isTrue());
      assertThat(fake.bindingCount(KEY)).isEqualTo(1);
    }

    @Test
    @DisplayName("a PUT applied whose answer is lost is resent with the same key: one order, one binding")
    void applyThenHang() {
      fake.failNextWrite(Fault.APPLY_THEN_HANG, 1);
      ProvisioningResult r = seen(carrier.provision(binding(NUMBER, tampa())));
      assertThat(r).isInstanceOf(ProvisioningResult.Done.class);
      List<RecordedRequest> puts = fake.requests("PUT", BINDING);
      assertThat(puts).hasSize(2);
      assertThat(puts.get(1).header("Idempotency-Key")).isEqualTo(puts.get(0).header("Idempotency-Key"));
      assertThat(fake.writeOrders()).isEqualTo(1);
      assertThat(fake.bindingCount(KEY)).isEqualTo(1);
    }

    @Test
    @DisplayName("an order still open after the bounded wait is Pending; once settled, read-back finds it")
    void pending() {
      fake.holdOrders(true);
      ProvisioningResult r = seen(carrier.provision(binding(NUMBER, tampa())));
      assertThat(r).isInstanceOfSatisfying(ProvisioningResult.Pending.class,
          p -> assertThat(p.orderReference()).startsWith("ord-"));
      assertThat(time.sleeps().stream().reduce(Duration.ZERO, Duration::plus)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
      assertThat(seen(carrier.readBack(KEY))).isInstanceOfSatisfying(ReadBackResult.Failed.class,
          f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT));

      fake.settlePendingWork();
      assertThat(seen(carrier.readBack(KEY))).isInstanceOfSatisfying(ReadBackResult.Found.class,
          found -> assertThat(found.binding().address().sameCivicAddress(tampa())).isTrue());
    }

    @Test
    @DisplayName("an order the carrier fails is a rejection with its error code")
    void failedOrder() {
      fake.failOrdersWith("MSAG_MISMATCH");
      assertThat(seen(carrier.provision(binding(NUMBER, tampa())))).isInstanceOfSatisfying(
          ProvisioningResult.Rejected.class, r -> assertThat(r.reasons()).containsExactly("MSAG_MISMATCH: MSAG mismatch"));
    }

    @Test
    @DisplayName("a problem+json 400 is a rejection with its title and detail")
    void problem() {
      fake.strictAddresses(true);
      assertThat(seen(carrier.provision(binding(NUMBER, tampa())))).isInstanceOfSatisfying(
          ProvisioningResult.Rejected.class,
          r -> assertThat(r.reasons()).containsExactly("Address not found: the address does not match the 911 database"));
    }

    @Test
    @DisplayName("a 429 on the write is waited out (Retry-After) and the write succeeds")
    void rateLimitedWrite() {
      fake.failNextWrite(Fault.RATE_LIMITED, 1);
      assertThat(seen(carrier.provision(binding(NUMBER, tampa())))).isInstanceOf(ProvisioningResult.Done.class);
      assertThat(time.sleeps()).contains(Duration.ofSeconds(1));
      assertThat(fake.writeOrders()).isEqualTo(1);
    }

    @Test
    @DisplayName("concurrent binds of one number leave one binding")
    void concurrency() throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Callable<ProvisioningResult>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          tasks.add(() -> carrier.provision(binding(NUMBER, tampa())));
        }
        for (Future<ProvisioningResult> f : pool.invokeAll(tasks)) {
          assertThat(seen(f.get())).isInstanceOf(ProvisioningResult.Done.class);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(fake.writeOrders()).isEqualTo(1);
      assertThat(fake.bindingCount(KEY)).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("removal and read-back")
  class Removal {

    @Test
    @DisplayName("removal is a DELETE with a key, done when the order completes; removing nothing sends nothing")
    void removes() {
      fake.seed(NUMBER, tampa());
      assertThat(seen(carrier.remove(KEY))).isInstanceOfSatisfying(ProvisioningResult.Done.class,
          d -> assertThat(d.removed()).isTrue());
      assertThat(fake.requests("DELETE", BINDING).get(0).header("Idempotency-Key").orElseThrow()).endsWith("-unbind");
      assertThat(fake.bindingCount(KEY)).isZero();

      assertThat(seen(carrier.remove(KEY))).isInstanceOf(ProvisioningResult.Done.class);
      assertThat(fake.requests("DELETE", BINDING)).hasSize(1);
      assertThat(seen(carrier.readBack(KEY))).isInstanceOf(ReadBackResult.NotFound.class);
    }

    @Test
    @DisplayName("read-back gives the carrier's address on file")
    void readsBack() {
      fake.seed(NUMBER, tampa());
      assertThat(seen(carrier.readBack(KEY))).isInstanceOfSatisfying(ReadBackResult.Found.class, f -> {
        assertThat(f.binding().address().sameCivicAddress(tampa())).isTrue();
        assertThat(f.binding().carrierReference()).contains("updatedAt");
      });
    }

    @Test
    @DisplayName("a malformed read is MALFORMED_RESPONSE")
    void malformed() {
      seen(carrier.readBack(KEY));
      fake.failNext(Fault.MALFORMED, 1);
      assertThat(seen(carrier.readBack(KEY))).isInstanceOfSatisfying(ReadBackResult.Failed.class,
          f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.MALFORMED_RESPONSE));
    }
  }

  @Nested
  @DisplayName("the call-event webhook")
  class Webhook {

    private WebhookResult parse(String contentType, String body) {
      return seen(carrier.parseWebhook(new WebhookRequest(contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    @DisplayName("a call event is parsed")
    void parses() {
      WebhookResult r = parse("application/json", "{\"eventId\":\"ev-1\",\"occurredAt\":\"2026-11-25T16:00:00Z\","
          + "\"callingNumber\":\"+18135550142\",\"calledNumber\":\"911\",\"callerName\":\"ACME SUPPORT\","
          + "\"address\":{\"address1\":\"2210 W HARBOUR VIEW BLVD\",\"city\":\"TAMPA\",\"state\":\"FL\",\"zip\":\"33602\"},"
          + "\"locationId\":\"DL-000123\"}");
      assertThat(r).isInstanceOfSatisfying(WebhookResult.Parsed.class, p -> {
        assertThat(p.event().eventId()).isEqualTo("ev-1");
        assertThat(p.event().occurredAt()).isEqualTo(Instant.parse("2026-11-25T16:00:00Z"));
        assertThat(p.event().callingNumber()).isEqualTo("+18135550142");
        assertThat(p.event().dialled()).isEqualTo("911");
        assertThat(p.event().addressOnFile()).isEqualTo("2210 W HARBOUR VIEW BLVD, TAMPA, FL 33602");
      });
    }

    @Test
    @DisplayName("junk is ignored with a reason: not JSON, wrong type, missing fields, other numbers, too large")
    void junk() {
      assertThat(parse("application/json", "<xml/>")).isInstanceOf(WebhookResult.Ignored.class);
      assertThat(parse("text/plain", "{}")).isInstanceOf(WebhookResult.Ignored.class);
      assertThat(parse("application/json", "{\"eventId\":\"x\"}")).isInstanceOf(WebhookResult.Ignored.class);
      assertThat(parse("application/json", "{\"eventId\":\"x\",\"occurredAt\":\"2026-11-25T16:00:00Z\","
          + "\"callingNumber\":\"+18135550142\",\"calledNumber\":\"411\"}")).isInstanceOf(WebhookResult.Ignored.class);
      String big = "{\"eventId\":\"" + "x".repeat(WebhookRequest.MAX_BODY_BYTES) + "\"}";
      assertThat(parse("application/json", big)).isInstanceOfSatisfying(WebhookResult.Ignored.class,
          i -> assertThat(i.reason()).contains("exceeds"));
    }
  }

  @Test
  @DisplayName("capabilities of the assumed contract include validation, read-back and the webhook")
  void capabilities() {
    assertThat(carrier.capabilities().addressValidation()).isTrue();
    assertThat(carrier.capabilities().suggestsCorrections()).isTrue();
    assertThat(carrier.capabilities().readBack()).isTrue();
    assertThat(carrier.capabilities().notificationWebhook()).isTrue();
    assertThat(carrier.capabilities().asynchronousOrders()).isTrue();
  }
}
