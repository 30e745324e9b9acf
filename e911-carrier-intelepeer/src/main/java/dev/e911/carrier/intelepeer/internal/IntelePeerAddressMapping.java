package dev.e911.carrier.intelepeer.internal;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.phone.Elin;
import dev.e911.api.spi.Binding;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one mapping table between e911's {@link DispatchableAddress} / {@link Binding} and IntelePeer's
 * E911 fields ({@code address1}, {@code address2}, {@code city}, {@code state}, {@code zip},
 * {@code numbers[{countryCode, number}]}, {@code locationName}, the {@code dynamic911*} fields), and
 * back. Street pieces become USPS upper-case abbreviations; in-building detail becomes
 * {@code BLDG b FL f STE u RM r SEAT s LOC}; only US and Canadian addresses and NANP numbers are
 * accepted. Anything that does not fit is refused with an {@link InvalidValueException} naming the
 * field and rule: nothing is ever truncated or dropped silently. The field limits are NOT published
 * by IntelePeer ({@link #LIMITS}); they are the common PSAP/ALI display limits and must be confirmed.
 */
public final class IntelePeerAddressMapping {

  /**
   * Longest value sent per IntelePeer field. UNVERIFIED: IntelePeer publishes no limits; 60 is the
   * usual PSAP display width for address lines, 32 the ALI community and customer-name width.
   */
  public static final Map<String, Integer> LIMITS = Map.of(
      "address1", 60, "address2", 60, "city", 32, "locationName", 60, "dynamic911CallerName", 32);

  /** Canadian province and territory codes (Canada Post). Canadian support at IntelePeer is UNVERIFIED. */
  static final Set<String> CA_PROVINCES =
      Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT");

  private static final Pattern CA_POSTAL = Pattern.compile("([A-Z][0-9][A-Z]) ?([0-9][A-Z][0-9])");
  private static final Pattern US_ZIP = Pattern.compile("[0-9]{5}");
  private static final Pattern HOUSE_TOKEN = Pattern.compile("((?:[A-Z0-9]*[A-Z])?)([0-9]{1,10})([A-Z]{0,2})");

  /** USPS Publication 28 street suffixes (appendix C1), full name to standard abbreviation, the common ones. */
  static final Map<String, String> STREET_SUFFIXES = Map.ofEntries(
      Map.entry("ALLEY", "ALY"), Map.entry("AVENUE", "AVE"), Map.entry("AV", "AVE"), Map.entry("BOULEVARD", "BLVD"),
      Map.entry("BYPASS", "BYP"), Map.entry("CAUSEWAY", "CSWY"), Map.entry("CENTER", "CTR"), Map.entry("CIRCLE", "CIR"),
      Map.entry("COURT", "CT"), Map.entry("COVE", "CV"), Map.entry("CREEK", "CRK"), Map.entry("CRESCENT", "CRES"),
      Map.entry("CROSSING", "XING"), Map.entry("DRIVE", "DR"), Map.entry("EXPRESSWAY", "EXPY"),
      Map.entry("EXTENSION", "EXT"), Map.entry("FREEWAY", "FWY"), Map.entry("GARDENS", "GDNS"),
      Map.entry("GROVE", "GRV"), Map.entry("HEIGHTS", "HTS"), Map.entry("HIGHWAY", "HWY"), Map.entry("HOLLOW", "HOLW"),
      Map.entry("JUNCTION", "JCT"), Map.entry("LANE", "LN"), Map.entry("MEADOWS", "MDWS"), Map.entry("MOTORWAY", "MTWY"),
      Map.entry("PARKWAY", "PKWY"), Map.entry("PLACE", "PL"), Map.entry("PLAZA", "PLZ"), Map.entry("POINT", "PT"),
      Map.entry("RIDGE", "RDG"), Map.entry("ROAD", "RD"), Map.entry("ROUTE", "RTE"), Map.entry("SQUARE", "SQ"),
      Map.entry("STREET", "ST"), Map.entry("TERRACE", "TER"), Map.entry("TRAIL", "TRL"), Map.entry("TURNPIKE", "TPKE"),
      Map.entry("VIEW", "VW"), Map.entry("VILLAGE", "VLG"), Map.entry("VISTA", "VIS"));

  /** The abbreviations themselves (and suffixes whose standard form is the word), for the reverse parse. */
  private static final Set<String> SUFFIX_ABBREVIATIONS;

  static {
    java.util.HashSet<String> s = new java.util.HashSet<>(STREET_SUFFIXES.values());
    s.addAll(List.of("WAY", "LOOP", "PIKE", "PATH", "WALK", "ROW", "RUN", "PASS", "MALL", "OVAL"));
    SUFFIX_ABBREVIATIONS = Set.copyOf(s);
  }

  static final Map<String, String> DIRECTIONALS = Map.ofEntries(
      Map.entry("NORTH", "N"), Map.entry("SOUTH", "S"), Map.entry("EAST", "E"), Map.entry("WEST", "W"),
      Map.entry("NORTHEAST", "NE"), Map.entry("NORTHWEST", "NW"), Map.entry("SOUTHEAST", "SE"),
      Map.entry("SOUTHWEST", "SW"), Map.entry("N", "N"), Map.entry("S", "S"), Map.entry("E", "E"), Map.entry("W", "W"),
      Map.entry("NE", "NE"), Map.entry("NW", "NW"), Map.entry("SE", "SE"), Map.entry("SW", "SW"));

  /** USPS secondary unit designators (Publication 28 appendix C2). */
  static final Map<String, String> UNIT_DESIGNATORS = Map.ofEntries(
      Map.entry("APARTMENT", "APT"), Map.entry("APT", "APT"), Map.entry("SUITE", "STE"), Map.entry("STE", "STE"),
      Map.entry("UNIT", "UNIT"), Map.entry("DEPARTMENT", "DEPT"), Map.entry("DEPT", "DEPT"), Map.entry("OFFICE", "OFC"),
      Map.entry("OFC", "OFC"), Map.entry("SPACE", "SPC"), Map.entry("SPC", "SPC"), Map.entry("LOT", "LOT"),
      Map.entry("HANGAR", "HNGR"), Map.entry("PIER", "PIER"), Map.entry("SLIP", "SLIP"), Map.entry("STOP", "STOP"),
      Map.entry("TRAILER", "TRLR"), Map.entry("#", "#"));

  private static final String DEFAULT_UNIT_DESIGNATOR = "UNIT";

  private IntelePeerAddressMapping() {}

  /**
   * The IntelePeer record for one binding: a number binding's DID/ELIN, or a dynamic endpoint whose
   * endpoint id is itself a NANP number (IntelePeer's E911 records are keyed by telephone number).
   *
   * @throws InvalidValueException naming every field that cannot be represented
   */
  public static E911Request toRequest(Binding binding) {
    Violations v = Violations.forType("IntelePeerE911Request");
    WireAddress address = v.nested("address", () -> toWire(binding.address()));
    String locationName = address == null ? "" : locationName(binding.address(), address);
    if (binding instanceof Binding.NumberBinding nb) {
      String number = v.nested("number", () -> number10(nb.number().e164()));
      v.throwIfAny();
      return new E911Request(number, address, locationName, false, "", upper(nb.callerName()));
    }
    Binding.EndpointBinding eb = (Binding.EndpointBinding) binding;
    String number = v.nested("endpointId", () -> number10(eb.endpointId()));
    String callback = v.nested("callbackNumber", () -> number10(eb.callbackNumber().e164()));
    String callerName = upper(eb.callerName());
    v.check(callerName.length() > LIMITS.get("dynamic911CallerName"), "callerName", "intelepeer.length",
        "becomes dynamic911CallerName, whose limit is taken as " + LIMITS.get("dynamic911CallerName")
            + " characters (unverified); it is " + callerName.length());
    v.throwIfAny();
    return new E911Request(number, address, locationName, true, callback, callerName);
  }

  /**
   * The 10-digit national number of a NANP number given in E.164 ({@code +18135550142}) or as 10/11 digits.
   *
   * @throws InvalidValueException when it is not a NANP number
   */
  public static String number10(String number) {
    String digits = number.startsWith("+") ? number.substring(1) : number;
    if (digits.matches("1[2-9][0-9]{2}[2-9][0-9]{6}")) {
      return digits.substring(1);
    }
    if (!number.startsWith("+") && digits.matches("[2-9][0-9]{2}[2-9][0-9]{6}")) {
      return digits;
    }
    throw new InvalidValueException("IntelePeerNumber", List.of(new dev.e911.api.validation.Violation("",
        "intelepeer.nanp", "IntelePeer E911 takes only NANP numbers (+1 and 10 digits)")));
  }

  /**
   * The address in IntelePeer's fields.
   *
   * @throws InvalidValueException naming every element that cannot be represented
   */
  public static WireAddress toWire(DispatchableAddress a) {
    Violations v = Violations.forType("IntelePeerAddress");
    String country = a.country();
    boolean canada = "CA".equals(country);
    if (!"US".equals(country) && !canada) {
      v.add("country", "intelepeer.country", "IntelePeer E911 serves only US and Canadian addresses");
      v.throwIfAny();
    }
    v.check(a.houseNumber().isEmpty(), "houseNumber", "intelepeer.required",
        "is required: address1 starts with the house number");
    v.check(a.streetName().isEmpty(), "streetName", "intelepeer.required", "is required for address1");
    v.check(a.city().isEmpty(), "city", "intelepeer.required", "is required");
    String state = a.state().map(IntelePeerAddressMapping::upper).orElse("");
    if (state.isEmpty()) {
      v.add("state", "intelepeer.required", "is required");
    } else if (canada && !CA_PROVINCES.contains(state)) {
      v.add("state", "intelepeer.province", "must be a Canadian province or territory code such as ON");
    }
    String zip = "";
    String pc = a.postalCode().map(IntelePeerAddressMapping::upper).orElse("");
    if (pc.isEmpty()) {
      v.add("postalCode", "intelepeer.required", "is required");
    } else if (canada) {
      Matcher m = CA_POSTAL.matcher(pc);
      if (m.matches()) {
        zip = m.group(1) + " " + m.group(2);
      } else {
        v.add("postalCode", "intelepeer.postal-code", "must be a Canadian postal code such as K1A 0B1");
      }
    } else if (US_ZIP.matcher(pc).matches()) {
      zip = pc;
    } else {
      v.add("postalCode", "intelepeer.zip", "must be a 5-digit ZIP");
    }
    v.throwIfAny();
    String address1 = address1(a);
    String address2 = address2(a);
    String city = upper(a.city().orElseThrow());
    checkLength(v, "address1", address1, "house number and street");
    checkLength(v, "address2", address2, "building, floor, unit, room, seat and additionalLocation");
    checkLength(v, "city", city, "city");
    v.throwIfAny();
    return new WireAddress(address1, address2, city, state, zip);
  }

  private static void checkLength(Violations v, String field, String value, String from) {
    int limit = LIMITS.get(field);
    v.check(value.length() > limit, field, "intelepeer.length", "would be " + value.length() + " characters (from the "
        + from + "); IntelePeer's limit is taken as " + limit + " (unverified): shorten it, nothing is truncated");
  }

  /** {@code {HNP}{HNO}{HNS} {PRM} {PRD} {STP} {RD} {STS} {POD} {POM}}, upper case, USPS abbreviations. */
  static String address1(DispatchableAddress a) {
    StringBuilder number = new StringBuilder();
    get(a, CivicElement.HNP).ifPresent(number::append);
    get(a, CivicElement.HNO).ifPresent(number::append);
    get(a, CivicElement.HNS).ifPresent(s -> {
      // "101 1/2" keeps its space; "2210A" is written together, as USPS does
      if (s.contains("/") || Character.isDigit(s.charAt(0))) {
        number.append(' ');
      }
      number.append(s);
    });
    List<String> parts = new ArrayList<>();
    parts.add(number.toString());
    get(a, CivicElement.PRM).ifPresent(parts::add);
    get(a, CivicElement.PRD).map(IntelePeerAddressMapping::directional).ifPresent(parts::add);
    get(a, CivicElement.STP).ifPresent(parts::add);
    get(a, CivicElement.RD).ifPresent(parts::add);
    get(a, CivicElement.STS).map(s -> s.replace(".", "")).map(s -> STREET_SUFFIXES.getOrDefault(s, s)).ifPresent(parts::add);
    get(a, CivicElement.POD).map(IntelePeerAddressMapping::directional).ifPresent(parts::add);
    get(a, CivicElement.POM).ifPresent(parts::add);
    return String.join(" ", parts.stream().filter(p -> !p.isEmpty()).toList());
  }

  /** {@code BLDG {b} FL {f} {unit designator} {u} RM {r} SEAT {s} {LOC}}, upper case. */
  static String address2(DispatchableAddress a) {
    List<String> parts = new ArrayList<>();
    get(a, CivicElement.BLD).map(b -> "BLDG " + stripLabel(b, "BUILDING", "BLDG")).ifPresent(parts::add);
    get(a, CivicElement.FLR).map(f -> "FL " + stripLabel(f, "FLOOR", "FL")).ifPresent(parts::add);
    get(a, CivicElement.UNIT).map(IntelePeerAddressMapping::unit).ifPresent(parts::add);
    get(a, CivicElement.ROOM).map(r -> "RM " + stripLabel(r, "ROOM", "RM")).ifPresent(parts::add);
    get(a, CivicElement.SEAT).map(s -> "SEAT " + stripLabel(s, "SEAT")).ifPresent(parts::add);
    get(a, CivicElement.LOC).ifPresent(parts::add);
    return String.join(" ", parts);
  }

  /** The location name: the address's name ({@code NAM}) if it has one, else address1 and address2 when they fit. */
  static String locationName(DispatchableAddress a, WireAddress w) {
    int limit = LIMITS.get("locationName");
    Optional<String> name = get(a, CivicElement.NAM);
    if (name.isPresent() && name.get().length() <= limit) {
      return name.get();
    }
    String both = w.address2().isEmpty() ? w.address1() : w.address1() + " " + w.address2();
    return both.length() <= limit ? both : w.address1();
  }

  private static String unit(String u) {
    String[] tokens = u.split(" ", 2);
    String designator = UNIT_DESIGNATORS.get(tokens[0].replace(".", ""));
    if (designator != null && tokens.length == 2) {
      return designator + " " + tokens[1];
    }
    if (u.startsWith("#")) {
      return "# " + u.substring(1).strip();
    }
    return DEFAULT_UNIT_DESIGNATOR + " " + u;
  }

  private static String stripLabel(String value, String... labels) {
    for (String label : labels) {
      if (value.startsWith(label + " ") && value.length() > label.length() + 1) {
        return value.substring(label.length() + 1);
      }
    }
    return value;
  }

  private static String directional(String d) {
    String plain = d.replace(".", "");
    return DIRECTIONALS.getOrDefault(plain, plain);
  }

  private static Optional<String> get(DispatchableAddress a, CivicElement e) {
    return a.get(e).map(IntelePeerAddressMapping::upper);
  }

  static String upper(String s) {
    return s.strip().toUpperCase(Locale.ROOT);
  }

  /**
   * Reads an address IntelePeer reports back (ASSUMED contract) into e911's model, in the carrier's
   * standardised spelling: the leading token gives prefix, number and suffix; directionals and a USPS
   * suffix at the ends of the street are recognised; {@code address2} labels are split back into
   * building, floor, unit, room and seat. The result is not marked validated.
   *
   * @throws InvalidValueException when the text cannot be an address
   */
  public static DispatchableAddress fromWire(WireAddress w) {
    String state = upper(w.state());
    DispatchableAddress.Builder b = DispatchableAddress.builder(CA_PROVINCES.contains(state) ? "CA" : "US")
        .state(state).city(upper(w.city())).postalCode(upper(w.zip()));
    List<String> tokens = new ArrayList<>(List.of(upper(w.address1()).split(" +")));
    if (!tokens.isEmpty()) {
      Matcher m = HOUSE_TOKEN.matcher(tokens.get(0));
      if (m.matches()) {
        tokens.remove(0);
        b.set(CivicElement.HNP, m.group(1)).houseNumber(m.group(2)).houseNumberSuffix(m.group(3));
        if (!tokens.isEmpty() && tokens.get(0).matches("[0-9]+/[0-9]+")) {
          b.houseNumberSuffix(tokens.remove(0));
        }
      }
    }
    if (tokens.size() > 1 && DIRECTIONALS.containsKey(tokens.get(0))) {
      b.preDirectional(DIRECTIONALS.get(tokens.remove(0)));
    }
    if (tokens.size() > 1 && DIRECTIONALS.containsKey(tokens.get(tokens.size() - 1))) {
      b.postDirectional(DIRECTIONALS.get(tokens.remove(tokens.size() - 1)));
    }
    if (tokens.size() > 1 && SUFFIX_ABBREVIATIONS.contains(tokens.get(tokens.size() - 1))) {
      b.streetSuffix(tokens.remove(tokens.size() - 1));
    }
    b.streetName(String.join(" ", tokens));
    readAddress2(upper(w.address2()), b);
    return b.build();
  }

  private static void readAddress2(String address2, DispatchableAddress.Builder b) {
    if (address2.isEmpty()) {
      return;
    }
    List<String> free = new ArrayList<>();
    CivicElement current = null;
    String designator = "";
    StringBuilder value = new StringBuilder();
    for (String token : address2.split(" +")) {
      CivicElement next = switch (token) {
        case "BLDG" -> CivicElement.BLD;
        case "FL" -> CivicElement.FLR;
        case "RM" -> CivicElement.ROOM;
        case "SEAT" -> CivicElement.SEAT;
        default -> UNIT_DESIGNATORS.containsValue(token) ? CivicElement.UNIT : null;
      };
      if (next != null && (current == null || value.length() > 0)) {
        flush(b, current, designator, value, free);
        current = next;
        designator = next == CivicElement.UNIT ? token : "";
        value.setLength(0);
      } else if (current == null) {
        free.add(token);
      } else {
        value.append(value.length() == 0 ? "" : " ").append(token);
      }
    }
    flush(b, current, designator, value, free);
    if (!free.isEmpty()) {
      b.additionalLocation(String.join(" ", free));
    }
  }

  private static void flush(DispatchableAddress.Builder b, CivicElement element, String designator, StringBuilder value,
      List<String> free) {
    if (element == null) {
      return;
    }
    if (value.length() == 0) {
      free.add(designator.isEmpty() ? element.xmlName() : designator);
      return;
    }
    b.set(element, element == CivicElement.UNIT ? designator + " " + value : value.toString());
  }
}
