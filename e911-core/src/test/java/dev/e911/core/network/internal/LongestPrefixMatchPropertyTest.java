package dev.e911.core.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressAssociativeTrie;
import inet.ipaddr.ipv6.IPv6Address;
import inet.ipaddr.ipv6.IPv6AddressAssociativeTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Our tables against an oracle: the {@code ipaddress} library's associative tries for IP, a
 * brute-force scan for BSSIDs. Networks cluster around a few bases so prefixes nest and share
 * nodes, and half the probes are drawn inside (or just outside) an added prefix so matches happen.
 * The large-set properties are few and small because the oracle, not our build, dominates their time.
 */
class LongestPrefixMatchPropertyTest {

    record V4(int network, int length) {
    }

    record V6(long high, long low, int length) {
    }

    record Mac(long prefix, int length) {
    }

    @Property(tries = 300)
    void ipv4LookupEqualsIpAddressTrie(@ForAll("v4Sets") List<V4> prefixes, @ForAll Random random) {
        assertIpv4MatchesOracle(prefixes, random);
    }

    @Property(tries = 2)
    void ipv4LookupEqualsIpAddressTrieForLargeSets(@ForAll("largeV4Sets") List<V4> prefixes, @ForAll Random random) {
        assertIpv4MatchesOracle(prefixes, random);
    }

    @Property(tries = 300)
    void ipv6LookupEqualsIpAddressTrie(@ForAll("v6Sets") List<V6> prefixes, @ForAll Random random) {
        assertIpv6MatchesOracle(prefixes, random);
    }

    @Property(tries = 2)
    void ipv6LookupEqualsIpAddressTrieForLargeSets(@ForAll("largeV6Sets") List<V6> prefixes, @ForAll Random random) {
        assertIpv6MatchesOracle(prefixes, random);
    }

    @Property(tries = 300)
    void bssidLookupEqualsBruteForce(@ForAll("macSets") List<Mac> entries, @ForAll Random random) {
        BssidTable.Builder builder = BssidTable.builder();
        for (int i = 0; i < entries.size(); i++) {
            builder.add(entries.get(i).prefix(), entries.get(i).length(), i);
        }
        BssidTable table = builder.build();

        for (long bssid : macProbes(entries, random)) {
            int expected = BssidTable.NO_MATCH;
            int expectedLength = -1;
            for (int i = 0; i < entries.size(); i++) {
                Mac entry = entries.get(i);
                MacPattern pattern = new MacPattern(StrideTrie.mask(entry.prefix() << 16, entry.length()) >>> 16, entry.length());
                if (pattern.matches(bssid) && entry.length() >= expectedLength) {
                    expected = i;
                    expectedLength = entry.length();
                }
            }
            assertThat(table.lookup(bssid)).as("lookup(%s)", MacAddresses.format(bssid)).isEqualTo(expected);
        }
    }

    private static void assertIpv4MatchesOracle(List<V4> prefixes, Random random) {
        Ipv4PrefixTable.Builder builder = Ipv4PrefixTable.builder();
        IPv4AddressAssociativeTrie<Integer> oracle = new IPv4AddressAssociativeTrie<>();
        for (int i = 0; i < prefixes.size(); i++) {
            V4 prefix = prefixes.get(i);
            builder.add(prefix.network(), prefix.length(), i);
            oracle.put(new IPv4Address(prefix.network(), prefix.length()).toPrefixBlock(), i);
        }
        Ipv4PrefixTable table = builder.build();

        for (int address : v4Probes(prefixes, random)) {
            var node = oracle.longestPrefixMatchNode(new IPv4Address(address));
            int expected = node == null ? Ipv4PrefixTable.NO_MATCH : node.getValue();
            assertThat(table.lookup(address)).as("lookup(%s)", new IPv4Address(address)).isEqualTo(expected);
        }
    }

