package dev.e911.carrier.bandwidth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.address.GeoPoint;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import dev.e911.api.validation.Violations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place where e911's {@link DispatchableAddress} meets Bandwidth's address fields, both ways:
 * the Dashboard XML {@code Address}/{@code RequestAddress} elements and the ES JSON address fields.
 *
 * <table>
 * <caption>DispatchableAddress → Bandwidth</caption>
 * <tr><th>e911 (RFC 5139)</th><th>Dashboard XML</th><th>ES JSON</th><th>rule</th></tr>
 * <tr><td>houseNumberPrefix (HNP)</td><td>HousePrefix</td><td>addressLine1</td><td>upper-cased</td></tr>
 * <tr><td>houseNumber (HNO)</td><td>HouseNumber</td><td>addressLine1</td><td>required</td></tr>
 * <tr><td>houseNumberSuffix (HNS)</td><td>HouseSuffix</td><td>addressLine1</td><td></td></tr>
 * <tr><td>preDirectional (PRD)</td><td>PreDirectional</td><td>addressLine1</td><td>{@link #directional} table, ≤2</td></tr>
 * <tr><td>streetPreModifier (PRM), streetPreType (STP), streetName (RD)</td><td>StreetName</td><td>addressLine1</td>
 *     <td>"PRM STP RD"; Bandwidth has no pre-modifier or pre-type field</td></tr>
 * <tr><td>streetSuffix (STS)</td><td>StreetSuffix</td><td>addressLine1</td><td>{@link #streetSuffix} USPS table; unknown suffixes pass upper-cased</td></tr>
 * <tr><td>postDirectional (POD)</td><td>PostDirectional</td><td>addressLine1</td><td>{@link #directional} table, ≤2</td></tr>
 * <tr><td>streetPostModifier (POM)</td><td>—</td><td>—</td><td>refused: no field, and folding it would reorder the street name</td></tr>
 * <tr><td>building, floor, unit, room, seat, additionalLocation</td><td>AddressLine2</td><td>addressLine2</td>
 *     <td>{@link #addressLine2}: {@code <LOC> BLDG 2 FL 3 STE 310 RM 12 SEAT 4}, ≤60, never truncated</td></tr>
 * <tr><td>city (A3)</td><td>City</td><td>city</td><td>required</td></tr>
 * <tr><td>state (A1)</td><td>StateCode</td><td>state</td><td>2-letter USPS / Canada Post code</td></tr>
 * <tr><td>postalCode (PC) + postalCodeExtension (PCE)</td><td>Zip + PlusFour</td><td>postalCode (ZIP only)</td><td></td></tr>
 * <tr><td>county (A2)</td><td>County</td><td>—</td><td></td></tr>
 * <tr><td>country</td><td>Country</td><td>country</td><td>US or CA (ES region ROW: any)</td></tr>
 * <tr><td>name, landmark, placeType, postalCommunity, A4-A6, poBox</td><td>—</td><td>—</td>
 *     <td>not sent (no Bandwidth field, not part of the dispatchable street address); kept on the way back</td></tr>
 * <tr><td>point</td><td>(Latitude/Longitude read only)</td><td>(latitude/longitude read only)</td><td>never sent</td></tr>
 * </table>
 *
 * <p>On the way back the carrier's fields win (upper-cased, USPS-abbreviated, PlusFour filled), and the
 * in-building elements are read from the carrier's {@code AddressLine2} by designator ({@code BLDG},
 * {@code FL}, {@code STE}/{@code APT}/..., {@code RM}, {@code SEAT}; leading free text = additional
 * location), so a standardised address is exactly what a later read-back returns. Elements Bandwidth
 * does not model are carried over from the address that was sent.
 * Whatever does not fit is an {@link InvalidValueException} of type {@code BandwidthAddress} whose
 * violation paths are Bandwidth's field names; nothing is ever truncated silently.
 *
 * <p><b>Unverified</b> (reference "Unverified" list; confirm with Bandwidth): the Canadian {@code Zip}
 * format (sent as Canada Post {@code A1A 1A1}; DASH wants spaces stripped); whether Bandwidth parses
 * {@code HousePrefix} the way CLDXF means it; the full {@code ValidationStatus} value set (only
 * {@code VALID} seen); the ES field limits (line 2 assumed 60 like the Dashboard) and ROW field set
 * (only the common fields are sent); ES {@code postalCode} with ZIP+4 (only the ZIP is sent);
 * {@code LocationId} length (32 used, 50 in one guide); the {@code AddressType} element (not sent).
 */
public final class BandwidthAddressMapping {

  /** Dashboard {@code Address} element names in Bandwidth's order. */
  public static final List<String> DASHBOARD_FIELDS = List.of("HousePrefix", "HouseNumber", "HouseSuffix",
      "PreDirectional", "StreetName", "StreetSuffix", "PostDirectional", "AddressLine2", "City", "StateCode", "Zip",
      "PlusFour", "County", "Country");

  /** Longest {@code AddressLine2} Bandwidth stores ("loc cannot exceed 60 characters"). */
  public static final int MAX_LINE2 = 60;

  private static final Map<String, String> DIRECTIONALS = table(
      "NORTH N", "SOUTH S", "EAST E", "WEST W", "NORTHEAST NE", "NORTHWEST NW", "SOUTHEAST SE", "SOUTHWEST SW",
      "NORTH EAST NE", "NORTH WEST NW", "SOUTH EAST SE", "SOUTH WEST SW", "N N", "S S", "E E", "W W",
      "NE NE", "NW NW", "SE SE", "SW SW");

  /** USPS Publication 28, Appendix C1 (primary names and the common abbreviations/variants). */
  private static final Map<String, String> SUFFIXES = table(
      "ALLEY ALY", "ALLY ALY", "ALY ALY", "ANNEX ANX", "ANX ANX", "ARCADE ARC", "ARC ARC", "AVENUE AVE", "AV AVE",
      "AVEN AVE", "AVE AVE", "BAYOU BYU", "BEACH BCH", "BEND BND", "BLUFF BLF", "BOTTOM BTM", "BOULEVARD BLVD",
      "BOUL BLVD", "BLVD BLVD", "BRANCH BR", "BRIDGE BRG", "BROOK BRK", "BURG BG", "BYPASS BYP", "CAMP CP",
      "CANYON CYN", "CAPE CPE", "CAUSEWAY CSWY", "CENTER CTR", "CENTRE CTR", "CTR CTR", "CIRCLE CIR", "CIR CIR",
      "CLIFF CLF", "CLUB CLB", "COMMON CMN", "CORNER COR", "COURSE CRSE", "COURT CT", "CRT CT", "CT CT",
      "COVE CV", "CREEK CRK", "CRESCENT CRES", "CREST CRST", "CROSSING XING", "CURVE CURV", "DALE DL", "DAM DM",
      "DIVIDE DV", "DRIVE DR", "DRV DR", "DR DR", "ESTATE EST", "ESTATES ESTS", "EXPRESSWAY EXPY", "EXTENSION EXT",
      "FALLS FLS", "FERRY FRY", "FIELD FLD", "FIELDS FLDS", "FLAT FLT", "FORD FRD", "FOREST FRST", "FORGE FRG",
      "FORK FRK", "FORT FT", "FREEWAY FWY", "GARDEN GDN", "GARDENS GDNS", "GATEWAY GTWY", "GLEN GLN", "GREEN GRN",
      "GROVE GRV", "HARBOR HBR", "HARBOUR HBR", "HAVEN HVN", "HEIGHTS HTS", "HIGHWAY HWY", "HIWAY HWY", "HWY HWY",
      "HILL HL", "HILLS HLS", "HOLLOW HOLW", "INLET INLT", "ISLAND IS", "ISLE ISLE", "JUNCTION JCT", "KEY KY",
      "KNOLL KNL", "LAKE LK", "LAKES LKS", "LANDING LNDG", "LANE LN", "LN LN", "LIGHT LGT", "LOOP LOOP", "MALL MALL",
      "MANOR MNR", "MEADOW MDW", "MEADOWS MDWS", "MILL ML", "MISSION MSN", "MOTORWAY MTWY", "MOUNT MT",
      "MOUNTAIN MTN", "OVERPASS OPAS", "PARK PARK", "PARKWAY PKWY", "PKWY PKWY", "PASS PASS", "PATH PATH",
      "PIKE PIKE", "PINE PNE", "PINES PNES", "PLACE PL", "PL PL", "PLAIN PLN", "PLAINS PLNS", "PLAZA PLZ",
      "POINT PT", "POINTS PTS", "PORT PRT", "PRAIRIE PR", "RADIAL RADL", "RANCH RNCH", "RAPIDS RPDS", "REST RST",
      "RIDGE RDG", "RIVER RIV", "ROAD RD", "RD RD", "ROUTE RTE", "ROW ROW", "RUN RUN", "SHOAL SHL", "SHORE SHR",
      "SKYWAY SKWY", "SPRING SPG", "SPRINGS SPGS", "SQUARE SQ", "SQ SQ", "STATION STA", "STREAM STRM",
      "STREET ST", "STR ST", "ST ST", "SUMMIT SMT", "TERRACE TER", "TER TER", "TRACE TRCE", "TRACK TRAK",
      "TRAIL TRL", "TRL TRL", "TUNNEL TUNL", "TURNPIKE TPKE", "UNION UN", "VALLEY VLY", "VIADUCT VIA", "VIEW VW",
      "VILLAGE VLG", "VISTA VIS", "WALK WALK", "WAY WAY", "WELLS WLS");

  /** Secondary-unit designators (USPS Appendix C2) as they open a unit value. */
  private static final Map<String, String> UNIT_DESIGNATORS = table(
      "SUITE STE", "STE STE", "APARTMENT APT", "APT APT", "UNIT UNIT", "DEPARTMENT DEPT", "DEPT DEPT",
      "OFFICE OFC", "OFC OFC", "SPACE SPC", "SPC SPC", "LOT LOT", "TRAILER TRLR", "HANGAR HNGR", "PIER PIER",
      "SLIP SLIP", "STOP STOP", "LOBBY LBBY", "PENTHOUSE PH", "PH PH", "BASEMENT BSMT", "REAR REAR", "FRONT FRNT",
      "SIDE SIDE", "LOWER LOWR", "UPPER UPPR", "# #");

  /** Elements Bandwidth has no field for and which are not part of the street address: kept, not sent. */
  private static final Set<CivicElement> NOT_SENT = Collections.unmodifiableSet(EnumSet.of(CivicElement.A4,
      CivicElement.A5, CivicElement.A6, CivicElement.LMK, CivicElement.NAM, CivicElement.PLC, CivicElement.PCN,
      CivicElement.POBOX));

  /** Unit designators that take a value, as recognised when reading a line 2 back. */
  private static final Set<String> VALUED_UNIT_DESIGNATORS = Set.of("STE", "SUITE", "APT", "APARTMENT", "UNIT", "DEPT",
      "DEPARTMENT", "OFC", "OFFICE", "SPC", "SPACE", "TRLR", "TRAILER", "HNGR", "HANGAR", "#");

  private static final Pattern BLD = Pattern.compile("(?:BUILDING|BLDG|BLD)\\.?\\s+(.+)");
  private static final Pattern FLOOR = Pattern.compile("(?:FLOOR|FLR|FL)\\.?\\s+(.+)");
  private static final Pattern NTH_FLOOR = Pattern.compile("([0-9]+)(?:ST|ND|RD|TH)?\\s+(?:FLOOR|FLR|FL)");
  private static final Pattern ROOM = Pattern.compile("(?:ROOM|RM)\\.?\\s+(.+)");
  private static final Pattern SEAT = Pattern.compile("(?:SEAT|DESK|CUBICLE|CUBE)\\.?\\s+(.+)");
  private static final Pattern CA_POSTAL = Pattern.compile("([A-Z][0-9][A-Z])\\s*-?\\s*([0-9][A-Z][0-9])");
  private static final Pattern STATE_CODE = Pattern.compile("[A-Z]{2}");

  private BandwidthAddressMapping() {}

  private static Map<String, String> table(String... pairs) {
    Map<String, String> m = new HashMap<>();
    for (String p : pairs) {
      int sp = p.lastIndexOf(' ');
      m.put(p.substring(0, sp), p.substring(sp + 1));
    }
    return Collections.unmodifiableMap(m);
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
  }

  /** The 1-2 letter USPS directional for {@code value} ({@code North} → {@code N}, {@code south-west} → {@code SW}). */
  public static Optional<String> directional(String value) {
    String key = upper(value.replace('.', ' ').replace('-', ' '));
    return Optional.ofNullable(DIRECTIONALS.get(key));
  }

  /** The USPS street suffix abbreviation for {@code value} ({@code Street} → {@code ST}), or the value upper-cased if not in the table. */
  public static String streetSuffix(String value) {
    String key = upper(value.replace(".", ""));
    return SUFFIXES.getOrDefault(key, key);
  }

  /** Whether {@code value} is in the USPS suffix table. */
  public static boolean isKnownSuffix(String value) {
    return SUFFIXES.containsKey(upper(value.replace(".", "")));
  }

  /**
   * The Dashboard {@code Address} fields for {@code address}, in Bandwidth's element order, upper-cased.
   *
   * @throws InvalidValueException (type {@code BandwidthAddress}) naming every Bandwidth field that cannot hold the value
   */
  public static Map<String, String> toDashboard(DispatchableAddress address) {
    Violations v = Violations.forType("BandwidthAddress");
    String country = address.country();
    v.check(!country.equals("US") && !country.equals("CA"), "Country", "bandwidth.country",
        "Bandwidth's 911 database holds US and CA addresses only");
    Map<String, String> out = new LinkedHashMap<>();
    street(address, v, out);
    composeLine2(address, v).ifPresent(l2 -> out.put("AddressLine2", l2));
    Optional<String> city = address.city();
    v.check(city.isEmpty(), "City", "required", "is required");
    city.ifPresent(c -> out.put("City", upper(c)));
    Optional<String> state = address.state().map(BandwidthAddressMapping::upper);
    if (state.isEmpty()) {
      v.add("StateCode", "required", "is required");
    } else if (!STATE_CODE.matcher(state.get()).matches()) {
      v.add("StateCode", "bandwidth.state", "must be a 2-letter USPS or Canada Post code");
    } else {
      out.put("StateCode", state.get());
    }
    address.postalCode().ifPresent(pc -> {
      String zip = upper(pc);
      if (country.equals("CA")) {
        Matcher m = CA_POSTAL.matcher(zip);
        if (m.matches()) {
          zip = m.group(1) + " " + m.group(2);
        } else {
          v.add("Zip", "bandwidth.ca-postal", "must be a Canadian postal code such as K1A 0B1");
        }
      }
      v.check(zip.length() > 10, "Zip", "length", "must be at most 10 characters");
      out.put("Zip", zip);
    });
    address.get(CivicElement.PCE).ifPresent(p -> out.put("PlusFour", p));
    address.get(CivicElement.A2).ifPresent(c -> out.put("County", upper(c)));
    out.put("Country", country);
    v.throwIfAny();
    return reorder(out);
  }

  private static void street(DispatchableAddress a, Violations v, Map<String, String> out) {
    a.get(CivicElement.HNP).ifPresent(x -> out.put("HousePrefix", upper(x)));
    Optional<String> hno = a.houseNumber();
    v.check(hno.isEmpty(), "HouseNumber", "required", "is required (Bandwidth locates 911 calls by street address)");
    hno.ifPresent(x -> out.put("HouseNumber", upper(x)));
    a.get(CivicElement.HNS).ifPresent(x -> out.put("HouseSuffix", upper(x)));
    a.get(CivicElement.PRD).ifPresent(x -> directional(x).ifPresentOrElse(d -> out.put("PreDirectional", d),
        () -> v.add("PreDirectional", "bandwidth.directional",
            "must be a direction Bandwidth can abbreviate to N, S, E, W, NE, NW, SE or SW")));
    List<String> name = new ArrayList<>();
    a.get(CivicElement.PRM).ifPresent(name::add);
    a.get(CivicElement.STP).ifPresent(name::add);
    a.streetName().ifPresent(name::add);
    v.check(a.streetName().isEmpty(), "StreetName", "required", "is required (Bandwidth locates 911 calls by street address)");
    if (!name.isEmpty()) {
      String street = upper(String.join(" ", name));
      v.check(street.length() > 200, "StreetName", "length", "must be at most 200 characters");
      out.put("StreetName", street);
    }
    a.get(CivicElement.STS).ifPresent(x -> {
      String sfx = streetSuffix(x);
      v.check(sfx.length() > 45, "StreetSuffix", "length", "must be at most 45 characters");
      out.put("StreetSuffix", sfx);
    });
    a.get(CivicElement.POD).ifPresent(x -> directional(x).ifPresentOrElse(d -> out.put("PostDirectional", d),
        () -> v.add("PostDirectional", "bandwidth.directional",
            "must be a direction Bandwidth can abbreviate to N, S, E, W, NE, NW, SE or SW")));
    v.check(a.get(CivicElement.POM).isPresent(), "StreetName", "bandwidth.post-modifier",
        "a street post-modifier (streetPostModifier) has no Bandwidth field; write the street as the carrier spells it");
  }

  private static Map<String, String> reorder(Map<String, String> fields) {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String f : DASHBOARD_FIELDS) {
      if (fields.containsKey(f)) {
        ordered.put(f, fields.get(f));
      }
    }
    return Collections.unmodifiableMap(ordered);
  }

  /**
   * The {@code AddressLine2} Bandwidth gets: building, floor, unit, room, seat and additional location
   * with USPS designators ({@code BLDG 2 FL 3 STE 310}), or empty when there is no in-building detail.
   *
   * @throws InvalidValueException naming {@code AddressLine2} when the result is longer than 60 characters
   */
  public static Optional<String> addressLine2(DispatchableAddress address) {
    Violations v = Violations.forType("BandwidthAddress");
    Optional<String> line = composeLine2(address, v);
    v.throwIfAny();
    return line;
  }

  private static Optional<String> composeLine2(DispatchableAddress a, Violations v) {
    List<String> parts = new ArrayList<>();
    a.get(CivicElement.LOC).map(BandwidthAddressMapping::upper).ifPresent(parts::add);
    a.get(CivicElement.BLD).map(BandwidthAddressMapping::upper).ifPresent(b -> {
      Matcher m = BLD.matcher(b);
      parts.add("BLDG " + (m.matches() ? m.group(1) : b));
    });
    a.get(CivicElement.FLR).map(BandwidthAddressMapping::upper).ifPresent(f -> {
      Matcher m = FLOOR.matcher(f);
      Matcher n = NTH_FLOOR.matcher(f);
      parts.add(m.matches() ? "FL " + m.group(1) : n.matches() ? "FL " + n.group(1) : "FL " + f);
    });
    a.get(CivicElement.UNIT).map(BandwidthAddressMapping::upper).ifPresent(u -> parts.add(unit(u)));
    a.get(CivicElement.ROOM).map(BandwidthAddressMapping::upper).ifPresent(r -> {
      Matcher m = ROOM.matcher(r);
      parts.add("RM " + (m.matches() ? m.group(1) : r));
    });
    a.get(CivicElement.SEAT).map(BandwidthAddressMapping::upper).ifPresent(s -> {
      Matcher m = SEAT.matcher(s);
      parts.add("SEAT " + (m.matches() ? m.group(1) : s));
    });
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    String line = String.join(" ", parts);
    v.check(line.length() > MAX_LINE2, "AddressLine2", "bandwidth.line2-length",
        "composed from building, floor, unit, room, seat and additionalLocation it is " + line.length()
            + " characters; Bandwidth stores at most " + MAX_LINE2 + ": shorten those fields");
    return Optional.of(line);
  }

  private static String unit(String u) {
    if (u.startsWith("#")) {
      return "# " + u.substring(1).strip();
    }
    int sp = u.indexOf(' ');
    if (sp > 0) {
      String first = u.substring(0, sp).replace(".", "");
      String abbr = UNIT_DESIGNATORS.get(first);
      if (abbr != null) {
        return abbr + " " + u.substring(sp + 1).strip();
      }
    }
    String whole = UNIT_DESIGNATORS.get(u.replace(".", ""));
    return whole != null ? whole : "UNIT " + u;
  }

  /**
   * Parses an {@code AddressLine2} into in-building elements: text before the first designator is the
   * additional location (LOC); each designator ({@code BLDG}, {@code FL}, a unit designator such as
   * {@code STE}, {@code RM}, {@code SEAT}) takes the words up to the next one. It inverts
   * {@link #addressLine2} on its own output, so the carrier's line 2 and ours read back alike.
   */
  public static Map<CivicElement, String> parseLine2(String line2) {
    String[] tokens = upper(line2).split(" ");
    Map<CivicElement, List<String>> words = new LinkedHashMap<>();
    CivicElement current = CivicElement.LOC;
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      CivicElement next = i + 1 < tokens.length ? designator(t) : null;
      if (next != null && !words.containsKey(next)) {
        current = next;
        List<String> w = new ArrayList<>();
        if (next == CivicElement.UNIT) {
          w.add(UNIT_DESIGNATORS.getOrDefault(t, t));
        }
        words.put(next, w);
        continue;
      }
      words.computeIfAbsent(current, k -> new ArrayList<>()).add(t);
    }
    Map<CivicElement, String> out = new LinkedHashMap<>();
    words.forEach((e, w) -> {
      if (!w.isEmpty() && !(e == CivicElement.UNIT && w.size() == 1)) {
        out.put(e, String.join(" ", w));
      }
    });
    return out;
  }

  private static CivicElement designator(String token) {
    return switch (token) {
      case "BLDG", "BLD", "BUILDING" -> CivicElement.BLD;
      case "FL", "FLR", "FLOOR" -> CivicElement.FLR;
      case "RM", "ROOM" -> CivicElement.ROOM;
      case "SEAT" -> CivicElement.SEAT;
      default -> VALUED_UNIT_DESIGNATORS.contains(token) ? CivicElement.UNIT : null;
    };
  }

  /**
   * The address a Dashboard {@code Address}/{@code GeocodedAddress} element describes. With the address
   * that was sent, the elements Bandwidth does not model are carried over and the user's in-building
   * elements are kept when the carrier's line 2 says the same.
   *
   * @throws MalformedPayloadException when the carrier's fields do not make a valid address
   */
  public static DispatchableAddress fromDashboard(JsonNode node, Optional<DispatchableAddress> sent) {
    String country = Nodes.text(node, "Country").map(BandwidthAddressMapping::country)
        .orElse(sent.map(DispatchableAddress::country).orElse("US"));
    DispatchableAddress.Builder b = DispatchableAddress.builder(country);
    Nodes.text(node, "HousePrefix").ifPresent(x -> b.set(CivicElement.HNP, x));
    Nodes.text(node, "HouseNumber").ifPresent(b::houseNumber);
    Nodes.text(node, "HouseSuffix").ifPresent(b::houseNumberSuffix);
    Nodes.text(node, "PreDirectional").ifPresent(b::preDirectional);
    Nodes.text(node, "StreetName").ifPresent(b::streetName);
    Nodes.text(node, "StreetSuffix").ifPresent(b::streetSuffix);
    Nodes.text(node, "PostDirectional").ifPresent(b::postDirectional);
    Nodes.text(node, "City").ifPresent(b::city);
    Nodes.text(node, "StateCode", "State").ifPresent(b::state);
    Nodes.text(node, "Zip", "PostalCode").ifPresent(b::postalCode);
    Optional<String> zip = Nodes.text(node, "Zip", "PostalCode");
    Nodes.text(node, "PlusFour").filter(p -> zip.isEmpty() || !zip.get().contains("-")).ifPresent(p -> b.set(CivicElement.PCE, p));
    Nodes.text(node, "County").ifPresent(b::county);
    point(Nodes.text(node, "Latitude"), Nodes.text(node, "Longitude")).ifPresent(b::point);
    inBuilding(b, Nodes.text(node, "AddressLine2"), sent);
    return build(b, sent);
  }

  /** The ES JSON fields for {@code address}: {@code addressLine1}, {@code addressLine2}, {@code city}, {@code state}, {@code postalCode}, {@code country}. */
  public static Map<String, String> toEs(DispatchableAddress address, boolean restOfWorld) {
    Violations v = Violations.forType("BandwidthAddress");
    String country = address.country();
    boolean na = country.equals("US") || country.equals("CA");
    if (restOfWorld) {
      v.check(na, "country", "bandwidth.region", "US and CA addresses belong to region NA");
    } else {
      v.check(!na, "country", "bandwidth.region", "region NA holds US and CA addresses only");
    }
    Map<String, String> street = new LinkedHashMap<>();
    street(address, v, street);
    Optional<String> line2 = composeLine2(address, v);
    Map<String, String> out = new LinkedHashMap<>();
    List<String> line1 = new ArrayList<>();
    for (String f : List.of("HousePrefix", "HouseNumber", "HouseSuffix", "PreDirectional", "StreetName", "StreetSuffix",
        "PostDirectional")) {
      if (street.containsKey(f)) {
        line1.add(street.get(f));
      }
    }
    out.put("addressLine1", String.join(" ", line1));
    line2.ifPresent(l -> out.put("addressLine2", l));
    Optional<String> city = address.city();
    v.check(city.isEmpty(), "city", "required", "is required");
    city.ifPresent(c -> out.put("city", upper(c)));
    Optional<String> state = address.state().map(BandwidthAddressMapping::upper);
    v.check(state.isEmpty() && na, "state", "required", "is required");
    state.ifPresent(s -> out.put("state", s));
    address.postalCode().map(BandwidthAddressMapping::upper).ifPresent(p -> out.put("postalCode", p));
    out.put("country", country);
    v.throwIfAny();
    return Collections.unmodifiableMap(out);
  }

  /** The address an ES address record describes (decomposed response fields; the sent address fills what is missing). */
  public static DispatchableAddress fromEs(JsonNode node, Optional<DispatchableAddress> sent) {
    String country = Nodes.text(node, "country").map(BandwidthAddressMapping::country)
        .orElse(sent.map(DispatchableAddress::country).orElse("US"));
    DispatchableAddress.Builder b = DispatchableAddress.builder(country);
    boolean decomposed = Nodes.text(node, "streetName").isPresent() && Nodes.text(node, "houseNumber").isPresent();
    if (decomposed) {
      Nodes.text(node, "houseNumber").ifPresent(b::houseNumber);
      Nodes.text(node, "houseNumberSuffix", "houseNumberLetter").ifPresent(b::houseNumberSuffix);
      Nodes.text(node, "predirectional", "preDirectional").ifPresent(b::preDirectional);
      Nodes.text(node, "streetName").ifPresent(b::streetName);
      Nodes.text(node, "streetSuffix").ifPresent(b::streetSuffix);
      Nodes.text(node, "postdirectional", "postDirectional").ifPresent(b::postDirectional);
    } else if (sent.isPresent()) {
      for (CivicElement e : List.of(CivicElement.HNP, CivicElement.HNO, CivicElement.HNS, CivicElement.PRD, CivicElement.PRM,
          CivicElement.STP, CivicElement.RD, CivicElement.STS, CivicElement.POD)) {
        sent.get().get(e).ifPresent(x -> b.set(e, x));
      }
    } else {
      throw new MalformedPayloadException("the ES address record has no houseNumber/streetName");
    }
    Nodes.text(node, "city").ifPresent(b::city);
    Nodes.text(node, "state").ifPresent(b::state);
    Nodes.text(node, "postalCode").ifPresent(b::postalCode);
    Nodes.text(node, "county").ifPresent(b::county);
    if (Nodes.text(node, "postalCode").isPresent() && sent.isPresent() && !Nodes.text(node, "postalCode").get().contains("-")) {
      sent.get().get(CivicElement.PCE).ifPresent(p -> b.set(CivicElement.PCE, p));
    }
    point(Nodes.text(node, "latitude"), Nodes.text(node, "longitude")).ifPresent(b::point);
    inBuilding(b, Nodes.text(node, "addressLine2"), sent);
    return build(b, sent);
  }

  /**
   * The in-building elements in the carrier's spelling: its line 2 parsed, or, when it did not return
   * one, the line 2 we sent parsed — so a standardised address reads back exactly as Bandwidth stores it.
   */
  private static void inBuilding(DispatchableAddress.Builder b, Optional<String> carrierLine2, Optional<DispatchableAddress> sent) {
    Optional<String> line = carrierLine2.or(() -> sent.flatMap(s -> {
      try {
        return addressLine2(s);
      } catch (InvalidValueException e) {
        return Optional.empty();
      }
    }));
    line.ifPresent(l -> parseLine2(l).forEach(b::set));
  }

  private static DispatchableAddress build(DispatchableAddress.Builder b, Optional<DispatchableAddress> sent) {
    sent.ifPresent(s -> {
      for (CivicElement e : NOT_SENT) {
        s.get(e).ifPresent(x -> b.set(e, x));
      }
      b.requiresInBuildingDetail(s.requiresInBuildingDetail());
    });
    try {
      return b.build();
    } catch (InvalidValueException e) {
      throw new MalformedPayloadException("the carrier's address cannot be represented: "
          + e.violations().stream().map(Violation::toString).collect(Collectors.joining("; ")));
    }
  }

  private static Optional<GeoPoint> point(Optional<String> lat, Optional<String> lon) {
    if (lat.isEmpty() || lon.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(GeoPoint.of(Double.parseDouble(lat.get()), Double.parseDouble(lon.get())));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String country(String raw) {
    String c = upper(raw);
    return switch (c) {
      case "US", "USA", "UNITED STATES", "UNITED STATES OF AMERICA" -> "US";
      case "CA", "CAN", "CANADA" -> "CA";
      default -> {
        if (c.length() == 2) {
          yield c;
        }
        throw new MalformedPayloadException("the carrier's Country is neither an ISO code nor United States/Canada");
      }
    };
  }

  /** Whether two Dashboard field maps name the same place (ignoring case, PlusFour and County, which the carrier fills in). */
  public static boolean sameDashboardAddress(Map<String, String> a, Map<String, String> b) {
    for (String f : DASHBOARD_FIELDS) {
      if (f.equals("PlusFour") || f.equals("County")) {
        continue;
      }
      String x = a.get(f);
      String y = b.get(f);
      if (x == null ? y != null : y == null || !upper(x).equals(upper(y))) {
        return false;
      }
    }
    return true;
  }

  /** The Dashboard fields of a carrier {@code Address} element (for comparisons), upper-cased. */
  public static Map<String, String> dashboardFields(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String f : DASHBOARD_FIELDS) {
      Nodes.text(node, f).ifPresent(x -> out.put(f, upper(x)));
    }
    Nodes.text(node, "Country").map(BandwidthAddressMapping::country).ifPresent(c -> out.put("Country", c));
    return out;
  }

  /**
   * The DLR {@code LocationId} of an address: {@code E911} and 28 hex digits of the SHA-256 of its
   * normalised Dashboard fields — 32 letters and digits, stable across runs, case and spacing.
   */
  public static String locationId(Map<String, String> dashboardFields) {
    StringBuilder canonical = new StringBuilder();
    for (String f : DASHBOARD_FIELDS) {
      String x = dashboardFields.get(f);
      if (x != null && !f.equals("County")) {
        canonical.append(f).append('=').append(upper(x)).append('\n');
      }
    }
    return "E911" + sha256Hex(canonical.toString()).substring(0, 28).toUpperCase(Locale.ROOT);
  }

  static String sha256Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
