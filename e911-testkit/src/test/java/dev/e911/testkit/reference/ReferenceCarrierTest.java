package dev.e911.testkit.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.phone.Elin;
import dev.e911.api.spi.AddressValidationResult;
import dev.e911.api.spi.Binding;
import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierConfig;
import dev.e911.api.spi.ProvisioningResult;
import dev.e911.api.spi.Secret;
import dev.e911.api.spi.WebhookRequest;
import dev.e911.api.spi.WebhookResult;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import java.nio.charset.StandardCharsets;
import dev.e911.testkit.carrier.Fault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The reference carrier")
class ReferenceCarrierTest {

  static final Instant NOW = Instant.parse("2026-11-25T16:00:00Z");
  final ReferenceDatabase database = ReferenceDatabase.builder().addresses(ReferenceDatabase.demoAddresses())
      .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  final ReferenceCarrier carrier = ReferenceCarrier.builder(database).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  static DispatchableAddress.Builder pointStreet() {
    return DispatchableAddress.builder("US").houseNumber("1200").city("San Francisco").state("CA");
  }

  @Test
  @DisplayName("validates a known address ignoring case, keeps the floor and stamps it with the injected clock")
  void valid() {
    DispatchableAddress input = pointStreet().preDirectional("n").streetName("point").streetSuffix("st")
        .postalCode("94133-1234").floor("3").build();
    AddressValidationResult result = carrier.validate(input);
    assertThat(result).isInstanceOf(AddressValidationResult.Valid.class);
    DispatchableAddress standardized = ((AddressValidationResult.Valid) result).standardized();
    assertThat(standardized.streetName()).hasValue("POINT");
    assertThat(standardized.get(dev.e911.api.address.CivicElement.FLR)).hasValue("3");
    assertThat(standardized.validation()).hasValue(new AddressValidation("reference", NOW));
  }

  @Test
  @DisplayName("suggests the USPS spelling and the missing ZIP+4 for a near miss, naming each difference")
  void corrected() {
    DispatchableAddress input = pointStreet().preDirectional("North").streetName("Point").streetSuffix("Street")
        .postalCode("94133").build();
    AddressValidationResult result = carrier.validate(input);
    assertThat(result).isInstanceOf(AddressValidationResult.Corrected.class);
    AddressValidationResult.Corrected corrected = (AddressValidationResult.Corrected) result;
    assertThat(corrected.suggestions().get(0).oneLine()).isEqualTo("1200 N POINT ST, SAN FRANCISCO, CA 94133-1234, US");
    assertThat(corrected.reasons()).anyMatch(r -> r.startsWith("streetSuffix:"))
        .anyMatch(r -> r.startsWith("preDirectional:")).anyMatch(r -> r.startsWith("postalCodeExtension:"));
  }

  @Test
  @DisplayName("rejects an unknown address, and refuses to provision one")
  void unknown() {
    DispatchableAddress nowhere = pointStreet().streetName("Nowhere").postalCode("94133").build();
    assertThat(carrier.validate(nowhere)).isInstanceOf(AddressValidationResult.Rejected.class);
    Binding b = new Binding.NumberBinding(Elin.parse("+14155550100", "US", Elin.Kind.LOCATION_ELIN), nowhere, "X");
    assertThat(carrier.provision(b)).isInstanceOf(ProvisioningResult.Rejected.class);
    assertThat(database.bindingCount(b.key())).isZero();
  }

  @Test
  @DisplayName("reads its own signed emergency-call webhook and ignores a tampered one")
  void webhook() {
    DispatchableAddress address = ReferenceDatabase.demoAddresses().get(1);
    Binding b = new Binding.NumberBinding(Elin.parse("+14155550100", "US", Elin.Kind.LOCATION_ELIN), address, "DESK 12");
    assertThat(carrier.provision(b)).isInstanceOf(ProvisioningResult.Done.class);

    WebhookRequest call = database.emergencyCall("+14155550100", "911");
    WebhookResult parsed = carrier.parseWebhook(call);
    assertThat(parsed).isInstanceOf(WebhookResult.Parsed.class);
    var event = ((WebhookResult.Parsed) parsed).event();
    assertThat(event.occurredAt()).isEqualTo(NOW);
    assertThat(event.callerName()).isEqualTo("DESK 12");
    assertThat(event.addressOnFile()).isEqualTo(address.oneLine());

    byte[] tampered = new String(call.body(), StandardCharsets.UTF_8).replace("911", "933").getBytes(StandardCharsets.UTF_8);
    assertThat(carrier.parseWebhook(new WebhookRequest(call.contentType(), call.headers(), tampered)))
        .isInstanceOf(WebhookResult.Ignored.class);
  }

  @Test
  @DisplayName("its provider reports every bad setting at once, and its demo seed validates the demo addresses")
  void provider() {
    ReferenceCarrierProvider provider = new ReferenceCarrierProvider();
    assertThatThrownBy(() -> provider.create(new CarrierConfig("reference",
        Map.of("seed", "bogus", "maxAttempts", "many", "requestTimeout", "soon"), Map.of("apiKey", Secret.of("k-123456")))))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .containsExactlyInAnyOrder("settings.seed", "settings.maxAttempts", "settings.requestTimeout"));
    try (CarrierAdapter demo = provider.create(new CarrierConfig("reference", Map.of(), Map.of()))) {
      assertThat(demo.validate(ReferenceDatabase.demoAddresses().get(2))).isInstanceOf(AddressValidationResult.Valid.class);
    }
  }

  @Test
  @DisplayName("the example in docs/carriers.md works: two 503s are retried to success")
  void documentedExample() {
    // docs/carriers.md, "In your tests"
    ReferenceDatabase database = ReferenceDatabase.builder()
        .addresses(ReferenceDatabase.demoAddresses())       // or your own
        .rateLimitRetryAfter(Duration.ofMillis(100))
        .build();
    ReferenceCarrier carrier = ReferenceCarrier.builder(database)
        .clock(Clock.fixed(Instant.parse("2026-11-25T16:00:00Z"), ZoneOffset.UTC))
        .requestTimeout(Duration.ofMillis(200))
        .build();
    database.failNext(Fault.SERVER_ERROR, 2);                // the next two requests get 503
    // end of example
    Binding b = new Binding.NumberBinding(Elin.parse("+14155550100", "US", Elin.Kind.LOCATION_ELIN),
        ReferenceDatabase.demoAddresses().get(0), "DESK 1");
    assertThat(carrier.provision(b)).isInstanceOf(ProvisioningResult.Done.class);
    assertThat(database.requests()).hasSize(4); // GET 503, GET 503, GET, PUT
  }
}