    private static void assertIpv6MatchesOracle(List<V6> prefixes, Random random) {
        Ipv6PrefixTable.Builder builder = Ipv6PrefixTable.builder();
        IPv6AddressAssociativeTrie<Integer> oracle = new IPv6AddressAssociativeTrie<>();
        for (int i = 0; i < prefixes.size(); i++) {
            V6 prefix = prefixes.get(i);
            builder.add(prefix.high(), prefix.low(), prefix.length(), i);
            oracle.put(new IPv6Address(prefix.high(), prefix.low(), prefix.length()).toPrefixBlock(), i);
        }
        Ipv6PrefixTable table = builder.build();

        for (long[] address : v6Probes(prefixes, random)) {
            var node = oracle.longestPrefixMatchNode(new IPv6Address(address[0], address[1]));
            int expected = node == null ? Ipv6PrefixTable.NO_MATCH : node.getValue();
            assertThat(table.lookup(address[0], address[1]))
                    .as("lookup(%s)", new IPv6Address(address[0], address[1])).isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<List<V4>> v4Sets() {
        return v4Prefix().list().ofMaxSize(200);
    }

    @Provide
    Arbitrary<List<V4>> largeV4Sets() {
        return v4Prefix().list().ofMinSize(1_000).ofMaxSize(3_000);
    }

    @Provide
    Arbitrary<List<V6>> v6Sets() {
        return v6Prefix().list().ofMaxSize(200);
    }

    @Provide
    Arbitrary<List<V6>> largeV6Sets() {
        return v6Prefix().list().ofMinSize(1_000).ofMaxSize(3_000);
    }

    @Provide
    Arbitrary<List<Mac>> macSets() {
        Arbitrary<Long> base = Arbitraries.oneOf(
                Arbitraries.of(0x0011_2233_4400L, 0xF0_9F_C2_00_00_00L, 0xFFFF_FFFF_FF00L),
                Arbitraries.longs().between(0, MacAddresses.MAX));
        Arbitrary<Long> noise = Arbitraries.longs().between(0, 0xFFFF);
        Arbitrary<Integer> length = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 12).map(nibbles -> 4 * nibbles)),
                Tuple.of(2, Arbitraries.of(40, 44, 48)),
                Tuple.of(1, Arbitraries.integers().between(0, 48)));
        return Combinators.combine(base, noise, length).as((b, n, l) -> new Mac(b ^ n, l)).list().ofMaxSize(100);
    }

    private static Arbitrary<V4> v4Prefix() {
        Arbitrary<Integer> base = Arbitraries.oneOf(
                Arbitraries.of(0x0A00_0000, 0xAC10_0000, 0xC0A8_0000, 0x8000_0000, 0, 0xFFFF_FF00),
                Arbitraries.integers());
        Arbitrary<Integer> noise = Arbitraries.oneOf(Arbitraries.integers().between(0, 0xFF_FFFF), Arbitraries.just(0));
        Arbitrary<Integer> length = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(0, 32)),
                Tuple.of(3, Arbitraries.integers().between(14, 30)),
                Tuple.of(2, Arbitraries.of(8, 16, 24, 32)));
        return Combinators.combine(base, noise, length).as((b, n, l) -> new V4(b ^ n, l));
    }

    private static Arbitrary<V6> v6Prefix() {
        Arbitrary<Long> high = Arbitraries.oneOf(
                Arbitraries.of(0x2001_0db8_0000_0000L, 0xfd12_3456_789a_0000L, 0L, -1L),
                Arbitraries.longs());
        Arbitrary<Long> highNoise = Arbitraries.oneOf(Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.just(0L));
        Arbitrary<Long> low = Arbitraries.oneOf(Arbitraries.of(0L, 1L, -1L), Arbitraries.longs().between(0, 0xFFFF),
                Arbitraries.longs());
        Arbitrary<Integer> length = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.integers().between(0, 128)),
                Tuple.of(3, Arbitraries.integers().between(32, 64)),
                Tuple.of(1, Arbitraries.of(48, 56, 64, 128)),
                Tuple.of(1, Arbitraries.integers().between(65, 128)));
        return Combinators.combine(high, highNoise, low, length).as((h, n, lo, l) -> new V6(h ^ n, lo, l));
    }

    /** Random addresses, plus per prefix: one inside it and the addresses just before and after it. */
    private static int[] v4Probes(List<V4> prefixes, Random random) {
        List<Integer> probes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            probes.add(random.nextInt());
        }
        for (V4 prefix : prefixes) {
            int hostMask = (int) ((1L << (32 - prefix.length())) - 1);
            int first = prefix.network() & ~hostMask;
            probes.add(first | (random.nextInt() & hostMask));
            probes.add(first - 1);
            probes.add(first + hostMask + 1);
        }
        return probes.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<long[]> v6Probes(List<V6> prefixes, Random random) {
        List<long[]> probes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            probes.add(new long[] {random.nextLong(), random.nextLong()});
        }
        for (V6 prefix : prefixes) {
            long highHost = prefix.length() >= 64 ? 0 : -1L >>> prefix.length();
            long lowHost = prefix.length() <= 64 ? -1L : (prefix.length() == 128 ? 0 : -1L >>> (prefix.length() - 64));
            long high = prefix.high() & ~highHost;
            long low = prefix.low() & ~lowHost;
            probes.add(new long[] {high | (random.nextLong() & highHost), low | (random.nextLong() & lowHost)});
            probes.add(new long[] {high | highHost, low | lowHost});
            boolean lowWraps = low == 0;
            probes.add(new long[] {lowWraps ? high - 1 : high, low - 1});
        }
        return probes;
    }

    private static long[] macProbes(List<Mac> entries, Random random) {
        List<Long> probes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            probes.add(random.nextLong() & MacAddresses.MAX);
        }
        for (Mac entry : entries) {
            long host = entry.length() == 48 ? 0 : (1L << (48 - entry.length())) - 1;
            probes.add((entry.prefix() & ~host) | (random.nextLong() & host));
            probes.add(((entry.prefix() | host) + 1) & MacAddresses.MAX);
        }
        return probes.stream().mapToLong(Long::longValue).toArray();
    }
}
