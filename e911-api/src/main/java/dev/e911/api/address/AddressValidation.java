package dev.e911.api.address;

import dev.e911.api.validation.Text;
import dev.e911.api.validation.Violations;
import java.time.Instant;

/**
 * The record that an address was checked against an authoritative 911 database (a carrier's
 * geocoder, an MSAG or a LoST validation function): who validated it and when. An address without
 * one is not a <em>validated</em> street address in the RAY BAUM'S Act sense.
 */
public record AddressValidation(String validatedBy, Instant validatedAt) {

  /** Longest {@code validatedBy} accepted (a carrier id or an administrator's name). */
  public static final int MAX_VALIDATED_BY = 128;

  public AddressValidation {
    Violations v = Violations.forType("AddressValidation");
    v.check(validatedBy == null || validatedBy.isBlank(), "validatedBy", "required", "is required");
    v.check(validatedBy != null && validatedBy.length() > MAX_VALIDATED_BY, "validatedBy", "length",
        "must be at most " + MAX_VALIDATED_BY + " characters");
    v.check(validatedBy != null && validatedBy.length() <= MAX_VALIDATED_BY && Text.firstIllegalXmlChar(validatedBy) >= 0,
        "validatedBy", "text.control-char", "contains a character XML and JSON cannot carry faithfully");
    v.check(validatedAt == null, "validatedAt", "required", "is required");
    v.throwIfAny();
  }
}
