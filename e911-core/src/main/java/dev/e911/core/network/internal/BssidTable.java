package dev.e911.core.network.internal;

/**
 * Immutable longest-match table from Wi-Fi BSSIDs (48-bit MACs in the low bits of a long) to
 * int values: exact BSSIDs (length 48) and prefixes of any length, typically on a nibble or byte
 * boundary such as {@code 00-11-22-33-44-*} for all radios of one access point (see
 * {@link MacAddresses#parsePattern}). The longest matching entry wins; {@link #lookup(long)}
 * allocates nothing and ignores bits above the 48th. Built on {@link StrideTrie} with the
 * same rules as {@link Ipv4PrefixTable}: host bits masked off, later duplicates win, values in
 * {@code 0..2^30-1}.
 */
public final class BssidTable {

    /** Returned by {@code lookup} when no entry matches. */
    public static final int NO_MATCH = StrideTrie.NO_MATCH;

    static final int DIRECT_BITS = 16;
    private static final int KEY_SHIFT = Long.SIZE - MacAddresses.BITS;

    private final StrideTrie trie;
    private final int size;

    private BssidTable(StrideTrie trie, int size) {
        this.trie = trie;
        this.size = size;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of the longest entry matching {@code bssid}, or {@link #NO_MATCH}. */
    public int lookup(long bssid) {
        return trie.lookup(bssid << KEY_SHIFT);
    }

    /** Number of entries added, duplicates included. */
    public int size() {
        return size;
    }

    /** Approximate retained heap size of the lookup structure. */
    public long memoryBytes() {
        return trie.memoryBytes();
    }

    /** Collects entries; {@link #build()} may be called more than once. */
    public static final class Builder {
        private final PrefixEntries entries = new PrefixEntries(MacAddresses.BITS);

        private Builder() {
        }

        /**
         * Adds the first {@code prefixLength} bits of {@code bssid} ({@code 48} = exact).
         *
         * @throws IllegalArgumentException if {@code bssid} has bits above the 48th, the length is
         *     outside 0..48 or the value outside 0..2^30-1
         */
        public Builder add(long bssid, int prefixLength, int value) {
            if ((bssid & ~MacAddresses.MAX) != 0) {
                throw new IllegalArgumentException("BSSID " + Long.toHexString(bssid) + " is wider than 48 bits");
            }
            entries.add(bssid << KEY_SHIFT, prefixLength, value);
            return this;
        }

        public Builder add(MacPattern pattern, int value) {
            return add(pattern.prefix(), pattern.prefixLength(), value);
        }

        public BssidTable build() {
            return new BssidTable(entries.build(DIRECT_BITS), entries.count());
        }
    }
}
