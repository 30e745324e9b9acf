package dev.e911.core.network;

import dev.e911.api.network.MacAddress;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import java.util.List;
import java.util.Locale;

/**
 * A Wi-Fi BSSID or a range of them: an exact MAC address in any notation, or a prefix ending in
 * {@code *} that covers all the radios of one access point ({@code 00-11-22-33-44-*} covers the last
 * byte, {@code 00:11:22:33:44:5*} the last nibble). Held as the fixed high bits and their count.
 */
public record BssidPattern(long prefix, int bits) {

  public BssidPattern {
    if (bits < 0 || bits > 48 || bits % 4 != 0) {
      throw invalid("bssid.bits", "a BSSID pattern fixes a whole number of hex digits (0 to 48 bits)");
    }
    long mask = bits == 0 ? 0 : (-1L << (48 - bits)) & 0xFFFF_FFFF_FFFFL;
    if ((prefix & ~mask) != 0 || (prefix >>> 48) != 0) {
      throw invalid("bssid.bits", "has bits set below the pattern length");
    }
  }

  /**
   * Parses an exact BSSID or a wildcard pattern.
   *
   * @throws InvalidValueException with rule {@code bssid.syntax}
   */
  public static BssidPattern parse(String text) {
    if (text == null || text.isBlank()) {
      throw invalid("required", "is required");
    }
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (!s.endsWith("*")) {
      try {
        return new BssidPattern(MacAddress.parse(s).bits(), 48);
      } catch (InvalidValueException e) {
        throw invalid("bssid.syntax", "is not a MAC address or a pattern such as 00-11-22-33-44-*");
      }
    }
    String head = s.substring(0, s.length() - 1);
    if (head.indexOf('*') >= 0 || !head.matches("[0-9a-f:.\\-]*")) {
      throw invalid("bssid.syntax", "only a single trailing * is allowed, as in 00-11-22-33-44-*");
    }
    long value = 0;
    int digits = 0;
    for (int i = 0; i < head.length(); i++) {
      int d = Character.digit(head.charAt(i), 16);
      if (d >= 0) {
        value = (value << 4) | d;
        digits++;
      }
    }
    if (digits == 0 || digits >= 12) {
      throw invalid("bssid.syntax", "a wildcard pattern fixes 1 to 11 hex digits, as in 00-11-22-33-44-*");
    }
    return new BssidPattern(value << (48 - 4 * digits), 4 * digits);
  }

  /** Whether {@code bssid} falls in this pattern. */
  public boolean matches(MacAddress bssid) {
    long mask = bits == 0 ? 0 : (-1L << (48 - bits)) & 0xFFFF_FFFF_FFFFL;
    return (bssid.bits() & mask) == prefix;
  }

  private static InvalidValueException invalid(String rule, String message) {
    return new InvalidValueException("BssidPattern", List.of(new Violation("", rule, message)));
  }

  @Override
  public String toString() {
    String full = new MacAddress(prefix).toString();
    if (bits == 48) {
      return full;
    }
    int digits = bits / 4;
    StringBuilder sb = new StringBuilder();
    int seen = 0;
    for (int i = 0; i < full.length() && seen < digits; i++) {
      char c = full.charAt(i);
      sb.append(c);
      if (c != ':') {
        seen++;
      }
    }
    if (digits % 2 == 0) {
      sb.append(':');
    }
    return sb.append('*').toString();
  }
}
