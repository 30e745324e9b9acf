package dev.e911.core.pidf;

import static dev.e911.core.pidf.PidfDocs.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.address.GeoPoint;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.LocationSource;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.xmlunit.builder.Input;
import org.xmlunit.xpath.JAXPXPathEngine;

class PidfLoWriterTest {

    static final Instant AT = Instant.parse("2026-11-25T16:00:00.123Z");

    static DispatchableAddress hq() {
        return DispatchableAddress.builder("US").state("CA").county("San Francisco").city("San Francisco")
                .preDirectional("North").streetName("Point").streetSuffix("Street").houseNumber("1200").floor("3")
                .name("Acme Support Center").postalCode("94133-1234").unit("Suite 310").seat("Desk 14").build();
    }

    private static String text(byte[] doc) {
        return new String(doc, StandardCharsets.UTF_8);
    }

    private static String xpath(byte[] doc, String expression) {
        JAXPXPathEngine engine = new JAXPXPathEngine();
        engine.setNamespaceContext(java.util.Map.of("p", "urn:ietf:params:xml:ns:pidf",
                "dm", "urn:ietf:params:xml:ns:pidf:data-model", "gp", "urn:ietf:params:xml:ns:pidf:geopriv10",
                "gbp", "urn:ietf:params:xml:ns:pidf:geopriv10:basicPolicy",
                "ca", "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr",
                "cae", "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr:ext",
                "gml", "http://www.opengis.net/gml", "gs", "http://www.opengis.net/pidflo/1.0"));
        return engine.evaluate(expression, Input.fromByteArray(doc).build());
    }

    @Test
    @DisplayName("the tuple form puts the civic address in the first tuple and the point in a second tuple")
    void tupleForm() {
        DispatchableAddress a = hq().toBuilder().point(GeoPoint.of(37.80508, -122.4172)).build();
        byte[] doc = PidfLoWriter.builder("contact.example.com").build().write("agent417", a, LocationMethod.MANUAL, AT);
        assertThat(PidfSchemaValidator.standard().validate(doc).problems()).isEmpty();
        assertThat(xpath(doc, "count(/p:presence/p:tuple)")).isEqualTo("2");
        assertThat(xpath(doc, "/p:presence/p:tuple[1]/@id")).isEqualTo("loc-civic");
        assertThat(xpath(doc, "count(/p:presence/p:tuple[1]//gp:location-info/*)")).isEqualTo("1");
        assertThat(xpath(doc, "/p:presence/p:tuple[1]//ca:civicAddress/ca:RD")).isEqualTo("Point");
        assertThat(xpath(doc, "count(/p:presence/p:tuple[2]//gp:location-info/*)")).isEqualTo("1");
        assertThat(xpath(doc, "/p:presence/p:tuple[2]//gml:Point/gml:pos")).isEqualTo("37.80508 -122.4172");
        assertThat(xpath(doc, "/p:presence/p:tuple[2]//gml:Point/@srsName")).isEqualTo("urn:ogc:def:crs:EPSG::4326");
        assertThat(xpath(doc, "/p:presence/p:tuple[1]/p:timestamp")).isEqualTo("2026-11-25T16:00:00.123Z");
        assertThat(xpath(doc, "/p:presence/@entity")).isEqualTo("pres:agent417@contact.example.com");
        assertThat(xpath(doc, "//gp:method")).isEqualTo("Manual");
        assertThat(xpath(doc, "//gbp:retransmission-allowed")).isEqualTo("true");
        assertThat(text(doc)).doesNotContain("retention-expiry", "provided-by", "xml:lang", "dm:");
    }

