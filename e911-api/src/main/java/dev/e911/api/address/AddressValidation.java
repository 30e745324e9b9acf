package dev.e911.api.address;

import dev.e911.api.validation.Violations;
import java.time.Instant;

/**
 * The record that an address was checked against an authoritative 911 database (a carrier's
 * geocoder, an MSAG or a LoST validation function): who validated it and when. An address without
 * one is not a <em>validated</em> street address in the RAY BAUM'S Act sense.
 */
public record AddressValidation(String validatedBy, Instant validatedAt) {

  public AddressValidation {
    Violations v = Violations.forType("AddressValidation");
    v.check(validatedBy == null || validatedBy.isBlank(), "validatedBy", "required", "is required");
    v.check(validatedAt == null, "validatedAt", "required", "is required");
    v.throwIfAny();
  }
}
