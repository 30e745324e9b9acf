package dev.e911.carrier.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.e911.api.address.CivicElement;
import dev.e911.api.phone.Elin;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.carrier.bandwidth.internal.Payloads;
import dev.e911.testkit.carrier.Fault;
import dev.e911.testkit.http.RecordedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ES mode: Emergency Services Provisioning JSON API")
class EsModeTest {

  static final String ES = "/api/v2/accounts/" + FakeBandwidth.ACCOUNT + "/emergency";
  static final Elin ELIN = Elin.parse("+1 415 555 0100", "US", Elin.Kind.LOCATION_ELIN);
  static final BindingKey KEY = BindingKey.number(ELIN.e164());

  private final TestTime time = new TestTime();
  private final FakeBandwidth fake = new FakeBandwidth(BandwidthConfig.Mode.ES);
  private final BandwidthCarrier adapter = fake.adapter(time);
  private final Payloads json = new Payloads(1 << 16);

  @AfterEach
  void close() {
    adapter.close();
    fake.close();
  }

  private JsonNode body(RecordedRequest r) {
    return json.readJson(r.body());
  }

  @Test
  void validation_creates_the_address_record_with_a_deterministic_id_and_reads_its_validation_status() {
    fake.knowAddress(Addresses.tampa());
    AddressValidationResult r = adapter.validate(Addresses.tampa());
    assertThat(r).isInstanceOfSatisfying(AddressValidationResult.Valid.class, v -> {
      assertThat(v.standardized().streetName()).contains("HARBOUR VIEW");
      assertThat(v.standardized().get(CivicElement.UNIT)).contains("STE 410");
      assertThat(v.standardized().point()).isPresent();
      assertThat(v.standardized().validation()).hasValueSatisfying(x -> assertThat(x.validatedBy()).isEqualTo("bandwidth"));
    });
    RecordedRequest post = fake.server().requests("POST", ES + "/addresses").get(0);
    JsonNode sent = body(post);
    assertThat(sent.get("addressLine1").asText()).isEqualTo("2210 W HARBOUR VIEW BLVD");
    assertThat(sent.get("addressLine2").asText()).isEqualTo("STE 410");
    assertThat(sent.get("customerType").asText()).isEqualTo("BUS");
    assertThat(sent.get("service").asText()).isEqualTo("ES");
    assertThat(sent.get("id").asText()).matches("E911[0-9A-F]{28}");
    // asking again finds the same record (409 → GET) instead of creating another
    assertThat(adapter.validate(Addresses.tampa())).isInstanceOf(AddressValidationResult.Valid.class);
    assertThat(fake.server().requests("GET", ES + "/addresses/" + sent.get("id").asText())).hasSize(1);
  }

  @Test
  void every_call_carries_the_region() {
    fake.knowAddress(Addresses.hq());
    adapter.validate(Addresses.hq());
    adapter.provision(new Binding.NumberBinding(ELIN, Addresses.hq(), "ACME HQ"));
    adapter.readBack(KEY);
    adapter.remove(KEY);
    assertThat(fake.server().requests()).hasSizeGreaterThan(5)
        .allSatisfy(q -> assertThat(q.queryParameter("region")).contains("NA"));
    assertThat(fake.server().unmatchedRequests()).isEmpty();
  }

  @Test
  void an_invalid_address_is_rejected() {
    assertThat(adapter.validate(Addresses.nowhere())).isInstanceOf(AddressValidationResult.Rejected.class);
  }

