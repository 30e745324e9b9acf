package dev.e911.benchmarks.network;

import dev.e911.core.network.internal.Ipv4PrefixTable;
import dev.e911.core.network.internal.Ipv6PrefixTable;
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
 * Cold-ish cost of building a table from pre-generated prefixes (what a configuration reload
 * pays), as single-shot times; the one-bit trie build is the comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PrefixTableBuildBenchmark {

    @Param({"100000"})
    int size;

    PrefixData ipv4;
    PrefixData ipv6;

    @Setup
    public void setUp() {
        ipv4 = PrefixData.ipv4(size, 911);
        ipv6 = PrefixData.ipv6(size, 911);
    }

    @Benchmark
    public Ipv4PrefixTable buildIpv4() {
        Ipv4PrefixTable.Builder builder = Ipv4PrefixTable.builder();
        for (int i = 0; i < size; i++) {
            builder.add((int) (ipv4.highs[i] >>> 32), ipv4.lengths[i], ipv4.values[i]);
        }
        return builder.build();
    }

    @Benchmark
    public Ipv6PrefixTable buildIpv6() {
        Ipv6PrefixTable.Builder builder = Ipv6PrefixTable.builder();
        for (int i = 0; i < size; i++) {
            builder.add(ipv6.highs[i], ipv6.lows[i], ipv6.lengths[i], ipv6.values[i]);
        }
        return builder.build();
    }

    @Benchmark
    public BinaryTrie buildIpv4BinaryTrie() {
        BinaryTrie trie = new BinaryTrie();
        for (int i = 0; i < size; i++) {
            trie.add(ipv4.highs[i], 0, ipv4.lengths[i], ipv4.values[i]);
        }
        return trie;
    }
}
