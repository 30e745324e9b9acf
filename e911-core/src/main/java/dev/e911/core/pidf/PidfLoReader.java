package dev.e911.core.pidf;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.core.pidf.UnsupportedPart.Reason;
import dev.e911.core.pidf.internal.Ns;
import dev.e911.core.pidf.internal.XmlTree;
import dev.e911.core.pidf.internal.XmlTree.Element;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads PIDF-LO documents that arrive from the network, through the hardened reader (no DOCTYPE,
 * {@link PidfReadLimits}), into a {@link PidfReadResult}; it never throws for bad input. Names are
 * matched by namespace URI and local name, never by prefix. Every {@code gp:geopriv} inside a
 * {@code tuple} (under {@code status}, or anywhere below it), {@code dm:device} or
 * {@code dm:person} becomes a {@link LocationElement}; precedence between them follows RFC 5491
 * rule 8 (see {@link PidfReadResult.Located#primary()}). Civic values are whitespace-collapsed like
 * {@code xs:token} and mapped onto {@link DispatchableAddress}; all eight RFC 5491 shapes are read
 * (also inside an RFC 4119 {@code gml:location} wrapper). RFC 4119's obsolete {@code civicLoc} and
 * GML 3.0 feature namespaces are not read: they yield {@link UnsupportedPart} with
 * {@link UnsupportedPart.Reason#LEGACY_FORMAT} and, when nothing else is there,
 * {@link PidfReadResult.UnsupportedLegacyFormat}. Immutable and thread-safe.
 */
public final class PidfLoReader {

    private static final PidfLoReader STANDARD = new PidfLoReader(PidfReadLimits.defaults());
    private static final Pattern DOUBLE = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private final PidfReadLimits limits;

    private PidfLoReader(PidfReadLimits limits) {
        this.limits = limits;
    }

    /** A reader with {@link PidfReadLimits#defaults()}. */
    public static PidfLoReader standard() {
        return STANDARD;
    }

    /** A reader with other input limits. */
    public static PidfLoReader withLimits(PidfReadLimits limits) {
        return new PidfLoReader(Objects.requireNonNull(limits, "limits"));
    }

    /** The input limits. */
    public PidfReadLimits limits() {
        return limits;
    }

    /** Reads a UTF-8 PIDF-LO document; never throws for a bad document. */
    public PidfReadResult read(byte[] document) {
        Objects.requireNonNull(document, "document");
        Element root;
        try {
            root = XmlTree.parse(document, limits);
        } catch (PidfReadException e) {
            return new PidfReadResult.Refused(e);
        }
        if (!root.is(Ns.PIDF, "presence")) {
            return new PidfReadResult.NotPidf(root.namespace(), root.localName());
        }
        String entity = root.attribute("", "entity").map(String::strip).orElse("");
        List<LocationElement> found = new ArrayList<>();
        for (Element child : root.children()) {
            LocationElement.Kind kind;
            if (child.is(Ns.PIDF, "tuple")) {
                kind = LocationElement.Kind.TUPLE;
            } else if (child.is(Ns.DM, "device")) {
                kind = LocationElement.Kind.DEVICE;
            } else if (child.is(Ns.DM, "person")) {
                kind = LocationElement.Kind.PERSON;
            } else {
                continue;
            }
            List<Element> geoprivs = new ArrayList<>();
            collectGeoprivs(child, geoprivs);
            for (Element geopriv : geoprivs) {
                found.add(element(kind, child, geopriv, found.size()));
            }
        }
        if (found.stream().anyMatch(LocationElement::hasLocation)) {
            return new PidfReadResult.Located(entity, found);
        }
        Set<String> legacy = new LinkedHashSet<>();
        for (LocationElement e : found) {
            for (LocationPart p : e.parts()) {
                if (p instanceof UnsupportedPart u && u.reason() == Reason.LEGACY_FORMAT) {
                    legacy.add(u.namespace());
                }
            }
        }
        return legacy.isEmpty() ? new PidfReadResult.NoLocation(entity, found)
                : new PidfReadResult.UnsupportedLegacyFormat(entity, List.copyOf(legacy), found);
    }

    private static void collectGeoprivs(Element e, List<Element> out) {
        for (Element c : e.children()) {
            if (c.is(Ns.GP, "geopriv")) {
                out.add(c);
            } else {
                collectGeoprivs(c, out);
            }
        }
    }

    private static LocationElement element(LocationElement.Kind kind, Element holder, Element geopriv, int index) {
        List<LocationPart> parts = new ArrayList<>();
        geopriv.child(Ns.GP, "location-info").ifPresent(info -> {
            for (Element chunk : info.children()) {
                part(chunk, parts);
            }
        });
        boolean retransmission = false;
        OffsetDateTime expiry = null;
        Optional<Element> rules = geopriv.child(Ns.GP, "usage-rules");
        if (rules.isPresent()) {
            retransmission = rules.get().child(Ns.GBP, "retransmission-allowed")
                    .map(r -> XmlTree.collapse(r.text())).map(v -> v.equals("true") || v.equals("1")).orElse(false);
            expiry = rules.get().child(Ns.GBP, "retention-expiry").flatMap(r -> dateTime(r.text())).orElse(null);
        }
        String method = geopriv.child(Ns.GP, "method").map(m -> XmlTree.collapse(m.text())).filter(s -> !s.isEmpty())
                .orElse(null);
        ProvidedBy providedBy = geopriv.child(Ns.GP, "provided-by").flatMap(PidfLoReader::providedBy).orElse(null);
        String stampNs = kind == LocationElement.Kind.TUPLE ? Ns.PIDF : Ns.DM;
        OffsetDateTime timestamp = holder.child(stampNs, "timestamp").flatMap(t -> dateTime(t.text())).orElse(null);
        String deviceId = kind == LocationElement.Kind.DEVICE
                ? holder.child(Ns.DM, "deviceID").map(d -> XmlTree.collapse(d.text())).orElse(null) : null;
        String id = holder.attribute("", "id").orElse("");
        return new LocationElement(kind, id, index, parts, retransmission, expiry, method, providedBy, timestamp, deviceId);
    }

    private static Optional<ProvidedBy> providedBy(Element e) {
        for (Element c : e.children()) {
            try {
                return Optional.of(new ProvidedBy(c.namespace(), c.localName(), XmlTree.collapse(c.deepText())));
            } catch (IllegalArgumentException notUsable) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<OffsetDateTime> dateTime(String raw) {
        try {
            return Optional.of(OffsetDateTime.parse(XmlTree.collapse(raw), DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void part(Element chunk, List<LocationPart> parts) {
        String ns = chunk.namespace();
        if (ns.equals(Ns.LEGACY_CIVIC) || ns.equals(Ns.LEGACY_GML)) {
            parts.add(new UnsupportedPart(ns, chunk.localName(), Reason.LEGACY_FORMAT,
                    "RFC 4119 legacy namespace; RFC 5139 / RFC 5491 replaced it"));
        } else if (chunk.is(Ns.CA, "civicAddress")) {
            parts.add(civic(chunk));
        } else if (chunk.is(Ns.GML, "location")) {
            // RFC 4119-style wrapper: accepted on input, its geometries read as if unwrapped
            for (Element inner : chunk.children()) {
                part(inner, parts);
            }
        } else if (ns.equals(Ns.GML) || ns.equals(Ns.GS)) {
            parts.add(shape(chunk));
        } else {
            parts.add(new UnsupportedPart(ns, chunk.localName(), Reason.UNKNOWN_ELEMENT, "not a location element e911 reads"));
        }
    }

    // ---- civic ------------------------------------------------------------------------------

    private static CivicLocation civic(Element e) {
        Map<CivicElement, String> values = new EnumMap<>(CivicElement.class);
        List<CivicLocation.OtherElement> others = new ArrayList<>();
        for (Element c : e.children()) {
            String value = XmlTree.collapse(c.deepText());
            Optional<CivicElement> known = CivicElement.fromXml(c.namespace(), c.localName());
            if (known.isPresent() && !values.containsKey(known.get())) {
                if (!value.isEmpty()) {
                    values.put(known.get(), value);
                }
            } else {
                others.add(new CivicLocation.OtherElement(c.namespace(), c.localName(), value));
            }
        }
        String lang = e.attribute(Ns.XML, "lang").map(XmlTree::collapse).orElse("");
        CivicLocation.CivicFields fields = new CivicLocation.CivicFields(values, others, lang);
        DispatchableAddress.Builder b = DispatchableAddress.builder();
        values.forEach(b::set);
        try {
            return new CivicLocation.Accepted(b.build(), fields);
        } catch (InvalidValueException invalid) {
            return new CivicLocation.Rejected(fields, invalid.violations());
        }
    }

    // ---- geodetic ---------------------------------------------------------------------------

    /** A shape that cannot be read; turned into an {@link UnsupportedPart}. */
    private static final class ShapeProblem extends Exception {
        private static final long serialVersionUID = 1L;
        private final Reason reason;

        ShapeProblem(Reason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    private static LocationPart shape(Element e) {
        try {
            return readShape(e);
        } catch (ShapeProblem p) {
            return new UnsupportedPart(e.namespace(), e.localName(), p.reason, p.getMessage());
        }
    }

    private static GeoShape readShape(Element e) throws ShapeProblem {
        String declared = e.attribute("", "srsName").map(String::strip).orElse("");
        int dims;
        if (declared.isEmpty()) {
            dims = 0; // inferred from the first position
        } else if (declared.equals(Ns.CRS_2D)) {
            dims = 2;
        } else if (declared.equals(Ns.CRS_3D)) {
            dims = 3;
        } else {
            throw new ShapeProblem(Reason.UNSUPPORTED_CRS, "srsName not supported (EPSG::4326 and EPSG::4979 are)");
        }
        String local = e.localName();
        if (e.namespace().equals(Ns.GML)) {
            if (local.equals("Point")) {
                Position p = pointPosition(e, dims);
                return new GeoShape.Point(crs(p), p);
            }
            if (local.equals("Polygon")) {
                List<Position> ring = ring(e, dims);
                return new GeoShape.Polygon(crs(ring.get(0)), ring);
            }
            throw new ShapeProblem(Reason.UNKNOWN_ELEMENT, "GML element is not an RFC 5491 shape");
        }
        switch (local) {
            case "Circle" -> {
                Position c = center(e, dims);
                return new GeoShape.Circle(crs(c), c, length(e, "radius"));
            }
            case "Ellipse" -> {
                Position c = center(e, dims);
                return new GeoShape.Ellipse(crs(c), c, length(e, "semiMajorAxis"), length(e, "semiMinorAxis"),
                        angle(e, "orientation"));
            }
            case "ArcBand" -> {
                Position c = center(e, dims);
                return new GeoShape.ArcBand(crs(c), c, length(e, "innerRadius"), length(e, "outerRadius"),
                        angle(e, "startAngle"), angle(e, "openingAngle"));
            }
            case "Sphere" -> {
                Position c = center(e, dims);
                return new GeoShape.Sphere(crs(c), c, length(e, "radius"));
            }
            case "Ellipsoid" -> {
                Position c = center(e, dims);
                return new GeoShape.Ellipsoid(crs(c), c, length(e, "semiMajorAxis"), length(e, "semiMinorAxis"),
                        length(e, "verticalAxis"), angle(e, "orientation"));
            }
            case "Prism" -> {
                Element base = e.child(Ns.GS, "base").orElseThrow(() -> missing("gs:base"));
                Element polygon = base.child(Ns.GML, "Polygon").orElseThrow(() -> missing("gml:Polygon in gs:base"));
                List<Position> ring = ring(polygon, dims);
                return new GeoShape.Prism(crs(ring.get(0)), ring, length(e, "height"));
            }
            default -> throw new ShapeProblem(Reason.UNKNOWN_ELEMENT, "GeoShape element is not an RFC 5491 shape");
        }
    }

    private static String crs(Position p) {
        return p.threeD() ? Ns.CRS_3D : Ns.CRS_2D;
    }

    private static ShapeProblem missing(String what) {
        return new ShapeProblem(Reason.MALFORMED_VALUE, "missing " + what);
    }

    private static Position pointPosition(Element point, int dims) throws ShapeProblem {
        Optional<Element> pos = point.child(Ns.GML, "pos");
        if (pos.isEmpty()) {
            throw point.child(Ns.GML, "coordinates").isPresent()
                    ? new ShapeProblem(Reason.LEGACY_FORMAT, "gml:coordinates (RFC 4119 style) is not read; use gml:pos")
                    : missing("gml:pos");
        }
        List<Position> ps = positions(pos.get().text(), dims);
        if (ps.size() != 1) {
            throw new ShapeProblem(Reason.MALFORMED_VALUE, "gml:pos must hold exactly one position");
        }
        return ps.get(0);
    }

    private static Position center(Element shape, int dims) throws ShapeProblem {
        Optional<Element> pos = shape.child(Ns.GML, "pos");
        if (pos.isPresent()) {
            List<Position> ps = positions(pos.get().text(), dims);
            if (ps.size() != 1) {
                throw new ShapeProblem(Reason.MALFORMED_VALUE, "gml:pos must hold exactly one position");
            }
            return ps.get(0);
        }
        Optional<Element> point = shape.child(Ns.GML, "pointProperty").flatMap(pp -> pp.child(Ns.GML, "Point"));
        if (point.isPresent()) {
            return pointPosition(point.get(), dims);
        }
        throw missing("centre (gml:pos or gml:pointProperty)");
    }

    private static List<Position> ring(Element polygon, int dims) throws ShapeProblem {
        Element ring = polygon.child(Ns.GML, "exterior").flatMap(x -> x.child(Ns.GML, "LinearRing"))
                .orElseThrow(() -> missing("gml:exterior/gml:LinearRing"));
        List<Position> out = new ArrayList<>();
        Optional<Element> posList = ring.child(Ns.GML, "posList");
        if (posList.isPresent()) {
            out.addAll(positions(posList.get().text(), dims));
        } else {
            for (Element pos : ring.childrenNamed(Ns.GML, "pos")) {
                List<Position> ps = positions(pos.text(), dims == 0 && !out.isEmpty() ? (out.get(0).threeD() ? 3 : 2) : dims);
                if (ps.size() != 1) {
                    throw new ShapeProblem(Reason.MALFORMED_VALUE, "gml:pos must hold exactly one position");
                }
                out.add(ps.get(0));
            }
        }
        if (out.size() < 4) {
            throw new ShapeProblem(Reason.MALFORMED_VALUE, "a linear ring needs at least four positions");
        }
        return out;
    }

    /** Positions from a whitespace-separated list; with {@code dims} 0 the dimension is inferred (2 unless a single 3-tuple). */
    private static List<Position> positions(String text, int dims) throws ShapeProblem {
        String collapsed = XmlTree.collapse(text);
        if (collapsed.isEmpty()) {
            throw new ShapeProblem(Reason.MALFORMED_VALUE, "empty coordinate list");
        }
        String[] parts = collapsed.split(" ");
        int d = dims != 0 ? dims : parts.length == 3 ? 3 : 2;
        if (parts.length % d != 0) {
            throw new ShapeProblem(Reason.MALFORMED_VALUE, "coordinate count is not a multiple of " + d);
        }
        List<Position> out = new ArrayList<>(parts.length / d);
        for (int i = 0; i < parts.length; i += d) {
            double lat = number(parts[i]);
            double lon = number(parts[i + 1]);
            if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                throw new ShapeProblem(Reason.MALFORMED_VALUE, "latitude or longitude out of range");
            }
            out.add(d == 3 ? Position.of(lat, lon, number(parts[i + 2])) : Position.of(lat, lon));
        }
        return out;
    }

    private static double number(String s) throws ShapeProblem {
        if (!DOUBLE.matcher(s).matches()) {
            throw new ShapeProblem(Reason.MALFORMED_VALUE, "not a finite xs:double");
        }
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            throw new ShapeProblem(Reason.MALFORMED_VALUE, "not a finite xs:double");
        }
        return v + 0.0;
    }

    private static double length(Element shape, String name) throws ShapeProblem {
        Element m = shape.child(Ns.GS, name).orElseThrow(() -> missing("gs:" + name));
        String uom = m.attribute("", "uom").map(String::strip).orElse(Ns.UOM_METRE);
        if (!uom.equals(Ns.UOM_METRE)) {
            throw new ShapeProblem(Reason.UNSUPPORTED_UNIT, "gs:" + name + " must be in metres (EPSG::9001)");
        }
        double v = number(XmlTree.collapse(m.text()));
        if (v < 0) {
            throw new ShapeProblem(Reason.MALFORMED_VALUE, "gs:" + name + " is negative");
        }
        return v;
    }

    private static double angle(Element shape, String name) throws ShapeProblem {
        Element m = shape.child(Ns.GS, name).orElseThrow(() -> missing("gs:" + name));
        String uom = m.attribute("", "uom").map(String::strip).orElse(Ns.UOM_DEGREE);
        double v = number(XmlTree.collapse(m.text()));
        if (uom.equals(Ns.UOM_DEGREE)) {
            return v;
        }
        if (uom.equals(Ns.UOM_RADIAN)) {
            return Math.toDegrees(v);
        }
        throw new ShapeProblem(Reason.UNSUPPORTED_UNIT, "gs:" + name + " must be in degrees or radians");
    }
}