    @Test
    @DisplayName("the device form puts the civic address in dm:device with its deviceID, and a circle in a tuple")
    void deviceForm() {
        DispatchableAddress a = hq().toBuilder().point(new GeoPoint(37.80508, -122.4172, 35)).build();
        PidfLoWriter w = PidfLoWriter.builder("contact.example.com").deviceForm("urn:uuid:6f1c0b7e-9a1d-4c7e-8a55-2f6e1f6d2b10")
                .retention(Duration.ofHours(24)).language("en-US")
                .providedBy(new ProvidedBy("urn:example:provider", "provider", "Acme")).build();
        byte[] doc = w.write("agent417", a, LocationMethod.WIREMAP, AT);
        assertThat(PidfSchemaValidator.standard().validate(doc).problems()).isEmpty();
        assertThat(xpath(doc, "/p:presence/dm:device/@id")).isEqualTo("loc-civic");
        assertThat(xpath(doc, "/p:presence/dm:device/gp:geopriv/gp:location-info/ca:civicAddress/@xml:lang")).isEqualTo("en-US");
        assertThat(xpath(doc, "/p:presence/dm:device/dm:deviceID")).isEqualTo("urn:uuid:6f1c0b7e-9a1d-4c7e-8a55-2f6e1f6d2b10");
        assertThat(xpath(doc, "/p:presence/dm:device/dm:timestamp")).isEqualTo("2026-11-25T16:00:00.123Z");
        assertThat(xpath(doc, "/p:presence/dm:device//gp:method")).isEqualTo("Wiremap");
        assertThat(xpath(doc, "/p:presence/dm:device//gbp:retention-expiry")).isEqualTo("2026-11-26T16:00:00.123Z");
        assertThat(xpath(doc, "/p:presence/dm:device//gp:provided-by/*[local-name()='provider']")).isEqualTo("Acme");
        assertThat(xpath(doc, "/p:presence/p:tuple/@id")).isEqualTo("loc-geo");
        assertThat(xpath(doc, "/p:presence/p:tuple//gs:Circle/gs:radius")).isEqualTo("35");
        assertThat(xpath(doc, "/p:presence/p:tuple//gs:Circle/gs:radius/@uom")).isEqualTo("urn:ogc:def:uom:EPSG::9001");
        assertThat(xpath(doc, "count(//ca:civicAddress)")).isEqualTo("1");
    }

    @Test
    @DisplayName("civic elements come in schema order with RFC 6848 and NENA extensions last, in their namespaces")
    void schemaOrderAndNamespaces() {
        DispatchableAddress a = hq().toBuilder().set(CivicElement.HNP, "N12W").set(CivicElement.STP, "Avenue")
                .placeType("office").build();
        byte[] doc = PidfLoWriter.builder("contact.example.com").build().write("a", a, LocationMethod.MANUAL, AT);
        String s = text(doc);
        String[] order = {"<ca:country>US", "<ca:A1>CA", "<ca:A2>", "<ca:A3>", "<ca:PRD>", "<ca:RD>", "<ca:STS>",
            "<ca:HNO>", "<ca:FLR>", "<ca:NAM>", "<ca:PC>94133<", "<ca:UNIT>", "<ca:SEAT>", "<ca:PLC>", "<cae:STP>",
            "<cae:HNP>N12W<", "<cdx2:PCE>1234<"};
        int last = -1;
        for (String o : order) {
            int at = s.indexOf(o);
            assertThat(at).as(o).isGreaterThan(last);
            last = at;
        }
        assertThat(xpath(doc, "//cae:HNP")).isEqualTo("N12W");
        assertThat(xpath(doc, "//*[local-name()='PCE' and namespace-uri()='urn:nena:xml:ns:pidf:nenaCivicAddr2']"))
                .isEqualTo("1234");
        assertThat(PidfSchemaValidator.standard().validate(doc).isValid()).isTrue();
    }

    @Test
    @DisplayName("with NENA extensions off the ZIP+4 add-on is not written (and cannot come back)")
    void nenaOff() {
        PidfLoWriter w = PidfLoWriter.builder("contact.example.com").nenaExtensions(false).build();
        byte[] doc = w.write("a", hq(), LocationMethod.MANUAL, AT);
        assertThat(text(doc)).doesNotContain("PCE", "nenaCivicAddr");
        PidfReadResult.Located read = (PidfReadResult.Located) PidfLoReader.standard().read(doc);
        assertThat(read.address()).contains(hq().toBuilder().set(CivicElement.PCE, null).build());
    }

