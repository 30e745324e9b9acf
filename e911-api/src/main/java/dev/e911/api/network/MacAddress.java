package dev.e911.api.network;

import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import java.util.List;
import java.util.Locale;

/**
 * A 48-bit IEEE MAC address, such as a Wi-Fi access point's BSSID, parsed from any common notation
 * ({@code 00:11:22:aa:bb:cc}, {@code 00-11-22-AA-BB-CC}, {@code 0011.22aa.bbcc}, {@code 001122aabbcc})
 * and printed in lower-case colon form.
 */
public record MacAddress(long bits) {

  public MacAddress {
    if ((bits >>> 48) != 0) {
      throw new InvalidValueException("MacAddress", List.of(new Violation("", "mac.range", "has more than 48 bits")));
    }
  }

  /**
   * Parses a MAC address in any common notation.
   *
   * @throws InvalidValueException with rule {@code mac.syntax}
   */
  public static MacAddress parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidValueException("MacAddress", List.of(new Violation("", "required", "is required")));
    }
    String s = text.strip();
    long value = 0;
    int digits = 0;
    if (s.length() <= 17) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        int d = Character.digit(c, 16);
        if (d >= 0) {
          value = (value << 4) | d;
          digits++;
        } else if (c != ':' && c != '-' && c != '.') {
          digits = -1;
          break;
        }
      }
    }
    if (digits != 12 || !wellFormed(s)) {
      throw new InvalidValueException("MacAddress", List.of(new Violation("", "mac.syntax",
          "is not a MAC address (expected forms: 00:11:22:aa:bb:cc, 00-11-22-aa-bb-cc, 0011.22aa.bbcc, 001122aabbcc)")));
    }
    return new MacAddress(value);
  }

  private static boolean wellFormed(String s) {
    return s.matches("(?i)[0-9a-f]{12}|([0-9a-f]{2}:){5}[0-9a-f]{2}|([0-9a-f]{2}-){5}[0-9a-f]{2}|([0-9a-f]{4}\\.){2}[0-9a-f]{4}");
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(17);
    for (int shift = 40; shift >= 0; shift -= 8) {
      if (sb.length() > 0) {
        sb.append(':');
      }
      sb.append(String.format(Locale.ROOT, "%02x", (bits >>> shift) & 0xFF));
    }
    return sb.toString();
  }
}
