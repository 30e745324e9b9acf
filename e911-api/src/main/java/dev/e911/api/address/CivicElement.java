package dev.e911.api.address;

/**
 * The civic address elements e911 carries, in the order the RFC 5139 schema requires them inside
 * {@code civicAddress}, each with its XML element name, its namespace, the name used in e911's
 * JSON, and the maximum length e911 accepts. Elements from RFC 6848 ({@code cae:}) and NENA CLDXF
 * ({@code cdx2:PCE}, the ZIP+4 add-on) come after the RFC 5139 ones, as extensions must.
 */
public enum CivicElement {
  /** ISO 3166-1 alpha-2 country code. RFC 5139 {@code country}. */
  COUNTRY("country", Namespace.RFC5139, "country", 2),
  /** State, province (US: USPS code). RFC 5139 {@code A1}, CLDXF State. */
  A1("A1", Namespace.RFC5139, "state", 64),
  /** County, parish. RFC 5139 {@code A2}, CLDXF County. */
  A2("A2", Namespace.RFC5139, "county", 64),
  /** City, incorporated municipality. RFC 5139 {@code A3}. */
  A3("A3", Namespace.RFC5139, "city", 64),
  /** City division, unincorporated community. RFC 5139 {@code A4}. */
  A4("A4", Namespace.RFC5139, "cityDivision", 64),
  /** Neighbourhood. RFC 5139 {@code A5}. */
  A5("A5", Namespace.RFC5139, "neighborhood", 64),
  /** Finer area below the neighbourhood (never the street). RFC 5139 {@code A6}. */
  A6("A6", Namespace.RFC5139, "block", 64),
  /** Road pre-modifier ("Old"). RFC 5139 {@code PRM}. */
  PRM("PRM", Namespace.RFC5139, "streetPreModifier", 32),
  /** Leading directional ("North", "N"). RFC 5139 {@code PRD}. */
  PRD("PRD", Namespace.RFC5139, "preDirectional", 16),
  /** Street name proper ("Point"). RFC 5139 {@code RD}. */
  RD("RD", Namespace.RFC5139, "streetName", 64),
  /** Street type after the name ("Street"). RFC 5139 {@code STS}. */
  STS("STS", Namespace.RFC5139, "streetSuffix", 32),
  /** Trailing directional. RFC 5139 {@code POD}. */
  POD("POD", Namespace.RFC5139, "postDirectional", 16),
  /** Road post-modifier ("Extended"). RFC 5139 {@code POM}. */
  POM("POM", Namespace.RFC5139, "streetPostModifier", 32),
  /** House (address) number, numeric part. RFC 5139 {@code HNO}. */
  HNO("HNO", Namespace.RFC5139, "houseNumber", 10),
  /** House number suffix ("A", "1/2"). RFC 5139 {@code HNS}. */
  HNS("HNS", Namespace.RFC5139, "houseNumberSuffix", 8),
  /** Landmark or vanity name. RFC 5139 {@code LMK}. */
  LMK("LMK", Namespace.RFC5139, "landmark", 64),
  /** Additional location detail, free text. RFC 5139 {@code LOC}. */
  LOC("LOC", Namespace.RFC5139, "additionalLocation", 128),
  /** Floor. RFC 5139 {@code FLR}. */
  FLR("FLR", Namespace.RFC5139, "floor", 16),
  /** Occupant or business name. RFC 5139 {@code NAM}. */
  NAM("NAM", Namespace.RFC5139, "name", 64),
  /** Postal code (US: the 5-digit ZIP). RFC 5139 {@code PC}. */
  PC("PC", Namespace.RFC5139, "postalCode", 16),
  /** Building or structure. RFC 5139 {@code BLD}. */
  BLD("BLD", Namespace.RFC5139, "building", 64),
  /** Unit, apartment, suite. RFC 5139 {@code UNIT}. */
  UNIT("UNIT", Namespace.RFC5139, "unit", 32),
  /** Room. RFC 5139 {@code ROOM}. */
  ROOM("ROOM", Namespace.RFC5139, "room", 32),
  /** Seat, desk, cubicle. RFC 5139 {@code SEAT}. */
  SEAT("SEAT", Namespace.RFC5139, "seat", 32),
  /** Place type token from the RFC 4589 registry ("office", "residence"). RFC 5139 {@code PLC}. */
  PLC("PLC", Namespace.RFC5139, "placeType", 32),
  /** Postal community name, when the mailing city differs from A3. RFC 5139 {@code PCN}. */
  PCN("PCN", Namespace.RFC5139, "postalCommunity", 64),
  /** Post office box (never dispatchable on its own). RFC 5139 {@code POBOX}. */
  POBOX("POBOX", Namespace.RFC5139, "poBox", 32),
  /** Street type before the name ("Avenue" in "Avenue C"). RFC 6848 {@code cae:STP}. */
  STP("STP", Namespace.RFC6848, "streetPreType", 32),
  /** Address number prefix ("N12W" in a Wisconsin grid address). RFC 6848 {@code cae:HNP}. */
  HNP("HNP", Namespace.RFC6848, "houseNumberPrefix", 16),
  /** ZIP+4 add-on. NENA CLDXF {@code cdx2:PCE}. */
  PCE("PCE", Namespace.NENA_CLDXF, "postalCodeExtension", 4);

  /** Where an element is defined. */
  public enum Namespace {
    /** {@code urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr} (RFC 5139). */
    RFC5139("urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr"),
    /** {@code urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr:ext} (RFC 6848). */
    RFC6848("urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr:ext"),
    /** NENA CLDXF-US extension namespace {@code urn:nena:xml:ns:pidf:nenaCivicAddr2} (the reference gives it as "nenaCivicAddr2" without the exact spelling being verified against NENA-STA-004). */
    NENA_CLDXF("urn:nena:xml:ns:pidf:nenaCivicAddr2");

    private final String uri;

    Namespace(String uri) {
      this.uri = uri;
    }

    /** The namespace URI. */
    public String uri() {
      return uri;
    }
  }

  private static final CivicElement[] VALUES = values();

  private final String xmlName;
  private final Namespace namespace;
  private final String jsonName;
  private final int maxLength;

  CivicElement(String xmlName, Namespace namespace, String jsonName, int maxLength) {
    this.xmlName = xmlName;
    this.namespace = namespace;
    this.jsonName = jsonName;
    this.maxLength = maxLength;
  }

  /** The XML local name, e.g. {@code A1}. */
  public String xmlName() {
    return xmlName;
  }

  /** The namespace that defines the element. */
  public Namespace namespace() {
    return namespace;
  }

  /** The field name in e911's JSON, e.g. {@code state}. */
  public String jsonName() {
    return jsonName;
  }

  /** The longest value accepted, in characters. */
  public int maxLength() {
    return maxLength;
  }

  /** The element with this JSON name. */
  public static java.util.Optional<CivicElement> fromJsonName(String name) {
    for (CivicElement e : VALUES) {
      if (e.jsonName.equals(name)) {
        return java.util.Optional.of(e);
      }
    }
    return java.util.Optional.empty();
  }

  /** The element with this XML local name in the given namespace URI. */
  public static java.util.Optional<CivicElement> fromXml(String namespaceUri, String localName) {
    for (CivicElement e : VALUES) {
      if (e.xmlName.equals(localName) && e.namespace.uri.equals(namespaceUri)) {
        return java.util.Optional.of(e);
      }
    }
    return java.util.Optional.empty();
  }
}
