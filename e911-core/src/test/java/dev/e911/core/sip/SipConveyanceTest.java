package dev.e911.core.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.core.pidf.GeoShape;
import dev.e911.core.pidf.LocationMethod;
import dev.e911.core.pidf.PidfLoReader;
import dev.e911.core.pidf.PidfLoWriter;
import dev.e911.core.pidf.PidfReadResult;
import dev.e911.core.pidf.Position;
import dev.e911.core.sip.GeolocationValue.Conveyance;
import dev.e911.core.sip.GeolocationValue.Parameter;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SipConveyanceTest {

    static final byte[] SDP = ("v=0\r\no=agent 2890844526 2890842807 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\n"
            + "t=0 0\r\nm=audio 49170 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n").getBytes(StandardCharsets.US_ASCII);

    static byte[] pidf() {
        DispatchableAddress a = DispatchableAddress.builder("US").state("CA").city("San Francisco").streetName("Point")
                .houseNumber("1200").postalCode("94133").name("Café & Co").build();
        return PidfLoWriter.builder("contact.example.com").build().write("agent417", a, LocationMethod.MANUAL,
                Instant.parse("2026-11-25T16:00:00Z"));
    }

    /** Reads the body back with Angus Mail's MIME parser, the independent oracle. */
    static MimeMultipart parse(SipLocationBody body) throws MessagingException {
        return new MimeMultipart(new ByteArrayDataSource(body.body(), body.contentType()));
    }

    static byte[] raw(BodyPart part) throws MessagingException, IOException {
        try (InputStream in = ((MimeBodyPart) part).getRawInputStream()) {
            return in.readAllBytes();
        }
    }

    @Nested
    @DisplayName("the multipart/mixed body")
    class Body {

        @Test
        @DisplayName("Angus Mail reads both parts back: types, Content-ID = the cid in Geolocation, bytes unchanged")
        void mimeOracle() throws Exception {
            byte[] pidf = pidf();
            SipLocationBody body = SipLocationConveyance.builder("contact.example.com").build().compose(SDP, pidf);
            MimeMultipart mp = parse(body);
            assertThat(new ContentType(body.contentType()).getBaseType()).isEqualTo("multipart/mixed");
            assertThat(mp.getCount()).isEqualTo(2);
            assertThat(mp.getBodyPart(0).getContentType()).isEqualTo("application/sdp");
            assertThat(raw(mp.getBodyPart(0))).isEqualTo(SDP);
            BodyPart loc = mp.getBodyPart(1);
            assertThat(loc.getContentType()).isEqualTo("application/pidf+xml");
            assertThat(raw(loc)).isEqualTo(pidf);
            String contentId = loc.getHeader("Content-ID")[0];
            GeolocationHeader.Result parsed = GeolocationHeader.parse(body.geolocation());
            GeolocationValue value = ((GeolocationHeader.Result.Parsed) parsed).values().get(0);
            assertThat(value.conveyance()).isEqualTo(Conveyance.BY_VALUE);
            assertThat("<" + value.contentId().orElseThrow() + ">").isEqualTo(contentId);
            assertThat(body.contentId()).matches("loc-[0-9a-f]{16}@contact\\.example\\.com");
            assertThat(PidfLoReader.standard().read(raw(loc))).isInstanceOf(PidfReadResult.Located.class);
        }

        @Test
        @DisplayName("CRLF everywhere outside the parts, a blank line after each part's headers, exact Content-Length")
        void framing() {
            byte[] pidf = pidf();
            SipLocationBody body = SipLocationConveyance.builder("contact.example.com").renderOptionalDisposition(true)
                    .build().compose(SDP, pidf, "loc-1@contact.example.com");
            String b = body.boundary();
            String expected = "--" + b + "\r\nContent-Type: application/sdp\r\n\r\n" + new String(SDP, StandardCharsets.US_ASCII)
                    + "\r\n--" + b + "\r\nContent-Type: application/pidf+xml\r\nContent-ID: <loc-1@contact.example.com>\r\n"
                    + "Content-Disposition: render;handling=optional\r\n\r\n" + new String(pidf, StandardCharsets.UTF_8)
                    + "\r\n--" + b + "--\r\n";
            assertThat(new String(body.body(), StandardCharsets.UTF_8)).isEqualTo(expected);
            assertThat(body.contentLength()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length).isEqualTo(body.body().length);
            assertThat(body.headers()).containsExactly(
                    new SipLocationBody.Header("Geolocation", "<cid:loc-1@contact.example.com>"),
                    new SipLocationBody.Header("Geolocation-Routing", "yes"),
                    new SipLocationBody.Header("Content-Type", "multipart/mixed;boundary=" + b),
                    new SipLocationBody.Header("Content-Length", Integer.toString(body.contentLength())));
        }

        @Test
        @DisplayName("a boundary that occurs in the content is never used")
        void boundaryCollision() throws Exception {
            // a generator whose first candidate we know, planted in the PIDF-LO
            long seed = 42;
            byte[] first = new byte[12];
            new SplittableRandom(seed).nextBytes(first);
            String planted = "e911-" + java.util.HexFormat.of().formatHex(first);
            byte[] pidf = (new String(pidf(), StandardCharsets.UTF_8).replace("</presence>",
                    "<!-- --" + planted + " -->\n</presence>")).getBytes(StandardCharsets.UTF_8);
            SipLocationConveyance c = SipLocationConveyance.builder("example.com").random(() -> new SplittableRandom(seed)).build();
            SipLocationBody body = c.compose(SDP, pidf, "x@example.com");
            assertThat(body.boundary()).isNotEqualTo(planted);
            assertThat(raw(parse(body).getBodyPart(1))).isEqualTo(pidf);
            RandomGenerator stuck = new RandomGenerator() {
                @Override
                public long nextLong() {
                    return 0;
                }

                @Override
                public void nextBytes(byte[] bytes) {
                    java.util.Arrays.fill(bytes, (byte) 0);
                }
            };
            byte[] hostile = "--e911-000000000000000000000000".getBytes(StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> SipLocationConveyance.builder("example.com").random(() -> stuck).build()
                    .compose(hostile, pidf(), "x@example.com")).isInstanceOf(IllegalStateException.class);
        }

        @Provide
        Arbitrary<byte[]> contents() {
            return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                    Arbitraries.strings().withChars("-\r\ne911abc0123456789 ").ofMaxLength(300)
                            .map(s -> s.getBytes(StandardCharsets.US_ASCII)));
        }

        @Property(tries = 200)
        @Label("for any part contents, Angus Mail gets exactly those bytes back")
        void anyContentRoundTrips(@ForAll("contents") byte[] sdp, @ForAll("contents") byte[] loc) throws Exception {
            SipLocationBody body = SipLocationConveyance.builder("example.com").build().compose(sdp, loc);
            MimeMultipart mp = parse(body);
            assertThat(mp.getCount()).isEqualTo(2);
            assertThat(raw(mp.getBodyPart(0))).isEqualTo(sdp);
            assertThat(raw(mp.getBodyPart(1))).isEqualTo(loc);
        }

        @Test
        void configurationAndContentIdChecks() {
            assertThatThrownBy(() -> SipLocationConveyance.builder("bad domain").routing(null).build())
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations()).hasSize(2));
            SipLocationConveyance c = SipLocationConveyance.builder("example.com").routing(GeolocationRouting.NO).build();
            assertThat(c.compose(SDP, pidf()).routing()).isEqualTo(GeolocationRouting.NO);
            for (String bad : List.of("no-at", "a@b@c", "a b@c", "<a@b>", "a@", ".a@b", "a..b@c")) {
                assertThatThrownBy(() -> c.compose(SDP, pidf(), bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Nested
    @DisplayName("the Geolocation header")
    class Header {

        static List<GeolocationValue> values(String header) {
            GeolocationHeader.Result r = GeolocationHeader.parse(header);
            assertThat(r).isInstanceOf(GeolocationHeader.Result.Parsed.class);
            return ((GeolocationHeader.Result.Parsed) r).values();
        }

        @Test
        @DisplayName("by value, by reference, several values, parameters including quoted strings with commas")
        void parse() {
            List<GeolocationValue> v = values(" <cid:target123@atlanta.example.com> , "
                    + "<https://lis.example.com/loc/3sdefrhy2jj7>;loc-src=edge.example.com,"
                    + "<sips:3sdefrhy2jj7@lis.atlanta.example.com> ; inserted-by=\"proxy, one; two\" ;flag\t,<pres:a@b>,<geo:1,2>,<tel:911>");
            assertThat(v).extracting(GeolocationValue::conveyance).containsExactly(Conveyance.BY_VALUE, Conveyance.BY_REFERENCE,
                    Conveyance.BY_REFERENCE, Conveyance.BY_REFERENCE, Conveyance.GEO_URI_NOT_ALLOWED, Conveyance.UNKNOWN_SCHEME);
            assertThat(v.get(0).contentId()).contains("target123@atlanta.example.com");
            assertThat(v.get(1).parameter("LOC-SRC")).contains(new Parameter("loc-src", "edge.example.com"));
            assertThat(v.get(2).parameters()).containsExactly(new Parameter("inserted-by", "\"proxy, one; two\""),
                    new Parameter("flag", ""));
            assertThat(v.get(2).scheme()).isEqualTo("sips");
            assertThat(v.get(1).contentId()).isEmpty();
            assertThat(v.get(2).headerForm()).isEqualTo("<sips:3sdefrhy2jj7@lis.atlanta.example.com>;inserted-by=\"proxy, one; two\";flag");
        }

        @Test
        @DisplayName("cid URIs are %-encoded on write and %-decoded on read (RFC 2392)")
        void cidEncoding() {
            assertThat(GeolocationHeader.byValue("loc-7f3a@contact.example.com")).isEqualTo("<cid:loc-7f3a@contact.example.com>");
            String odd = "a/b=c+d%e@h.example";
            String header = GeolocationHeader.byValue(odd);
            assertThat(header).isEqualTo("<cid:a%2Fb%3Dc%2Bd%25e@h.example>");
            assertThat(values(header).get(0).contentId()).contains(odd);
            assertThat(values("<cid:bad%zz@x>").get(0).contentId()).isEmpty();
            assertThat(values("<cid:caf%C3%A9@x>").get(0).contentId()).contains("café@x");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "cid:x@y", "<cid:x@y", "<>", "<nocolon>", "<cid:x@y>;", "<cid:x@y>;a=", "<cid:x@y> <sip:z>",
            "<cid:x@y>,", "<cid:x@y>;a=\"open", "<cid:x y>", "<a:b>;=v"})
        @DisplayName("malformed values are reported with an index, never thrown")
        void malformed(String header) {
            assertThat(GeolocationHeader.parse(header)).isInstanceOf(GeolocationHeader.Result.Malformed.class);
        }

        @Test
        @DisplayName("Geolocation-Routing: yes only when it says yes; absent or unknown means no")
        void routing() {
            assertThat(GeolocationRouting.parse("yes")).isEqualTo(GeolocationRouting.YES);
            assertThat(GeolocationRouting.parse(" YES ")).isEqualTo(GeolocationRouting.YES);
            assertThat(GeolocationRouting.parse("no")).isEqualTo(GeolocationRouting.NO);
            assertThat(GeolocationRouting.parse("maybe")).isEqualTo(GeolocationRouting.NO);
            assertThat(GeolocationRouting.parse(null)).isEqualTo(GeolocationRouting.NO);
            assertThat(GeolocationRouting.absent()).isEqualTo(GeolocationRouting.NO);
            assertThat(GeolocationRouting.YES.headerValue()).isEqualTo("yes");
        }
    }

    @Test
    @DisplayName("an INVITE modelled on the RFC 6442 example: header cid matches the part, the PIDF-LO gives the point")
    void rfc6442Example() throws Exception {
        byte[] all;
        try (InputStream in = SipConveyanceTest.class.getResourceAsStream("/dev/e911/core/pidf/examples/rfc6442-invite.txt")) {
            all = in.readAllBytes();
        }
        String text = new String(all, StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String head = text.substring(0, split);
        byte[] body = text.substring(split + 4).getBytes(StandardCharsets.UTF_8);
        String geolocation = headerValue(head, "Geolocation");
        String contentType = headerValue(head, "Content-Type");
        assertThat(GeolocationRouting.parse(headerValue(head, "Geolocation-Routing"))).isEqualTo(GeolocationRouting.NO);
        MimeMultipart mp = new MimeMultipart(new ByteArrayDataSource(body, contentType));
        GeolocationValue value = Header.values(geolocation).get(0);
        BodyPart location = null;
        for (int i = 0; i < mp.getCount(); i++) {
            String[] ids = mp.getBodyPart(i).getHeader("Content-ID");
            if (ids != null && ids[0].equals("<" + value.contentId().orElseThrow() + ">")) {
                location = mp.getBodyPart(i);
            }
        }
        assertThat(location).isNotNull();
        PidfReadResult.Located l = (PidfReadResult.Located) PidfLoReader.standard().read(raw(location));
        assertThat(l.shape()).contains(new GeoShape.Point("urn:ogc:def:crs:EPSG::4326", Position.of(32.86726, -97.16054)));
        assertThat(l.primary().method()).contains("802.11");
        assertThat(l.primary().retransmissionAllowed()).isFalse();
        assertThat(l.primary().retentionExpiry()).isPresent();
    }

    private static String headerValue(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        throw new AssertionError("no header " + name);
    }
}
