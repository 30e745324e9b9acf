package dev.e911.carrier.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.phone.Elin;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.carrier.bandwidth.internal.BandwidthAddressMapping;
import dev.e911.testkit.carrier.Fault;
import dev.e911.testkit.http.RecordedRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Dashboard mode: e911s orders, DLR endpoints, removal and read-back")
class DashboardProvisioningTest {

  static final Elin DID = Elin.parse("+1 813 555 0142", "US", Elin.Kind.AGENT_DID);
  static final Elin ELIN = Elin.parse("+1 415 555 0100", "US", Elin.Kind.LOCATION_ELIN);
  static final String ORDERS = "/api/accounts/" + FakeBandwidth.ACCOUNT + "/e911s";

  private final TestTime time = new TestTime();
  private final FakeBandwidth fake = new FakeBandwidth(BandwidthConfig.Mode.DASHBOARD);
  private final BandwidthCarrier adapter = fake.adapter(time);

  @AfterEach
  void close() {
    adapter.close();
    fake.close();
  }

  private static Binding.NumberBinding numberBinding(DispatchableAddress a) {
    return new Binding.NumberBinding(ELIN, a, "ACME Support HQ");
  }

  private static Binding.EndpointBinding endpointBinding(DispatchableAddress a) {
    return new Binding.EndpointBinding("agent00417remote", DID, a, "ACME Support A417");
  }

