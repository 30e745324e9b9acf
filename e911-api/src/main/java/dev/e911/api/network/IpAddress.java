package dev.e911.api.network;

import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import java.util.List;
import java.util.Locale;

/**
 * An IPv4 or IPv6 address held as two longs (IPv4 in the low 32 bits of {@code low}), parsed from
 * its literal form by our own parser: no DNS lookup ever happens, unlike
 * {@link java.net.InetAddress#getByName}. IPv4-mapped IPv6 addresses ({@code ::ffff:10.0.0.1}) are
 * kept as IPv6; use {@link #unmapped()} to see the IPv4 inside.
 */
public record IpAddress(Version version, long high, long low) {

  /** The address family. */
  public enum Version {
    /** 32-bit IPv4. */
    V4,
    /** 128-bit IPv6. */
    V6
  }

  public IpAddress {
    if (version == null) {
      throw invalid("required", "version is required");
    }
    if (version == Version.V4 && (high != 0 || (low >>> 32) != 0)) {
      throw invalid("ip.v4-range", "an IPv4 address has only 32 bits");
    }
  }

  /** An IPv4 address from its 32 bits. */
  public static IpAddress ofV4(int bits) {
    return new IpAddress(Version.V4, 0, bits & 0xFFFF_FFFFL);
  }

  /** An IPv6 address from its 128 bits. */
  public static IpAddress ofV6(long high, long low) {
    return new IpAddress(Version.V6, high, low);
  }

  /**
   * Parses an IPv4 dotted quad ({@code 10.1.2.3}) or an IPv6 literal ({@code 2001:db8::1},
   * {@code ::ffff:10.1.2.3}, optionally in brackets, a {@code %zone} suffix is dropped).
   *
   * @throws InvalidValueException with rule {@code ip.syntax} for anything else, including host names
   */
  public static IpAddress parse(String text) {
    if (text == null || text.isBlank()) {
      throw invalid("required", "is required");
    }
    String s = text.strip();
    if (s.length() > 64) {
      throw invalid("ip.syntax", "is too long to be an IP address");
    }
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    int zone = s.indexOf('%');
    if (zone >= 0) {
      s = s.substring(0, zone);
    }
    if (s.indexOf(':') >= 0) {
      return parseV6(s);
    }
    int v4 = parseV4(s);
    return ofV4(v4);
  }

