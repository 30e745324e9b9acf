package dev.e911.carrier.intelepeer;

import static dev.e911.carrier.intelepeer.Fixtures.NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.spi.ProvisioningResult;
import dev.e911.testkit.http.FaultProxy;
import dev.e911.testkit.http.ProxyFault;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Regression: the authentication {@code POST} changes nothing at IntelePeer, yet after a lost
 * connection or a timeout it was treated like an order that may have been applied and not resent, so
 * one slow login failed the whole operation (seen as a flaky conformance-kit run under load).
 */
@DisplayName("IntelePeer: a login whose connection is lost is sent again")
class IntelePeerLoginRetryTest {

  @Test
  @DisplayName("a reset authentication call is retried and the binding goes through")
  void resetLoginIsRetried() {
    AtomicInteger logins = new AtomicInteger();
    try (FakeIntelePeer fake = new FakeIntelePeer(false);
        FaultProxy proxy = FaultProxy.start(fake.baseUri(), r ->
            r.path().equals("/_rest/v4/authenticate") && logins.incrementAndGet() == 1
                ? new ProxyFault.ResetBefore() : new ProxyFault.Pass());
        IntelePeerCarrier carrier = Fixtures.carrier(Fixtures.settings(fake, IntelePeerContract.V3)
            .baseUrl(proxy.baseUri()).requestTimeout(Duration.ofSeconds(3)).build(), new TestTime())) {
      ProvisioningResult r = carrier.provision(Fixtures.binding(NUMBER, Fixtures.tampa()));

      assertThat(r).as("%s", r).isInstanceOfAny(ProvisioningResult.Done.class, ProvisioningResult.Pending.class);
      assertThat(logins).hasValue(2);
    }
  }
}
