package dev.e911.api.network;

import static dev.e911.api.TestValues.T0;
import static dev.e911.api.TestValues.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.tuple;

import dev.e911.api.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NetworkObservationTest {

  @Nested
  @DisplayName("building")
  class Building {

    @Test
    @DisplayName("literals and typed values are both accepted")
    void builds() {
      NetworkObservation o = NetworkObservation.builder(T0)
          .localAddress("192.168.1.20").localAddress(IpAddress.parse("fe80::1"))
          .publicAddress("203.0.113.7").bssid("00-11-22-AA-BB-CC").lldp("sw1/Gi1/0/24").build();
      assertThat(o.localAddresses()).hasSize(2);
      assertThat(o.publicAddress()).contains(IpAddress.parse("203.0.113.7"));
      assertThat(o.bssid()).contains(MacAddress.parse("00:11:22:aa:bb:cc"));
      assertThat(o.lldp()).contains(new LldpNeighbor("sw1", "Gi1/0/24"));
      assertThat(o.observedAt()).isEqualTo(T0);
      assertThat(o.isEmpty()).isFalse();
    }

    @Test
    @DisplayName("local addresses keep the order they were reported in, literal or typed")
    void order() {
      NetworkObservation o = NetworkObservation.builder(T0)
          .localAddress("10.0.0.1").localAddress(IpAddress.parse("10.0.0.2")).localAddress("10.0.0.3").build();
      assertThat(o.localAddresses()).extracting(IpAddress::toString).containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3");
    }

    @Test
    @DisplayName("every bad field is reported at once, local addresses with the index they were added at")
    void allViolations() {
      List<Violation> vs = violationsOf(() -> NetworkObservation.builder(null)
          .localAddress("10.0.0.1").localAddress("localhost").localAddress(IpAddress.parse("10.0.0.3"))
          .localAddress("10.0.0.256").publicAddress("example.com").bssid("not-a-mac").lldp("nope").build());
      assertThat(vs).extracting(Violation::path, Violation::rule).containsExactlyInAnyOrder(
          tuple("localAddresses[1]", "ip.syntax"), tuple("localAddresses[3]", "ip.syntax"),
          tuple("publicAddress", "ip.syntax"), tuple("bssid", "mac.syntax"), tuple("lldp", "lldp.syntax"),
          tuple("observedAt", "required"));
    }

    @Test
    @DisplayName("nested LLDP violations are reported under lldp.")
    void nestedPaths() {
      assertThat(violationsOf(() -> NetworkObservation.builder(T0).lldp("sw1/" + "p".repeat(200)).build()))
          .extracting(Violation::path, Violation::rule).containsExactly(tuple("lldp.portId", "length"));
    }

    @Test
    @DisplayName("the last value set for a field wins, whether literal or typed")
    void lastSetWins() {
      NetworkObservation o = NetworkObservation.builder(T0)
          .publicAddress("not an address").publicAddress(IpAddress.parse("203.0.113.7"))
          .bssid("zz").bssid(MacAddress.parse("001122334455"))
          .lldp("bad").lldp(new LldpNeighbor("sw1", "1"))
          .build();
      assertThat(o.publicAddress()).contains(IpAddress.parse("203.0.113.7"));
      assertThat(o.bssid()).contains(MacAddress.parse("001122334455"));
      assertThat(o.lldp()).contains(new LldpNeighbor("sw1", "1"));
      NetworkObservation p = NetworkObservation.builder(T0)
          .publicAddress(IpAddress.parse("203.0.113.7")).publicAddress("198.51.100.1").build();
      assertThat(p.publicAddress()).contains(IpAddress.parse("198.51.100.1"));
    }

    @Test
    @DisplayName("setting a typed field to null clears it")
    void nullClears() {
      NetworkObservation o = NetworkObservation.builder(T0).publicAddress("203.0.113.7")
          .publicAddress((IpAddress) null).bssid("001122334455").bssid((MacAddress) null).build();
      assertThat(o.publicAddress()).isEmpty();
      assertThat(o.bssid()).isEmpty();
    }

    @Test
    @DisplayName("at most 16 local addresses, counting literal and typed ones")
    void maxLocal() {
      NetworkObservation.Builder b = NetworkObservation.builder(T0);
      for (int i = 0; i < 16; i++) {
        b.localAddress("10.0.0." + i);
      }
      assertThat(b.build().localAddresses()).hasSize(NetworkObservation.MAX_LOCAL_ADDRESSES);
      b.localAddress(IpAddress.parse("10.0.1.1"));
      assertThat(violationsOf(b::build)).extracting(Violation::path, Violation::rule)
          .containsExactly(tuple("localAddresses", "size"));
    }

    @Test
    @DisplayName("the built value does not change when the builder is reused")
    void builderIndependent() {
      NetworkObservation.Builder b = NetworkObservation.builder(T0).localAddress("10.0.0.1");
      NetworkObservation first = b.build();
      b.localAddress("10.0.0.2");
      assertThat(first.localAddresses()).hasSize(1);
      assertThat(b.build().localAddresses()).hasSize(2);
    }

    @Test
    @DisplayName("a null typed local address is refused at once")
    void nullTypedLocal() {
      assertThatNullPointerException().isThrownBy(() -> NetworkObservation.builder(T0).localAddress((IpAddress) null));
    }

    @Test
    @DisplayName("an observation with nothing in it is empty and has no fingerprint")
    void empty() {
      NetworkObservation o = NetworkObservation.builder(T0).build();
      assertThat(o.isEmpty()).isTrue();
      assertThat(o.fingerprint()).isEmpty();
    }

    @Test
    @DisplayName("equal observations are equal; the time takes part")
    void equality() {
      NetworkObservation a = NetworkObservation.builder(T0).localAddress("10.0.0.1").bssid("001122334455").build();
      NetworkObservation b = NetworkObservation.builder(T0).localAddress(IpAddress.parse("10.0.0.1"))
          .bssid(MacAddress.parse("00:11:22:33:44:55")).build();
      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
      assertThat(a).isNotEqualTo(b.toString());
      assertThat(a).isNotEqualTo(NetworkObservation.builder(T0.plusSeconds(1)).localAddress("10.0.0.1")
          .bssid("001122334455").build());
    }
  }

  @Nested
  @DisplayName("fingerprint")
  class Fingerprint {

    private String fingerprint(NetworkObservation.Builder b) {
      return b.build().fingerprint().orElseThrow().value();
    }

    @Test
    @DisplayName("the LLDP port is the strongest evidence")
    void lldpFirst() {
      assertThat(fingerprint(NetworkObservation.builder(T0).lldp("0011.2233.4455/Gi1/0/24").bssid("aabbccddeeff")
          .publicAddress("203.0.113.7"))).isEqualTo("lldp=00:11:22:33:44:55/Gi1/0/24");
    }

    @Test
    @DisplayName("then the Wi-Fi BSSID")
    void bssidSecond() {
      assertThat(fingerprint(NetworkObservation.builder(T0).bssid("AA-BB-CC-DD-EE-FF").publicAddress("203.0.113.7")
          .localAddress("10.0.0.1"))).isEqualTo("bssid=aa:bb:cc:dd:ee:ff");
    }

    @Test
    @DisplayName("then the public /24 with the local /24s, sorted and without duplicates")
    void subnets() {
      assertThat(fingerprint(NetworkObservation.builder(T0).publicAddress("203.0.113.7")
          .localAddress("192.168.1.20").localAddress("10.0.0.9").localAddress("192.168.1.99")))
          .isEqualTo("public=203.0.113.0/24;local=10.0.0.0/24;local=192.168.1.0/24");
    }

    @Test
    @DisplayName("IPv6 uses the public /48 and the local /64; a mapped IPv4 counts as IPv4")
    void v6() {
      assertThat(fingerprint(NetworkObservation.builder(T0).publicAddress("2001:db8:aaaa:bbbb::1")
          .localAddress("2001:db8:aaaa:bbbb:cccc::1").localAddress("::ffff:192.168.7.9")))
          .isEqualTo("public=2001:db8:aaaa::/48;local=192.168.7.0/24;local=2001:db8:aaaa:bbbb::/64");
    }

    @Test
    @DisplayName("a DHCP renewal inside the same networks keeps the fingerprint")
    void dhcpRenewal() {
      String before = fingerprint(NetworkObservation.builder(T0).publicAddress("203.0.113.7").localAddress("192.168.1.20"));
      String after = fingerprint(NetworkObservation.builder(T0.plusSeconds(3600)).publicAddress("203.0.113.200")
          .localAddress("192.168.1.77"));
      assertThat(after).isEqualTo(before);
    }

    @Test
    @DisplayName("another network gives another fingerprint")
    void otherNetwork() {
      String home = fingerprint(NetworkObservation.builder(T0).publicAddress("203.0.113.7").localAddress("192.168.1.20"));
      String cafe = fingerprint(NetworkObservation.builder(T0).publicAddress("198.51.100.7").localAddress("192.168.1.20"));
      assertThat(cafe).isNotEqualTo(home);
      assertThat(fingerprint(NetworkObservation.builder(T0).bssid("001122334455")))
          .isNotEqualTo(fingerprint(NetworkObservation.builder(T0).bssid("001122334456")));
    }

    @Test
    @DisplayName("the fingerprint does not depend on the order local addresses were reported in")
    void orderIndependent() {
      assertThat(fingerprint(NetworkObservation.builder(T0).localAddress("10.0.0.1").localAddress("172.16.0.1")))
          .isEqualTo(fingerprint(NetworkObservation.builder(T0).localAddress("172.16.0.1").localAddress("10.0.0.1")));
    }
  }
}