    @Test
    @DisplayName("markup, quotes and accents are escaped and survive as UTF-8; the agent id is percent-encoded")
    void escaping() {
        DispatchableAddress a = DispatchableAddress.builder("MX").city("Ciudad de México").streetName("Calle Ñandú & <Hijos> \"Sur\" 'B'")
                .name("Café 🏢").build();
        byte[] doc = PidfLoWriter.builder("contact.example.com").entityScheme(PidfLoWriter.EntityScheme.SIP).build()
                .write("jane.doe@corp:7", a, LocationMethod.MANUAL, AT);
        String s = text(doc);
        assertThat(s).contains("<ca:RD>Calle Ñandú &amp; &lt;Hijos&gt; &quot;Sur&quot; &apos;B&apos;</ca:RD>",
                "<ca:NAM>Café 🏢</ca:NAM>", "entity=\"sip:jane.doe%40corp%3A7@contact.example.com\"");
        assertThat(xpath(doc, "//ca:RD")).isEqualTo("Calle Ñandú & <Hijos> \"Sur\" 'B'");
        assertThat(PidfSchemaValidator.standard().validate(doc).isValid()).isTrue();
    }

    @Test
    @DisplayName("an AgentLocation is written with its agent id; forSource gives Manual except for network matches")
    void agentLocation() {
        AgentLocation loc = AgentLocation.builder("agent-9").address(hq()).source(LocationSource.USER_CONFIRMED)
                .since(AT).build();
        LocationMethod m = LocationMethod.forSource(loc.source()).orElseThrow();
        byte[] doc = PidfLoWriter.builder("contact.example.com").build().write(loc, m, AT);
        assertThat(xpath(doc, "/p:presence/@entity")).isEqualTo("pres:agent-9@contact.example.com");
        assertThat(xpath(doc, "//gp:method")).isEqualTo("Manual");
        assertThat(LocationMethod.forSource(LocationSource.NETWORK_MATCH)).isEmpty();
        assertThat(LocationMethod.forSource(LocationSource.ADMIN_ASSIGNED)).contains(LocationMethod.MANUAL);
        assertThat(LocationMethod.fromToken("802.11")).contains(LocationMethod.WIFI);
        assertThat(LocationMethod.fromToken("manual")).isEmpty();
    }

    @Test
    @DisplayName("the builder reports every problem at once")
    void builderReportsEverything() {
        assertThatThrownBy(() -> PidfLoWriter.builder("not a host").form(PidfLoWriter.Form.DEVICE)
                .retention(Duration.ofNanos(1500)).language("en_US").idPrefix("1x").build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactlyInAnyOrder("entityDomain", "deviceId", "retention",
                                "language", "idPrefix"));
        assertThatThrownBy(() -> PidfLoWriter.builder("example.com").deviceId("urn:x:y").build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("form"));
        assertThatThrownBy(() -> PidfLoWriter.builder("example.com").deviceForm("no scheme").build())
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new ProvidedBy("urn:ietf:params:xml:ns:pidf:geopriv10", "x", "v"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProvidedBy("urn:x", "x", "bell\u0007")).isInstanceOf(IllegalXmlCharacterException.class);
    }

