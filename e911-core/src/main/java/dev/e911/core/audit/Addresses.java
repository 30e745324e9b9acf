package dev.e911.core.audit;

import dev.e911.api.address.DispatchableAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Platform-neutral reading of a platform location's address map: the field names Genesys uses
 * ({@code street1, city, state, zipcode, country}) and a few aliases ({@code street}, {@code postalCode},
 * RFC 5139 element names). Used for dispatchability and to compare with what a carrier holds.
 */
final class Addresses {

  private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d+)");

  private Addresses() {}

  static String get(Map<String, String> a, String... keys) {
    for (String k : keys) {
      String v = a.get(k);
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return "";
  }

  static String street(Map<String, String> a) {
    return get(a, "street1", "street", "streetName", "RD");
  }

  static String houseNumber(Map<String, String> a) {
    String explicit = get(a, "houseNumber", "HNO");
    if (!explicit.isEmpty()) {
      return explicit;
    }
    Matcher m = LEADING_NUMBER.matcher(street(a));
    return m.find() ? m.group(1) : "";
  }

  static String postal(Map<String, String> a) {
    String p = get(a, "zipcode", "postalCode", "postcode", "PC");
    return p.length() > 5 && p.charAt(5) == '-' ? p.substring(0, 5) : p;
  }

  static String state(Map<String, String> a) {
    return get(a, "state", "A1");
  }

  static String country(Map<String, String> a) {
    return get(a, "country").toUpperCase(Locale.ROOT);
  }

  /** What a platform address lacks to be dispatchable; empty when it is complete. */
  static List<String> missing(Map<String, String> a) {
    List<String> out = new ArrayList<>();
    String street = street(a);
    boolean us = country(a).isEmpty() || country(a).equals("US");
    if (street.isEmpty()) {
      out.add("street");
    } else if (houseNumber(a).isEmpty() && !street.matches(".*\\d.*")) {
      out.add("house number");
    }
    if (get(a, "city", "A3").isEmpty()) {
      out.add("city");
    }
    if (us && state(a).isEmpty()) {
      out.add("state");
    }
    if (us && postal(a).isEmpty()) {
      out.add("postal code");
    }
    return out;
  }

  /** A key for "the same building": house number, street and postal code, case-insensitive; empty when too little is known. */
  static String placeKey(Map<String, String> a) {
    String street = street(a).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    String postal = postal(a);
    return street.isEmpty() || postal.isEmpty() ? "" : street + "|" + postal;
  }

  /** Where {@code held} (what the carrier holds) differs from the platform address: house number, postal code, state. */
  static List<String> differences(Map<String, String> platform, DispatchableAddress held) {
    List<String> out = new ArrayList<>();
    compare(out, "house number", houseNumber(platform), held.houseNumber().orElse(""));
    compare(out, "postal code", postal(platform), held.postalCode().orElse(""));
    compare(out, "state", state(platform), held.state().orElse(""));
    return out;
  }

  /** Where {@code held} differs from the address e911 has for the number: house number, postal code, state. */
  static List<String> differences(DispatchableAddress expected, DispatchableAddress held) {
    List<String> out = new ArrayList<>();
    compare(out, "house number", expected.houseNumber().orElse(""), held.houseNumber().orElse(""));
    compare(out, "postal code", expected.postalCode().orElse(""), held.postalCode().orElse(""));
    compare(out, "state", expected.state().orElse(""), held.state().orElse(""));
    return out;
  }

  private static void compare(List<String> out, String what, String ours, String theirs) {
    if (!ours.isEmpty() && !theirs.isEmpty() && !ours.equalsIgnoreCase(theirs)) {
      out.add(what + " '" + theirs + "' instead of '" + ours + "'");
    }
  }
}