  private static int parseV4(String s) {
    int value = 0;
    int parts = 0;
    int i = 0;
    while (i <= s.length()) {
      int start = i;
      int octet = 0;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        octet = octet * 10 + (s.charAt(i) - '0');
        i++;
        if (i - start > 3) {
          throw invalid("ip.syntax", "is not an IPv4 or IPv6 address literal (host names are not resolved)");
        }
      }
      if (i == start || octet > 255 || (i - start > 1 && s.charAt(start) == '0')) {
        throw invalid("ip.syntax", "is not an IPv4 or IPv6 address literal (host names are not resolved)");
      }
      value = (value << 8) | octet;
      parts++;
      if (i == s.length()) {
        break;
      }
      if (s.charAt(i) != '.' || parts == 4) {
        throw invalid("ip.syntax", "is not an IPv4 or IPv6 address literal (host names are not resolved)");
      }
      i++;
    }
    if (parts != 4) {
      throw invalid("ip.syntax", "is not an IPv4 or IPv6 address literal (host names are not resolved)");
    }
    return value;
  }

  private static IpAddress parseV6(String s) {
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = 0;
    if (s.startsWith("::")) {
      gap = 0;
      i = 2;
      if (s.length() == 2) {
        return ofV6(0, 0);
      }
    } else if (s.startsWith(":")) {
      throw invalid("ip.syntax", "is not a valid IPv6 address");
    }
    while (i < s.length()) {
      if (count == 8) {
        throw invalid("ip.syntax", "is not a valid IPv6 address");
      }
      int start = i;
      int g = 0;
      while (i < s.length() && hex(s.charAt(i)) >= 0 && i - start < 4) {
        g = (g << 4) | hex(s.charAt(i));
        i++;
      }
      if (i < s.length() && s.charAt(i) == '.') {
        if (count > 6) {
          throw invalid("ip.syntax", "is not a valid IPv6 address");
        }
        int v4 = parseV4(s.substring(start));
        groups[count++] = v4 >>> 16;
        groups[count++] = v4 & 0xFFFF;
        i = s.length();
        break;
      }
      if (i == start) {
        throw invalid("ip.syntax", "is not a valid IPv6 address");
      }
      groups[count++] = g;
      if (i == s.length()) {
        break;
      }
      if (s.charAt(i) != ':') {
        throw invalid("ip.syntax", "is not a valid IPv6 address");
      }
      i++;
      if (i < s.length() && s.charAt(i) == ':') {
        if (gap >= 0) {
          throw invalid("ip.syntax", "is not a valid IPv6 address (two '::')");
        }
        gap = count;
        i++;
      } else if (i == s.length()) {
        throw invalid("ip.syntax", "is not a valid IPv6 address");
      }
    }
    int[] full = new int[8];
    if (gap >= 0) {
      if (count == 8) {
        throw invalid("ip.syntax", "is not a valid IPv6 address");
      }
      System.arraycopy(groups, 0, full, 0, gap);
      System.arraycopy(groups, gap, full, 8 - (count - gap), count - gap);
    } else {
      if (count != 8) {
        throw invalid("ip.syntax", "is not a valid IPv6 address");
      }
      full = groups;
    }
    long high = 0;
    long low = 0;
    for (int k = 0; k < 4; k++) {
      high = (high << 16) | full[k];
      low = (low << 16) | full[k + 4];
    }
    return ofV6(high, low);
  }

  /** The value of an ASCII hex digit, or -1 (Character.digit would also take fullwidth and other scripts' digits). */
  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static InvalidValueException invalid(String rule, String message) {
    return new InvalidValueException("IpAddress", List.of(new Violation("", rule, message)));
  }

  /** The IPv4 address inside an IPv4-mapped IPv6 address; otherwise this address. */
  public IpAddress unmapped() {
    if (version == Version.V6 && high == 0 && (low >>> 32) == 0xFFFFL) {
      return ofV4((int) low);
    }
    return this;
  }

  /** The 32 bits of an IPv4 address. */
  public int v4Bits() {
    if (version != Version.V4) {
      throw new IllegalStateException("not an IPv4 address");
    }
    return (int) low;
  }

  /** Whether this is a private, loopback, link-local or unique-local address (never an egress address). */
  public boolean isPrivate() {
    IpAddress a = unmapped();
    if (a.version == Version.V4) {
      int b = (int) a.low;
      int first = b >>> 24;
      int second = (b >>> 16) & 0xFF;
      return first == 10 || first == 127 || (first == 172 && second >= 16 && second <= 31)
          || (first == 192 && second == 168) || (first == 169 && second == 254)
          || (first == 100 && second >= 64 && second <= 127);
    }
    int top = (int) (a.high >>> 48);
    return (top & 0xFE00) == 0xFC00 || (top & 0xFFC0) == 0xFE80 || (a.high == 0 && a.low == 1);
  }

  @Override
  public String toString() {
    if (version == Version.V4) {
      return String.format(Locale.ROOT, "%d.%d.%d.%d", (low >>> 24) & 0xFF, (low >>> 16) & 0xFF, (low >>> 8) & 0xFF, low & 0xFF);
    }
    int[] g = new int[8];
    for (int k = 0; k < 4; k++) {
      g[k] = (int) (high >>> (48 - 16 * k)) & 0xFFFF;
      g[k + 4] = (int) (low >>> (48 - 16 * k)) & 0xFFFF;
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int k = 0; k < 8; ) {
      if (g[k] != 0) {
        k++;
        continue;
      }
      int start = k;
      while (k < 8 && g[k] == 0) {
        k++;
      }
      if (k - start > bestLen) {
        bestStart = start;
        bestLen = k - start;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < 8; k++) {
      if (k == bestStart) {
        sb.append("::");
        k += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[k]));
    }
    return sb.toString();
  }
}
