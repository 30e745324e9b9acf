package dev.e911.api.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A callback number a PSAP can dial: an agent's direct DID, a location's ELIN (Emergency Location
 * Identification Number), or an ELIN from a site's pool. Only geographic numbers that ring a
 * station qualify: toll-free, premium-rate, shared-cost, pager, UAN, voicemail-access and short
 * codes are refused with a typed violation, and so is any number libphonenumber says is invalid.
 */
public record Elin(@NotNull @Valid E164Number number, @NotNull Kind kind) {

  /** What the number is. */
  public enum Kind {
    /** The agent's own direct inward-dial number. */
    AGENT_DID,
    /** The ELIN of one location (emergency response location). */
    LOCATION_ELIN,
    /** An ELIN leased from a site's pool for one call's callback window. */
    POOL_ELIN
  }

  private static final Set<PhoneNumberType> CALLABLE = EnumSet.of(PhoneNumberType.FIXED_LINE,
      PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberType.VOIP,
      PhoneNumberType.PERSONAL_NUMBER);

  public Elin {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(number, "number");
    PhoneNumberType type = PhoneNumbers.UTIL.getNumberType(number.libphonenumber());
    if (!CALLABLE.contains(type)) {
      throw PhoneNumbers.invalid("Elin", "number", "callback." + ruleName(type),
          "is a " + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
              + " number, which a PSAP cannot use as a callback number");
    }
  }

  private static String ruleName(PhoneNumberType type) {
    return switch (type) {
      case TOLL_FREE -> "toll-free";
      case PREMIUM_RATE -> "premium";
      case SHARED_COST -> "shared-cost";
      default -> "not-geographic";
    };
  }

  /**
   * Parses a callback number from any human or URI form.
   *
   * @param defaultRegion ISO region for numbers without country code (e.g. {@code US}), or {@code null}
   * @throws dev.e911.api.validation.InvalidValueException naming the rule broken
   */
  public static Elin parse(String text, String defaultRegion, Kind kind) {
    return new Elin(E164Number.parse(text, defaultRegion), kind);
  }

  /** The canonical E.164 string. */
  public String e164() {
    return number.value();
  }

  @Override
  public String toString() {
    return number.value() + " (" + kind + ")";
  }
}
