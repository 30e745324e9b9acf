package dev.e911.carrier.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierConfig;
import dev.e911.api.spi.CarrierProvider;
import dev.e911.api.spi.Secret;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class BandwidthConfigTest {

  private static final Map<String, Secret> BASIC = Map.of("username", Secret.of("api-user-77"), "password", Secret.of("hunter2-but-longer"));

  @Test
  void the_provider_is_found_by_service_loader_under_its_name() {
    CarrierProvider p = StreamSupport.stream(ServiceLoader.load(CarrierProvider.class).spliterator(), false)
        .filter(x -> x.name().equals("bandwidth")).findFirst().orElseThrow();
    assertThat(p).isInstanceOf(BandwidthCarrierProvider.class);
    try (CarrierAdapter a = p.create(new CarrierConfig("bandwidth", Map.of("mode", "dashboard", "accountId", "9900123"), BASIC))) {
      assertThat(a.id()).isEqualTo("bandwidth");
      assertThat(((BandwidthCarrier) a).config().baseUrl()).isEqualTo(URI.create("https://dashboard.bandwidth.com/api"));
    }
  }

  @Test
  void a_full_dashboard_configuration_is_read() {
    BandwidthConfig c = BandwidthConfig.from(new CarrierConfig("bandwidth", Map.ofEntries(
        Map.entry("mode", "Dashboard"), Map.entry("baseUrl", "https://test.dashboard.bandwidth.com/api/"),
        Map.entry("accountId", "9900123"), Map.entry("attemptTimeout", "PT5S"), Map.entry("maxAttempts", "3"),
        Map.entry("pollMaxWait", "PT10M"), Map.entry("requestsPerSecond", "2.5"), Map.entry("maxResponseBytes", "65536")), BASIC));
    assertThat(c.mode()).isEqualTo(BandwidthConfig.Mode.DASHBOARD);
    assertThat(c.baseUrl()).isEqualTo(URI.create("https://test.dashboard.bandwidth.com/api"));
    assertThat(c.attemptTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.maxAttempts()).isEqualTo(3);
    assertThat(c.pollMaxWait()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.requestsPerSecond()).isEqualTo(2.5);
    assertThat(c.credentials()).isInstanceOf(BandwidthConfig.Basic.class);
    assertThat(c.toString()).doesNotContain("hunter2").doesNotContain("api-user-77");
  }

  @Test
  void es_mode_with_oauth2_derives_the_token_url_from_the_host() {
    BandwidthConfig c = BandwidthConfig.from(new CarrierConfig("bandwidth", Map.of("mode", "es", "accountId", "9900123",
        "region", "row", "baseUrl", "https://api.bandwidth.com/api/v2"),
        Map.of("clientId", Secret.of("client-abc-123"), "clientSecret", Secret.of("client-secret-xyz"))));
    assertThat(c.region()).isEqualTo(BandwidthConfig.Region.ROW);
    assertThat(c.credentials()).isInstanceOfSatisfying(BandwidthConfig.OAuth2.class,
        o -> assertThat(o.tokenUrl()).isEqualTo(URI.create("https://api.bandwidth.com/api/v1/oauth2/token")));
  }

  @Test
  void every_bad_key_is_named_at_once_and_no_secret_is_echoed() {
    CarrierConfig bad = new CarrierConfig("bandwidth", Map.ofEntries(
        Map.entry("mode", "dashboard"), Map.entry("baseUrl", "ftp://example.com"), Map.entry("accountId", "12/34"),
        Map.entry("region", "EU"), Map.entry("attemptTimeout", "ten seconds"), Map.entry("maxAttempts", "99"),
        Map.entry("requestsPerSecond", "0"), Map.entry("pollInitialDelay", "PT1M"), Map.entry("pollMaxDelay", "PT10S"),
        Map.entry("baseURL", "typo")),
        Map.of("username", Secret.of("only-a-user-9"), "clientSecret", Secret.of("s3cret-value-!")));
    assertThatThrownBy(() -> BandwidthConfig.from(bad)).isInstanceOfSatisfying(InvalidValueException.class, e -> {
      assertThat(e.violations()).extracting(Violation::path).contains("settings.baseUrl", "settings.accountId",
          "settings.region", "settings.attemptTimeout", "settings.maxAttempts", "settings.requestsPerSecond",
          "settings.pollInitialDelay", "settings.baseURL", "secrets");
      assertThat(e.getMessage()).doesNotContain("s3cret-value-!").doesNotContain("only-a-user-9");
    });
  }

  @Test
  void the_legacy_dash_api_is_a_typed_configuration_error() {
    assertThatThrownBy(() -> new BandwidthCarrierProvider().create(new CarrierConfig("bandwidth",
        Map.of("mode", "dash", "accountId", "1"), BASIC)))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
            .anySatisfy(v -> assertThat(v.path() + " " + v.rule()).isEqualTo("settings.mode unsupported")));
  }

  @Test
  void missing_mode_account_and_credentials_are_all_reported() {
    assertThatThrownBy(() -> BandwidthConfig.from(new CarrierConfig("bandwidth", Map.of(), Map.of())))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .contains("settings.mode", "settings.accountId", "secrets"));
  }

  @Test
  void the_builder_reports_every_problem_too() {
    assertThatThrownBy(() -> BandwidthConfig.builder(BandwidthConfig.Mode.ES).attemptTimeout(Duration.ZERO).maxResponseBytes(10).build())
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations()).extracting(Violation::path)
            .contains("settings.accountId", "secrets", "settings.attemptTimeout", "settings.maxResponseBytes"));
  }
}
