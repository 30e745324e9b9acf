package dev.e911.core.pidf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.core.pidf.internal.Rfc3339Millis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PreRenderedPidfTest {

    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

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

    @Property(tries = 500)
    @Label("the patched copy is byte for byte the full render of the same inputs and instant")
    void patchedEqualsFullRender(@ForAll("writers") PidfLoWriter w, @ForAll("addresses") DispatchableAddress a,
            @ForAll("agents") String agent, @ForAll("methods") LocationMethod m, @ForAll("instants") long at,
            @ForAll("instants") long other) {
        PreRenderedPidf pre = w.preRender(agent, a, m);
        byte[] full = w.write(agent, a, m, Instant.ofEpochMilli(at));
        assertThat(pre.render(at)).isEqualTo(full);
        // the same buffer reused for another call holds no trace of the first
        byte[] buffer = new byte[pre.length() + 7];
        pre.copyInto(buffer, 3, other);
        int n = pre.copyInto(buffer, 3, at);
        assertThat(n).isEqualTo(full.length);
        assertThat(Arrays.copyOfRange(buffer, 3, 3 + n)).isEqualTo(full);
        assertThat(pre.slotCount()).isEqualTo((a.point().isPresent() ? 2 : 1) * (w.retention().isPresent() ? 2 : 1));
    }

    @Provide
    Arbitrary<String> anyAgents() {
        // ASCII ids as configured, and ids a caller may send: accents, CJK, a surrogate pair, a lone surrogate
        return net.jqwik.api.Arbitraries.oneOf(PidfArbitraries.agentIds(),
                net.jqwik.api.Arbitraries.of("agénte-1", "代理人7", "a\uD83D\uDE00b", "x\uD800y", "~tilde", "a b%c"));
    }

    @Property(tries = 500)
    @Label("a template rendered for one agent and written for another is byte for byte the other's full render")
    void otherAgentEqualsFullRender(@ForAll("writers") PidfLoWriter w, @ForAll("addresses") DispatchableAddress a,
            @ForAll("anyAgents") String first, @ForAll("anyAgents") String other, @ForAll("methods") LocationMethod m,
            @ForAll("instants") long at, @ForAll("instants") long before) {
        PreRenderedPidf pre = w.preRender(first, a, m);
        byte[] full = w.write(other, a, m, Instant.ofEpochMilli(at));
        assertThat(pre.length(other)).isEqualTo(full.length);
        assertThat(pre.render(at, other)).isEqualTo(full);
        // a reused buffer that held another agent's (longer or shorter) document at another instant
        byte[] buffer = new byte[pre.length(first) + full.length + 5];
        pre.copyInto(buffer, 2, before, first);
        int n = pre.copyInto(buffer, 2, at, other);
        assertThat(n).isEqualTo(full.length);
        assertThat(Arrays.copyOfRange(buffer, 2, 2 + n)).isEqualTo(full);
        assertThat(pre.render(at, first)).isEqualTo(w.write(first, a, m, Instant.ofEpochMilli(at)));
        // rendered through an interner shared with every other try (and soon full): the same bytes
        PreRenderedPidf shared = w.preRender(first, a, m, SHARED);
        assertThat(shared.render(at, other)).isEqualTo(full);
        assertThat(shared.render(before)).isEqualTo(w.write(first, a, m, Instant.ofEpochMilli(before)));
    }

    private static final PreRenderedPidf.Interner SHARED = new PreRenderedPidf.Interner(64);

    @Property(tries = 300)
    @Label("a retention expiry of whole days (its date derived from the timestamp's) is byte for byte the full render")
    void wholeDayRetentionEqualsFullRender(@ForAll("addresses") DispatchableAddress a, @ForAll @IntRange(min = 1, max = 4000) int days,
            @ForAll("instants") long at, @ForAll("instants") long before, @ForAll boolean device) {
        PidfLoWriter.Builder b = PidfLoWriter.builder("contact.example.com").retention(Duration.ofDays(days));
        if (device) {
            b.deviceForm("urn:uuid:6f1c0b7e-9a1d-4c7e-8a55-2f6e1f6d2b10");
        }
        PidfLoWriter w = b.build();
        long room = Rfc3339Millis.MAX_EPOCH_MILLI - days * 86_400_000L;
        long t = Math.min(at, room);
        PreRenderedPidf pre = w.preRender("agent-7", a, LocationMethod.MANUAL);
        byte[] buffer = new byte[pre.length()];
        pre.copyInto(buffer, 0, Math.min(before, room)); // fills the date caches with another day
        pre.copyInto(buffer, 0, t);
        assertThat(buffer).isEqualTo(w.write("agent-7", a, LocationMethod.MANUAL, Instant.ofEpochMilli(t)));
        assertThat(pre.render(t, "other")).isEqualTo(w.write("other", a, LocationMethod.MANUAL, Instant.ofEpochMilli(t)));
    }

    @Test
    @DisplayName("an empty agent id is refused before anything is written, as the full render refuses it")
    void emptyAgentRefused() {
        PidfLoWriter w = PidfLoWriter.builder("example.com").build();
        PreRenderedPidf pre = w.preRender("a", PidfLoWriterTest.hq(), LocationMethod.MANUAL);
        byte[] buffer = new byte[pre.length() + 10];
        assertThatThrownBy(() -> pre.copyInto(buffer, 0, 0L, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.write("", PidfLoWriterTest.hq(), LocationMethod.MANUAL, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(buffer).containsOnly(0);
    }

    @Property(tries = 60)
    @Label("one template reused for a run of calls (crossing midnights, going back in time) matches every full render")
    void reusedTemplateMatchesFullRenders(@ForAll("writers") PidfLoWriter w, @ForAll("addresses") DispatchableAddress a,
            @ForAll("instants") long start, @ForAll @Size(max = 30) List<@IntRange(min = -40_000_000, max = 40_000_000) Integer> steps) {
        PreRenderedPidf pre = w.preRender("agent", a, LocationMethod.DHCP);
        // 30 steps of at most 40 000 s stay within 1.2e9 ms of the start; keep a 2e9 ms margin to the range ends
        long at = Math.min(Math.max(start, Rfc3339Millis.MIN_EPOCH_MILLI + 2_000_000_000L), 253_370_764_799_999L - 2_000_000_000L);
        byte[] buffer = new byte[pre.length()];
        for (int step : steps) {
            at += step;
            pre.copyInto(buffer, 0, at);
            assertThat(buffer).isEqualTo(w.write("agent", a, LocationMethod.DHCP, Instant.ofEpochMilli(at)));
        }
    }

    @Test
    @DisplayName("threads sharing one template each get their own instant's bytes")
    void sharedAcrossThreads() throws Exception {
        PidfLoWriter w = PidfLoWriter.builder("example.com").retention(Duration.ofHours(36)).build();
        PreRenderedPidf pre = w.preRender("a", PidfLoWriterTest.hq(), LocationMethod.MANUAL);
        long base = Instant.parse("2026-11-25T23:59:59.500Z").toEpochMilli();
        long[] instants = {base, base + 700, base + 86_400_000L * 400, base - 86_400_000L * 3_000};
        byte[][] expected = new byte[instants.length][];
        for (int i = 0; i < instants.length; i++) {
            expected[i] = w.write("a", PidfLoWriterTest.hq(), LocationMethod.MANUAL, Instant.ofEpochMilli(instants[i]));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    byte[] buffer = new byte[pre.length()];
                    int mismatches = 0;
                    for (int n = 0; n < 5_000; n++) {
                        int k = (n + offset) % instants.length;
                        pre.copyInto(buffer, 0, instants[k]);
                        mismatches += Arrays.equals(buffer, expected[k]) ? 0 : 1;
                    }
                    return mismatches;
                }));
            }
            for (java.util.concurrent.Future<Integer> f : results) {
                assertThat(f.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Property(tries = 2000)
    @Label("the hand-rolled timestamp writer agrees with java.time for every instant in years 0001-9999")
    void timestampWriterAgreesWithJavaTime(@ForAll @LongRange(min = Rfc3339Millis.MIN_EPOCH_MILLI,
            max = Rfc3339Millis.MAX_EPOCH_MILLI) long ms) {
        byte[] out = new byte[Rfc3339Millis.WIDTH];
        Rfc3339Millis.write(ms, out, 0);
        assertThat(new String(out, StandardCharsets.US_ASCII)).isEqualTo(ISO.format(Instant.ofEpochMilli(ms)));
    }

    @Test
    @DisplayName("edge instants: epoch, leap day, year ends, the range limits")
    void edgeInstants() {
        for (String s : new String[] {"1970-01-01T00:00:00.000Z", "2000-02-29T23:59:59.999Z", "1900-03-01T00:00:00.000Z",
            "2024-12-31T23:59:59.999Z", "0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z"}) {
            byte[] out = new byte[24];
            Rfc3339Millis.write(Instant.parse(s).toEpochMilli(), out, 0);
            assertThat(new String(out, StandardCharsets.US_ASCII)).isEqualTo(s);
        }
        assertThatThrownBy(() -> Rfc3339Millis.write(Rfc3339Millis.MAX_EPOCH_MILLI + 1, new byte[24], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rfc3339Millis.write(Rfc3339Millis.MIN_EPOCH_MILLI - 1, new byte[24], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a refused copy writes nothing: no room, or a time outside the range")
    void refusedCopyWritesNothing() {
        PidfLoWriter w = PidfLoWriter.builder("example.com").retention(Duration.ofDays(1)).build();
        PreRenderedPidf pre = w.preRender("a", PidfLoWriterTest.hq(), LocationMethod.MANUAL);
        byte[] small = new byte[pre.length() - 1];
        assertThatThrownBy(() -> pre.copyInto(small, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(small).containsOnly(0);
        byte[] dst = new byte[pre.length() + 10];
        assertThatThrownBy(() -> pre.copyInto(dst, 11, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> pre.copyInto(dst, -1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> pre.copyInto(dst, 0, Rfc3339Millis.MAX_EPOCH_MILLI)).isInstanceOf(IllegalArgumentException.class);
        assertThat(dst).containsOnly(0);
    }

    @Test
    @DisplayName("copies around the document are left alone and the slots sit at the timestamps")
    void neighboursUntouched() {
        PidfLoWriter w = PidfLoWriter.builder("example.com").build();
        PreRenderedPidf pre = w.preRender("a", PidfLoWriterTest.hq(), LocationMethod.MANUAL);
        byte[] dst = new byte[pre.length() + 4];
        Arrays.fill(dst, (byte) '#');
        pre.copyInto(dst, 2, Instant.parse("2026-11-25T16:00:00Z").toEpochMilli());
        assertThat(new String(dst, StandardCharsets.UTF_8)).startsWith("##<?xml").endsWith("</presence>\n##")
                .contains("<timestamp>2026-11-25T16:00:00.000Z</timestamp>");
        assertThat(new String(pre.template(), StandardCharsets.UTF_8)).contains("<timestamp>000000000000000000000000</timestamp>");
    }
}