    @Test
    @DisplayName("timestamps outside years 0001-9999 are refused; sub-millisecond precision is truncated")
    void timestampRange() {
        PidfLoWriter w = PidfLoWriter.builder("example.com").retention(Duration.ofDays(1)).build();
        assertThatThrownBy(() -> w.write("a", hq(), LocationMethod.MANUAL, Instant.parse("9999-12-31T12:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.write("a", hq(), LocationMethod.MANUAL, Instant.MIN))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] doc = w.write("a", hq(), LocationMethod.MANUAL, Instant.parse("2026-01-01T00:00:00.999999Z"));
        assertThat(text(doc)).contains("<timestamp>2026-01-01T00:00:00.999Z</timestamp>");
    }

    // ---- every generated document validates, and reads back exactly ----------------------------

    @Provide
    Arbitrary<DispatchableAddress> addresses() {
        return PidfArbitraries.addresses();
    }

    @Provide
    Arbitrary<PidfLoWriter> writers() {
        return PidfArbitraries.writers();
    }

    @Provide
    Arbitrary<Long> instants() {
        return PidfArbitraries.epochMillis();
    }

    @Provide
    Arbitrary<String> agents() {
        return PidfArbitraries.agentIds();
    }

    @Provide
    Arbitrary<LocationMethod> methods() {
        return PidfArbitraries.methods();
    }

    @Property(tries = 300)
    @Label("every document the writer produces is valid against the full schema set")
    void everyDocumentValidates(@ForAll("writers") PidfLoWriter w, @ForAll("addresses") DispatchableAddress a,
            @ForAll("agents") String agent, @ForAll("methods") LocationMethod m, @ForAll("instants") long at) {
        byte[] doc = w.write(agent, a, m, Instant.ofEpochMilli(at));
        assertThat(PidfSchemaValidator.standard().validate(doc).problems()).isEmpty();
    }

    @Property(tries = 300)
    @Label("read(write(address)) gives the address back, and the method, times, policy and entity")
    void roundTrip(@ForAll("writers") PidfLoWriter w, @ForAll("addresses") DispatchableAddress a,
            @ForAll("agents") String agent, @ForAll("methods") LocationMethod m, @ForAll("instants") long at) {
        DispatchableAddress validated = a.withValidation(new AddressValidation("carrier", AT));
        byte[] doc = w.write(agent, validated, m, Instant.ofEpochMilli(at));
        PidfReadResult result = PidfLoReader.standard().read(doc);
        assertThat(result).isInstanceOf(PidfReadResult.Located.class);
        PidfReadResult.Located located = (PidfReadResult.Located) result;
        DispatchableAddress expected = w.nenaExtensions() ? a : a.toBuilder().set(CivicElement.PCE, null).build();
        assertThat(located.address()).contains(expected);
        assertThat(located.entity()).isEqualTo(w.entityUri(agent));
        LocationElement primary = located.primary();
        assertThat(primary.kind()).isEqualTo(w.form() == PidfLoWriter.Form.DEVICE
                ? LocationElement.Kind.DEVICE : LocationElement.Kind.TUPLE);
        assertThat(primary.parts()).singleElement().isInstanceOf(CivicLocation.Accepted.class);
        assertThat(located.elements()).hasSize(a.point().isPresent() ? 2 : 1);
        for (LocationElement e : located.elements()) {
            assertThat(e.knownMethod()).contains(m);
            assertThat(e.timestamp().map(OffsetDateTime::toInstant)).contains(Instant.ofEpochMilli(at));
            assertThat(e.retransmissionAllowed()).isEqualTo(w.retransmissionAllowed());
            assertThat(e.retentionExpiry().map(OffsetDateTime::toInstant))
                    .isEqualTo(w.retention().map(r -> Instant.ofEpochMilli(at).plus(r)));
            assertThat(e.providedBy()).isEqualTo(w.providedBy());
        }
        assertThat(primary.deviceId()).isEqualTo(w.deviceId());
        assertThat(((CivicLocation) primary.parts().get(0)).fields().language()).isEqualTo(w.language().orElse(""));
    }

    @Property(tries = 200)
    @Label("numbers are written in plain notation and read back as the same double")
    void numbersRoundTrip(@ForAll double d) {
        String s = PidfLoWriter.number(Math.abs(d) < Double.MAX_VALUE ? d : 1.5);
        assertThat(s).doesNotContain("E", "e", "Infinity", "NaN");
        assertThat(Double.parseDouble(s)).isEqualTo(Math.abs(d) < Double.MAX_VALUE ? d + 0.0 : 1.5);
    }

    @Test
    void writesUtf8WithoutBom() {
        byte[] doc = PidfLoWriter.builder("example.com").build().write("a", hq(), LocationMethod.MANUAL, AT);
        assertThat(new String(doc, 0, 38, StandardCharsets.US_ASCII)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(utf8(text(doc))).isEqualTo(doc);
    }
}
