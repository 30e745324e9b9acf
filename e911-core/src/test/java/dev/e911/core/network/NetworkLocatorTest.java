package dev.e911.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.network.LldpNeighbor;
import dev.e911.api.network.NetworkObservation;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.NetworkMapping;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NetworkLocatorTest {

  private static final Instant T = Instant.parse("2026-11-25T16:00:00Z");
  private final NetworkLocator locator =
      NetworkLocator.of(ConfigLoader.load(Path.of("..", "examples", "contact-center.json")).networkMap());

  private static NetworkObservation.Builder obs() {
    return NetworkObservation.builder(T);
  }

  @Test
  @DisplayName("a subnet matches by longest prefix, in IPv4 and IPv6, and says which prefix matched")
  void subnets() {
    NetworkMatch m = locator.locate(obs().localAddress("10.10.2.57").build());
    assertThat(m.best()).hasValue(new Evidence(Evidence.Kind.SUBNET, "sf-hq-2", "10.10.2.0/24"));
    assertThat(m.verifies()).isTrue();
    assertThat(locator.locate(obs().localAddress("2001:db8:10:3::42").build()).bestLocationId()).hasValue("sf-hq-3");
    assertThat(locator.locate(obs().localAddress("::ffff:10.10.3.9").build()).bestLocationId()).hasValue("sf-hq-3");
    assertThat(locator.locate(obs().localAddress("10.20.13.200").build()).bestLocationId()).hasValue("nyc-12");
    assertThat(locator.locate(obs().localAddress("10.20.14.1").build()).best()).isEmpty();
  }

  @Test
  @DisplayName("a BSSID pattern covers one access point's radios, in any MAC notation")
  void bssids() {
    assertThat(locator.locate(obs().bssid("00:1A:2B:3C:02:7F").build()).best())
        .hasValue(new Evidence(Evidence.Kind.BSSID, "sf-hq-2", "00:1a:2b:3c:02:*"));
    assertThat(locator.locate(obs().bssid("001a.2b3c.0401").build()).best()).isEmpty();
  }

  @Test
  @DisplayName("a switch port beats Wi-Fi and subnet, and the disagreement is reported as a conflict")
  void strongestWinsAndConflictsAreReported() {
    NetworkMatch m = locator.locate(obs().lldp("00:1a:2b:00:00:03/Gi1/0/7").bssid("00-1a-2b-3c-02-11")
        .localAddress("10.10.2.8").build());
    assertThat(m.bestLocationId()).hasValue("sf-hq-3");
    assertThat(m.best().orElseThrow().kind()).isEqualTo(Evidence.Kind.SWITCH_PORT);
    assertThat(m.conflicting()).isTrue();
    assertThat(m.conflicts()).extracting(Evidence::kind).containsExactly(Evidence.Kind.BSSID, Evidence.Kind.SUBNET);
  }

  @Test
  @DisplayName("a home office behind the corporate VPN matches the public range only, which never verifies")
  void publicRangeIsWeak() {
    NetworkMatch m = locator.locate(obs().localAddress("192.168.1.20").publicAddress("198.51.100.5").build());
    assertThat(m.bestLocationId()).hasValue("sf-hq-lobby");
    assertThat(m.best().orElseThrow().kind()).isEqualTo(Evidence.Kind.PUBLIC_RANGE);
    assertThat(m.verifies()).isFalse();
  }

  @Test
  @DisplayName("an empty observation matches nothing")
  void empty() {
    assertThat(locator.locate(obs().build())).isEqualTo(NetworkMatch.none());
  }

  @Test
  @DisplayName("the same evidence mapped to two locations is refused with both paths named")
  void ambiguousEvidence() {
    List<NetworkMapping> map = List.of(
        new NetworkMapping("a", List.of(IpPrefix.parse("10.0.0.0/8")), List.of(), List.of(new LldpNeighbor("sw", "*")), List.of()),
        new NetworkMapping("b", List.of(IpPrefix.parse("10.0.0.0/8")), List.of(), List.of(new LldpNeighbor("sw", "*")), List.of()),
        new NetworkMapping("a", List.of(IpPrefix.parse("10.0.0.0/8")), List.of(), List.of(), List.of()));
    assertThatThrownBy(() -> NetworkLocator.of(map)).isInstanceOfSatisfying(InvalidValueException.class, e ->
        assertThat(e.violations()).extracting(Violation::path).containsExactly("networkMap[1].subnets[0]", "networkMap[1].switchPorts[0]"));
  }

  @Test
  @DisplayName("bestEntry is locate's strongest evidence, for every kind and mix of evidence, without building a match")
  void bestEntryAgreesWithLocate() {
    List<NetworkObservation> cases = List.of(
        obs().localAddress("10.10.2.57").build(),
        obs().localAddress("2001:db8:10:3::42").build(),
        obs().localAddress("::ffff:10.10.3.9").build(),
        obs().localAddress("10.20.14.1").build(),
        obs().bssid("00:1A:2B:3C:02:7F").build(),
        obs().bssid("001a.2b3c.0401").build(),
        obs().lldp("00:1a:2b:00:00:03/Gi1/0/7").bssid("00-1a-2b-3c-02-11").localAddress("10.10.2.8").build(),
        obs().lldp("ff:ff:ff:00:00:00/Gi9").bssid("00-1a-2b-3c-02-11").localAddress("10.10.2.8").build(),
        obs().localAddress("192.168.1.20").publicAddress("198.51.100.5").build(),
        obs().localAddress("192.168.1.20").localAddress("10.20.13.200").publicAddress("198.51.100.5").build(),
        obs().build());
    int matched = 0;
    for (NetworkObservation o : cases) {
      int best = locator.bestEntry(o);
      NetworkMatch m = locator.locate(o);
      if (best < 0) {
        assertThat(m.best()).as(o.toString()).isEmpty();
      } else {
        assertThat(m.best()).as(o.toString()).hasValue(locator.entry(best));
        matched++;
      }
    }
    assertThat(matched).isEqualTo(8);
  }
}
