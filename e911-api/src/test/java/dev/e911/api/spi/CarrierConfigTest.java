package dev.e911.api.spi;

import static dev.e911.api.TestValues.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CarrierConfigTest {

  private static CarrierConfig config(Map<String, String> settings) {
    return new CarrierConfig("bandwidth", settings, Map.of("password", Secret.of("hunter2")));
  }

  @Test
  @DisplayName("settings and secrets are read back")
  void reads() {
    CarrierConfig c = config(Map.of("accountId", "9900001", "baseUrl", "https://dashboard.example.com/api/v2"));
    assertThat(c.setting("accountId")).contains("9900001");
    assertThat(c.setting("nope")).isEmpty();
    assertThat(c.requireSetting("accountId")).isEqualTo("9900001");
    assertThat(c.requireSecret("password").reveal()).isEqualTo("hunter2");
    assertThat(c.requireUri("baseUrl")).isEqualTo(URI.create("https://dashboard.example.com/api/v2"));
  }

  @Test
  @DisplayName("a missing setting or secret is a typed error naming the key and the carrier")
  void missing() {
    CarrierConfig c = config(Map.of());
    assertThatThrownBy(() -> c.requireSetting("accountId")).isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("settings.accountId").hasMessageContaining("bandwidth");
    assertThat(violationsOf(() -> c.requireSecret("apiToken"))).extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("secrets.apiToken", "required"));
    assertThat(violationsOf(() -> c.requireUri("baseUrl"))).extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("settings.baseUrl", "required"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com/x", "/relative/path", "example.com", "https://", "mailto:a@example.com",
      "http://exa mple.com", "https://[::1"})
  @DisplayName("a URI setting that is not an absolute http(s) URL is refused naming the key")
  void badUri(String raw) {
    assertThat(violationsOf(() -> config(Map.of("baseUrl", raw)).requireUri("baseUrl")))
        .extracting(Violation::path, Violation::rule).containsExactly(tuple("settings.baseUrl", "uri"));
  }

  @Test
  @DisplayName("URI schemes are case-insensitive, so HTTPS: is an https URL")
  void uriSchemeCase() {
    assertThat(config(Map.of("baseUrl", "HTTPS://api.example.com")).requireUri("baseUrl").getHost())
        .isEqualTo("api.example.com");
  }

  @Test
  @DisplayName("a duration is ISO-8601 and positive; absent means the default")
  void durations() {
    CarrierConfig c = config(Map.of("timeout", "PT10S", "zero", "PT0S", "negative", "PT-1S", "words", "ten seconds"));
    assertThat(c.duration("timeout", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.duration("absent", Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    for (String key : new String[] {"zero", "negative", "words"}) {
      assertThat(violationsOf(() -> c.duration(key, Duration.ZERO))).extracting(Violation::path, Violation::rule)
          .containsExactly(tuple("settings." + key, "duration"));
    }
  }

  @Test
  @DisplayName("toString shows settings but only the names of secrets")
  void toStringHidesSecrets() {
    CarrierConfig c = config(Map.of("accountId", "9900001"));
    assertThat(c.toString()).contains("9900001").contains("password").doesNotContain("hunter2");
  }

  @Test
  @DisplayName("the maps are copied, so later changes to the caller's map do not leak in")
  void copied() {
    Map<String, String> settings = new HashMap<>(Map.of("a", "1"));
    CarrierConfig c = config(settings);
    settings.put("b", "2");
    assertThat(c.settings()).containsOnlyKeys("a");
  }
}
