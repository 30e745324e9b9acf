package dev.e911.core.network;

import dev.e911.api.network.IpAddress;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import java.util.List;

/**
 * An IPv4 or IPv6 prefix in CIDR notation ({@code 10.1.3.0/24}, {@code 2001:db8:3::/48}); a bare
 * address is a host prefix (/32 or /128). Host bits set below the prefix length are refused
 * ({@code 10.1.3.7/24} is almost always a typo for a host), so what an administrator wrote is what
 * matches.
 */
public record IpPrefix(IpAddress network, int length) {

  public IpPrefix {
    int max = network.version() == IpAddress.Version.V4 ? 32 : 128;
    if (length < 0 || length > max) {
      throw invalid("prefix.length", "the prefix length must be between 0 and " + max);
    }
    if (!hostBitsClear(network, length)) {
      throw invalid("prefix.host-bits", "has bits set below the /" + length + " (did you mean " + masked(network, length) + "/" + length + "?)");
    }
  }

  /**
   * Parses CIDR notation or a bare address.
   *
   * @throws InvalidValueException with rule {@code prefix.syntax}, {@code prefix.length} or {@code prefix.host-bits}
   */
  public static IpPrefix parse(String text) {
    if (text == null || text.isBlank()) {
      throw invalid("required", "is required");
    }
    String s = text.strip();
    int slash = s.indexOf('/');
    IpAddress address;
    try {
      address = IpAddress.parse(slash < 0 ? s : s.substring(0, slash));
    } catch (InvalidValueException e) {
      throw invalid("prefix.syntax", "is not CIDR notation such as 10.1.3.0/24 or 2001:db8::/48");
    }
    int max = address.version() == IpAddress.Version.V4 ? 32 : 128;
    if (slash < 0) {
      return new IpPrefix(address, max);
    }
    String len = s.substring(slash + 1);
    if (!len.matches("[0-9]{1,3}")) {
      throw invalid("prefix.syntax", "is not CIDR notation such as 10.1.3.0/24 or 2001:db8::/48");
    }
    return new IpPrefix(address, Integer.parseInt(len));
  }

  /** Whether {@code address} lies inside this prefix (an IPv4-mapped IPv6 address matches IPv4 prefixes). */
  public boolean contains(IpAddress address) {
    IpAddress a = network.version() == IpAddress.Version.V4 ? address.unmapped() : address;
    if (a.version() != network.version()) {
      return false;
    }
    return masked(a, length).equals(network);
  }

  private static boolean hostBitsClear(IpAddress a, int length) {
    return masked(a, length).equals(a);
  }

  static IpAddress masked(IpAddress a, int length) {
    if (a.version() == IpAddress.Version.V4) {
      long mask = length == 0 ? 0 : (0xFFFF_FFFFL << (32 - length)) & 0xFFFF_FFFFL;
      return new IpAddress(IpAddress.Version.V4, 0, a.low() & mask);
    }
    long highMask = length >= 64 ? -1L : (length == 0 ? 0 : -1L << (64 - length));
    long lowMask = length <= 64 ? 0 : (length == 128 ? -1L : -1L << (128 - length));
    return new IpAddress(IpAddress.Version.V6, a.high() & highMask, a.low() & lowMask);
  }

  private static InvalidValueException invalid(String rule, String message) {
    return new InvalidValueException("IpPrefix", List.of(new Violation("", rule, message)));
  }

  @Override
  public String toString() {
    return network + "/" + length;
  }
}
