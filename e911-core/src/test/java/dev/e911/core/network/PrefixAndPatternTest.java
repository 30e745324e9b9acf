package dev.e911.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.network.IpAddress;
import dev.e911.api.network.MacAddress;
import dev.e911.api.validation.InvalidValueException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrefixAndPatternTest {

  @ParameterizedTest
  @CsvSource({
      "10.1.3.0/24, 10.1.3.0/24",
      "10.1.3.9, 10.1.3.9/32",
      "0.0.0.0/0, 0.0.0.0/0",
      "2001:db8:3::/48, 2001:db8:3::/48",
      "2001:DB8::1, 2001:db8::1/128",
      "::/0, ::/0"})
  void parsesAndPrints(String text, String printed) {
    assertThat(IpPrefix.parse(text).toString()).isEqualTo(printed);
  }

  @ParameterizedTest
  @CsvSource({
      "10.1.3.7/24, prefix.host-bits",
      "10.1.3.0/33, prefix.length",
      "10.1.3.0/, prefix.syntax",
      "10.1.3.0/ 24, prefix.syntax",
      "hq.example.com/24, prefix.syntax",
      "2001:db8::1/64, prefix.host-bits"})
  void refuses(String text, String rule) {
    assertThatThrownBy(() -> IpPrefix.parse(text)).isInstanceOfSatisfying(InvalidValueException.class,
        e -> assertThat(e.violations().get(0).rule()).isEqualTo(rule));
  }

  @Property(tries = 300)
  void v4ContainmentMatchesTheMask(@ForAll int network, @ForAll @IntRange(min = 0, max = 32) int length, @ForAll int address) {
    int mask = length == 0 ? 0 : -1 << (32 - length);
    IpPrefix p = new IpPrefix(IpAddress.ofV4(network & mask), length);
    assertThat(p.contains(IpAddress.ofV4(address))).isEqualTo((address & mask) == (network & mask));
    assertThat(p.contains(IpAddress.ofV4((network & mask) | (address & ~mask)))).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
      "00-11-22-33-44-*, 00:11:22:33:44:*, 00:11:22:33:44:55, true",
      "00-11-22-33-44-*, 00:11:22:33:44:*, 00:11:22:33:45:00, false",
      "00:11:22:33:44:5*, 00:11:22:33:44:5*, 00:11:22:33:44:5f, true",
      "00:11:22:33:44:5*, 00:11:22:33:44:5*, 00:11:22:33:44:60, false",
      "0011.2233.4455, 00:11:22:33:44:55, 00-11-22-33-44-55, true"})
  void bssidPatterns(String pattern, String printed, String bssid, boolean matches) {
    BssidPattern p = BssidPattern.parse(pattern);
    assertThat(p.toString()).isEqualTo(printed);
    assertThat(p.matches(MacAddress.parse(bssid))).isEqualTo(matches);
    assertThat(BssidPattern.parse(p.toString())).isEqualTo(p);
  }

  @ParameterizedTest
  @CsvSource({"*", "00-11-*-33-44-55", "zz-11-22-*", "00:11:22:33:44:55:*"})
  void badBssidPatterns(String pattern) {
    assertThatThrownBy(() -> BssidPattern.parse(pattern)).isInstanceOf(InvalidValueException.class);
  }
}
