package dev.e911.reliability.fuzz;

import static dev.e911.reliability.fuzz.FuzzRun.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.network.IpAddress;
import dev.e911.api.network.LldpNeighbor;
import dev.e911.api.network.MacAddress;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.config.NetworkMapping;
import dev.e911.core.network.BssidPattern;
import dev.e911.core.network.Evidence;
import dev.e911.core.network.IpPrefix;
import dev.e911.core.network.NetworkLocator;
import dev.e911.core.network.NetworkMatch;
import dev.e911.reliability.Scale;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Network observations as agents' clients send them: IP literals, BSSIDs, LLDP switch ports, public
 * addresses, valid and hostile. Garbage gives an {@link InvalidValueException} whose violations name
 * the field; every observation that builds goes through the example's {@link NetworkLocator} (and
 * its fingerprint) without throwing, matching only configured locations.
 */
class NetworkObservationFuzzTest {

  private static final ContactCenterConfig CONFIG = ConfigLoader.load(Path.of("..", "examples", "contact-center.json"));
  private static final NetworkLocator LOCATOR = NetworkLocator.of(CONFIG.networkMap());
  private static final Set<String> LOCATIONS = CONFIG.networkMap().stream().map(NetworkMapping::locationId)
      .collect(Collectors.toUnmodifiableSet());
  private static final Set<String> FIELDS = Set.of("publicAddress", "bssid", "lldp", "observedAt", "localAddresses");

  @Test
  @DisplayName("observations: typed violations naming the field, or a value the locator handles")
  void observations() {
    var outcomes = FuzzRun.run("network observations", Scale.of(1_000, 100_000), r -> {
      NetworkObservation.Builder b = NetworkObservation.builder(r.nextInt(20) == 0 ? null : Instant.ofEpochSecond(r.nextInt()));
      int locals = r.nextInt(r.nextInt(10) == 0 ? 20 : 4);
      for (int i = 0; i < locals; i++) {
        b.localAddress(ip(r));
      }
      if (r.nextBoolean()) {
        b.publicAddress(ip(r));
      }
      if (r.nextBoolean()) {
        b.bssid(mac(r));
      }
      if (r.nextInt(3) == 0) {
        b.lldp(lldp(r));
      }
      NetworkObservation o;
      try {
        o = b.build();
      } catch (InvalidValueException e) {
        FuzzRun.checkViolations(e.violations(), path -> FIELDS.stream().anyMatch(path::startsWith));
        return "invalid:" + e.violations().get(0).rule();
      }
      NetworkMatch m = LOCATOR.locate(o);
      o.fingerprint();
      for (Evidence ev : m.evidence()) {
        assertThat(LOCATIONS).contains(ev.locationId());
      }
      return m.best().isPresent() ? "matched" : "unmatched";
    });
    assertThat(outcomes).containsKeys("matched", "unmatched");
  }

  @Test
  @DisplayName("the network value parsers: a value or typed violations, and values print back to themselves")
  void parsers() {
    var outcomes = FuzzRun.run("network values", Scale.of(1_000, 100_000), r -> {
      StringBuilder ok = new StringBuilder();
      check(ok, "ip", ip(r), IpAddress::parse, a -> IpAddress.parse(a.toString()).equals(a));
      check(ok, "mac", mac(r), MacAddress::parse, a -> MacAddress.parse(a.toString()).equals(a));
      check(ok, "lldp", lldp(r), LldpNeighbor::parse, a -> a.chassisId().length() <= 128 && a.portId().length() <= 128);
      check(ok, "prefix", ip(r) + oneOf(r, "/", "/0", "/24", "/33", "/64", "/129", "/-1", "/x", "") + (r.nextBoolean() ? r.nextInt(140) : ""),
          IpPrefix::parse, p -> IpPrefix.parse(p.toString()).equals(p));
      String m = mac(r);
      check(ok, "bssid", oneOf(r, m, m.substring(0, r.nextInt(m.length() + 1)) + "*", "*", "00-1a-2b-*"),
          BssidPattern::parse, p -> BssidPattern.parse(p.toString()).equals(p));
      return (ok.isEmpty() ? 0 : ok.toString().strip().split(" ").length) + " of 5 parsed";
    });
    assertThat(outcomes).containsKeys("1 of 5 parsed", "3 of 5 parsed");
  }

  /** Parses; a value must satisfy {@code sound}, an error must be typed. Appends the kind when it parsed. */
  private static <T> void check(StringBuilder ok, String kind, String text, Function<String, T> parse, Function<T, Boolean> sound) {
    try {
      T value = parse.apply(text);
      assertThat(sound.apply(value)).as("%s '%s' -> %s", kind, text, value).isTrue();
      ok.append(kind).append(' ');
    } catch (InvalidValueException e) {
      FuzzRun.checkViolations(e.violations(), path -> path != null);
    }
  }

  static String ip(Random r) {
    return switch (r.nextInt(8)) {
      case 0 -> "10.10." + r.nextInt(6) + "." + r.nextInt(256);
      case 1 -> r.nextInt(300) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(300);
      case 2 -> "2001:db8:10:" + r.nextInt(5) + "::" + Integer.toHexString(r.nextInt(0x10000));
      case 3 -> oneOf(r, "::", "::1", "::ffff:10.10.1.7", "[2001:db8::1]", "fe80::1%eth0", "1::2::3", "2001:db8:0:0:0:0:0:1:2",
          "::ffff:300.1.1.1", "0.0.0.0", "255.255.255.255", "01.2.3.4", "1.2.3", "1.2.3.4.5", "1.2.3.4 ", " ::", "[::1",
          "::ffff:1.2.3.4%", "%", "[]", ":", ":::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "localhost", "١.٢.٣.٤");
      case 4 -> FuzzRun.string(r, "0123456789abcdefABCDEF:.[]%/ ", 45);
      case 5 -> FuzzRun.string(r, "0123456789.", 16);
      case 6 -> r.nextInt(30) == 0 ? "1".repeat(100 + r.nextInt(1000)) : FuzzRun.anyString(r, 40);
      default -> Integer.toHexString(r.nextInt(0x10000)) + ":" + Integer.toHexString(r.nextInt(0x10000)) + "::"
          + Integer.toHexString(r.nextInt(0x10000)) + oneOf(r, "", ":1.2.3.4", "%25en0");
    };
  }

  static String mac(Random r) {
    String hex = String.format("%012x", r.nextLong() & 0xffffffffffffL);
    return switch (r.nextInt(6)) {
      case 0 -> "00-1a-2b-3c-0" + (1 + r.nextInt(4)) + "-" + hex.substring(10);
      case 1 -> String.join(":", hex.split("(?<=\\G..)"));
      case 2 -> hex.substring(0, 4) + "." + hex.substring(4, 8) + "." + hex.substring(8).toUpperCase();
      case 3 -> hex;
      case 4 -> FuzzRun.string(r, "0123456789abcdefgABCDEF:-. ", 20);
      default -> FuzzRun.anyString(r, 24);
    };
  }

  static String lldp(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> "00:1a:2b:00:00:0" + r.nextInt(5) + "/" + oneOf(r, "Gi1/0/24", "*", "ge-0/0/1", "");
      case 1 -> FuzzRun.string(r, "abc/:-0123 ", 20);
      case 2 -> "sw" + "x".repeat(r.nextInt(200)) + "/" + "p".repeat(r.nextInt(200));
      default -> FuzzRun.anyString(r, 40);
    };
  }
}
