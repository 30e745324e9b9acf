package dev.e911.benchmarks.pidf;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.address.GeoPoint;
import dev.e911.core.pidf.LocationMethod;
import dev.e911.core.pidf.PidfLoReader;
import dev.e911.core.pidf.PidfLoWriter;
import dev.e911.core.pidf.PidfReadResult;
import dev.e911.core.pidf.PreRenderedPidf;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * PIDF-LO on the emergency-call hot path: the pre-rendered copy with the timestamp patched in
 * (into a caller's buffer and into a fresh array) against a bare {@code System.arraycopy} of the
 * same bytes, the full render, a naive DOM + {@code Transformer} render (what a straightforward
 * implementation would do), and parsing with the hardened reader. Inputs are pre-generated in
 * power-of-two arrays and picked by a masked index, Caffeine style, so no benchmark sees one
 * constant input.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PidfBenchmark {

    private static final int SIZE = 16;
    private static final int MASK = SIZE - 1;
    private static final String GP = "urn:ietf:params:xml:ns:pidf:geopriv10";
    private static final String CA = "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String[] agents = new String[SIZE];
    private final DispatchableAddress[] addresses = new DispatchableAddress[SIZE];
    private final long[] times = new long[SIZE];
    private final PreRenderedPidf[] templates = new PreRenderedPidf[SIZE];
    private final byte[][] documents = new byte[SIZE][];
    /** {@code none}: one timestamp per element (the default writer); {@code PT24H}: plus a retention-expiry slot per element. */
    @Param({"none", "PT24H"})
    public String retention;
    /**
     * {@code day}: call times spread over one day crossing midnight UTC (the date part changes between
     * calls: the pessimistic case); {@code now}: call times within one minute, as a router sees them
     * (each call's time is "now").
     */
    @Param({"day", "now"})
    public String calls;

    private PidfLoWriter writer;
    private byte[] buffer;
    private DocumentBuilder documentBuilder;
    private Transformer transformer;
    private int index;
    private int timeIndex;

    @Setup
    public void setUp() throws Exception {
        PidfLoWriter.Builder config = PidfLoWriter.builder("contact.example.com").language("en-US");
        if (!retention.equals("none")) {
            config.retention(Duration.parse(retention));
        }
        writer = config.build();
        SplittableRandom random = new SplittableRandom(911);
        String[] streets = {"Point", "Avenida de la Constitución", "Main & Market", "Ñandú"};
        int max = 0;
        for (int i = 0; i < SIZE; i++) {
            agents[i] = "agent" + (1000 + random.nextInt(9000));
            DispatchableAddress.Builder b = DispatchableAddress.builder("US").state("CA").city("San Francisco")
                    .preDirectional("North").streetName(streets[i % streets.length]).streetSuffix("Street")
                    .houseNumber(Integer.toString(1 + random.nextInt(99_999))).floor(Integer.toString(1 + i))
                    .unit("Suite " + (100 + i)).postalCode("94133-" + (1000 + i)).set(CivicElement.NAM, "Acme Support");
            if (i % 2 == 0) {
                b.point(new GeoPoint(37 + random.nextDouble(), -122 - random.nextDouble(), i % 4 == 0 ? 0 : 35));
            }
            addresses[i] = b.build();
            // "day": calls spread over one day (crossing midnight UTC), so the date part changes between calls
            times[i] = Instant.parse("2026-11-25T12:00:00Z").toEpochMilli() + random.nextInt(calls.equals("now") ? 60_000 : 86_400_000);
            templates[i] = writer.preRender(agents[i], addresses[i], LocationMethod.MANUAL);
            documents[i] = templates[i].render(times[i]);
            max = Math.max(max, templates[i].length());
        }
        buffer = new byte[max];
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newDefaultInstance();
        dbf.setNamespaceAware(true);
        documentBuilder = dbf.newDocumentBuilder();
        transformer = TransformerFactory.newDefaultInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty(OutputKeys.INDENT, "no");
    }

    private int next() {
        index = (index + 1) & MASK;
        return index;
    }

    /** An instant independent of the template index (stride 5 over the array), so no template always sees the same time. */
    private long nextTime() {
        timeIndex = (timeIndex + 5) & MASK;
        return times[timeIndex];
    }

    /** The floor: copying the same number of bytes, nothing else. */
    @Benchmark
    public byte[] arraycopyBaseline() {
        byte[] src = documents[next()];
        System.arraycopy(src, 0, buffer, 0, src.length);
        return buffer;
    }

    /** The hot path: pre-rendered bytes copied into the caller's buffer, timestamps patched. */
    @Benchmark
    public byte[] preRenderedCopyInto() {
        int i = next();
        templates[i].copyInto(buffer, 0, nextTime());
        return buffer;
    }

    /** The same, into a fresh array per call. */
    @Benchmark
    public byte[] preRenderedFreshArray() {
        int i = next();
        return templates[i].render(nextTime());
    }

    /** The per-call work alone: patching the slots of a document already in the buffer, no copy. */
    @Benchmark
    public byte[] patchOnly() {
        int i = next();
        templates[i].patch(buffer, 0, nextTime());
        return buffer;
    }

    /** Rendering from the address every time. */
    @Benchmark
    public byte[] fullRender() {
        int i = next();
        return writer.write(agents[i], addresses[i], LocationMethod.MANUAL, Instant.ofEpochMilli(nextTime()));
    }

    /** The comparison: a straightforward DOM build serialised by a Transformer (civic tuple only). */
    @Benchmark
    public byte[] naiveDomTransformer() throws Exception {
        int i = next();
        Document d = documentBuilder.newDocument();
        Element presence = d.createElementNS("urn:ietf:params:xml:ns:pidf", "presence");
        presence.setAttribute("entity", "pres:" + agents[i] + "@contact.example.com");
        d.appendChild(presence);
        Element tuple = d.createElementNS("urn:ietf:params:xml:ns:pidf", "tuple");
        tuple.setAttribute("id", "loc-civic");
        presence.appendChild(tuple);
        Element status = d.createElementNS("urn:ietf:params:xml:ns:pidf", "status");
        tuple.appendChild(status);
        Element geopriv = d.createElementNS(GP, "gp:geopriv");
        status.appendChild(geopriv);
        Element info = d.createElementNS(GP, "gp:location-info");
        geopriv.appendChild(info);
        Element civic = d.createElementNS(CA, "ca:civicAddress");
        civic.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "en-US");
        info.appendChild(civic);
        for (Map.Entry<CivicElement, String> e : addresses[i].elements().entrySet()) {
            Element el = d.createElementNS(e.getKey().namespace().uri(), "ca:" + e.getKey().xmlName());
            el.setTextContent(e.getValue());
            civic.appendChild(el);
        }
        Element rules = d.createElementNS(GP, "gp:usage-rules");
        geopriv.appendChild(rules);
        Element retransmission = d.createElementNS("urn:ietf:params:xml:ns:pidf:geopriv10:basicPolicy",
                "gbp:retransmission-allowed");
        retransmission.setTextContent("true");
        rules.appendChild(retransmission);
        Element method = d.createElementNS(GP, "gp:method");
        method.setTextContent("Manual");
        geopriv.appendChild(method);
        Element timestamp = d.createElementNS("urn:ietf:params:xml:ns:pidf", "timestamp");
        timestamp.setTextContent(STAMP.format(Instant.ofEpochMilli(nextTime())));
        tuple.appendChild(timestamp);
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        transformer.transform(new DOMSource(d), new StreamResult(out));
        return out.toByteArray();
    }

    /** Reading an inbound document with the hardened reader. */
    @Benchmark
    public PidfReadResult parse() {
        return PidfLoReader.standard().read(documents[next()]);
    }
}
