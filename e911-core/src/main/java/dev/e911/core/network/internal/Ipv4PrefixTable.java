package dev.e911.core.network.internal;

/**
 * Immutable IPv4 longest-prefix-match table from CIDR prefixes to int values (indices into a
 * location array), built once per configuration snapshot and read on the emergency-call hot path.
 * {@link #lookup(int)} allocates nothing and visits the 64K-entry first level plus at most three
 * 6-bit {@link StrideTrie} nodes. Host bits set in a network are masked off; when the same prefix
 * is added twice the later value wins (a map's {@code put}), so the configuration layer must
 * reject conflicting duplicates itself if it wants them reported. Values must lie in
 * {@code 0..2^30-1}.
 */
public final class Ipv4PrefixTable {

    /** Returned by {@code lookup} when no prefix contains the address. */
    public static final int NO_MATCH = StrideTrie.NO_MATCH;

    static final int DIRECT_BITS = 16;

    private final StrideTrie trie;
    private final int size;

    private Ipv4PrefixTable(StrideTrie trie, int size) {
        this.trie = trie;
        this.size = size;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of the longest prefix containing {@code address}, or {@link #NO_MATCH}. */
    public int lookup(int address) {
        return trie.lookup((long) address << Integer.SIZE);
    }

    /** Number of entries added, duplicates included. */
    public int size() {
        return size;
    }

    /** Approximate retained heap size of the lookup structure. */
    public long memoryBytes() {
        return trie.memoryBytes();
    }

    /** Collects prefixes; {@link #build()} may be called more than once. */
    public static final class Builder {
        private final PrefixEntries entries = new PrefixEntries(Integer.SIZE);

        private Builder() {
        }

        /**
         * Adds {@code network/prefixLength -> value}.
         *
         * @throws IllegalArgumentException if the length is outside 0..32 or the value outside 0..2^30-1
         */
        public Builder add(int network, int prefixLength, int value) {
            entries.add((long) network << Integer.SIZE, prefixLength, value);
            return this;
        }

        public Ipv4PrefixTable build() {
            return new Ipv4PrefixTable(entries.build(DIRECT_BITS), entries.count());
        }
    }
}
