package dev.e911.carrier.bandwidth.internal;

import dev.e911.api.phone.E164Number;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Bandwidth's natural keys, derived deterministically so that a retry names the same thing:
 * 10-digit NANP telephone numbers (Dashboard v1), AEUI {@code Identifier}s (10-30 letters and digits,
 * at least one letter), ES endpoint ids, and {@code CustomerOrderId}s ({@code [A-Za-z0-9 -]}, at most 40).
 */
public final class BandwidthIds {

  private static final Pattern AEUI = Pattern.compile("[A-Za-z0-9]{10,30}");
  private static final Pattern LETTER = Pattern.compile(".*[A-Za-z].*");
  private static final Pattern CUSTOMER_ORDER_ID = Pattern.compile("[A-Za-z0-9 -]{1,40}");

  private BandwidthIds() {}

  /**
   * The 10-digit form of a NANP number ({@code +14155550142} → {@code 4155550142}).
   *
   * @throws InvalidValueException naming {@code field} when the number is not a +1 number
   */
  public static String tn10(String e164, String field) {
    String digits;
    try {
      digits = E164Number.parse(e164).value().substring(1);
    } catch (InvalidValueException e) {
      throw invalid(field, "phone.invalid", "is not an E.164 number");
    }
    if (digits.length() != 11 || digits.charAt(0) != '1') {
      throw invalid(field, "bandwidth.nanp", "must be a +1 (NANP) number: the Dashboard API takes 10-digit numbers");
    }
    return digits.substring(1);
  }

  /** The AEUI {@code Identifier} for an endpoint id: the id itself when Bandwidth accepts it, else {@code E911} + 26 hex digits of its SHA-256. */
  public static String aeuiIdentifier(String endpointId) {
    if (AEUI.matcher(endpointId).matches() && LETTER.matcher(endpointId).matches()) {
      return endpointId;
    }
    return "E911" + BandwidthAddressMapping.sha256Hex("aeui\n" + endpointId).substring(0, 26).toUpperCase(Locale.ROOT);
  }

  /** The ES endpoint id for a number key (its E.164 digits) or an endpoint key (as for an AEUI). */
  public static String esEndpointId(dev.e911.api.spi.BindingKey key) {
    if (key.type() == dev.e911.api.spi.BindingKey.Type.NUMBER) {
      try {
        return E164Number.parse(key.value()).value().substring(1);
      } catch (InvalidValueException e) {
        throw invalid("id", "phone.invalid", "the number key is not an E.164 number");
      }
    }
    return aeuiIdentifier(key.value());
  }

  /**
   * A {@code CustomerOrderId} for one library operation: {@code e911-<op>-<16 hex of the operation's
   * content>-<start time in base 36>}. Every HTTP attempt and the post-timeout look-up of one call use
   * the same id; a later call (perhaps after the binding changed and changed back) gets another, so
   * the look-up never mistakes an old order for this one.
   */
  public static String customerOrderId(String op, String content, Instant start) {
    String id = "e911-" + op + "-" + BandwidthAddressMapping.sha256Hex(op + "\n" + content).substring(0, 16) + "-"
        + Long.toString(start.toEpochMilli(), 36);
    if (!CUSTOMER_ORDER_ID.matcher(id).matches()) {
      throw new IllegalStateException("CustomerOrderId breaks Bandwidth's rule");
    }
    return id;
  }

  private static InvalidValueException invalid(String path, String rule, String message) {
    return new InvalidValueException("BandwidthRequest", List.of(new Violation(path, rule, message)));
  }
}
