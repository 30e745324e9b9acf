package dev.e911.carrier.intelepeer;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.phone.Elin;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.Secret;
import java.time.Duration;

/** Addresses, bindings and adapter settings shared by the IntelePeer tests: tiny timeouts and backoffs. */
final class Fixtures {

  private Fixtures() {}

  static final String NUMBER = "+18135550142";

  static DispatchableAddress tampa() {
    return DispatchableAddress.builder("US").houseNumber("2210").preDirectional("W").streetName("Harbour View")
        .streetSuffix("Blvd").city("Tampa").state("FL").postalCode("33602").floor("4").unit("STE 410").build();
  }

  static DispatchableAddress orlando() {
    return DispatchableAddress.builder("US").houseNumber("400").streetName("Orange").streetSuffix("Ave")
        .city("Orlando").state("FL").postalCode("32801").build();
  }

  static Binding.NumberBinding binding(String e164, DispatchableAddress address) {
    return new Binding.NumberBinding(Elin.parse(e164, null, Elin.Kind.LOCATION_ELIN), address, "Acme Support");
  }

  static IntelePeerSettings.Builder settings(FakeIntelePeer fake, IntelePeerContract contract) {
    return IntelePeerSettings.builder()
        .baseUrl(fake.baseUri())
        .contract(contract)
        .username(Secret.of(FakeIntelePeer.USERNAME))
        .password(Secret.of(FakeIntelePeer.PASSWORD))
        .serviceBusiness("Acme Support LLC")
        .serviceUser("Dana Ortiz")
        .serviceUserTitle("Telecom Administrator")
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofMillis(400))
        .maxAttempts(3)
        .initialBackoff(Duration.ofMillis(10))
        .maxBackoff(Duration.ofMillis(50))
        .orderWait(Duration.ofSeconds(5))
        .orderPollInterval(Duration.ofSeconds(1))
        .requestsPerSecond(1000);
  }

  static IntelePeerCarrier carrier(IntelePeerSettings settings, TestTime time) {
    return IntelePeerCarrier.builder(settings).clock(time).sleeper(time).build();
  }
}
