package dev.e911.core.pidf.internal;

/** Namespace URIs of the PIDF-LO document family (pidf-lo.md §1), and the CRS/unit URNs of RFC 5491. */
public final class Ns {

    /** RFC 3863 PIDF. */
    public static final String PIDF = "urn:ietf:params:xml:ns:pidf";
    /** RFC 4479 data model ({@code dm:device}, {@code dm:person}). */
    public static final String DM = "urn:ietf:params:xml:ns:pidf:data-model";
    /** RFC 4119 geopriv. */
    public static final String GP = "urn:ietf:params:xml:ns:pidf:geopriv10";
    /** RFC 4119 basic policy (children of {@code usage-rules}). */
    public static final String GBP = "urn:ietf:params:xml:ns:pidf:geopriv10:basicPolicy";
    /** RFC 5139 civic address. */
    public static final String CA = "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr";
    /** RFC 6848 civic address extensions. */
    public static final String CAE = "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr:ext";
    /** GML 3.1.1. */
    public static final String GML = "http://www.opengis.net/gml";
    /** OGC GeoShape profile for PIDF-LO. */
    public static final String GS = "http://www.opengis.net/pidflo/1.0";
    /** RFC 7459 confidence. */
    public static final String CON = "urn:ietf:params:xml:ns:geopriv:conf";
    /** RFC 4119's civic namespace, obsoleted by RFC 5139. */
    public static final String LEGACY_CIVIC = "urn:ietf:params:xml:ns:pidf:geopriv10:civicLoc";
    /** RFC 4119's GML 3.0 feature namespace, obsoleted by RFC 5491 / GML 3.1.1. */
    public static final String LEGACY_GML = "urn:opengis:specification:gml:schema-xsd:feature:v3.0";
    /** The {@code xml:} namespace. */
    public static final String XML = "http://www.w3.org/XML/1998/namespace";

    /** 2-D WGS 84. */
    public static final String CRS_2D = "urn:ogc:def:crs:EPSG::4326";
    /** 3-D WGS 84 (height in metres). */
    public static final String CRS_3D = "urn:ogc:def:crs:EPSG::4979";
    /** Metres. */
    public static final String UOM_METRE = "urn:ogc:def:uom:EPSG::9001";
    /** Degrees. */
    public static final String UOM_DEGREE = "urn:ogc:def:uom:EPSG::9102";
    /** Radians. */
    public static final String UOM_RADIAN = "urn:ogc:def:uom:EPSG::9101";

    private Ns() {
    }
}
