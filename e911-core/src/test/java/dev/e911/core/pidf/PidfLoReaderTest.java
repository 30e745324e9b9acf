package dev.e911.core.pidf;

import static dev.e911.core.pidf.PidfDocs.load;
import static dev.e911.core.pidf.PidfDocs.replaceOnce;
import static dev.e911.core.pidf.PidfDocs.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.address.GeoPoint;
import dev.e911.api.validation.Violation;
import dev.e911.core.pidf.PidfReadException.Reason;
import dev.e911.core.pidf.PidfReadResult.Located;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PidfLoReaderTest {

    static PidfReadResult read(String doc) {
        return PidfLoReader.standard().read(utf8(doc));
    }

    static Located located(String doc) {
        PidfReadResult r = read(doc);
        assertThat(r).isInstanceOf(Located.class);
        return (Located) r;
    }

    static String example(String name) {
        return load("examples/" + name);
    }

    @Nested
    @DisplayName("the skeletons and the documents modelled on the RFC examples")
    class Examples {

        @ParameterizedTest
        @ValueSource(strings = {"rfc5139-civic.xml", "rfc5491-point.xml", "rfc5491-point3d.xml", "rfc5491-polygon.xml",
            "rfc5491-polygon-poslist.xml", "rfc5491-circle.xml", "rfc5491-ellipse.xml", "rfc5491-arcband.xml",
            "rfc5491-sphere.xml", "rfc5491-ellipsoid.xml", "rfc5491-prism.xml", "rfc5491-compound.xml"})
        @DisplayName("our example documents are themselves schema-valid")
        void examplesAreValid(String name) {
            assertThat(PidfSchemaValidator.standard().validate(utf8(example(name))).problems()).isEmpty();
        }

        @Test
        @DisplayName("tuple skeleton: civic address, policy, method, timestamp")
        void tupleSkeleton() {
            Located l = located(PidfDocs.TUPLE_CIVIC);
            assertThat(l.entity()).isEqualTo("pres:agent417@contact.example.com");
            DispatchableAddress a = l.address().orElseThrow();
            assertThat(a.oneLine()).isEqualTo("Acme Support Center, 1200 North Point Street, Floor 3, Suite 310, Seat Desk 14, "
                    + "San Francisco, CA 94133, US");
            LocationElement e = l.primary();
            assertThat(e.kind()).isEqualTo(LocationElement.Kind.TUPLE);
            assertThat(e.id()).isEqualTo("loc1");
            assertThat(e.retransmissionAllowed()).isTrue();
            assertThat(e.knownMethod()).contains(LocationMethod.MANUAL);
            assertThat(e.timestamp()).contains(OffsetDateTime.parse("2026-11-25T15:04:05Z"));
            assertThat(((CivicLocation) e.parts().get(0)).fields().language()).isEqualTo("en-US");
        }

        @Test
        @DisplayName("device skeleton: a circle becomes the address's point when a civic address is present, else the shape")
        void deviceSkeleton() {
            Located l = located(PidfDocs.DEVICE_CIRCLE);
            assertThat(l.primary().kind()).isEqualTo(LocationElement.Kind.DEVICE);
            assertThat(l.primary().deviceId()).contains("urn:uuid:6f1c0b7e-9a1d-4c7e-8a55-2f6e1f6d2b10");
            assertThat(l.primary().retransmissionAllowed()).isFalse();
            assertThat(l.shape()).contains(new GeoShape.Circle("urn:ogc:def:crs:EPSG::4326", Position.of(37.80508, -122.4172), 35));
            assertThat(l.civic()).isEmpty();
            assertThat(l.address()).isEmpty();
        }

        @Test
        @DisplayName("RFC 5139 example: whitespace collapses, unmodelled elements are kept aside, the AU address is accepted")
        void rfc5139() {
            Located l = located(example("rfc5139-civic.xml"));
            CivicLocation civic = l.civic().orElseThrow();
            assertThat(civic).isInstanceOf(CivicLocation.Accepted.class);
            assertThat(civic.fields().elements()).containsEntry(CivicElement.A3, "Wollongong")
                    .containsEntry(CivicElement.A4, "North Wollongong").containsEntry(CivicElement.LMK, "Gilligan's Island")
                    .containsEntry(CivicElement.NAM, "Video Rental Store").containsEntry(CivicElement.ROOM, "Westerns and Classics")
                    .containsEntry(CivicElement.PLC, "store").containsEntry(CivicElement.POBOX, "Private Box 15");
            assertThat(civic.fields().others()).containsExactly(new CivicLocation.OtherElement(
                    "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr", "RDBR", "Campbell Street"));
            assertThat(civic.fields().language()).isEqualTo("en-AU");
            assertThat(l.address().orElseThrow().country()).isEqualTo("AU");
            assertThat(l.primary().retransmissionAllowed()).isFalse();
            assertThat(l.primary().method()).isEmpty();
        }

        @Test
        @DisplayName("RFC 5491 shapes: all eight, lengths in metres, angles in degrees (radians converted)")
        void rfc5491Shapes() {
            String c2 = "urn:ogc:def:crs:EPSG::4326";
            String c3 = "urn:ogc:def:crs:EPSG::4979";
            assertThat(located(example("rfc5491-point.xml")).shape())
                    .contains(new GeoShape.Point(c2, Position.of(-34.407, 150.883)));
            assertThat(located(example("rfc5491-point3d.xml")).shape())
                    .contains(new GeoShape.Point(c3, Position.of(-34.407, 150.883, 24.8)));
            GeoShape.Polygon poly = (GeoShape.Polygon) located(example("rfc5491-polygon.xml")).shape().orElseThrow();
            assertThat(poly.exterior()).hasSize(7).first().isEqualTo(Position.of(43.311, -73.422));
            assertThat(poly.exterior().get(6)).isEqualTo(poly.exterior().get(0));
            GeoShape.Polygon poly3 = (GeoShape.Polygon) located(example("rfc5491-polygon-poslist.xml")).shape().orElseThrow();
            assertThat(poly3.crs()).isEqualTo(c3);
            assertThat(poly3.exterior()).hasSize(7).allMatch(p -> p.threeD() && p.altitude() == 13.1);
            assertThat(located(example("rfc5491-circle.xml")).shape())
                    .contains(new GeoShape.Circle(c2, Position.of(42.5463, -73.2512), 850.24));
            assertThat(located(example("rfc5491-ellipse.xml")).shape())
                    .contains(new GeoShape.Ellipse(c2, Position.of(42.5463, -73.2512), 1275, 670, 43.2));
            assertThat(located(example("rfc5491-arcband.xml")).shape())
                    .contains(new GeoShape.ArcBand(c2, Position.of(-43.5723, 153.2176), 3594, 4148, 20, 20));
            assertThat(located(example("rfc5491-sphere.xml")).shape())
                    .contains(new GeoShape.Sphere(c3, Position.of(42.5463, -73.2512, 26.3), 850.24));
            GeoShape.Ellipsoid ell = (GeoShape.Ellipsoid) located(example("rfc5491-ellipsoid.xml")).shape().orElseThrow();
            assertThat(ell.center()).isEqualTo(Position.of(42.5463, -73.2512, 26.3));
            assertThat(ell.verticalAxisMeters()).isEqualTo(28.7);
            assertThat(ell.orientationDegrees()).isCloseTo(90.0, within(1e-9));
            GeoShape.Prism prism = (GeoShape.Prism) located(example("rfc5491-prism.xml")).shape().orElseThrow();
            assertThat(prism.crs()).isEqualTo(c3);
            assertThat(prism.base()).hasSize(5);
            assertThat(prism.heightMeters()).isEqualTo(2.4);
            assertThat(located(example("rfc5491-point.xml")).primary().knownMethod()).contains(LocationMethod.WIREMAP);
        }

        @Test
        @DisplayName("RFC 5491 compound location: a point then a floor-only civic chunk, coarse first, in one element")
        void compound() {
            Located l = located(example("rfc5491-compound.xml"));
            List<LocationPart> parts = l.primary().parts();
            assertThat(parts).hasSize(2);
            assertThat(parts.get(0)).isInstanceOf(GeoShape.Point.class);
            assertThat(parts.get(1)).isInstanceOfSatisfying(CivicLocation.Rejected.class, r -> {
                assertThat(r.fields().elements()).containsExactlyEntriesOf(java.util.Map.of(CivicElement.FLR, "2"));
                assertThat(r.violations()).extracting(Violation::path).contains("country");
            });
            assertThat(l.address()).isEmpty();
            assertThat(l.shape()).containsInstanceOf(GeoShape.Point.class);
        }

        @Test
        @DisplayName("RFC 4119 legacy namespaces: a typed unsupported-legacy result, policy in the wrong namespace ignored")
        void legacy() {
            PidfReadResult r = read(example("rfc4119-legacy.xml"));
            assertThat(r).isInstanceOfSatisfying(PidfReadResult.UnsupportedLegacyFormat.class, u -> {
                assertThat(u.namespaces()).containsExactly("urn:ietf:params:xml:ns:pidf:geopriv10:civicLoc",
                        "urn:opengis:specification:gml:schema-xsd:feature:v3.0");
                assertThat(u.entity()).isEqualTo("pres:geotarget@example.com");
                assertThat(u.elements()).hasSize(2).allMatch(e -> !e.retransmissionAllowed());
                assertThat(u.elements().get(0).parts()).singleElement().isInstanceOfSatisfying(UnsupportedPart.class,
                        p -> assertThat(p.reason()).isEqualTo(UnsupportedPart.Reason.LEGACY_FORMAT));
            });
        }

        @Test
        @DisplayName("a legacy chunk next to a modern one: the modern one is used, the legacy one is reported")
        void legacyNextToModern() {
            String doc = replaceOnce(example("rfc5491-compound.xml"), "<cl:civicAddress>",
                    "<old:civicAddress xmlns:old=\"urn:ietf:params:xml:ns:pidf:geopriv10:civicLoc\"><old:A6>Broadway</old:A6></old:civicAddress><cl:civicAddress>");
            Located l = located(doc);
            assertThat(l.primary().parts()).hasSize(3).element(1).isInstanceOf(UnsupportedPart.class);
        }
    }

    @Nested
    @DisplayName("names are matched by namespace, never by prefix")
    class Prefixes {

        @Provide
        Arbitrary<DispatchableAddress> addresses() {
            return PidfArbitraries.addresses();
        }

        @Provide
        Arbitrary<PidfLoWriter> writers() {
            return PidfArbitraries.writers();
        }

        @Property(tries = 100)
        @Label("cl: instead of ca:, a default civic namespace, a prefixed PIDF namespace: the same address back")
        void prefixesDoNotMatter(@ForAll("writers") PidfLoWriter w, @ForAll("addresses") DispatchableAddress a) {
            String doc = new String(w.write("agent", a, LocationMethod.MANUAL, Instant.EPOCH), StandardCharsets.UTF_8);
            String cl = doc.replace("xmlns:ca=", "xmlns:cl=").replace("<ca:", "<cl:").replace("</ca:", "</cl:");
            String defaults = doc.replace("<ca:civicAddress", "<civicAddress xmlns=\"urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr\"")
                    .replace("</ca:civicAddress", "</civicAddress").replace("<ca:", "<").replace("</ca:", "</");
            String prefixed = doc.replace("xmlns=\"urn:ietf:params:xml:ns:pidf\"", "xmlns:p=\"urn:ietf:params:xml:ns:pidf\"");
            for (String tag : new String[] {"presence", "tuple", "status", "timestamp"}) {
                prefixed = prefixed.replace("<" + tag, "<p:" + tag).replace("</" + tag, "</p:" + tag);
            }
            DispatchableAddress expected = located(doc).address().orElseThrow();
            for (String variant : List.of(cl, defaults, prefixed)) {
                assertThat(PidfSchemaValidator.standard().validate(utf8(variant)).problems()).isEmpty();
                assertThat(located(variant).address()).contains(expected);
            }
        }

        @Test
        @DisplayName("an element with a civic local name in another namespace is not taken for it")
        void wrongNamespace() {
            String doc = PidfDocs.TUPLE_CIVIC.replace("<ca:RD>Point</ca:RD>", "<x:RD xmlns:x=\"urn:example\">Point</x:RD>");
            CivicLocation civic = located(doc).civic().orElseThrow();
            assertThat(civic).isInstanceOf(CivicLocation.Rejected.class);
            assertThat(civic.fields().others()).containsExactly(new CivicLocation.OtherElement("urn:example", "RD", "Point"));
        }
    }

    @Nested
    @DisplayName("which location counts (RFC 5491 rule 8)")
    class Precedence {

        static String element(String kind, String id, String city) {
            String geopriv = "<gp:geopriv><gp:location-info><ca:civicAddress><ca:country>MX</ca:country><ca:A3>" + city
                    + "</ca:A3><ca:RD>Reforma</ca:RD></ca:civicAddress></gp:location-info><gp:usage-rules/></gp:geopriv>";
            return switch (kind) {
                case "tuple" -> "<tuple id=\"" + id + "\"><status>" + geopriv + "</status></tuple>";
                case "device" -> "<dm:device id=\"" + id + "\">" + geopriv + "<dm:deviceID>urn:x:" + id + "</dm:deviceID></dm:device>";
                case "person" -> "<dm:person id=\"" + id + "\">" + geopriv + "</dm:person>";
                case "empty-device" -> "<dm:device id=\"" + id + "\"><gp:geopriv><gp:location-info/><gp:usage-rules/></gp:geopriv>"
                        + "<dm:deviceID>urn:x:e</dm:deviceID></dm:device>";
                default -> throw new IllegalArgumentException(kind);
            };
        }

        static String doc(String... elements) {
            return "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
                    + " xmlns:gp=\"urn:ietf:params:xml:ns:pidf:geopriv10\" xmlns:ca=\"urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr\""
                    + " entity=\"pres:x@example.com\">" + String.join("", elements) + "</presence>";
        }

        static String primaryCity(String doc) {
            assertThat(PidfSchemaValidator.standard().validate(utf8(doc)).problems()).isEmpty();
            return located(doc).address().orElseThrow().city().orElseThrow();
        }

        @Test
        @DisplayName("the first device wins over tuples and persons, wherever they are")
        void deviceFirst() {
            assertThat(primaryCity(doc(element("tuple", "t1", "Tuple"), element("person", "p1", "Person"),
                    element("device", "d1", "Device1"), element("device", "d2", "Device2")))).isEqualTo("Device1");
        }

        @Test
        @DisplayName("without a device with a location, the first tuple wins over a person")
        void tupleSecond() {
            assertThat(primaryCity(doc(element("tuple", "t1", "Tuple1"), element("tuple", "t2", "Tuple2"),
                    element("empty-device", "d0", ""), element("person", "p1", "Person")))).isEqualTo("Tuple1");
        }

        @Test
        @DisplayName("a person's location is the last resort")
        void personLast() {
            String d = doc(element("person", "p1", "Person"));
            assertThat(primaryCity(d)).isEqualTo("Person");
            assertThat(located(d).primary().kind()).isEqualTo(LocationElement.Kind.PERSON);
        }

        @Test
        @DisplayName("a document without any location is NoLocation; a non-PIDF root is NotPidf")
        void noLocation() {
            assertThat(read(doc("<tuple id=\"t\"><status><basic>open</basic></status></tuple>")))
                    .isInstanceOf(PidfReadResult.NoLocation.class);
            assertThat(read(doc(element("empty-device", "d0", "")))).isInstanceOfSatisfying(PidfReadResult.NoLocation.class,
                    n -> assertThat(n.elements()).hasSize(1));
            assertThat(read("<presence xmlns=\"urn:example\"/>")).isEqualTo(new PidfReadResult.NotPidf("urn:example", "presence"));
        }
    }

    @Nested
    @DisplayName("values")
    class Values {

        @Test
        @DisplayName("whitespace inside civic values collapses like xs:token")
        void collapse() {
            String doc = PidfDocs.TUPLE_CIVIC.replace("<ca:NAM>Acme Support Center</ca:NAM>",
                    "<ca:NAM>\n   Acme\t\tSupport \r\n Center  </ca:NAM>");
            assertThat(located(doc).address().orElseThrow().get(CivicElement.NAM)).contains("Acme Support Center");
        }

        @Test
        @DisplayName("values that break e911's US rules give a Rejected civic location with every violation, not an exception")
        void usRulesBroken() {
            String doc = PidfDocs.TUPLE_CIVIC.replace("<ca:HNO>1200</ca:HNO>", "<ca:HNO>12A</ca:HNO>")
                    .replace("<ca:PC>94133</ca:PC>", "").replace("<ca:A1>CA</ca:A1>", "<ca:A1>California</ca:A1>");
            Located l = located(doc);
            assertThat(l.civic().orElseThrow()).isInstanceOfSatisfying(CivicLocation.Rejected.class, r -> {
                assertThat(r.violations()).extracting(Violation::rule).containsExactlyInAnyOrder("us.state", "us.house-number", "required");
                assertThat(r.fields().elements()).containsEntry(CivicElement.HNO, "12A").containsEntry(CivicElement.A1, "California");
            });
            assertThat(l.address()).isEmpty();
        }

        @Test
        @DisplayName("retransmission-allowed: true/1 allow; false/0/yes/absent/wrong namespace do not")
        void retransmission() {
            String base = PidfDocs.TUPLE_CIVIC;
            assertThat(located(base.replace(">true<", ">1<")).primary().retransmissionAllowed()).isTrue();
            assertThat(located(base.replace(">true<", "> true <")).primary().retransmissionAllowed()).isTrue();
            assertThat(located(base.replace(">true<", ">0<")).primary().retransmissionAllowed()).isFalse();
            assertThat(located(base.replace(">true<", ">yes<")).primary().retransmissionAllowed()).isFalse();
            assertThat(located(base.replace("<gbp:retransmission-allowed>true</gbp:retransmission-allowed>", ""))
                    .primary().retransmissionAllowed()).isFalse();
            assertThat(located(base.replace("<gbp:retransmission-allowed>true</gbp:retransmission-allowed>",
                    "<gp:retransmission-allowed>true</gp:retransmission-allowed>")).primary().retransmissionAllowed()).isFalse();
        }

        @Test
        @DisplayName("timestamps keep their offset; one without a zone is treated as absent")
        void timestamps() {
            assertThat(located(PidfDocs.TUPLE_CIVIC.replace("2026-11-25T15:04:05Z", "2026-11-25T10:04:05.5-05:00"))
                    .primary().timestamp()).contains(OffsetDateTime.parse("2026-11-25T10:04:05.5-05:00"));
            assertThat(located(PidfDocs.TUPLE_CIVIC.replace("2026-11-25T15:04:05Z", "2026-11-25 15:04:05"))
                    .primary().timestamp()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"NaN 1", "INF 2", "0x1p3 1", "1d 2", "1 2 3 4", "", "91 0", "1,2"})
        @DisplayName("malformed coordinates give an UnsupportedPart, never an exception")
        void malformedCoordinates(String pos) {
            String doc = PidfDocs.DEVICE_CIRCLE.replace("37.80508 -122.41720", pos);
            PidfReadResult r = read(doc);
            assertThat(r).isInstanceOfSatisfying(PidfReadResult.NoLocation.class, n -> assertThat(n.elements().get(0).parts())
                    .singleElement().isInstanceOfSatisfying(UnsupportedPart.class,
                            p -> assertThat(p.reason()).isEqualTo(UnsupportedPart.Reason.MALFORMED_VALUE)));
        }

        @Test
        @DisplayName("an unknown CRS or unit is reported as such")
        void unsupportedCrsAndUnit() {
            PidfReadResult crs = read(PidfDocs.DEVICE_CIRCLE.replace("EPSG::4326", "EPSG::3857"));
            PidfReadResult uom = read(PidfDocs.DEVICE_CIRCLE.replace("EPSG::9001", "EPSG::9002"));
            assertThat(((PidfReadResult.NoLocation) crs).elements().get(0).parts().get(0))
                    .extracting(p -> ((UnsupportedPart) p).reason()).isEqualTo(UnsupportedPart.Reason.UNSUPPORTED_CRS);
            assertThat(((PidfReadResult.NoLocation) uom).elements().get(0).parts().get(0))
                    .extracting(p -> ((UnsupportedPart) p).reason()).isEqualTo(UnsupportedPart.Reason.UNSUPPORTED_UNIT);
        }

        @Test
        @DisplayName("a point over e911's uncertainty range still reads as a shape but is not attached to the address")
        void hugeCircleNotAttached() {
            String doc = PidfDocs.TUPLE_CIVIC.replace("</tuple>", "</tuple><tuple id=\"g\"><status><gp:geopriv><gp:location-info>"
                    + "<gs:Circle xmlns:gs=\"http://www.opengis.net/pidflo/1.0\" xmlns:gml=\"http://www.opengis.net/gml\" srsName=\"urn:ogc:def:crs:EPSG::4326\">"
                    + "<gml:pos>1 2</gml:pos><gs:radius uom=\"urn:ogc:def:uom:EPSG::9001\">200000</gs:radius></gs:Circle>"
                    + "</gp:location-info><gp:usage-rules/></gp:geopriv></status></tuple>");
            Located l = located(doc);
            assertThat(l.shape()).containsInstanceOf(GeoShape.Circle.class);
            assertThat(l.address().orElseThrow().point()).isEmpty();
            assertThat(located(doc.replace(">200000<", ">20<")).address().orElseThrow().point())
                    .contains(new GeoPoint(1, 2, 20));
        }
    }

    @Nested
    @DisplayName("hostile input is refused with a typed reason")
    class Hostile {

        @Test
        void doctypeAndEntities() {
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE presence [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:a@b\">&x;</presence>";
            String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                    + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:a@b\">&b;</presence>";
            assertThat(read(xxe)).isInstanceOfSatisfying(PidfReadResult.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(Reason.DOCTYPE_REFUSED));
            assertThat(read(laughs)).isInstanceOfSatisfying(PidfReadResult.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(Reason.DOCTYPE_REFUSED));
        }

        @Test
        void limitsEncodingAndMalformation() {
            PidfLoReader small = PidfLoReader.withLimits(PidfReadLimits.defaults().withMaxBytes(100));
            assertThat(small.read(utf8(PidfDocs.TUPLE_CIVIC))).isInstanceOfSatisfying(PidfReadResult.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(Reason.TOO_LARGE));
            assertThat(PidfLoReader.standard().read(PidfDocs.TUPLE_CIVIC.getBytes(StandardCharsets.UTF_16)))
                    .isInstanceOfSatisfying(PidfReadResult.Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.ENCODING_REFUSED));
            assertThat(read(PidfDocs.TUPLE_CIVIC.replace("</tuple>", "</tupel>")))
                    .isInstanceOfSatisfying(PidfReadResult.Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.MALFORMED));
            String deep = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:a@b\">" + "<x>".repeat(40)
                    + "</x>".repeat(40) + "</presence>";
            assertThat(read(deep)).isInstanceOfSatisfying(PidfReadResult.Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(Reason.TOO_DEEP));
            assertThat(read("")).isInstanceOf(PidfReadResult.Refused.class);
            assertThat(read(PidfDocs.TUPLE_CIVIC.replace("Desk 14", "Desk &#7;")))
                    .isInstanceOfSatisfying(PidfReadResult.Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.ILLEGAL_CHARACTER));
        }

        @Provide
        Arbitrary<byte[]> mutated() {
            byte[] base = PidfLoWriter.builder("example.com").deviceForm("urn:x:y").language("es").build().write("a",
                    PidfLoWriterTest.hq().toBuilder().point(new GeoPoint(1, 2, 3)).build(), LocationMethod.MANUAL, Instant.EPOCH);
            Arbitrary<String> snippets = Arbitraries.of("<", ">", "&", "&amp;", "]]>", "<![CDATA[x]]>", "<!--", "\"", "xmlns:ca=\"urn:x\"",
                    "<gml:pos>1</gml:pos>", "</gp:geopriv>", "<gp:geopriv>", "\u00e9", "\uFFFF", "\u0000", "<!DOCTYPE x>", " ");
            return Combinators.combine(Arbitraries.integers().between(0, base.length), Arbitraries.integers().between(0, 40), snippets)
                    .as((at, cut, snippet) -> {
                        String s = new String(base, StandardCharsets.UTF_8);
                        int from = Math.min(at, s.length());
                        int to = Math.min(s.length(), from + cut);
                        return (s.substring(0, from) + snippet + s.substring(to)).getBytes(StandardCharsets.UTF_8);
                    });
        }

        @Property(tries = 400)
        @Label("a mutated document yields some result and never an exception")
        void mutationsNeverThrow(@ForAll("mutated") byte[] doc) {
            assertThat(PidfLoReader.standard().read(doc)).isNotNull();
        }

        @Property(tries = 200)
        @Label("random bytes yield a refusal or a result, never an exception")
        void randomBytesNeverThrow(@ForAll byte[] doc) {
            assertThat(PidfLoReader.standard().read(doc)).isNotNull();
        }
    }
}
