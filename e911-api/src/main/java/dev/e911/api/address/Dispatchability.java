package dev.e911.api.address;

import java.util.List;

/**
 * Whether an address is a dispatchable location in the RAY BAUM'S Act sense (a validated street
 * address plus what responders need to find the caller there) and, if not, every reason why.
 */
public record Dispatchability(List<Gap> gaps) {

  /** One reason an address is not dispatchable. */
  public enum Gap {
    /** Not validated against an authoritative 911 database. */
    NOT_VALIDATED("the address has not been validated against the carrier's 911 database"),
    /** No house (address) number. */
    MISSING_HOUSE_NUMBER("the house number is missing"),
    /** No street name. */
    MISSING_STREET("the street name is missing"),
    /** No city. */
    MISSING_CITY("the city is missing"),
    /** No state or province. */
    MISSING_STATE("the state or province is missing"),
    /** Only a post office box, which responders cannot drive to. */
    PO_BOX_ONLY("a post office box is not a place responders can go to"),
    /** A multi-occupancy building without floor, unit, room, seat or building detail. */
    MISSING_IN_BUILDING_DETAIL("the building has several floors or units but no floor, unit, room or seat is given");

    private final String description;

    Gap(String description) {
      this.description = description;
    }

    /** A sentence an administrator understands. */
    public String description() {
      return description;
    }
  }

  public Dispatchability {
    gaps = List.copyOf(gaps);
  }

  /** True when nothing is missing. */
  public boolean dispatchable() {
    return gaps.isEmpty();
  }
}