  @Test
  void a_number_binding_is_one_conventional_order_followed_from_received_through_processing_to_complete() {
    ProvisioningResult r = adapter.provision(numberBinding(Addresses.hq()));
    assertThat(r).isInstanceOfSatisfying(ProvisioningResult.Done.class, d -> {
      assertThat(d.removed()).isFalse();
      assertThat(d.carrierReference()).startsWith("0c1d");
    });
    assertThat(fake.writeOrders()).isEqualTo(1);
    List<RecordedRequest> posts = fake.server().requests("POST", ORDERS);
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).bodyUtf8()).startsWith("<E911Order><CustomerOrderId>e911-tn-")
        .contains("<TelephoneNumbers><TelephoneNumber>4155550100</TelephoneNumber></TelephoneNumbers>")
        .contains("<CallerName>ACME Support HQ</CallerName>")
        .contains("<Address><HouseNumber>1200</HouseNumber><PreDirectional>N</PreDirectional><StreetName>POINT</StreetName>")
        .contains("<AddressLine2>BLDG 2 FL 3 STE 310</AddressLine2>");
    assertThat(posts.get(0).bodyUtf8().replaceAll(".*<CustomerOrderId>([^<]*)</CustomerOrderId>.*", "$1"))
        .matches("[A-Za-z0-9 -]{1,40}");
    // two polls: PROCESSING, then COMPLETE; each after a virtual wait
    assertThat(fake.server().requests().stream().filter(q -> q.method().equals("GET") && q.path().startsWith(ORDERS + "/"))).hasSize(2);
    assertThat(time.sleeps()).contains(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(fake.provisioned(ELIN_KEY)).hasValueSatisfying(a -> assertThat(a.sameCivicAddress(upper(Addresses.hq()))).isTrue());
  }

  static final BindingKey ELIN_KEY = BindingKey.number(ELIN.e164());

  /** The address as the carrier stores it (upper-cased, abbreviated). */
  private static DispatchableAddress upper(DispatchableAddress a) {
    var n = new dev.e911.carrier.bandwidth.internal.Payloads(1 << 16).object();
    BandwidthAddressMapping.toDashboard(a).forEach(n::put);
    return BandwidthAddressMapping.fromDashboard(n, java.util.Optional.empty());
  }

  @Test
  void provisioning_the_same_binding_again_sends_no_second_order() {
    adapter.provision(numberBinding(Addresses.hq()));
    assertThat(adapter.provision(numberBinding(Addresses.hq()))).isInstanceOf(ProvisioningResult.Done.class);
    assertThat(fake.writeOrders()).isEqualTo(1);
    assertThat(fake.bindingCount(ELIN_KEY)).isEqualTo(1);
  }

  @Test
  void a_changed_address_is_a_new_order_that_replaces_the_old_binding() {
    adapter.provision(numberBinding(Addresses.hq()));
    assertThat(adapter.provision(numberBinding(Addresses.home()))).isInstanceOf(ProvisioningResult.Done.class);
    assertThat(fake.writeOrders()).isEqualTo(2);
    assertThat(fake.provisioned(ELIN_KEY)).hasValueSatisfying(a -> assertThat(a.streetName()).contains("ELM"));
  }

  @Test
  void a_post_that_is_applied_but_times_out_is_found_by_customer_order_id_and_not_sent_again() {
    fake.pollsUntilFinal(1);
    // request 1 is the read-before-write GET /tns/{tn}/e911; request 2, the POST, is applied and never answered
    fake.failNextAfter(1, Fault.APPLY_THEN_HANG);
    ProvisioningResult r = adapter.provision(numberBinding(Addresses.hq()));
    assertThat(r).isInstanceOf(ProvisioningResult.Done.class);
    assertThat(fake.writeOrders()).isEqualTo(1);
    assertThat(fake.orderCount()).isEqualTo(1);
    List<RecordedRequest> lookups = fake.server().requests("GET", ORDERS);
    assertThat(lookups).hasSize(1);
    String coid = fake.server().requests("POST", ORDERS).get(0).bodyUtf8()
        .replaceAll(".*<CustomerOrderId>([^<]*)</CustomerOrderId>.*", "$1");
    assertThat(lookups.get(0).queryParameter("customerOrderId")).contains(coid);
    assertThat(fake.provisioned(ELIN_KEY)).isPresent();
    assertThat(fake.bindingCount(ELIN_KEY)).isEqualTo(1);
  }

  @Test
  void a_post_that_times_out_without_being_applied_is_sent_once_more_after_the_look_up_finds_nothing() {
    fake.failNextAfter(1, Fault.HANG);
    assertThat(adapter.provision(numberBinding(Addresses.hq()))).isInstanceOf(ProvisioningResult.Done.class);
    assertThat(fake.server().requests("POST", ORDERS)).hasSize(2);
    assertThat(fake.writeOrders()).isEqualTo(1);
  }

  @Test
  void a_504_from_a_gateway_is_treated_as_maybe_applied() {
    fake.gatewayTimeoutOnNextWrite(true);
    assertThat(adapter.provision(numberBinding(Addresses.hq()))).isInstanceOf(ProvisioningResult.Done.class);
    assertThat(fake.server().requests("POST", ORDERS)).hasSize(1);
    assertThat(fake.writeOrders()).isEqualTo(1);
  }

  @Test
  void a_504_for_an_order_that_never_arrived_is_sent_once_more() {
    fake.gatewayTimeoutOnNextWrite(false);
    assertThat(adapter.provision(numberBinding(Addresses.hq()))).isInstanceOf(ProvisioningResult.Done.class);
    assertThat(fake.server().requests("POST", ORDERS)).hasSize(2);
    assertThat(fake.writeOrders()).isEqualTo(1);
  }

  @Test
  void an_order_still_processing_past_the_bounded_wait_is_pending_with_its_order_id() {
    fake.pollsUntilFinal(1000);
    ProvisioningResult r = adapter.provision(numberBinding(Addresses.hq()));
    assertThat(r).isInstanceOfSatisfying(ProvisioningResult.Pending.class, p -> {
      assertThat(p.orderReference()).startsWith("0c1d");
      assertThat(p.carrierStatus()).isEqualTo("PROCESSING");
    });
    Duration waited = time.sleeps().stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(waited).isLessThanOrEqualTo(Duration.ofSeconds(60));
    assertThat(time.sleeps()).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(8)));
  }

  @Test
  void an_order_completed_immediately_is_not_polled() {
    fake.pollsUntilFinal(0);
    assertThat(adapter.provision(numberBinding(Addresses.hq()))).isInstanceOf(ProvisioningResult.Done.class);
    assertThat(fake.server().requests().stream().filter(q -> q.method().equals("GET") && q.path().startsWith(ORDERS + "/"))).isEmpty();
  }

  @Test
  void adjusted_complete_is_done_and_the_carriers_adjusted_address_is_what_reads_back() {
    fake.adjustNextOrder(f -> {
      var copy = new LinkedHashMap<>(f);
      copy.put("PlusFour", "1234");
      copy.put("StreetName", "POINT");
      copy.put("StreetSuffix", "STREET".equals(f.get("StreetSuffix")) ? "ST" : f.get("StreetSuffix"));
      copy.put("AddressLine2", "STE 310 FL 3 BLDG 2");
      return copy;
    });
    assertThat(adapter.provision(numberBinding(Addresses.hq()))).isInstanceOf(ProvisioningResult.Done.class);
    ReadBackResult back = adapter.readBack(ELIN_KEY);
    assertThat(back).isInstanceOfSatisfying(ReadBackResult.Found.class, f -> {
      assertThat(f.binding().address().get(CivicElement.UNIT)).contains("STE 310");
      assertThat(f.binding().address().get(CivicElement.PCE)).contains("1234");
      assertThat(f.binding().carrierReference()).isEqualTo("tn 4155550100");
    });
  }

  @Test
  void a_failed_order_is_rejected_with_the_carriers_error_code() {
    fake.failNextOrder("8003");
    assertThat(adapter.provision(numberBinding(Addresses.hq()))).isInstanceOfSatisfying(ProvisioningResult.Rejected.class,
        r -> assertThat(r.reasons()).singleElement().asString().startsWith("FAILED: 8003"));
  }

  @Test
  void a_competing_order_8033_is_re_read_and_done_when_the_carrier_holds_what_was_asked() {
    fake.failNextOrder("8033");
    assertThat(adapter.provision(numberBinding(Addresses.hq()))).isInstanceOf(ProvisioningResult.Done.class);
    assertThat(fake.server().requests("GET", "/api/tns/4155550100/e911")).hasSize(2);
  }

  @Test
  void a_synchronous_400_is_rejected_with_its_code() {
    var binding = new Binding.NumberBinding(Elin.parse("+44 20 7946 0018", null, Elin.Kind.LOCATION_ELIN), Addresses.hq(), "X");
    assertThat(adapter.provision(binding)).isInstanceOfSatisfying(ProvisioningResult.Rejected.class,
        r -> assertThat(r.reasons()).singleElement().asString().startsWith("TelephoneNumber:").contains("NANP"));
    assertThat(fake.server().requestCount()).isZero();
  }

  @Test
  void a_caller_name_longer_than_bandwidth_takes_is_rejected_not_truncated() {
    var binding = new Binding.NumberBinding(ELIN, Addresses.hq(), "A".repeat(51));
    assertThat(adapter.provision(binding)).isInstanceOfSatisfying(ProvisioningResult.Rejected.class,
        r -> assertThat(r.reasons()).singleElement().asString().startsWith("CallerName:"));
  }

  @Test
  void an_endpoint_binding_is_a_location_pool_order_then_the_aeui_order_referencing_its_location_id() {
    ProvisioningResult r = adapter.provision(endpointBinding(Addresses.home()));
    assertThat(r).isInstanceOf(ProvisioningResult.Done.class);
    List<RecordedRequest> posts = fake.server().requests("POST", ORDERS);
    assertThat(posts).hasSize(2);
    String locationId = BandwidthAddressMapping.locationId(BandwidthAddressMapping.toDashboard(Addresses.home()));
    assertThat(posts.get(0).bodyUtf8()).contains("<CustomerOrderId>e911-loc-")
        .contains("<AdditionalAddresses><Address><LocationId>" + locationId + "</LocationId><HouseNumber>17</HouseNumber>");
    assertThat(posts.get(1).bodyUtf8()).contains("<CustomerOrderId>e911-aeui-")
        .contains("<AlternateEndUserIdentifiers><AlternateEndUserIdentifier><Identifier>agent00417remote</Identifier>"
            + "<PIDFLOEnabled>true</PIDFLOEnabled><CallbackNumber>8135550142</CallbackNumber>"
            + "<CallerName>ACME Support A417</CallerName><PreferredLanguage>en</PreferredLanguage><LocationId>" + locationId
            + "</LocationId></AlternateEndUserIdentifier></AlternateEndUserIdentifiers>");
    assertThat(fake.poolIds()).containsExactly(locationId);
    BindingKey key = BindingKey.endpoint("agent00417remote");
    assertThat(adapter.readBack(key)).isInstanceOfSatisfying(ReadBackResult.Found.class,
        f -> assertThat(f.binding().address().streetName()).contains("ELM"));
    // again: nothing to send
    assertThat(adapter.provision(endpointBinding(Addresses.home()))).isInstanceOf(ProvisioningResult.Done.class);
    assertThat(fake.writeOrders()).isEqualTo(2);
  }

  @Test
  void two_endpoints_at_one_address_share_one_location_id() {
    adapter.provision(endpointBinding(Addresses.hq()));
    adapter.provision(new Binding.EndpointBinding("agent00500office", Elin.parse("+1 813 555 0150", "US", Elin.Kind.AGENT_DID),
        Addresses.hq(), "ACME Support A500"));
    assertThat(fake.poolIds()).hasSize(1);
    assertThat(fake.bindingCount(BindingKey.endpoint("agent00500office"))).isEqualTo(1);
  }

  @Test
  void an_endpoint_id_bandwidth_would_refuse_is_mapped_to_a_stable_identifier() {
    var b = new Binding.EndpointBinding("agent:417@acme", DID, Addresses.home(), "A417");
    assertThat(adapter.provision(b)).isInstanceOf(ProvisioningResult.Done.class);
    String body = fake.server().requests("POST", ORDERS).get(1).bodyUtf8();
    assertThat(body).containsPattern("<Identifier>E911[0-9A-F]{26}</Identifier>");
    assertThat(adapter.readBack(b.key())).isInstanceOf(ReadBackResult.Found.class);
  }

  @Test
  void removal_deletes_the_tn_specific_address_and_read_back_then_finds_nothing() {
    adapter.provision(numberBinding(Addresses.hq()));
    assertThat(adapter.remove(ELIN_KEY)).isInstanceOfSatisfying(ProvisioningResult.Done.class, d -> assertThat(d.removed()).isTrue());
    RecordedRequest delete = fake.server().requests("POST", ORDERS).get(1);
    assertThat(delete.bodyUtf8()).contains("<TelephoneNumber>4155550100</TelephoneNumber>")
        .contains("<DeleteTNSpecificE911Address>true</DeleteTNSpecificE911Address>").contains("e911-deltn-");
    assertThat(adapter.readBack(ELIN_KEY)).isEqualTo(new ReadBackResult.NotFound(ELIN_KEY));
    assertThat(fake.provisioned(ELIN_KEY)).isEmpty();
  }

  @Test
  void removing_what_is_not_there_is_done_without_an_order() {
    assertThat(adapter.remove(ELIN_KEY)).isEqualTo(new ProvisioningResult.Done(ELIN_KEY, "", true));
    assertThat(adapter.remove(BindingKey.endpoint("agent00417remote"))).isInstanceOf(ProvisioningResult.Done.class);
    assertThat(fake.writeOrders()).isZero();
  }

  @Test
  void removing_an_endpoint_deletes_the_aeui_and_keeps_the_shared_location() {
    adapter.provision(endpointBinding(Addresses.home()));
    BindingKey key = BindingKey.endpoint("agent00417remote");
    assertThat(adapter.remove(key)).isInstanceOf(ProvisioningResult.Done.class);
    assertThat(fake.server().requests("POST", ORDERS).get(2).bodyUtf8())
        .contains("<AlternateEndUserIdentifier><Identifier>agent00417remote</Identifier></AlternateEndUserIdentifier>")
        .contains("<DeleteTNSpecificE911Address>true</DeleteTNSpecificE911Address>");
    assertThat(adapter.readBack(key)).isInstanceOf(ReadBackResult.NotFound.class);
    assertThat(fake.poolIds()).hasSize(1);
  }

  @Test
  void a_401_while_polling_stops_following_the_order() {
    fake.pollsUntilFinal(3);
    fake.failNextAfter(2, Fault.UNAUTHORIZED);
    assertThat(adapter.provision(numberBinding(Addresses.hq()))).isInstanceOfSatisfying(ProvisioningResult.Failed.class,
        f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.AUTHENTICATION));
  }

  @Test
  void a_503_while_polling_is_ridden_out() {
    fake.pollsUntilFinal(2);
    fake.failNextAfter(2, Fault.SERVER_ERROR);
    assertThat(adapter.provision(numberBinding(Addresses.hq()))).isInstanceOf(ProvisioningResult.Done.class);
  }
}
