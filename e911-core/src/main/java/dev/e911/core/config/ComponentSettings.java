package dev.e911.core.config;

import dev.e911.api.spi.CarrierConfig;
import dev.e911.api.spi.Secret;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import dev.e911.api.validation.Violations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How a pluggable component (a carrier, a notifier) is configured in the file: its id, its type
 * (e.g. {@code bandwidth}, {@code webhook}), plain settings, and secrets given only as the names of
 * environment variables that hold them — a configuration file never contains a credential.
 */
public record ComponentSettings(String id, String type, Map<String, String> settings, Map<String, String> secretsFromEnv) {

  private static final Pattern ENV = Pattern.compile("[A-Z_][A-Z0-9_]{0,127}");

  public ComponentSettings {
    Violations v = Violations.forType("ComponentSettings");
    v.check(id == null || id.isBlank(), "id", "required", "is required");
    v.check(type == null || !type.matches("[a-z][a-z0-9-]{0,31}"), "type", "component.type", "must be a lower-case name such as bandwidth or webhook");
    settings = settings == null ? Map.of() : Map.copyOf(settings);
    secretsFromEnv = secretsFromEnv == null ? Map.of() : Map.copyOf(secretsFromEnv);
    secretsFromEnv.forEach((k, e) -> v.check(!ENV.matcher(e).matches(), "secretsFromEnv." + k, "env.name",
        "must name an environment variable (A-Z, 0-9, _)"));
    v.throwIfAny();
  }

  /**
   * Resolves the secrets from {@code env} (usually {@code System::getenv}) into a carrier
   * configuration.
   *
   * @throws InvalidValueException naming every variable that is unset (never its value)
   */
  public CarrierConfig toCarrierConfig(Function<String, String> env) {
    return new CarrierConfig(type, settings, resolveSecrets(env));
  }

  /** The secrets, read from the named environment variables. */
  public Map<String, Secret> resolveSecrets(Function<String, String> env) {
    Map<String, Secret> out = new HashMap<>();
    List<Violation> missing = new ArrayList<>();
    secretsFromEnv.forEach((key, variable) -> {
      String value = env.apply(variable);
      if (value == null || value.isBlank()) {
        missing.add(new Violation("secretsFromEnv." + key, "env.unset", "environment variable " + variable + " is not set"));
      } else {
        out.put(key, Secret.of(value));
      }
    });
    if (!missing.isEmpty()) {
      throw new InvalidValueException("ComponentSettings", missing);
    }
    return out;
  }
}
