package dev.e911.benchmarks.pidf;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.address.GeoPoint;
import dev.e911.core.pidf.LocationMethod;
import dev.e911.core.pidf.PidfLoReader;
import dev.e911.core.pidf.PidfLoWriter;
import dev.e911.core.pidf.PidfReadException;
import dev.e911.core.pidf.PidfReadResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading inbound PIDF-LO with the hardened reader: a valid document (civic, half with a point) as
 * {@code PidfLoWriter} renders it, and two hostile ones that must be refused cheaply — a billion
 * laughs (refused at its DOCTYPE), 20 000 nested open tags (refused at the depth limit) and 4 000
 * namespace declarations on one tag (refused for too many attributes).
 * Inputs are pre-generated in a power-of-two array and picked by a masked index.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PidfParseBenchmark {

    private static final int SIZE = 16;
    private static final int MASK = SIZE - 1;

    private final byte[][] documents = new byte[SIZE][];
    private byte[] billionLaughs;
    private byte[] deep;
    private byte[] namespaceFlood;
    private int index;

    @Setup
    public void setUp() {
        PidfLoWriter writer = PidfLoWriter.builder("contact.example.com").language("en-US").build();
        SplittableRandom random = new SplittableRandom(911);
        for (int i = 0; i < SIZE; i++) {
            DispatchableAddress.Builder b = DispatchableAddress.builder("US").state("CA").city("San Francisco")
                    .streetName(i % 2 == 0 ? "Market" : "Ñandú").streetSuffix("Street")
                    .houseNumber(Integer.toString(1 + random.nextInt(99_999))).floor(Integer.toString(1 + i))
                    .unit("Suite " + (100 + i)).postalCode("94133").set(CivicElement.NAM, "Acme Support");
            if (i % 2 == 0) {
                b.point(new GeoPoint(37 + random.nextDouble(), -122 - random.nextDouble(), 0));
            }
            documents[i] = writer.write("agent" + i, b.build(), LocationMethod.MANUAL,
                    Instant.parse("2026-11-25T12:00:00Z").plusSeconds(i));
            if (!(PidfLoReader.standard().read(documents[i]) instanceof PidfReadResult.Located)) {
                throw new IllegalStateException("benchmark document " + i + " does not read back as Located");
            }
        }
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        laughs.append("]>\n<lolz>&lol9;</lolz>");
        billionLaughs = laughs.toString().getBytes(StandardCharsets.UTF_8);
        // 20 000 open tags (60 KB, under the 64 KiB size limit), refused at depth 33
        deep = "<a>".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        StringBuilder flood = new StringBuilder("<a");
        for (int i = 0; i < 4_000; i++) {
            flood.append(" xmlns:p").append(i).append("=\"u\"");
        }
        namespaceFlood = flood.append("/>").toString().getBytes(StandardCharsets.UTF_8);
        if (!(PidfLoReader.standard().read(namespaceFlood) instanceof PidfReadResult.Refused floodRefused)
                || floodRefused.reason() != PidfReadException.Reason.TOO_MANY_ATTRIBUTES) {
            throw new IllegalStateException("the namespace flood was not refused as TOO_MANY_ATTRIBUTES");
        }
        if (!(PidfLoReader.standard().read(billionLaughs) instanceof PidfReadResult.Refused laughsRefused)
                || laughsRefused.reason() != PidfReadException.Reason.DOCTYPE_REFUSED
                || !(PidfLoReader.standard().read(deep) instanceof PidfReadResult.Refused deepRefused)
                || deepRefused.reason() != PidfReadException.Reason.TOO_DEEP) {
            throw new IllegalStateException("a hostile benchmark document was not refused for the expected reason");
        }
    }

    /** A valid writer-rendered document, read into a {@code Located}. */
    @Benchmark
    public PidfReadResult parse() {
        index = (index + 1) & MASK;
        return PidfLoReader.standard().read(documents[index]);
    }

    /** A billion-laughs document, refused at its DOCTYPE. */
    @Benchmark
    public PidfReadResult refuseBillionLaughs() {
        return PidfLoReader.standard().read(billionLaughs);
    }

    /** 4 000 namespace declarations on one tag (~60 KB), refused as TOO_MANY_ATTRIBUTES (limit 32). */
    @Benchmark
    public PidfReadResult refuseNamespaceFlood() {
        return PidfLoReader.standard().read(namespaceFlood);
    }

    /** 20 000 nested open tags, refused at the depth limit (32). */
    @Benchmark
    public PidfReadResult refuseDeepNesting() {
        return PidfLoReader.standard().read(deep);
    }
}
