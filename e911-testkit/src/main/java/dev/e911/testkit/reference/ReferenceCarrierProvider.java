package dev.e911.testkit.reference;

import dev.e911.api.spi.CarrierAdapter;
import dev.e911.api.spi.CarrierConfig;
import dev.e911.api.spi.CarrierProvider;
import dev.e911.api.spi.Secret;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import dev.e911.api.validation.Violations;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code reference} carrier provider: builds a {@link ReferenceCarrier} over a fresh
 * {@link ReferenceDatabase} from configuration. Settings: {@code seed} ({@code demo}, the default,
 * loads {@link ReferenceDatabase#demoAddresses()}; {@code empty} loads none), {@code asynchronous}
 * ({@code true}/{@code false}), {@code requestTimeout}, {@code backoff}, {@code maxRetryAfter}
 * (ISO-8601 durations), {@code maxAttempts}; secret {@code apiKey} (optional; the database is created
 * with the same key). Every bad setting is reported at once.
 */
public final class ReferenceCarrierProvider implements CarrierProvider {

  /** For {@link java.util.ServiceLoader}. */
  public ReferenceCarrierProvider() {}

  @Override
  public String name() {
    return ReferenceCarrier.ID;
  }

  @Override
  public CarrierAdapter create(CarrierConfig config) {
    Violations v = Violations.forType("CarrierConfig");
    String seed = config.setting("seed").orElse("demo").toLowerCase(Locale.ROOT);
    v.check(!seed.equals("demo") && !seed.equals("empty"), "settings.seed", "enum", "must be demo or empty");
    String async = config.setting("asynchronous").orElse("false").toLowerCase(Locale.ROOT);
    v.check(!async.equals("true") && !async.equals("false"), "settings.asynchronous", "boolean", "must be true or false");
    Duration timeout = duration(config, "requestTimeout", Duration.ofSeconds(2), v);
    Duration backoff = duration(config, "backoff", Duration.ofMillis(50), v);
    Duration maxRetryAfter = duration(config, "maxRetryAfter", Duration.ofSeconds(5), v);
    int attempts = 3;
    Optional<String> rawAttempts = config.setting("maxAttempts");
    if (rawAttempts.isPresent()) {
      try {
        attempts = Integer.parseInt(rawAttempts.get().trim());
      } catch (NumberFormatException e) {
        v.add("settings.maxAttempts", "integer", "must be a whole number");
      }
    }
    v.throwIfAny();
    Secret apiKey = config.secrets().getOrDefault("apiKey", Secret.of("reference-demo-key"));
    ReferenceDatabase database = ReferenceDatabase.builder().apiKey(apiKey).asynchronous(async.equals("true"))
        .addresses(seed.equals("demo") ? ReferenceDatabase.demoAddresses() : List.of()).build();
    try {
      return ReferenceCarrier.builder(database).apiKey(apiKey).clock(Clock.systemUTC()).requestTimeout(timeout)
          .backoff(backoff).maxRetryAfter(maxRetryAfter).maxAttempts(attempts).build();
    } catch (InvalidValueException e) {
      throw e.under("settings");
    }
  }

  private static Duration duration(CarrierConfig config, String key, Duration fallback, Violations v) {
    try {
      return config.duration(key, fallback);
    } catch (InvalidValueException e) {
      for (Violation violation : e.violations()) {
        v.add(violation.path(), violation.rule(), violation.message());
      }
      return fallback;
    }
  }
}
