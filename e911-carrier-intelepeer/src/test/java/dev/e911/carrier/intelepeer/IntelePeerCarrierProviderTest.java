package dev.e911.carrier.intelepeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierConfig;
import dev.e911.api.spi.CarrierProvider;
import dev.e911.api.spi.Secret;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("IntelePeer provider and settings")
class IntelePeerCarrierProviderTest {

  private static final Map<String, Secret> SECRETS =
      Map.of("username", Secret.of("api-user-7"), "password", Secret.of("hunter2-Hunter2"));

  private static Map<String, String> requester() {
    return Map.of("serviceBusiness", "Acme Support LLC", "serviceUser", "Dana Ortiz",
        "serviceUserTitle", "Telecom Administrator");
  }

  @Test
  @DisplayName("ServiceLoader finds the provider named intelepeer, which builds a v3 adapter by default")
  void discovered() {
    CarrierProvider provider = ServiceLoader.load(CarrierProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("intelepeer")).findFirst().orElseThrow();
    try (CarrierAdapter adapter = provider.create(new CarrierConfig("intelepeer", requester(), SECRETS))) {
      assertThat(adapter.id()).isEqualTo("intelepeer");
      IntelePeerSettings s = ((IntelePeerCarrier) adapter).settings();
      assertThat(s.contract()).isEqualTo(IntelePeerContract.V3);
      assertThat(s.baseUrl()).hasToString("https://customer.intelepeer.com");
      assertThat(s.authorizationPrefix()).isEmpty();
      assertThat(s.requestsPerSecond()).isEqualTo(2.0);
      assertThat(adapter.toString()).doesNotContain("hunter2-Hunter2").doesNotContain("api-user-7");
    }
  }

  @Test
  @DisplayName("every bad, missing or unknown key is reported at once, and no value is echoed")
  void everyProblemAtOnce() {
    Map<String, String> settings = Map.of(
        "baseUrl", "ftp://leaky:pa55@host/x",
        "contract", "v4",
        "authorizationPrefix", "Token",
        "requestTimeout", "ten seconds",
        "maxAttempts", "many",
        "requestsPerSecond", "0",
        "resubmitAfter", "P30D",
        "serviceUser", "Dana Ortiz",
        "bogus", "1");
    CarrierConfig config = new CarrierConfig("intelepeer", settings, Map.of("username", Secret.of("api-user-7"),
        "apiKey", Secret.of("k-123456")));

    assertThatThrownBy(() -> new IntelePeerCarrierProvider().create(config))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> {
          assertThat(e.violations()).extracting(Violation::path).contains(
              "settings.bogus", "secrets.apiKey", "settings.baseUrl", "settings.contract", "settings.requestTimeout",
              "settings.maxAttempts", "settings.authorizationPrefix", "secrets.password", "settings.requestsPerSecond",
              "settings.resubmitAfter");
          assertThat(e.getMessage()).doesNotContain("pa55").doesNotContain("leaky").doesNotContain("k-123456")
              .doesNotContain("api-user-7");
        });
  }

  @Test
  @DisplayName("v3 needs the requester fields IntelePeer asks for on every order; the assumed contract does not")
  void requesterFields() {
    assertThatThrownBy(() -> IntelePeerSettings.fromConfig(new CarrierConfig("intelepeer", Map.of(), SECRETS)))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .containsExactly("settings.serviceBusiness", "settings.serviceUser", "settings.serviceUserTitle"));
    IntelePeerSettings assumed = IntelePeerSettings.fromConfig(new CarrierConfig("intelepeer",
        Map.of("contract", "assumed", "baseUrl", "https://e911.example.net/"), SECRETS));
    assertThat(assumed.contract()).isEqualTo(IntelePeerContract.ASSUMED);
    assertThat(assumed.authorizationPrefix()).isEqualTo("Bearer ");
  }

  @Test
  @DisplayName("durations, numbers and the prefix are read from their text forms")
  void parsesValues() {
    Map<String, String> s = new java.util.HashMap<>(requester());
    s.putAll(Map.of("authorizationPrefix", "bearer", "requestTimeout", "PT3S", "maxAttempts", "2",
        "requestsPerSecond", "0.5", "orderWait", "PT0S", "notificationEmail", "noc@example.com",
        "resubmitAfter", "PT6H"));
    IntelePeerSettings settings = IntelePeerSettings.fromConfig(new CarrierConfig("intelepeer", s, SECRETS));
    assertThat(settings.authorizationPrefix()).isEqualTo("Bearer ");
    assertThat(settings.requestTimeout()).hasSeconds(3);
    assertThat(settings.maxAttempts()).isEqualTo(2);
    assertThat(settings.requestsPerSecond()).isEqualTo(0.5);
    assertThat(settings.orderWait()).isZero();
    assertThat(settings.resubmitAfter()).hasHours(6);
    assertThat(IntelePeerSettings.builder().username(Secret.of("u")).password(Secret.of("p")).contract(
        IntelePeerContract.ASSUMED).build().resubmitAfter()).as("default").hasHours(24);
    assertThat(settings.notificationEmail()).contains("noc@example.com");
    assertThat(settings.toString()).doesNotContain("hunter2-Hunter2").doesNotContain("api-user-7");
  }
}
