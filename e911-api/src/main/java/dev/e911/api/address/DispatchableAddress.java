package dev.e911.api.address;

import dev.e911.api.validation.Text;
import dev.e911.api.validation.Violations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A civic address in RFC 5139 / NENA CLDXF terms (country, state, city, street pieces, house number,
 * postal code, and the in-building detail that makes it dispatchable: building, floor, unit, room,
 * seat), an optional WGS 84 point, and the record of its validation against a 911 database. Values
 * are immutable and checked when built: every text is normalised like {@code xs:token}, US addresses
 * need a USPS state code, a city, a street, a numeric house number and a ZIP or ZIP+4, other
 * countries an ISO 3166-1 code and lighter rules. Build one with {@link #builder(String)}.
 */
public final class DispatchableAddress {

  private static final Set<String> ISO_COUNTRIES =
      Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
  private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]{1,10}");
  private static final java.util.regex.Pattern ZIP = java.util.regex.Pattern.compile("([0-9]{5})(?:-([0-9]{4}))?");
  private static final java.util.regex.Pattern ZIP4 = java.util.regex.Pattern.compile("[0-9]{4}");

  @NotNull
  @Pattern(regexp = "[A-Z]{2}")
  private final String country;

  private final Map<CivicElement, String> elements;
  @Valid private final GeoPoint point;
  @Valid private final AddressValidation validation;
  private final boolean requiresInBuildingDetail;

  private DispatchableAddress(Builder b, EnumMap<CivicElement, String> elements) {
    this.country = elements.get(CivicElement.COUNTRY);
    this.elements = Collections.unmodifiableMap(elements);
    this.point = b.point;
    this.validation = b.validation;
    this.requiresInBuildingDetail = b.requiresInBuildingDetail;
  }

  /** Starts an address in the given ISO 3166-1 alpha-2 country (e.g. {@code US}). */
  public static Builder builder(String country) {
    return new Builder().set(CivicElement.COUNTRY, country);
  }

  /** Starts an empty builder (the country must still be set). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this address's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.values.putAll(elements);
    b.point = point;
    b.validation = validation;
    b.requiresInBuildingDetail = requiresInBuildingDetail;
    return b;
  }

  /** The ISO 3166-1 alpha-2 country code, upper case. */
  public String country() {
    return country;
  }

  /** The value of one element, if present. */
  public Optional<String> get(CivicElement element) {
    return Optional.ofNullable(elements.get(element));
  }

  /** Every present element with its value, in schema order (country first). */
  public Map<CivicElement, String> elements() {
    return elements;
  }

  /** The state or province ({@code A1}). */
  public Optional<String> state() {
    return get(CivicElement.A1);
  }

  /** The city ({@code A3}). */
  public Optional<String> city() {
    return get(CivicElement.A3);
  }

  /** The street name ({@code RD}). */
  public Optional<String> streetName() {
    return get(CivicElement.RD);
  }

  /** The house number ({@code HNO}). */
  public Optional<String> houseNumber() {
    return get(CivicElement.HNO);
  }

  /** The postal code ({@code PC}). */
  public Optional<String> postalCode() {
    return get(CivicElement.PC);
  }

  /** The WGS 84 point, when known. */
  public Optional<GeoPoint> point() {
    return Optional.ofNullable(point);
  }

  /** Who validated this address and when, if it was validated. */
  public Optional<AddressValidation> validation() {
    return Optional.ofNullable(validation);
  }

  /** Whether the place has several floors or units, so that in-building detail is required. */
  public boolean requiresInBuildingDetail() {
    return requiresInBuildingDetail;
  }

  /** This address marked as validated (the civic elements are unchanged). */
  public DispatchableAddress withValidation(AddressValidation validation) {
    return toBuilder().validation(Objects.requireNonNull(validation, "validation")).build();
  }

  /** This address with the validation record removed, e.g. after the user edited it. */
  public DispatchableAddress withoutValidation() {
    return toBuilder().validation(null).build();
  }

  /** Whether this is a dispatchable location and, if not, every reason. */
  public Dispatchability dispatchability() {
    List<Dispatchability.Gap> gaps = new ArrayList<>();
    if (validation == null) {
      gaps.add(Dispatchability.Gap.NOT_VALIDATED);
    }
    boolean hasStreet = elements.containsKey(CivicElement.RD);
    if (!elements.containsKey(CivicElement.HNO)) {
      gaps.add(Dispatchability.Gap.MISSING_HOUSE_NUMBER);
    }
    if (!hasStreet) {
      gaps.add(Dispatchability.Gap.MISSING_STREET);
    }
    if (!elements.containsKey(CivicElement.A3)) {
      gaps.add(Dispatchability.Gap.MISSING_CITY);
    }
    if (!elements.containsKey(CivicElement.A1)) {
      gaps.add(Dispatchability.Gap.MISSING_STATE);
    }
    if (elements.containsKey(CivicElement.POBOX) && !hasStreet) {
      gaps.add(Dispatchability.Gap.PO_BOX_ONLY);
    }
    if (requiresInBuildingDetail && !hasInBuildingDetail()) {
      gaps.add(Dispatchability.Gap.MISSING_IN_BUILDING_DETAIL);
    }
    return new Dispatchability(gaps);
  }

  /** Shorthand for {@code dispatchability().dispatchable()}. */
  public boolean isDispatchable() {
    return dispatchability().dispatchable();
  }

  /** Whether any of building, floor, unit, room or seat is given. */
  public boolean hasInBuildingDetail() {
    return elements.containsKey(CivicElement.BLD) || elements.containsKey(CivicElement.FLR)
        || elements.containsKey(CivicElement.UNIT) || elements.containsKey(CivicElement.ROOM)
        || elements.containsKey(CivicElement.SEAT);
  }

  /**
   * Whether both describe the same place: the same civic elements, compared ignoring case (carriers
   * upper-case what they store); point and validation are not compared.
   */
  public boolean sameCivicAddress(DispatchableAddress other) {
    if (elements.size() != other.elements.size()) {
      return false;
    }
    for (Map.Entry<CivicElement, String> e : elements.entrySet()) {
      String theirs = other.elements.get(e.getKey());
      if (theirs == null || !theirs.equalsIgnoreCase(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** A one-line human form, e.g. {@code 1200 N Point St, Floor 3, Suite 310, San Francisco, CA 94133-1234, US}. */
  public String oneLine() {
    StringBuilder street = new StringBuilder();
    for (CivicElement e : List.of(CivicElement.HNP, CivicElement.HNO, CivicElement.HNS, CivicElement.PRM,
        CivicElement.PRD, CivicElement.STP, CivicElement.RD, CivicElement.STS, CivicElement.POD, CivicElement.POM)) {
      String v = elements.get(e);
      if (v != null) {
        boolean glued = e == CivicElement.HNO || (e == CivicElement.HNS && !(v.charAt(0) >= '0' && v.charAt(0) <= '9'));
        if (street.length() > 0 && !glued) {
          street.append(' ');
        }
        street.append(v);
      }
    }
    List<String> parts = new ArrayList<>();
    addIfPresent(parts, "", CivicElement.NAM);
    addIfPresent(parts, "", CivicElement.LMK);
    if (street.length() > 0) {
      parts.add(street.toString());
    }
    addIfPresent(parts, "", CivicElement.POBOX);
    addIfPresent(parts, "", CivicElement.BLD);
    addIfPresent(parts, "Floor ", CivicElement.FLR);
    addIfPresent(parts, "", CivicElement.UNIT);
    addIfPresent(parts, "Room ", CivicElement.ROOM);
    addIfPresent(parts, "Seat ", CivicElement.SEAT);
    addIfPresent(parts, "", CivicElement.LOC);
    addIfPresent(parts, "", CivicElement.A3);
    StringBuilder region = new StringBuilder();
    if (elements.containsKey(CivicElement.A1)) {
      region.append(elements.get(CivicElement.A1));
    }
    if (elements.containsKey(CivicElement.PC)) {
      if (region.length() > 0) {
        region.append(' ');
      }
      region.append(elements.get(CivicElement.PC));
      if (elements.containsKey(CivicElement.PCE)) {
        region.append('-').append(elements.get(CivicElement.PCE));
      }
    }
    if (region.length() > 0) {
      parts.add(region.toString());
    }
    parts.add(country);
    return String.join(", ", parts);
  }

  private void addIfPresent(List<String> parts, String label, CivicElement e) {
    String v = elements.get(e);
    if (v != null) {
      parts.add(v.regionMatches(true, 0, label, 0, label.length()) ? v : label + v);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DispatchableAddress other
        && elements.equals(other.elements)
        && Objects.equals(point, other.point)
        && Objects.equals(validation, other.validation)
        && requiresInBuildingDetail == other.requiresInBuildingDetail;
  }

  @Override
  public int hashCode() {
    return Objects.hash(elements, point, validation, requiresInBuildingDetail);
  }

  @Override
  public String toString() {
    return "DispatchableAddress[" + oneLine() + (validation == null ? ", unvalidated" : ", validated by " + validation.validatedBy())
        + (point == null ? "" : ", " + point) + "]";
  }

  /**
   * Collects the elements of an address; {@link #build()} normalises and checks them and reports
   * every violation at once. Setting an element to {@code null} or blank removes it.
   */
  public static final class Builder {
    private final EnumMap<CivicElement, String> values = new EnumMap<>(CivicElement.class);
    private GeoPoint point;
    private AddressValidation validation;
    private boolean requiresInBuildingDetail;

    private Builder() {}

    /** Sets (or, with null or blank, removes) one element. */
    public Builder set(CivicElement element, String value) {
      Objects.requireNonNull(element, "element");
      if (value == null || (value.isBlank() && Text.firstIllegalXmlChar(value) < 0)) {
        values.remove(element);
      } else {
        values.put(element, value);
      }
      return this;
    }

    public Builder state(String v) { return set(CivicElement.A1, v); }
    public Builder county(String v) { return set(CivicElement.A2, v); }
    public Builder city(String v) { return set(CivicElement.A3, v); }
    public Builder preDirectional(String v) { return set(CivicElement.PRD, v); }
    public Builder streetName(String v) { return set(CivicElement.RD, v); }
    public Builder streetSuffix(String v) { return set(CivicElement.STS, v); }
    public Builder postDirectional(String v) { return set(CivicElement.POD, v); }
    public Builder houseNumber(String v) { return set(CivicElement.HNO, v); }
    public Builder houseNumberSuffix(String v) { return set(CivicElement.HNS, v); }
    public Builder landmark(String v) { return set(CivicElement.LMK, v); }
    public Builder additionalLocation(String v) { return set(CivicElement.LOC, v); }
    public Builder floor(String v) { return set(CivicElement.FLR, v); }
    public Builder name(String v) { return set(CivicElement.NAM, v); }
    /** Sets the postal code (and clears any old ZIP+4 add-on); a US ZIP+4 ({@code 94133-1234}) is split into ZIP and add-on. */
    public Builder postalCode(String v) {
      values.remove(CivicElement.PCE); // a new postal code replaces the old ZIP+4 add-on too
      return set(CivicElement.PC, v);
    }
    public Builder building(String v) { return set(CivicElement.BLD, v); }
    public Builder unit(String v) { return set(CivicElement.UNIT, v); }
    public Builder room(String v) { return set(CivicElement.ROOM, v); }
    public Builder seat(String v) { return set(CivicElement.SEAT, v); }
    public Builder placeType(String v) { return set(CivicElement.PLC, v); }

    /** Sets or clears the WGS 84 point. */
    public Builder point(GeoPoint point) {
      this.point = point;
      return this;
    }

    /** Sets or clears the validation record. */
    public Builder validation(AddressValidation validation) {
      this.validation = validation;
      return this;
    }

    /** Declares that the place has several floors or units, so in-building detail is required to dispatch. */
    public Builder requiresInBuildingDetail(boolean required) {
      this.requiresInBuildingDetail = required;
      return this;
    }

    /**
     * Normalises and checks every element.
     *
     * @throws dev.e911.api.validation.InvalidValueException listing every violation
     */
    public DispatchableAddress build() {
      Violations v = Violations.forType("DispatchableAddress");
      EnumMap<CivicElement, String> out = new EnumMap<>(CivicElement.class);
      for (Map.Entry<CivicElement, String> e : values.entrySet()) {
        CivicElement el = e.getKey();
        String path = el.jsonName();
        int bad = Text.firstIllegalXmlChar(e.getValue());
        if (bad >= 0) {
          v.add(path, "xml-char", String.format(Locale.ROOT, "contains U+%04X, which XML 1.0 cannot carry", bad));
          continue;
        }
        String value = Text.token(e.getValue());
        if (value.length() > el.maxLength()) {
          v.add(path, "length", "must be at most " + el.maxLength() + " characters (is " + value.length() + ")");
          continue;
        }
        out.put(el, value);
      }
      String country = out.get(CivicElement.COUNTRY);
      if (country == null) {
        if (!values.containsKey(CivicElement.COUNTRY)) {
          v.add("country", "required", "is required");
        }
      } else {
        country = country.toUpperCase(Locale.ROOT);
        out.put(CivicElement.COUNTRY, country);
        v.check(!ISO_COUNTRIES.contains(country), "country", "iso3166",
            "must be an ISO 3166-1 alpha-2 country code such as US");
      }
      if ("US".equals(country)) {
        checkUs(out, values.keySet(), v);
      } else if (country != null) {
        v.check(!values.containsKey(CivicElement.A3) && !values.containsKey(CivicElement.A1), "city", "required",
            "a city (or at least a state/province) is required");
        v.check(!values.containsKey(CivicElement.RD) && !values.containsKey(CivicElement.LMK), "streetName", "required",
            "a street name (or a landmark) is required");
      }
      v.throwIfAny();
      return new DispatchableAddress(this, out);
    }

    // "required" only for elements not supplied at all: a supplied but refused one already has its violation
    private static void checkUs(EnumMap<CivicElement, String> out, Set<CivicElement> supplied, Violations v) {
      String state = out.get(CivicElement.A1);
      if (state == null) {
        if (!supplied.contains(CivicElement.A1)) {
          v.add("state", "required", "is required for a US address");
        }
      } else {
        state = state.toUpperCase(Locale.ROOT);
        out.put(CivicElement.A1, state);
        v.check(!UsStates.CODES.contains(state), "state", "us.state", "must be a USPS state code such as CA or NY");
      }
      v.check(!supplied.contains(CivicElement.A3), "city", "required", "is required for a US address");
      v.check(!supplied.contains(CivicElement.RD), "streetName", "required", "is required for a US address");
      String hno = out.get(CivicElement.HNO);
      if (hno == null) {
        v.check(!supplied.contains(CivicElement.HNO), "houseNumber", "required", "is required for a US address");
      } else {
        v.check(!DIGITS.matcher(hno).matches(), "houseNumber", "us.house-number",
            "must be 1 to 10 digits (put letters in houseNumberSuffix or houseNumberPrefix)");
      }
      String pc = out.get(CivicElement.PC);
      if (pc == null) {
        v.check(!supplied.contains(CivicElement.PC), "postalCode", "required", "is required for a US address");
      } else {
        java.util.regex.Matcher m = ZIP.matcher(pc);
        if (!m.matches()) {
          v.add("postalCode", "us.zip", "must be a ZIP (94133) or ZIP+4 (94133-1234)");
        } else if (m.group(2) != null) {
          out.put(CivicElement.PC, m.group(1));
          String ext = out.get(CivicElement.PCE);
          if (ext != null && !ext.equals(m.group(2))) {
            v.add("postalCodeExtension", "us.zip4-conflict", "differs from the ZIP+4 add-on given in postalCode");
          }
          out.put(CivicElement.PCE, m.group(2));
        }
      }
      String pce = out.get(CivicElement.PCE);
      v.check(pce != null && !ZIP4.matcher(pce).matches(), "postalCodeExtension", "us.zip4", "must be 4 digits");
    }
  }
}
