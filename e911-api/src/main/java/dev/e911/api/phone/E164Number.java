package dev.e911.api.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A valid telephone number in canonical E.164 form ({@code +14155550100}), parsed with
 * libphonenumber from any human or URI form. It may be of any type (a toll-free queue number
 * is a perfectly good E164Number); use {@link Elin} for a number a PSAP must be able to call back.
 */
public record E164Number(@NotNull @Pattern(regexp = "\\+[1-9][0-9]{2,14}") String value) {

  public E164Number {
    PhoneNumber n = PhoneNumbers.parse("E164Number", "", value, null);
    String canonical = PhoneNumbers.UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
    if (!canonical.equals(value)) {
      throw PhoneNumbers.invalid("E164Number", "", "phone.e164", "must be in canonical E.164 form (+ and digits only)");
    }
    checkLength(canonical);
    if (!PhoneNumbers.UTIL.isValidNumber(n)) {
      throw PhoneNumbers.invalid("E164Number", "", "phone.invalid", "is not a valid number for its country");
    }
  }

  /**
   * Parses a number from any form: {@code +1 (415) 555-0100}, {@code 415-555-0100} with
   * {@code defaultRegion} {@code US}, {@code tel:+1-415-555-0100}, {@code sip:+14155550100@host;user=phone}.
   *
   * @param defaultRegion ISO region to read a number without country code in, or {@code null} to require one
   * @throws dev.e911.api.validation.InvalidValueException naming the rule broken
   */
  public static E164Number parse(String text, String defaultRegion) {
    PhoneNumber n = PhoneNumbers.parse("E164Number", "", text, defaultRegion);
    if (PhoneNumbers.UTIL.isPossibleNumberWithReason(n) == PhoneNumberUtil.ValidationResult.TOO_SHORT) {
      throw PhoneNumbers.invalid("E164Number", "", "phone.short-code",
          "is a short code or too short to be a full number");
    }
    String canonical = PhoneNumbers.UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
    checkLength(canonical);
    if (!PhoneNumbers.UTIL.isValidNumber(n)) {
      throw PhoneNumbers.invalid("E164Number", "", "phone.invalid", "is not a valid number for its country");
    }
    return new E164Number(canonical);
  }

  /** E.164 numbers have at most 15 digits; libphonenumber accepts some longer national plans (e.g. Germany). */
  private static void checkLength(String canonical) {
    if (canonical.length() > 16) {
      throw PhoneNumbers.invalid("E164Number", "", "phone.e164-length", "has more than the 15 digits E.164 allows");
    }
  }

  /** Parses a number that must carry its country code. */
  public static E164Number parse(String text) {
    return parse(text, null);
  }

  /** The ISO region the number belongs to, e.g. {@code US}. */
  public String region() {
    return PhoneNumbers.UTIL.getRegionCodeForNumber(libphonenumber());
  }

  /** The national significant number (10 digits for NANP), as carriers' APIs often want it. */
  public String nationalNumber() {
    return PhoneNumbers.UTIL.getNationalSignificantNumber(libphonenumber());
  }

  /** The number as a {@code tel:} URI. */
  public String telUri() {
    return "tel:" + value;
  }

  PhoneNumber libphonenumber() {
    try {
      return PhoneNumbers.UTIL.parse(value, null);
    } catch (com.google.i18n.phonenumbers.NumberParseException e) {
      throw new IllegalStateException("canonical number no longer parses", e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
