package dev.e911.carrier.bandwidth;

import dev.e911.api.address.DispatchableAddress;

/** Addresses the tests use. */
final class Addresses {

  private Addresses() {}

  /** 2210 W Harbour View Blvd, Suite 410, Tampa FL 33602: the carrier's own spelling. */
  static DispatchableAddress tampa() {
    return DispatchableAddress.builder("US").houseNumber("2210").preDirectional("W").streetName("Harbour View")
        .streetSuffix("Blvd").unit("Suite 410").city("Tampa").state("FL").postalCode("33602").build();
  }

  /** The same with a typo the geocoder corrects. */
  static DispatchableAddress tampaTypo() {
    return DispatchableAddress.builder("US").houseNumber("2210").preDirectional("West").streetName("Harbor Veiw")
        .streetSuffix("Boulevard").unit("Suite 410").city("Tampa").state("FL").postalCode("33602").build();
  }

  /** An agent's home: 17 N Elm St, Apt 2, Springfield IL 62701. */
  static DispatchableAddress home() {
    return DispatchableAddress.builder("US").houseNumber("17").preDirectional("North").streetName("Elm")
        .streetSuffix("Street").unit("Apt 2").city("Springfield").state("IL").postalCode("62701").build();
  }

  /** HQ floor 3: 1200 N Point St, BLDG 2, FL 3, STE 310, San Francisco CA 94133-1234. */
  static DispatchableAddress hq() {
    return DispatchableAddress.builder("US").houseNumber("1200").preDirectional("N").streetName("Point")
        .streetSuffix("St").building("2").floor("3").unit("Suite 310").city("San Francisco").state("CA")
        .postalCode("94133-1234").build();
  }

  /** Nowhere the fake knows. */
  static DispatchableAddress nowhere() {
    return DispatchableAddress.builder("US").houseNumber("99999").streetName("Nonexistent").streetSuffix("Rd")
        .city("Nowhere").state("KS").postalCode("67000").build();
  }
}
