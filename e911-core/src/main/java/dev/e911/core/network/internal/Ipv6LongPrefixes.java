package dev.e911.core.network.internal;

import java.util.Arrays;

/**
 * The IPv6 prefixes longer than /64, kept out of the {@link StrideTrie} over the high 64 bits:
 * an open-addressing hash keyed by (high, masked low, low length) plus the distinct low lengths in
 * descending order, so a lookup probes once per distinct length, longest first. Enterprises use
 * few lengths past /64 (usually just /128), so this is one or two probes in practice, and only for
 * addresses whose /64 has such prefixes at all.
 */
final class Ipv6LongPrefixes {

    private final long[] highs;
    private final long[] lows;
    private final int[] lowLengths;
    private final int[] values;
    private final int mask;
    private final int[] lengthsLongestFirst;

    /** Entries are (high, low, lowLength 1..64, value); later duplicates win. */
    Ipv6LongPrefixes(long[] high, long[] low, int[] lowLength, int[] value, int count) {
        int capacity = Integer.highestOneBit(Math.max(2, count) * 2 - 1) * 2;
        this.highs = new long[capacity];
        this.lows = new long[capacity];
        this.lowLengths = new int[capacity];
        this.values = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < count; i++) {
            put(high[i], StrideTrie.mask(low[i], lowLength[i]), lowLength[i], value[i]);
        }
        this.lengthsLongestFirst = Arrays.stream(lowLength, 0, count).distinct()
                .map(length -> -length).sorted().map(length -> -length).toArray();
    }

    /** Value of the longest stored prefix containing the address, or {@code fallback}. */
    int lookup(long high, long low, int fallback) {
        for (int length : lengthsLongestFirst) {
            int value = get(high, StrideTrie.mask(low, length), length);
            if (value != StrideTrie.NO_MATCH) {
                return value;
            }
        }
        return fallback;
    }

    long memoryBytes() {
        return 16L + 5 * 16 + highs.length * 8L * 2 + lowLengths.length * 4L * 2 + lengthsLongestFirst.length * 4L;
    }

    private void put(long high, long low, int lowLength, int value) {
        int slot = hash(high, low, lowLength) & mask;
        while (lowLengths[slot] != 0
                && !(lowLengths[slot] == lowLength && highs[slot] == high && lows[slot] == low)) {
            slot = (slot + 1) & mask;
        }
        highs[slot] = high;
        lows[slot] = low;
        lowLengths[slot] = lowLength;
        values[slot] = value;
    }

    private int get(long high, long low, int lowLength) {
        int slot = hash(high, low, lowLength) & mask;
        while (true) {
            int stored = lowLengths[slot];
            if (stored == 0) {
                return StrideTrie.NO_MATCH;
            }
            if (stored == lowLength && highs[slot] == high && lows[slot] == low) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int hash(long high, long low, int lowLength) {
        long h = (high * 0x9E37_79B9_7F4A_7C15L) ^ ((low + lowLength) * 0xC2B2_AE3D_27D4_EB4FL);
        h ^= h >>> 29;
        h *= 0xBF58_476D_1CE4_E5B9L;
        return (int) (h ^ (h >>> 32));
    }
}
