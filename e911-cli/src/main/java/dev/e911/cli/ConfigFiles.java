package dev.e911.cli;

import dev.e911.api.network.NetworkObservation;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.core.config.ConfigException;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Loading the configuration file and building observations from CLI options, with typed bad-input errors. */
final class ConfigFiles {

  private ConfigFiles() {}

  static ContactCenterConfig load(Path file) {
    try {
      return ConfigLoader.load(file);
    } catch (ConfigException e) {
      throw new Output.BadInput(file + ": the configuration has " + e.violations().size() + " problem(s)", e.violations());
    }
  }

  /**
   * The configuration's first carrier, set up as {@code E911} would (providers from the class path,
   * secrets from the environment); empty when none is configured. The throwaway {@code E911} is
   * closed (its threads stop); the carrier stays open.
   */
  static java.util.Optional<dev.e911.api.spi.CarrierAdapter> carrier(ContactCenterConfig c, java.time.Clock clock, String purpose) {
    if (c.carriers().isEmpty()) {
      return java.util.Optional.empty();
    }
    try (dev.e911.core.E911 built = dev.e911.core.E911.builder().config(c).clock(clock).build()) {
      return built.carrier();
    } catch (dev.e911.api.validation.InvalidValueException e) {
      throw new Output.BadInput("the carrier cannot be set up" + purpose, e.violations());
    }
  }

  static NetworkObservation observation(Instant at, List<String> ips, String publicIp, String bssid, String lldp) {
    try {
      NetworkObservation.Builder b = NetworkObservation.builder(at);
      ips.forEach(b::localAddress);
      if (publicIp != null) {
        b.publicAddress(publicIp);
      }
      if (bssid != null) {
        b.bssid(bssid);
      }
      if (lldp != null) {
        b.lldp(lldp);
      }
      return b.build();
    } catch (InvalidValueException e) {
      throw new Output.BadInput("the network observation is invalid",
          e.violations().stream().map(v -> v.under("--" + optionName(v.path()))).toList());
    }
  }

  private static String optionName(String path) {
    if (path.startsWith("localAddresses")) {
      return "ip";
    }
    if (path.startsWith("publicAddress")) {
      return "public-ip";
    }
    return path.isEmpty() ? "observation" : path.replaceAll("\\..*", "");
  }
}
