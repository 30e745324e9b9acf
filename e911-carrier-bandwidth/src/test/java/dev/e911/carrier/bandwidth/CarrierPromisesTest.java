package dev.e911.carrier.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.phone.Elin;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.CarrierCapabilities;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.ReadBackResult;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.testkit.carrier.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The promises {@code CarrierAdapter} makes, checked through the {@code CarrierFake} driver only, once per
 * Bandwidth surface, where they go beyond the conformance kit ({@code Bandwidth*ContractKitTest}): a
 * fault on each single request of a provisioning in turn, endpoint bindings provisioned concurrently
 * with one number provisioned three times at once, and the error typing of reads.
 */
abstract class CarrierPromisesTest {

  static final Elin ELIN = Elin.parse("+1 415 555 0100", "US", Elin.Kind.LOCATION_ELIN);
  static final Elin DID = Elin.parse("+1 813 555 0142", "US", Elin.Kind.AGENT_DID);

  final TestTime time = new TestTime();
  final FakeBandwidth fake = new FakeBandwidth(mode());
  final BandwidthCarrier adapter = fake.adapter(time);
  final List<Object> results = new ArrayList<>();

  abstract BandwidthConfig.Mode mode();

  @AfterEach
  void no_secret_in_any_result_or_request_and_close() {
    try {
      for (Object r : results) {
        for (String secret : fake.secrets()) {
          assertThat(String.valueOf(r)).doesNotContain(secret);
        }
      }
      for (String raw : fake.receivedRequests()) {
        for (String secret : fake.secrets()) {
          assertThat(raw).doesNotContain(secret);
        }
      }
      assertThat(adapter.toString()).doesNotContain(FakeBandwidth.PASSWORD);
    } finally {
      adapter.close();
      fake.close();
    }
  }

  <T> T record(T result) {
    results.add(result);
    if (result instanceof AddressValidationResult.Failed f) {
      results.add(f.failure().message());
    } else if (result instanceof ProvisioningResult.Failed f) {
      results.add(f.failure().message());
    } else if (result instanceof ReadBackResult.Failed f) {
      results.add(f.failure().message());
    }
    return result;
  }

  /** The form the fake carrier holds {@code a} in (what validation returns): bindings render it. */
  static DispatchableAddress carrierForm(DispatchableAddress a) {
    var n = new dev.e911.carrier.bandwidth.internal.Payloads(1 << 16).object();
    dev.e911.carrier.bandwidth.internal.BandwidthAddressMapping.toDashboard(a).forEach(n::put);
    return dev.e911.carrier.bandwidth.internal.BandwidthAddressMapping.fromDashboard(n, java.util.Optional.of(a));
  }

  Binding.NumberBinding number(DispatchableAddress a) {
    fake.knowAddress(a);
    return new Binding.NumberBinding(ELIN, carrierForm(a), "ACME Support");
  }

  Binding.EndpointBinding endpoint(String id, DispatchableAddress a) {
    fake.knowAddress(a);
    return new Binding.EndpointBinding(id, DID, carrierForm(a), "ACME Agent");
  }

  @Nested
  @DisplayName("validation")
  class Validation {
    @Test
    void a_known_address_is_valid_and_validated() {
      fake.knowAddress(Addresses.tampa());
      assertThat(record(adapter.validate(Addresses.tampa()))).isInstanceOfSatisfying(AddressValidationResult.Valid.class, v -> {
        assertThat(v.standardized().sameCivicAddress(carrierForm(Addresses.tampa()))).isTrue();
        assertThat(v.standardized().isDispatchable()).isTrue();
      });
    }

    @Test
    void a_correction_is_suggested_never_applied_when_the_carrier_suggests() {
      fake.correct(Addresses.tampaTypo(), Addresses.tampa());
      AddressValidationResult r = record(adapter.validate(Addresses.tampaTypo()));
      if (adapter.capabilities().suggestsCorrections()) {
        assertThat(r).isInstanceOfSatisfying(AddressValidationResult.Corrected.class,
            c -> assertThat(c.suggestions().get(0).sameCivicAddress(carrierForm(Addresses.tampa()))).isTrue());
      } else {
        assertThat(r).isNotInstanceOf(AddressValidationResult.Valid.class);
      }
    }

