package dev.e911.benchmarks.network;

import dev.e911.core.network.internal.Ipv4PrefixTable;
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
 * IPv4 longest-prefix match: {@link Ipv4PrefixTable} against a one-bit binary trie and a linear
 * scan over the same prefixes and probes, plus an empty {@link #baseline}. Probes are pre-generated
 * into a power-of-two array read with a masked per-thread counter (Caffeine's GetPutBenchmark).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Ipv4LookupBenchmark {

    @Param({"1000", "100000"})
    int size;

    int[] addresses;
    Ipv4PrefixTable table;
    BinaryTrie binaryTrie;
    LinearScan linearScan;

    @State(Scope.Thread)
    public static class ThreadState {
        int index = ThreadLocalRandom.current().nextInt();
    }

    @Setup
    public void setUp() {
        PrefixData data = PrefixData.ipv4(size, 911);
        Ipv4PrefixTable.Builder builder = Ipv4PrefixTable.builder();
        binaryTrie = new BinaryTrie();
        for (int i = 0; i < size; i++) {
            builder.add((int) (data.highs[i] >>> 32), data.lengths[i], data.values[i]);
            binaryTrie.add(data.highs[i], 0, data.lengths[i], data.values[i]);
        }
        table = builder.build();
        linearScan = new LinearScan(data.highs, data.lows, data.lengths, data.values);
        addresses = new int[PrefixData.PROBES];
        int matched = 0;
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = (int) (data.probeHighs[i] >>> 32);
            int expected = binaryTrie.lookup(data.probeHighs[i], 0);
            if (table.lookup(addresses[i]) != expected) {
                throw new IllegalStateException("stride table disagrees with binary trie at probe " + i);
            }
            matched += expected >= 0 ? 1 : 0;
        }
        System.out.printf("%n# ipv4 size=%d: stride table %,d bytes, binary trie %,d bytes, %d%% of probes match%n",
                size, table.memoryBytes(), binaryTrie.memoryBytes(), 100 * matched / addresses.length);
    }

    @Benchmark
    public int baseline(ThreadState state) {
        return addresses[state.index++ & PrefixData.PROBE_MASK];
    }

    @Benchmark
    public int strideTable(ThreadState state) {
        return table.lookup(addresses[state.index++ & PrefixData.PROBE_MASK]);
    }

    @Benchmark
    public int binaryTrie(ThreadState state) {
        return binaryTrie.lookup((long) addresses[state.index++ & PrefixData.PROBE_MASK] << 32, 0);
    }

    @Benchmark
    public int linearScan(ThreadState state) {
        return linearScan.lookup((long) addresses[state.index++ & PrefixData.PROBE_MASK] << 32, 0);
    }
}
