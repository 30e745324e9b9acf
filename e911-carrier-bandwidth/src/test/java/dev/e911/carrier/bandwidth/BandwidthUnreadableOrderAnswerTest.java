package dev.e911.carrier.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.phone.Elin;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.BindingKey;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.testkit.http.FaultProxy;
import dev.e911.testkit.http.ProxyFault;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Regression (reliability suite, issue 10): Bandwidth accepted an E911 order (201) but its answer
 * arrived unreadable; the adapter reported a malformed-response failure, and running the binding
 * again sent a second order for the same change while the first was still being processed.
 */
@DisplayName("Dashboard: an accepted order whose answer is unreadable is found by CustomerOrderId and followed")
class BandwidthUnreadableOrderAnswerTest {

  static final Elin ELIN = Elin.parse("+1 415 555 0100", "US", Elin.Kind.LOCATION_ELIN);

  @Test
  @DisplayName("one order, followed to COMPLETE, not a failure and a second order")
  void corruptAnswerToAnAcceptedOrder() {
    AtomicInteger posts = new AtomicInteger();
    TestTime time = new TestTime();
    try (FakeBandwidth fake = new FakeBandwidth(BandwidthConfig.Mode.DASHBOARD);
        FaultProxy proxy = FaultProxy.start(fake.server().baseUri(), r ->
            r.method().equals("POST") && r.path().endsWith("/e911s") && posts.incrementAndGet() == 1
                ? new ProxyFault.Corrupt() : new ProxyFault.Pass());
        BandwidthCarrier adapter = fake.adapter(time, fake.config(Duration.ofSeconds(3)).baseUrl(proxy.uri("/api")).build())) {
      ProvisioningResult r = adapter.provision(new Binding.NumberBinding(ELIN, Addresses.hq(), "ACME Support HQ"));

      assertThat(r).as("%s", r).isInstanceOf(ProvisioningResult.Done.class);
      assertThat(fake.orderCount()).isEqualTo(1);
      assertThat(fake.provisioned(BindingKey.number(ELIN.e164()))).isPresent();
    }
  }
}