    @Test
    void an_unknown_address_is_rejected() {
      assertThat(record(adapter.validate(Addresses.nowhere()))).isInstanceOf(AddressValidationResult.Rejected.class);
    }
  }

  @Nested
  @DisplayName("provisioning")
  class Provisioning {
    @Test
    void a_number_binding_is_held_once_and_reads_back() {
      var b = number(Addresses.hq());
      assertThat(record(adapter.provision(b))).isInstanceOf(ProvisioningResult.Done.class);
      assertThat(fake.provisioned(b.key())).hasValueSatisfying(a -> assertThat(a.sameCivicAddress(b.address())).isTrue());
      assertThat(record(adapter.readBack(b.key()))).isInstanceOfSatisfying(ReadBackResult.Found.class,
          f -> assertThat(f.binding().address().sameCivicAddress(fake.provisioned(b.key()).orElseThrow())).isTrue());
    }

    @Test
    void provisioning_twice_leaves_one_binding_and_sends_no_second_order() {
      var b = number(Addresses.hq());
      record(adapter.provision(b));
      int orders = fake.writeOrders();
      assertThat(record(adapter.provision(b))).isInstanceOf(ProvisioningResult.Done.class);
      assertThat(fake.bindingCount(b.key())).isEqualTo(1);
      assertThat(fake.writeOrders()).isEqualTo(orders);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"APPLY_THEN_HANG", "HANG", "SERVER_ERROR", "RATE_LIMITED"})
    void a_fault_on_any_single_request_still_leaves_exactly_one_binding(Fault fault) {
      for (int pass = 0; pass < 4; pass++) {
        try (FakeBandwidth f = new FakeBandwidth(mode())) {
          BandwidthCarrier a = f.adapter(new TestTime());
          f.knowAddress(Addresses.hq());
          f.pollsUntilFinal(1);
          f.failNextAfter(pass, fault);
          var b = new Binding.NumberBinding(ELIN, carrierForm(Addresses.hq()), "ACME Support");
          ProvisioningResult r = record(a.provision(b));
          assertThat(r).as("fault %s on request %d", fault, pass + 1).isInstanceOf(ProvisioningResult.Done.class);
          assertThat(f.bindingCount(b.key())).isEqualTo(1);
          // one clean binding of a new address: one e911s order (dashboard); the address record and one endpoints order (ES)
          assertThat(f.writeOrders()).as("orders with %s on request %d", fault, pass + 1)
              .isEqualTo(mode() == BandwidthConfig.Mode.ES ? 2 : 1);
          a.close();
        }
      }
    }

    @Test
    void an_endpoint_binding_is_held_and_removed() {
      var e = endpoint("agent00417remote", Addresses.home());
      assertThat(record(adapter.provision(e))).isInstanceOf(ProvisioningResult.Done.class);
      assertThat(fake.provisioned(e.key())).hasValueSatisfying(a -> assertThat(a.sameCivicAddress(e.address())).isTrue());
      assertThat(record(adapter.remove(e.key()))).isInstanceOfSatisfying(ProvisioningResult.Done.class, d -> assertThat(d.removed()).isTrue());
      assertThat(fake.provisioned(e.key())).isEmpty();
      assertThat(record(adapter.readBack(e.key()))).isInstanceOf(ReadBackResult.NotFound.class);
    }

    @Test
    void removing_a_binding_that_does_not_exist_is_done() {
      assertThat(record(adapter.remove(BindingKey.number(ELIN.e164())))).isInstanceOfSatisfying(ProvisioningResult.Done.class,
          d -> assertThat(d.removed()).isTrue());
      assertThat(fake.writeOrders()).isZero();
    }

