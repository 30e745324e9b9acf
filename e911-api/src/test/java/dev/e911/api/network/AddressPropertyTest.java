package dev.e911.api.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Round trips of IpAddress and MacAddress, and agreement with the JDK on what a literal means. */
class AddressPropertyTest {

  @Property
  @Label("IPv4: toString parses back to the same value and agrees with the JDK's text")
  void v4RoundTrip(@ForAll int bits) throws UnknownHostException {
    IpAddress a = IpAddress.ofV4(bits);
    assertThat(IpAddress.parse(a.toString())).isEqualTo(a);
    byte[] bytes = ByteBuffer.allocate(4).putInt(bits).array();
    assertThat(a.toString()).isEqualTo(InetAddress.getByAddress(bytes).getHostAddress());
  }

  @Property
  @Label("IPv6: toString parses back to the same value, for any 128 bits")
  void v6RoundTrip(@ForAll long high, @ForAll long low) {
    IpAddress a = IpAddress.ofV6(high, low);
    assertThat(IpAddress.parse(a.toString())).isEqualTo(a);
    assertThat(IpAddress.parse("[" + a + "]")).isEqualTo(a);
  }

  @Property
  @Label("IPv6: toString of zero-rich addresses parses back and is the RFC 5952 form")
  void v6ZeroRich(@ForAll("zeroRichGroups") int[] groups) {
    IpAddress a = fromGroups(groups);
    String text = a.toString();
    assertThat(IpAddress.parse(text)).isEqualTo(a);
    assertThat(text).isEqualTo(text.toLowerCase(Locale.ROOT)).doesNotContain(":::").doesNotContainPattern("::.*::")
        .doesNotContainPattern("(^|:)0[0-9a-f]");
  }

  @Property
  @Label("IPv6: every way of writing an address parses to the bytes InetAddress.getByAddress holds")
  void v6LiteralsAgreeWithJdk(@ForAll("zeroRichGroups") int[] groups, @ForAll("renderings") Rendering how)
      throws UnknownHostException {
    String literal = how.render(groups);
    byte[] bytes = new byte[16];
    for (int k = 0; k < 8; k++) {
      bytes[2 * k] = (byte) (groups[k] >>> 8);
      bytes[2 * k + 1] = (byte) groups[k];
    }
    InetAddress jdk = InetAddress.getByAddress(bytes); // no DNS: the bytes are given
    IpAddress ours = IpAddress.parse(literal);
    assertThat(bytesOf(ours)).as(literal).isEqualTo(bytes);
    // the JDK's own text, parsed by us, means the same address (the JDK turns IPv4-mapped into IPv4)
    IpAddress fromJdkText = IpAddress.parse(jdk.getHostAddress());
    if (jdk instanceof Inet4Address) {
      assertThat(fromJdkText).isEqualTo(ours.unmapped());
    } else {
      assertThat(fromJdkText).isEqualTo(ours);
    }
  }

  @Property
  @Label("MAC: every notation, in either case, parses to the same 48 bits")
  void macRoundTrip(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFF_FFFFL) long bits, @ForAll boolean upper) {
    MacAddress m = new MacAddress(bits);
    assertThat(MacAddress.parse(m.toString())).isEqualTo(m);
    String hex = String.format(Locale.ROOT, "%012x", bits);
    if (upper) {
      hex = hex.toUpperCase(Locale.ROOT);
    }
    List<String> forms = List.of(hex, colonOrDash(hex, ':'), colonOrDash(hex, '-'),
        hex.substring(0, 4) + "." + hex.substring(4, 8) + "." + hex.substring(8));
    for (String form : forms) {
      assertThat(MacAddress.parse(form)).as(form).isEqualTo(m);
    }
    assertThat(m.toString()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
  }

  private static String colonOrDash(String hex, char sep) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 12; i += 2) {
      if (i > 0) {
        sb.append(sep);
      }
      sb.append(hex, i, i + 2);
    }
    return sb.toString();
  }

  @Provide
  Arbitrary<int[]> zeroRichGroups() {
    Arbitrary<Integer> group = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(1, 0xFFFF, 0xFFFF)),
        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 0xFFFF)));
    return group.array(int[].class).ofSize(8);
  }

  /** One way of writing an IPv6 literal. */
  record Rendering(int zeroRunChoice, boolean upper, boolean padded, boolean v4Tail, boolean brackets, boolean zone) {

    String render(int[] g) {
      int n = v4Tail ? 6 : 8;
      List<int[]> runs = new ArrayList<>();
      for (int k = 0; k < n; ) {
        if (g[k] != 0) {
          k++;
          continue;
        }
        int start = k;
        while (k < n && g[k] == 0) {
          k++;
        }
        runs.add(new int[] {start, k});
      }
      int choice = zeroRunChoice % (runs.size() + 1);
      String tail = v4Tail ? String.format(Locale.ROOT, "%d.%d.%d.%d", g[6] >>> 8, g[6] & 0xFF, g[7] >>> 8, g[7] & 0xFF) : "";
      String text;
      if (choice == runs.size()) {
        List<String> parts = groups(g, 0, n);
        if (v4Tail) {
          parts.add(tail);
        }
        text = String.join(":", parts);
      } else {
        int[] run = runs.get(choice);
        List<String> right = groups(g, run[1], n);
        if (v4Tail) {
          right.add(tail);
        }
        text = String.join(":", groups(g, 0, run[0])) + "::" + String.join(":", right);
      }
      if (zone) {
        text = text + "%eth0";
      }
      return brackets ? "[" + text + "]" : text;
    }

    private List<String> groups(int[] g, int from, int to) {
      List<String> out = new ArrayList<>();
      for (int k = from; k < to; k++) {
        String s = padded ? String.format(Locale.ROOT, "%04x", g[k]) : Integer.toHexString(g[k]);
        out.add(upper ? s.toUpperCase(Locale.ROOT) : s);
      }
      return out;
    }
  }

  @Provide
  Arbitrary<Rendering> renderings() {
    return Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.of(true, false),
        Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as(Rendering::new);
  }

  private static IpAddress fromGroups(int[] g) {
    long high = 0;
    long low = 0;
    for (int k = 0; k < 4; k++) {
      high = (high << 16) | g[k];
      low = (low << 16) | g[k + 4];
    }
    return IpAddress.ofV6(high, low);
  }

  private static byte[] bytesOf(IpAddress a) {
    return ByteBuffer.allocate(16).putLong(a.high()).putLong(a.low()).array();
  }
}
