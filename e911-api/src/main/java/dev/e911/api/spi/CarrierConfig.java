package dev.e911.api.spi;

import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration handed to a {@link CarrierProvider}: plain settings (base URL, account id, mode,
 * timeouts) and secrets (passwords, client secrets) kept apart so that settings can be printed and
 * secrets never are. Accessors throw a typed {@link InvalidValueException} naming the key.
 */
public record CarrierConfig(String carrier, Map<String, String> settings, Map<String, Secret> secrets) {

  public CarrierConfig {
    Objects.requireNonNull(carrier, "carrier");
    settings = Map.copyOf(settings);
    secrets = Map.copyOf(secrets);
  }

  /** A setting, if present. */
  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  /** A setting that must be present. */
  public String requireSetting(String key) {
    return setting(key).orElseThrow(() -> missing("settings." + key));
  }

  /** A secret that must be present. */
  public Secret requireSecret(String key) {
    Secret s = secrets.get(key);
    if (s == null) {
      throw missing("secrets." + key);
    }
    return s;
  }

  /** A URI setting that must be present and absolute http(s). */
  public URI requireUri(String key) {
    String raw = requireSetting(key);
    try {
      URI uri = new URI(raw);
      if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http")) || uri.getHost() == null) {
        throw invalid("settings." + key, "uri", "must be an absolute http(s) URL");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw invalid("settings." + key, "uri", "is not a URL");
    }
  }

  /** An ISO-8601 duration setting ({@code PT10S}), or the default when absent. */
  public Duration duration(String key, Duration defaultValue) {
    Optional<String> raw = setting(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      Duration d = Duration.parse(raw.get());
      if (d.isNegative() || d.isZero()) {
        throw invalid("settings." + key, "duration", "must be positive");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw invalid("settings." + key, "duration", "must be an ISO-8601 duration such as PT10S");
    }
  }

  private InvalidValueException missing(String path) {
    return invalid(path, "required", "is required for carrier " + carrier);
  }

  private static InvalidValueException invalid(String path, String rule, String message) {
    return new InvalidValueException("CarrierConfig", List.of(new Violation(path, rule, message)));
  }

  @Override
  public String toString() {
    return "CarrierConfig[" + carrier + ", settings=" + settings + ", secrets=" + secrets.keySet() + "]";
  }
}
