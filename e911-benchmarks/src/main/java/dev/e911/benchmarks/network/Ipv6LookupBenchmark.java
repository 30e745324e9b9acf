package dev.e911.benchmarks.network;

import dev.e911.core.network.internal.Ipv6PrefixTable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * IPv6 longest-prefix match with an enterprise prefix mix (/48, /56, /64, some /128):
 * {@link Ipv6PrefixTable} against a one-bit binary trie and a linear scan, plus an empty
 * {@link #baseline}; probes pre-generated and read with a masked per-thread counter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Ipv6LookupBenchmark {

    @Param({"1000", "100000"})
    int size;

    long[] highs;
    long[] lows;
    Ipv6PrefixTable table;
    BinaryTrie binaryTrie;
    LinearScan linearScan;

    @State(Scope.Thread)
    public static class ThreadState {
        int index = ThreadLocalRandom.current().nextInt();
    }

    @Setup
    public void setUp() {
        PrefixData data = PrefixData.ipv6(size, 911);
        Ipv6PrefixTable.Builder builder = Ipv6PrefixTable.builder();
        binaryTrie = new BinaryTrie();
        for (int i = 0; i < size; i++) {
            builder.add(data.highs[i], data.lows[i], data.lengths[i], data.values[i]);
            binaryTrie.add(data.highs[i], data.lows[i], data.lengths[i], data.values[i]);
        }
        table = builder.build();
        linearScan = new LinearScan(data.highs, data.lows, data.lengths, data.values);
        highs = data.probeHighs;
        lows = data.probeLows;
        int matched = 0;
        for (int i = 0; i < highs.length; i++) {
            int expected = binaryTrie.lookup(highs[i], lows[i]);
            if (table.lookup(highs[i], lows[i]) != expected) {
                throw new IllegalStateException("stride table disagrees with binary trie at probe " + i);
            }
            matched += expected >= 0 ? 1 : 0;
        }
        System.out.printf("%n# ipv6 size=%d: stride table %,d bytes, binary trie %,d bytes, %d%% of probes match%n",
                size, table.memoryBytes(), binaryTrie.memoryBytes(), 100 * matched / highs.length);
    }

    @Benchmark
    public long baseline(ThreadState state) {
        int i = state.index++ & PrefixData.PROBE_MASK;
        return highs[i] ^ lows[i];
    }

    @Benchmark
    public int strideTable(ThreadState state) {
        int i = state.index++ & PrefixData.PROBE_MASK;
        return table.lookup(highs[i], lows[i]);
    }

    @Benchmark
    public int binaryTrie(ThreadState state) {
        int i = state.index++ & PrefixData.PROBE_MASK;
        return binaryTrie.lookup(highs[i], lows[i]);
    }

    @Benchmark
    public int linearScan(ThreadState state) {
        int i = state.index++ & PrefixData.PROBE_MASK;
        return linearScan.lookup(highs[i], lows[i]);
    }
}
