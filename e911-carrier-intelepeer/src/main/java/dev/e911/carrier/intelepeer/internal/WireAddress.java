package dev.e911.carrier.intelepeer.internal;

import java.util.Objects;

/**
 * An address in IntelePeer's field layout: {@code address1}, {@code address2} (empty when there is
 * none), {@code city}, {@code state}, {@code zip}. Produced by {@link IntelePeerAddressMapping}, equal
 * when the carrier would store the same text.
 */
public record WireAddress(String address1, String address2, String city, String state, String zip) {
  public WireAddress {
    Objects.requireNonNull(address1, "address1");
    address2 = address2 == null ? "" : address2;
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(zip, "zip");
  }

  /** One line for messages and {@code addressOnFile}. */
  public String oneLine() {
    return address1 + (address2.isEmpty() ? "" : ", " + address2) + ", " + city + ", " + state + " " + zip;
  }
}
