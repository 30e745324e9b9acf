package dev.e911.api.address;

import java.util.Set;

/** USPS two-letter codes accepted as {@code A1} of a US address: the states, DC and the inhabited territories. */
final class UsStates {

  static final Set<String> CODES = Set.of(
      "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
      "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
      "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
      "WI", "WY", "DC", "AS", "GU", "MP", "PR", "VI");

  private UsStates() {}
}
