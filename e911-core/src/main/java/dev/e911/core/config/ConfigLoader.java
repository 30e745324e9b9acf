package dev.e911.core.config;

import dev.e911.api.validation.Violation;
import dev.e911.core.json.DomainJson;
import dev.e911.core.json.JsonInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a contact-center configuration file (JSON, {@code docs/configuration.md}) whole or not at all:
 * every problem — syntax, unknown fields, broken rules, dangling references — is reported in one
 * {@link ConfigException} naming the file, the JSON path and the rule.
 */
public final class ConfigLoader {

  /** Largest configuration file accepted. */
  public static final long MAX_BYTES = 32L * 1024 * 1024;

  private ConfigLoader() {}

  /** Loads and checks the file. */
  public static ContactCenterConfig load(Path file) {
    byte[] bytes;
    try {
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(file, List.of(new Violation("$", "file.missing", "no such file")));
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new ConfigException(file, List.of(new Violation("$", "file.size", "larger than " + MAX_BYTES + " bytes")));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException(file, List.of(new Violation("$", "file.unreadable", "cannot be read: " + e.getClass().getSimpleName())));
    }
    return parse(file, bytes);
  }

  /** Checks configuration bytes; {@code name} is used in errors in place of a file name. */
  public static ContactCenterConfig parse(Path name, byte[] json) {
    try {
      return DomainJson.create().read(json, ContactCenterConfig.class);
    } catch (JsonInputException e) {
      throw new ConfigException(name, e.violations());
    }
  }
}
