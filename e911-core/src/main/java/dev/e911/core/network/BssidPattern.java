package dev.e911.core.network;

import dev.e911.api.network.MacAddress;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import java.util.List;
import dev.e911.core.network.internal.MacAddresses;
import dev.e911.core.network.internal.MacFormatException;
import dev.e911.core.network.internal.MacPattern;

/**
 * A Wi-Fi BSSID or a range of them: an exact MAC address in any notation, or a prefix ending in
 * {@code *} that covers all the radios of one access point ({@code 00-11-22-33-44-*} covers the last
 * byte, {@code 00:11:22:33:44:5*} the last nibble, {@code 00-11-22-*-*-*} three bytes). Held as the
 * fixed high bits and their count; parsed by the same parser as the locator's BSSID table.
 */
public record BssidPattern(long prefix, int bits) {

  public BssidPattern {
    if (bits < 1 || bits > 48 || bits % 4 != 0) {
      throw invalid("bssid.bits", "a BSSID pattern fixes 1 to 12 whole hex digits (4 to 48 bits)");
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
    MacPattern p;
    try {
      p = MacAddresses.parsePattern(text);
    } catch (MacFormatException e) {
      throw invalid("bssid.syntax", "is not a MAC address or a pattern such as 00-11-22-33-44-* (" + e.problem() + ")");
    }
    if (p.prefixLength() == 0) {
      throw invalid("bssid.syntax", "a bare * would match every access point; fix at least one hex digit");
    }
    return new BssidPattern(p.prefix(), p.prefixLength());
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