  @Test
  void an_unvalidated_record_is_polled_until_bandwidth_decides() {
    fake.knowAddress(Addresses.tampa());
    fake.esUnvalidatedPolls(2);
    assertThat(adapter.validate(Addresses.tampa())).isInstanceOf(AddressValidationResult.Valid.class);
    fake.esUnvalidatedPolls(1000);
    fake.knowAddress(Addresses.home());
    assertThat(adapter.validate(Addresses.home())).isInstanceOfSatisfying(AddressValidationResult.Failed.class,
        f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT));
  }

  @Test
  void a_number_is_bound_by_an_endpoints_order_followed_to_completed() {
    fake.knowAddress(Addresses.hq());
    ProvisioningResult r = adapter.provision(new Binding.NumberBinding(ELIN, Addresses.hq(), "ACME HQ"));
    assertThat(r).isInstanceOfSatisfying(ProvisioningResult.Done.class, d -> assertThat(d.carrierReference()).startsWith("es-order-"));
    JsonNode ep = body(fake.server().requests("POST", ES + "/endpoints").get(0)).get("endpoints").get(0);
    assertThat(ep.get("id").asText()).isEqualTo("14155550100");
    assertThat(ep.get("phoneNumber").asText()).isEqualTo("+14155550100");
    assertThat(ep.get("name").asText()).isEqualTo("ACME HQ");
    assertThat(ep.get("addressId").asText()).startsWith("E911");
    assertThat(fake.server().requests("GET", ES + "/orders/es-order-0001/details")).hasSize(2);
    assertThat(adapter.readBack(KEY)).isInstanceOfSatisfying(ReadBackResult.Found.class,
        f -> assertThat(f.binding().address().streetName()).contains("POINT"));
    // idempotent
    assertThat(adapter.provision(new Binding.NumberBinding(ELIN, Addresses.hq(), "ACME HQ"))).isInstanceOf(ProvisioningResult.Done.class);
    assertThat(fake.writeOrders()).as("the address record and one endpoints order").isEqualTo(2);
  }

  @Test
  void a_moved_endpoint_is_re_pointed_with_patch() {
    fake.knowAddress(Addresses.hq());
    fake.knowAddress(Addresses.home());
    var e = new Binding.EndpointBinding("agent00417remote", ELIN, Addresses.hq(), "A417");
    adapter.provision(e);
    assertThat(adapter.provision(new Binding.EndpointBinding("agent00417remote", ELIN, Addresses.home(), "A417")))
        .isInstanceOf(ProvisioningResult.Done.class);
    RecordedRequest patch = fake.server().requests("PATCH", ES + "/endpoints/agent00417remote").get(0);
    assertThat(body(patch).get("action").asText()).isEqualTo("PROVISION");
    assertThat(fake.provisioned(e.key())).hasValueSatisfying(a -> assertThat(a.streetName()).contains("ELM"));
    assertThat(fake.bindingCount(e.key())).isEqualTo(1);
  }

  @Test
  void an_invalid_address_is_never_bound() {
    var r = adapter.provision(new Binding.NumberBinding(ELIN, Addresses.nowhere(), "X"));
    assertThat(r).isInstanceOf(ProvisioningResult.Rejected.class);
    assertThat(fake.server().requests("POST", ES + "/endpoints")).isEmpty();
    assertThat(fake.writeOrders()).as("only the (INVALID) address record").isEqualTo(1);
  }

  @Test
  void an_endpoint_error_in_the_order_details_is_a_rejection_with_its_code() {
    fake.knowAddress(Addresses.hq());
    fake.failNextOrder("40018");
    assertThat(adapter.provision(new Binding.NumberBinding(ELIN, Addresses.hq(), "ACME HQ")))
        .isInstanceOfSatisfying(ProvisioningResult.Rejected.class, r -> assertThat(r.reasons()).singleElement().asString().startsWith("40018"));
  }

  @Test
  void an_endpoints_post_applied_but_unanswered_is_read_back_not_resent() {
    fake.knowAddress(Addresses.hq());
    fake.pollsUntilFinal(0);
    // POST /addresses, GET /endpoints/{id} (404), then POST /endpoints is applied and hangs
    fake.failNextAfter(2, Fault.APPLY_THEN_HANG);
    assertThat(adapter.provision(new Binding.NumberBinding(ELIN, Addresses.hq(), "ACME HQ"))).isInstanceOf(ProvisioningResult.Done.class);
    assertThat(fake.server().requests("POST", ES + "/endpoints")).hasSize(1);
    assertThat(fake.writeOrders()).as("the address record and one endpoints order").isEqualTo(2);
  }

  @Test
  void an_endpoints_post_answered_504_after_it_was_applied_is_followed_not_resent() {
    fake.knowAddress(Addresses.hq());
    fake.gatewayTimeoutOnNextWrite(true);
    assertThat(adapter.provision(new Binding.NumberBinding(ELIN, Addresses.hq(), "ACME HQ"))).isInstanceOf(ProvisioningResult.Done.class);
    assertThat(fake.server().requests("POST", ES + "/endpoints")).hasSize(1);
    assertThat(fake.bindingCount(KEY)).isEqualTo(1);
  }

  @Test
  void removal_deletes_the_endpoint_and_removing_again_is_done_without_an_order() {
    fake.knowAddress(Addresses.hq());
    adapter.provision(new Binding.NumberBinding(ELIN, Addresses.hq(), "ACME HQ"));
    assertThat(adapter.remove(KEY)).isInstanceOfSatisfying(ProvisioningResult.Done.class, d -> assertThat(d.removed()).isTrue());
    assertThat(fake.server().requests("DELETE", ES + "/endpoints/14155550100")).hasSize(1);
    assertThat(adapter.readBack(KEY)).isInstanceOf(ReadBackResult.NotFound.class);
    assertThat(adapter.remove(KEY)).isInstanceOf(ProvisioningResult.Done.class);
    assertThat(fake.writeOrders()).as("address record, endpoints order, delete order").isEqualTo(3);
  }

  @Test
  void a_persistent_429_with_code_32002_is_rate_limited_with_retry_after() {
    fake.failNext(Fault.RATE_LIMITED, 10);
    assertThat(adapter.validate(Addresses.hq())).isInstanceOfSatisfying(AddressValidationResult.Failed.class, f -> {
      assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.RATE_LIMITED);
      assertThat(f.failure().retryAfter()).isEqualTo(Duration.ofSeconds(1));
    });
    assertThat(time.sleeps()).contains(Duration.ofSeconds(1));
  }

  @Test
  void json_errors_are_read_into_the_failure() {
    fake.failNext(Fault.UNAUTHORIZED, 1);
    assertThat(adapter.readBack(KEY)).isInstanceOfSatisfying(ReadBackResult.Failed.class, f -> {
      assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.AUTHENTICATION);
      assertThat(f.failure().message()).contains("Unauthorized");
    });
    fake.failNext(Fault.MALFORMED, 1);
    assertThat(adapter.readBack(KEY)).isInstanceOfSatisfying(ReadBackResult.Failed.class,
        f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.MALFORMED_RESPONSE));
  }

  @Test
  void region_row_refuses_a_north_american_address_by_field() {
    BandwidthCarrier row = fake.adapter(time, fake.config(Duration.ofMillis(800)).region(BandwidthConfig.Region.ROW).build());
    assertThat(row.validate(Addresses.hq())).isInstanceOfSatisfying(AddressValidationResult.Rejected.class,
        r -> assertThat(r.reasons()).singleElement().asString().startsWith("country:"));
    row.close();
    assertThat(List.of(row.capabilities().suggestsCorrections(), row.capabilities().pidfLoByValue())).containsOnly(false);
  }
}
