package dev.e911.reliability.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.address.GeoPoint;
import dev.e911.core.pidf.LocationElement;
import dev.e911.core.pidf.LocationMethod;
import dev.e911.core.pidf.PidfLoReader;
import dev.e911.core.pidf.PidfLoWriter;
import dev.e911.core.pidf.PidfReadResult;
import dev.e911.core.pidf.PidfSchemaValidator;
import dev.e911.core.pidf.PidfValidationResult;
import dev.e911.reliability.Scale;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Fuzz over the PIDF-LO reader (issue 10): valid documents — written by {@link PidfLoWriter} from
 * generated addresses, plus the RFC-style example documents — mutated by byte flips, truncation,
 * element duplication and deletion, namespace swaps, entity and DOCTYPE insertion and random bytes
 * (XML-illegal characters, broken UTF-8 included). Every input must yield a {@link PidfReadResult}
 * (a parse or a typed refusal), never another exception and never a hang; a {@code Located} result
 * must also answer every accessor a caller uses. {@code Scale.of(1 000, 100 000)} cases for the
 * reader, a tenth of that for the schema validator.
 */
class PidfReaderFuzzPropertyTest {

    /** Generous: a hang or blow-up, not a slow machine. */
    private static final long MAX_CASE_NANOS = 2_000_000_000L;
    private static final List<byte[]> SEEDS = seeds();
    private static final String[] NAMESPACES = {
        "urn:ietf:params:xml:ns:pidf", "urn:ietf:params:xml:ns:pidf:geopriv10",
        "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr", "http://www.opengis.net/gml",
        "http://www.opengis.net/pidflo/1.0", "urn:ietf:params:xml:ns:pidf:data-model",
        "urn:ietf:params:xml:ns:pidf:geopriv10:civicLoc", "urn:opengis:specification:gml:schema-xsd:feature:v3.0",
        "urn:example:other", ""};
    private static final String[] INSERTS = {
        "<!DOCTYPE presence [<!ENTITY x \"xx\">]>", "<!DOCTYPE presence SYSTEM \"http://127.0.0.1:9/x.dtd\">",
        "<!DOCTYPE r [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>", "&x;", "&amp;", "&#0;", "&#x1F;", "&#xFFFE;",
        "&#x10FFFF;", "&#1114112;", "&#xD800;", "<![CDATA[]]>", "<!-- -->", "<?pi x?>", "<?xml version=\"1.0\"?>", "]]>",
        "<x:y xmlns:x=\"urn:x\"/>", "xmlns=\"\"", " xmlns:gml=\"urn:x\"", " a=\"1\" a=\"2\"", "\uFEFF", "\u0085", "\u2028",
        "\uD83C\uDFE2", "<gml:pos>1e400 -1e400</gml:pos>", "<gml:pos>NaN Infinity</gml:pos>", "<gs:radius uom=\"x\">-1</gs:radius>",
        "<ca:HNO>" + "9".repeat(300) + "</ca:HNO>", "srsName=\"urn:ogc:def:crs:EPSG::4979\""};
    private static final byte[][] RAW = {
        {0}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xC0, (byte) 0xBC}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xEF, (byte) 0xBF, (byte) 0xBE}, {(byte) 0xE2},
        {0x1B}, {(byte) 0xC2, (byte) 0x85}};

    static final AtomicInteger readerCases = new AtomicInteger();
    static final AtomicInteger validatorCases = new AtomicInteger();
    static final AtomicLong slowestNanos = new AtomicLong();
    static final int[] outcomes = new int[5];
    static final java.util.Map<String, Integer> reasons = new java.util.TreeMap<>();

    /** Sets each property's tries from the suite's scale (jqwik's {@code tries} must otherwise be a constant). */
    static final class ScaledTries implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            boolean validator = context.targetMethod().getName().contains("Validator");
            context.attributes().setTries(validator ? Scale.of(100, 10_000) : Scale.of(1_000, 100_000));
            return property.execute();
        }
    }

    /** A mutation; positions are fractions of the document's length, so a mutation applies to any document. */
    record Mutation(int kind, double where, double until, int pick) {
        byte[] apply(byte[] doc) {
            int n = doc.length;
            int at = (int) (where * n);
            int to = Math.min(n, at + (int) (until * Math.max(1, n - at)));
            String text = new String(doc, StandardCharsets.UTF_8);
            switch (kind) {
                case 0 -> { // byte flip
                    if (n == 0) {
                        return doc;
                    }
                    byte[] out = doc.clone();
                    out[Math.min(at, n - 1)] ^= (byte) (1 + (pick & 0xFE));
                    return out;
                }
                case 1 -> { // truncation
                    return Arrays.copyOf(doc, at);
                }
                case 2 -> { // duplicate a run of markup between two tags
                    int[] span = tagSpan(doc, at, to);
                    return splice(doc, span[1], span[1], Arrays.copyOfRange(doc, span[0], span[1]));
                }
                case 3 -> { // delete a run of markup between two tags
                    int[] span = tagSpan(doc, at, to);
                    return splice(doc, span[0], span[1], new byte[0]);
                }
                case 4 -> { // swap one namespace URI for another
                    String from = NAMESPACES[pick % (NAMESPACES.length - 1)];
                    String into = NAMESPACES[(pick / 16) % NAMESPACES.length];
                    return text.replaceFirst("\"" + java.util.regex.Pattern.quote(from) + "\"", "\"" + into + "\"")
                            .getBytes(StandardCharsets.UTF_8);
                }
                case 5 -> { // entity, DOCTYPE or other construct, inserted after the declaration or anywhere
                    String insert = INSERTS[pick % INSERTS.length];
                    int decl = text.indexOf("?>");
                    int place = (pick & 1) == 0 && decl >= 0 ? Math.min(n, byteIndex(text, decl + 2)) : at;
                    return splice(doc, place, place, insert.getBytes(StandardCharsets.UTF_8));
                }
                case 6 -> { // raw bytes: XML-illegal characters, broken or overlong UTF-8
                    return splice(doc, at, at, RAW[pick % RAW.length]);
                }
                default -> { // a random code point, any plane, XML-legal or not
                    int cp = pick % 0x110000;
                    String s = Character.isSurrogate((char) cp) && cp <= 0xFFFF ? "\uFFFD" : new String(Character.toChars(cp));
                    return splice(doc, at, at, s.getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        private static int byteIndex(String text, int charIndex) {
            return text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
        }

        /**
         * A whole element: from the first start tag at or after {@code at} to its end tag (the first
         * {@code </name>} after it) or its own {@code />}; else from that '<' to the next '<' after {@code to}.
         */
        private static int[] tagSpan(byte[] doc, int at, int to) {
            int start = indexOf(doc, (byte) '<', at);
            while (start >= 0 && start + 1 < doc.length && (doc[start + 1] == '/' || doc[start + 1] == '?' || doc[start + 1] == '!')) {
                start = indexOf(doc, (byte) '<', start + 1);
            }
            if (start < 0) {
                return new int[] {doc.length, doc.length};
            }
            int tagEnd = indexOf(doc, (byte) '>', start);
            if (tagEnd > 0) {
                if (doc[tagEnd - 1] == '/') {
                    return new int[] {start, tagEnd + 1};
                }
                int nameEnd = start + 1;
                while (nameEnd < tagEnd && doc[nameEnd] != ' ' && doc[nameEnd] != '\n' && doc[nameEnd] != '\t') {
                    nameEnd++;
                }
                byte[] close = ("</" + new String(doc, start + 1, nameEnd - start - 1, StandardCharsets.UTF_8) + ">")
                        .getBytes(StandardCharsets.UTF_8);
                int closeAt = indexOf(doc, close, tagEnd);
                if (closeAt >= 0) {
                    return new int[] {start, closeAt + close.length};
                }
            }
            int end = indexOf(doc, (byte) '<', Math.max(to, start + 1));
            return new int[] {start, end < 0 ? doc.length : end};
        }

        private static int indexOf(byte[] doc, byte[] needle, int from) {
            outer:
            for (int i = Math.max(0, from); i <= doc.length - needle.length; i++) {
                for (int k = 0; k < needle.length; k++) {
                    if (doc[i + k] != needle[k]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private static int indexOf(byte[] doc, byte b, int from) {
            for (int i = Math.max(0, from); i < doc.length; i++) {
                if (doc[i] == b) {
                    return i;
                }
            }
            return -1;
        }

        private static byte[] splice(byte[] doc, int from, int to, byte[] insert) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(doc.length + insert.length);
            out.write(doc, 0, from);
            out.writeBytes(insert);
            out.write(doc, to, doc.length - to);
            return out.toByteArray();
        }
    }

    private static List<byte[]> seeds() {
        List<byte[]> out = new ArrayList<>();
        String[] names = {"device-circle.xml", "rfc4119-legacy.xml", "rfc5139-civic.xml", "rfc5491-arcband.xml",
            "rfc5491-circle.xml", "rfc5491-compound.xml", "rfc5491-ellipse.xml", "rfc5491-ellipsoid.xml", "rfc5491-point.xml",
            "rfc5491-point3d.xml", "rfc5491-polygon-poslist.xml", "rfc5491-polygon.xml", "rfc5491-prism.xml", "rfc5491-sphere.xml"};
        for (String name : names) {
            try (InputStream in = PidfReaderFuzzPropertyTest.class.getResourceAsStream("/hostile/seeds/" + name)) {
                out.add(in.readAllBytes());
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("missing fuzz seed " + name, e);
            }
        }
        return List.copyOf(out);
    }

    private static final String SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -#/.&<>\"'áéñÑüÁ¿¡";

    /** Writer-rendered documents: generated civic values (markup and accents included), with or without a point, tuple or device form. */
    static Arbitrary<byte[]> written() {
        Arbitrary<String> value = Arbitraries.strings().withChars(SAFE).ofMinLength(1).ofMaxLength(24)
                .filter(s -> !s.isBlank());
        Arbitrary<String> house = Arbitraries.integers().between(1, 99_999).map(String::valueOf);
        Arbitrary<Boolean> withPoint = Arbitraries.of(true, false);
        Arbitrary<Boolean> device = Arbitraries.of(true, false);
        return Combinators.combine(value, value, house, withPoint, device, Arbitraries.integers().between(0, 1_000_000))
                .as((street, name, number, point, dev, seed) -> {
                    DispatchableAddress.Builder b = DispatchableAddress.builder("US").state("CA").city("San Francisco")
                            .streetName(street).houseNumber(number).postalCode("94133").set(CivicElement.NAM, name);
                    if (point) {
                        b.point(new GeoPoint(37 + seed / 2e6, -122 - seed / 2e6, seed % 3 == 0 ? 0 : seed % 200));
                    }
                    PidfLoWriter.Builder w = PidfLoWriter.builder("contact.example.com").language("es-MX");
                    if (dev) {
                        w.deviceForm("mac:00005e0053" + String.format("%02x", seed % 256));
                    }
                    return w.build().write("agent" + seed, b.build(), LocationMethod.MANUAL,
                            Instant.parse("2026-11-25T12:00:00Z").plusSeconds(seed));
                });
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        Arbitrary<byte[]> base = Arbitraries.oneOf(written(), Arbitraries.of(SEEDS));
        // structural mutations (duplicate, delete, namespace swap) weigh more: they keep documents readable
        Arbitrary<Integer> kind = Arbitraries.frequency(Tuple.of(2, 0), Tuple.of(1, 1), Tuple.of(4, 2), Tuple.of(4, 3),
                Tuple.of(4, 4), Tuple.of(3, 5), Tuple.of(1, 6), Tuple.of(1, 7));
        Arbitrary<Mutation> mutation = Combinators.combine(kind,
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, Integer.MAX_VALUE)).as(Mutation::new);
        return Combinators.combine(base, mutation.list().ofMinSize(1).ofMaxSize(3)).as((doc, mutations) -> {
            byte[] out = doc;
            for (Mutation m : mutations) {
                out = m.apply(out);
            }
            return out;
        });
    }

    @Property(shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(ScaledTries.class)
    @Label("the reader answers every mutated document with a parse or a typed refusal, never another exception, never a hang")
    void readerNeverThrows(@ForAll("mutated") byte[] document) {
        long start = System.nanoTime();
        PidfReadResult result = PidfLoReader.standard().read(document);
        exercise(result);
        long took = System.nanoTime() - start;
        slowestNanos.accumulateAndGet(took, Math::max);
        readerCases.incrementAndGet();
        assertThat(took).as("nanoseconds for one document").isLessThan(MAX_CASE_NANOS);
    }

    @Property(shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(ScaledTries.class)
    @Label("the schema validator answers every mutated document with a result, never an exception")
    void schemaValidatorNeverThrows(@ForAll("mutated") byte[] document) {
        long start = System.nanoTime();
        PidfValidationResult result = PidfSchemaValidator.standard().validate(document);
        assertThat(result).isNotNull();
        if (result instanceof PidfValidationResult.Refused refused) {
            assertThat(refused.problem().message()).startsWith(refused.reason().name());
        }
        validatorCases.incrementAndGet();
        assertThat(System.nanoTime() - start).isLessThan(MAX_CASE_NANOS);
    }

    /** Everything a caller of the reader does with a result: none of it may throw. */
    private static void exercise(PidfReadResult result) {
        assertThat(result).isNotNull();
        synchronized (outcomes) {
            outcomes[result instanceof PidfReadResult.Located ? 0 : result instanceof PidfReadResult.NoLocation ? 1
                    : result instanceof PidfReadResult.UnsupportedLegacyFormat ? 2 : result instanceof PidfReadResult.NotPidf ? 3 : 4]++;
        }
        if (result instanceof PidfReadResult.Refused refused) {
            assertThat(refused.reason()).isNotNull();
            synchronized (outcomes) {
                reasons.merge(refused.reason().name(), 1, Integer::sum);
            }
            assertThat(refused.refusal().getMessage()).startsWith(refused.reason().name());
        } else if (result instanceof PidfReadResult.Located located) {
            assertThat(located.byPrecedence()).isNotEmpty();
            LocationElement primary = located.primary();
            assertThat(primary.toString()).isNotNull();
            located.civic().ifPresent(c -> assertThat(c.toString()).isNotNull());
            located.shape().ifPresent(s -> assertThat(s.toString()).isNotNull());
            located.address().ifPresent(a -> assertThat(a.oneLine()).isNotNull());
            for (LocationElement e : located.elements()) {
                assertThat(e.parts()).isNotNull();
                e.knownMethod();
                e.timestamp();
            }
        }
    }

    @AfterContainer
    static void report() {
        System.out.printf(java.util.Locale.ROOT, "PIDF-LO fuzz: %d reader cases (Located %d, NoLocation %d, UnsupportedLegacyFormat %d, NotPidf %d,"
                + " Refused %d %s), slowest %.1f ms; %d validator cases%n", readerCases.get(), outcomes[0], outcomes[1],
                outcomes[2], outcomes[3], outcomes[4], reasons, slowestNanos.get() / 1e6, validatorCases.get());
    }

    static {
        // fail early and clearly if the seeds do not read as intended
        for (byte[] seed : SEEDS) {
            if (PidfLoReader.standard().read(seed) instanceof PidfReadResult.Refused refused) {
                throw new UncheckedIOException(new IOException("a fuzz seed is refused: " + refused.reason()));
            }
        }
    }
}
