package dev.e911.carrier.intelepeer;

import static dev.e911.carrier.intelepeer.Fixtures.NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.testkit.http.FaultProxy;
import dev.e911.testkit.http.ProxyFault;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Regression (reliability suite, issue 10): a v3 Add ({@code POST}) that IntelePeer applied but whose
 * answer a gateway replaced with 502 was resent by the retry policy, and the carrier, which documents
 * no idempotency key, then held two E911 records for the number.
 */
@DisplayName("IntelePeer v3: an Add answered 502 after it was applied is not resent (no second record)")
class IntelePeerPostAfterGatewayErrorTest {

  @Test
  @DisplayName("the 502 is reported as a failure; running the binding again updates the one record")
  void appliedThen502() {
    AtomicInteger adds = new AtomicInteger();
    try (FakeIntelePeer fake = new FakeIntelePeer(false);
        FaultProxy proxy = FaultProxy.start(fake.baseUri(), r ->
            r.method().equals("POST") && r.path().equals("/_rest/v3/my/did/e911") && adds.incrementAndGet() == 1
                ? new ProxyFault.ApplyThenAnswer(502, "application/json", "{\"code\":502,\"error\":\"Bad Gateway\"}")
                : new ProxyFault.Pass())) {
      TestTime time = new TestTime();
      try (IntelePeerCarrier carrier = Fixtures.carrier(
          Fixtures.settings(fake, IntelePeerContract.V3).baseUrl(proxy.baseUri())
              .requestTimeout(java.time.Duration.ofSeconds(3)).build(), time)) {
        ProvisioningResult first = carrier.provision(Fixtures.binding(NUMBER, Fixtures.tampa()));

        assertThat(fake.recordsOf(NUMBER.substring(2))).as("one Add reached IntelePeer, once").hasSize(1);
        assertThat(first).as("%s", first).isInstanceOf(ProvisioningResult.Failed.class);

        ProvisioningResult again = carrier.provision(Fixtures.binding(NUMBER, Fixtures.tampa()));
        assertThat(again).isInstanceOfAny(ProvisioningResult.Done.class, ProvisioningResult.Pending.class);
        assertThat(fake.bindingCount(BindingKey.number(NUMBER))).isEqualTo(1);
        assertThat(adds).as("the second run updates (PUT) instead of adding again").hasValue(1);
      }
    }
  }
}