    @Test
    void concurrent_provisioning_of_many_bindings_and_of_one_binding_keeps_one_each() throws Exception {
      List<Binding> bindings = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        bindings.add(endpoint(String.format(Locale.ROOT, "agent%05dremote", i), i % 2 == 0 ? Addresses.home() : Addresses.hq()));
      }
      Binding shared = number(Addresses.hq());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Callable<ProvisioningResult>> tasks = new ArrayList<>();
        bindings.forEach(b -> tasks.add(() -> adapter.provision(b)));
        for (int i = 0; i < 3; i++) {
          tasks.add(() -> adapter.provision(shared));
        }
        for (Future<ProvisioningResult> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
          ProvisioningResult r = record(f.get());
          // a number provisioned three times at once may meet its own twin order: done, or a retryable conflict
          assertThat(r).satisfiesAnyOf(x -> assertThat(x).isInstanceOf(ProvisioningResult.Done.class),
              x -> assertThat(x).isInstanceOfSatisfying(ProvisioningResult.Failed.class, y -> assertThat(y.failure().retryable()).isTrue()));
        }
      } finally {
        pool.shutdownNow();
      }
      for (Binding b : bindings) {
        assertThat(fake.bindingCount(b.key())).isEqualTo(1);
        assertThat(fake.provisioned(b.key())).hasValueSatisfying(a -> assertThat(a.sameCivicAddress(b.address())).isTrue());
      }
      assertThat(fake.bindingCount(shared.key())).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("error typing")
  class Errors {
    @Test
    void rate_limited_is_rate_limited_with_a_wait() {
      fake.failNext(Fault.RATE_LIMITED, 10);
      assertThat(record(adapter.readBack(BindingKey.number(ELIN.e164())))).isInstanceOfSatisfying(ReadBackResult.Failed.class, f -> {
        assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.RATE_LIMITED);
        assertThat(f.failure().retryAfter()).isPositive();
      });
    }

    @Test
    void server_errors_and_hangs_are_transient() {
      fake.failNext(Fault.SERVER_ERROR, 10);
      assertThat(record(adapter.readBack(BindingKey.number(ELIN.e164())))).isInstanceOfSatisfying(ReadBackResult.Failed.class,
          f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT));
      fake.failNext(Fault.HANG, 3);
      assertThat(record(adapter.validate(Addresses.hq()))).isInstanceOfSatisfying(AddressValidationResult.Failed.class,
          f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT));
    }

    @Test
    void malformed_answers_are_malformed() {
      fake.failNext(Fault.MALFORMED, 1);
      assertThat(record(adapter.readBack(BindingKey.endpoint("agent00417remote")))).isInstanceOfSatisfying(ReadBackResult.Failed.class,
          f -> assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.MALFORMED_RESPONSE));
    }

    @Test
    void unauthorized_is_authentication_and_never_retried() {
      fake.failNext(Fault.UNAUTHORIZED, 5);
      var b = number(Addresses.hq());
      assertThat(record(adapter.provision(b))).isInstanceOfSatisfying(ProvisioningResult.Failed.class, f -> {
        assertThat(f.failure().kind()).isEqualTo(RemoteFailure.Kind.AUTHENTICATION);
        assertThat(f.failure().retryable()).isFalse();
      });
      assertThat(fake.server().requestCount()).isEqualTo(1);
    }
  }

  @Test
  void capabilities_say_what_the_mode_supports() {
    CarrierCapabilities c = adapter.capabilities();
    assertThat(c.addressValidation()).isTrue();
    assertThat(c.numberBinding()).isTrue();
    assertThat(c.dynamicEndpoints()).isTrue();
    assertThat(c.readBack()).isTrue();
    assertThat(c.asynchronousOrders()).isTrue();
    assertThat(c.testCall933()).isTrue();
    assertThat(c.manualProvisioning()).isFalse();
    boolean dashboard = mode() == BandwidthConfig.Mode.DASHBOARD;
    assertThat(c.suggestsCorrections()).isEqualTo(dashboard);
    assertThat(c.pidfLoByValue()).isEqualTo(dashboard);
    assertThat(c.locationByReference()).isEqualTo(dashboard);
    assertThat(adapter.id()).isEqualTo("bandwidth");
  }

  @DisplayName("Dashboard mode keeps the carrier promises")
  static class Dashboard extends CarrierPromisesTest {
    @Override
    BandwidthConfig.Mode mode() {
      return BandwidthConfig.Mode.DASHBOARD;
    }
  }

  @DisplayName("ES mode keeps the carrier promises")
  static class Es extends CarrierPromisesTest {
    @Override
    BandwidthConfig.Mode mode() {
      return BandwidthConfig.Mode.ES;
    }
  }
}
