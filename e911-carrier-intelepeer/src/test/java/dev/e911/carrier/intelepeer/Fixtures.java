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

  /** The per-request timeout the conformance-kit runs configure and declare (shorter than the fake's hang). */
  static final Duration KIT_REQUEST_TIMEOUT = Duration.ofSeconds(1);

  /** Settings for a conformance-kit run: the real clock and sleeps, so timeouts need CI headroom. */
  static IntelePeerSettings kitSettings(FakeIntelePeer fake, IntelePeerContract contract) {
    return settings(fake, contract).requestTimeout(KIT_REQUEST_TIMEOUT).orderPollInterval(Duration.ofMillis(50)).build();
  }

  /**
   * The {@code i}-th dynamic endpoint id of a conformance-kit run: IntelePeer keys dynamic 911 records by
   * telephone number, so a NANP number as 11 digits ({@code 16285550100} onwards: endpoint ids take no
   * {@code +}), in a fictional range apart from the kit's {@code +1 415 555 01xx} callback numbers.
   */
  static String kitEndpointId(int i) {
    return String.format(java.util.Locale.ROOT, "1628555%04d", 100 + i);
  }

  /** What {@code ServiceLoader}'s provider needs to build an adapter against the fake. */
  static dev.e911.api.spi.CarrierConfig kitProviderConfig(FakeIntelePeer fake, IntelePeerContract contract) {
    return new dev.e911.api.spi.CarrierConfig("intelepeer",
        java.util.Map.of("baseUrl", fake.baseUri().toString(), "contract", contract.configName(),
            "serviceBusiness", "Acme Support LLC", "serviceUser", "Dana Ortiz",
            "serviceUserTitle", "Telecom Administrator", "requestTimeout", KIT_REQUEST_TIMEOUT.toString()),
        java.util.Map.of("username", Secret.of(FakeIntelePeer.USERNAME), "password", Secret.of(FakeIntelePeer.PASSWORD)));
  }

  static IntelePeerCarrier carrier(IntelePeerSettings settings, TestTime time) {
    return IntelePeerCarrier.builder(settings).clock(time).sleeper(time).build();
  }
}
