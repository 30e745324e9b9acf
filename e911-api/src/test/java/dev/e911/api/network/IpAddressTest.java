package dev.e911.api.network;

import static dev.e911.api.TestValues.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

import dev.e911.api.validation.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

  @Nested
  @DisplayName("IPv4")
  class V4 {
    @ParameterizedTest
    @CsvSource({"0.0.0.0, 0", "10.1.2.3, 167838211", "255.255.255.255, -1", "192.168.0.1, -1062731775", "' 8.8.8.8 ', 134744072"})
    @DisplayName("dotted quads parse to their 32 bits")
    void parses(String text, int bits) {
      IpAddress a = IpAddress.parse(text);
      assertThat(a.version()).isEqualTo(IpAddress.Version.V4);
      assertThat(a.v4Bits()).isEqualTo(bits);
      assertThat(a).isEqualTo(IpAddress.ofV4(bits)).hasToString(text.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "1.2.3.256", "01.2.3.4", "1.2.3.04", "1.2.3.00", "1.2.3", "1.2.3.4.5", "1..2.3",
        "1.2.3.4.", ".1.2.3", "1.2.3.-4", "1.2.3.4a", "1234.1.1.1", "0x7f.0.0.1", "127.1", "2130706433", "１.2.3.4"})
    @DisplayName("leading zeros, values over 255, short, long and non-decimal forms are refused")
    void refused(String text) {
      assertThat(violationsOf(() -> IpAddress.parse(text)))
          .extracting(Violation::path, Violation::rule).containsExactly(tuple("", "ip.syntax"));
    }
  }

  @Nested
  @DisplayName("IPv6")
  class V6 {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2001:db8::1, 2001:db8::1",
        "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
        "::2:3:4:5:6:7:8, 0:2:3:4:5:6:7:8",
        "1:0:0:2:0:0:0:3, 1:0:0:2::3",
        "1:0:0:0:2:0:0:3, 1::2:0:0:3",
        "1:0:0:2:0:0:3:4, 1::2:0:0:3:4",
        "fe80::1%eth0, fe80::1",
        "[2001:db8::1], 2001:db8::1",
        "[fe80::1%25en0], fe80::1",
        "::ffff:10.1.2.3, ::ffff:a01:203",
        "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
        "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
        "::1.2.3.4, ::102:304",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1"})
    @DisplayName("every compressed form parses; toString is the RFC 5952 canonical text")
    void parses(String text, String canonical) {
      IpAddress a = IpAddress.parse(text);
      assertThat(a.version()).isEqualTo(IpAddress.Version.V6);
      assertThat(a).hasToString(canonical);
      assertThat(IpAddress.parse(canonical)).isEqualTo(a);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1::2::3", "::1::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "12345::1", "g::1", ":::", "1:::2",
        "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3", "::256.1.1.1", "::01.2.3.4", "::1.2.3.4:1", "[::1", "::1]",
        "２００１:db8::1", "fe80::ａ", "2001:db8::٣"})
    @DisplayName("two '::', too many or too few groups, bad hex and bad embedded IPv4 are refused")
    void refused(String text) {
      assertThat(violationsOf(() -> IpAddress.parse(text)))
          .extracting(Violation::path, Violation::rule).containsExactly(tuple("", "ip.syntax"));
    }

    @Test
    @DisplayName("an IPv4-mapped address stays IPv6 and unmaps to the IPv4 inside")
    void mapped() {
      IpAddress mapped = IpAddress.parse("::ffff:192.168.1.20");
      assertThat(mapped.version()).isEqualTo(IpAddress.Version.V6);
      assertThat(mapped.unmapped()).isEqualTo(IpAddress.parse("192.168.1.20"));
      assertThat(IpAddress.parse("::192.168.1.20").unmapped().version()).isEqualTo(IpAddress.Version.V6);
      IpAddress v4 = IpAddress.parse("10.0.0.1");
      assertThat(v4.unmapped()).isSameAs(v4);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "example.com", "www.example.com", "router.local", "host:80", "10.0.0.1:8080",
      "http://10.0.0.1", "10.0.0.1/24", "ip6-localhost"})
  @DisplayName("host names, ports, URLs and prefixes are refused without any DNS lookup")
  void hostNames(String text) {
    assertThat(violationsOf(() -> IpAddress.parse(text)))
        .extracting(Violation::rule).containsExactly("ip.syntax");
  }

  @Test
  @DisplayName("null, blank and over-long input are refused")
  void blankAndLong() {
    assertThat(violationsOf(() -> IpAddress.parse(null))).extracting(Violation::rule).containsExactly("required");
    assertThat(violationsOf(() -> IpAddress.parse("   "))).extracting(Violation::rule).containsExactly("required");
    assertThat(violationsOf(() -> IpAddress.parse("1".repeat(65)))).extracting(Violation::rule).containsExactly("ip.syntax");
  }

  @Test
  @DisplayName("a V4 value with more than 32 bits or without a version cannot be constructed")
  void constructor() {
    assertThat(violationsOf(() -> new IpAddress(IpAddress.Version.V4, 0, 1L << 32)))
        .extracting(Violation::rule).containsExactly("ip.v4-range");
    assertThat(violationsOf(() -> new IpAddress(IpAddress.Version.V4, 1, 0)))
        .extracting(Violation::rule).containsExactly("ip.v4-range");
    assertThat(violationsOf(() -> new IpAddress(null, 0, 0))).extracting(Violation::rule).containsExactly("required");
    assertThatIllegalStateException().isThrownBy(() -> IpAddress.parse("::1").v4Bits());
  }

  @ParameterizedTest
  @CsvSource({
      "10.0.0.1, true", "10.255.255.255, true", "172.16.0.1, true", "172.31.255.255, true", "172.15.255.255, false",
      "172.32.0.0, false", "192.168.5.5, true", "192.169.0.1, false", "127.0.0.1, true", "169.254.1.1, true",
      "100.64.0.1, true", "100.127.255.255, true", "100.128.0.0, false", "8.8.8.8, false", "11.0.0.1, false",
      "fc00::1, true", "fd12:3456::1, true", "fe80::1, true", "febf::1, true", "fec0::1, false", "::1, true",
      "2001:db8::1, false", "::ffff:10.0.0.1, true", "::ffff:8.8.8.8, false"})
  @DisplayName("private, loopback, link-local, CGNAT and unique-local addresses are private")
  void isPrivate(String text, boolean expected) {
    assertThat(IpAddress.parse(text).isPrivate()).isEqualTo(expected);
  }
}
