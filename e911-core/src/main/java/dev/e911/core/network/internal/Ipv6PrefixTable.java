package dev.e911.core.network.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Immutable IPv6 longest-prefix-match table from CIDR prefixes (address as two longs, most
 * significant first) to int values, for the emergency-call hot path; {@link #lookup(long, long)}
 * allocates nothing. Prefixes up to /64 live in a {@link StrideTrie} over the high long (64K-entry
 * first level, then 6-bit nodes: /48 in at most 6 node visits, /64 in 8). Each /64 that contains
 * longer prefixes gets a marker leaf in that trie that sends the lookup to {@link Ipv6LongPrefixes}
 * and carries the best match of length up to 64 as the fallback. Host bits are masked off, later
 * duplicates win, and values must lie in {@code 0..2^30-1}, as for {@link Ipv4PrefixTable}.
 */
public final class Ipv6PrefixTable {

    /** Returned by {@code lookup} when no prefix contains the address. */
    public static final int NO_MATCH = StrideTrie.NO_MATCH;

    static final int DIRECT_BITS = 16;

    private final StrideTrie trie;
    private final Ipv6LongPrefixes longPrefixes;
    private final int[] markerFallbacks;
    private final int size;

    private Ipv6PrefixTable(StrideTrie trie, Ipv6LongPrefixes longPrefixes, int[] markerFallbacks, int size) {
        this.trie = trie;
        this.longPrefixes = longPrefixes;
        this.markerFallbacks = markerFallbacks;
        this.size = size;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of the longest prefix containing {@code high:low}, or {@link #NO_MATCH}. */
    public int lookup(long high, long low) {
        int payload = trie.lookup(high);
        if (payload >= NO_MATCH) {
            return payload;
        }
        return longPrefixes.lookup(high, low, markerFallbacks[markerIndex(payload)]);
    }

    /** Number of entries added, duplicates included. */
    public int size() {
        return size;
    }

    /** Approximate retained heap size of the lookup structure. */
    public long memoryBytes() {
        return trie.memoryBytes() + longPrefixes.memoryBytes() + 16 + markerFallbacks.length * 4L;
    }

    private static int markerPayload(int markerIndex) {
        return -2 - markerIndex;
    }

    private static int markerIndex(int payload) {
        return -2 - payload;
    }

    /** Collects prefixes; {@link #build()} may be called more than once. */
    public static final class Builder {
        private final PrefixEntries upTo64 = new PrefixEntries(Long.SIZE);
        private long[] longHighs = new long[0];
        private long[] longLows = new long[0];
        private int[] longLowLengths = new int[0];
        private int[] longValues = new int[0];
        private int longCount;

        private Builder() {
        }

        /**
         * Adds {@code high:low/prefixLength -> value}.
         *
         * @throws IllegalArgumentException if the length is outside 0..128 or the value outside 0..2^30-1
         */
        public Builder add(long high, long low, int prefixLength, int value) {
            if (prefixLength <= Long.SIZE) {
                upTo64.add(high, prefixLength, value);
                return this;
            }
            if (prefixLength > 2 * Long.SIZE) {
                throw new IllegalArgumentException("prefix length " + prefixLength + " outside 0..128");
            }
            PrefixEntries.requireValue(value);
            if (longCount == longHighs.length) {
                int capacity = Math.max(8, longCount * 2);
                longHighs = Arrays.copyOf(longHighs, capacity);
                longLows = Arrays.copyOf(longLows, capacity);
                longLowLengths = Arrays.copyOf(longLowLengths, capacity);
                longValues = Arrays.copyOf(longValues, capacity);
            }
            longHighs[longCount] = high;
            longLows[longCount] = low;
            longLowLengths[longCount] = prefixLength - Long.SIZE;
            longValues[longCount] = value;
            longCount++;
            return this;
        }

        /**
         * Builds the table. With prefixes longer than /64 the trie is built twice: once to read
         * each marker's fallback, once with the markers in.
         */
        public Ipv6PrefixTable build() {
            int size = upTo64.count() + longCount;
            StrideTrie shortOnly = upTo64.build(DIRECT_BITS);
            Ipv6LongPrefixes longPrefixes = new Ipv6LongPrefixes(longHighs, longLows, longLowLengths, longValues, longCount);
            if (longCount == 0) {
                return new Ipv6PrefixTable(shortOnly, longPrefixes, new int[0], size);
            }
            Map<Long, Integer> markerByHigh = new HashMap<>();
            for (int i = 0; i < longCount; i++) {
                markerByHigh.putIfAbsent(longHighs[i], markerByHigh.size());
            }
            int[] fallbacks = new int[markerByHigh.size()];
            PrefixEntries withMarkers = upTo64.copy();
            markerByHigh.forEach((high, marker) -> {
                fallbacks[marker] = shortOnly.lookup(high);
                withMarkers.addPayload(high, Long.SIZE, markerPayload(marker));
            });
            return new Ipv6PrefixTable(withMarkers.build(DIRECT_BITS), longPrefixes, fallbacks, size);
        }
    }
}
