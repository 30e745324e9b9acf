package dev.e911.api.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import java.util.List;
import java.util.Locale;

/** Turns the forms numbers arrive in (human, E.164, tel: and sip: URIs) into libphonenumber values. */
final class PhoneNumbers {

  static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final int MAX_INPUT = 256;

  private PhoneNumbers() {}

  /** Parses {@code text}; a number without a country code is read in {@code defaultRegion} (may be null). */
  static PhoneNumber parse(String type, String path, String text, String defaultRegion) {
    if (text == null || text.isBlank()) {
      throw invalid(type, path, "required", "is required");
    }
    if (text.length() > MAX_INPUT) {
      throw invalid(type, path, "phone.length", "must be at most " + MAX_INPUT + " characters");
    }
    String digits = extract(text.strip());
    if (digits.chars().noneMatch(Character::isDigit)) {
      throw invalid(type, path, "phone.unparseable", "is not a phone number (it has no digits)");
    }
    try {
      String region = defaultRegion == null ? null : defaultRegion.toUpperCase(Locale.ROOT);
      if (!digits.startsWith("+") && (region == null || !UTIL.getSupportedRegions().contains(region))) {
        throw invalid(type, path, "phone.region",
            "has no country code (+...) and no default region is given to read it in");
      }
      PhoneNumber n = UTIL.parse(digits, region);
      if (n.hasExtension()) {
        throw invalid(type, path, "phone.extension", "must not carry an extension");
      }
      return n;
    } catch (NumberParseException e) {
      throw invalid(type, path, "phone.unparseable", "is not a phone number (" + e.getErrorType() + ")");
    }
  }

  /** Strips a tel:/sip:/sips: URI down to its number part. */
  private static String extract(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.startsWith("tel:")) {
      return withoutParameters(s.substring(4));
    }
    if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
      s = s.substring(s.indexOf(':') + 1);
      int at = s.indexOf('@');
      return withoutParameters(at >= 0 ? s.substring(0, at) : s);
    }
    return s;
  }

  /** Drops URI parameters, but keeps an {@code ;ext=} so an extension is refused, never silently cut off. */
  private static String withoutParameters(String number) {
    int semi = number.indexOf(';');
    if (semi < 0) {
      return number;
    }
    int ext = number.toLowerCase(Locale.ROOT).indexOf(";ext=", semi);
    return number.substring(0, semi) + (ext >= 0 ? number.substring(ext) : "");
  }

  static InvalidValueException invalid(String type, String path, String rule, String message) {
    return new InvalidValueException(type, List.of(new Violation(path, rule, message)));
  }
}
