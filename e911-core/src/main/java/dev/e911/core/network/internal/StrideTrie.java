package dev.e911.core.network.internal;

import java.util.Arrays;

/**
 * Immutable longest-prefix-match structure over left-aligned 64-bit keys, shared by the IPv4,
 * IPv6 and BSSID tables: a directly indexed first level of {@code directBits} bits, then
 * compressed 6-bit-stride nodes in the style of Poptrie (Asai and Ohara, SIGCOMM 2015). Each node
 * is three longs in one flat array: a bitmap of the 64 slots that continue in a child node, a
 * bitmap marking where a run of equal leaf payloads starts, and the bases of its contiguous
 * children and leaves; {@link Long#bitCount} turns a slot into an index. Where every prefix below
 * a node shares more than 6 further bits, a skip node (expected bits, mask, payload on mismatch,
 * next node; told apart by a negative child base) compares them at once, so sparse paths such as
 * lone IPv6 /64s cost one visit instead of a chain. A lookup is at most
 * {@code ceil((keyBits - directBits) / 6)} node visits and allocates nothing. Payloads are ints in
 * {@code [MIN_PAYLOAD, 2^30)}; the caller chooses their meaning, except that {@link #NO_MATCH} ({@code -1})
 * is what keys outside every prefix get. Leaf pushing makes every slot hold the payload of the longest prefix covering it, so no
 * backtracking is needed.
 */
final class StrideTrie {

    /** The payload of keys that no prefix contains. */
    static final int NO_MATCH = -1;
    /** The smallest payload; values below it in the direct table are node references. */
    static final int MIN_PAYLOAD = -(1 << 30);
    /** One more than the largest payload. */
    static final int PAYLOAD_LIMIT = 1 << 30;

    private static final int STRIDE = 6;
    private static final int NODE_LONGS = 3;

    private final int directShift;
    private final int directBits;
    private final int[] direct;
    private final long[] nodes;
    private final int[] leaves;

    private StrideTrie(int directBits, int[] direct, long[] nodes, int[] leaves) {
        this.directBits = directBits;
        this.directShift = Long.SIZE - directBits;
        this.direct = direct;
        this.nodes = nodes;
        this.leaves = leaves;
    }

    /** The payload of the longest prefix containing {@code key}, or {@link #NO_MATCH}. */
    int lookup(long key) {
        int entry = direct[(int) (key >>> directShift)];
        if (entry >= MIN_PAYLOAD) {
            return entry;
        }
        int node = entry - Integer.MIN_VALUE;
        int consumed = directBits;
        while (true) {
            long bases = nodes[node + 2];
            if ((int) bases < 0) {
                long mask = nodes[node + 1];
                if ((key & mask) != nodes[node]) {
                    return (int) (bases >>> 32);
                }
                consumed = Long.numberOfLeadingZeros(~mask);
                node = (int) bases - Integer.MIN_VALUE;
                continue;
            }
            int slot = (int) ((key << consumed) >>> (Long.SIZE - STRIDE));
            long children = nodes[node];
            long upToSlot = (2L << slot) - 1;
            if ((children & (1L << slot)) == 0) {
                return leaves[(int) (bases >>> 32) + Long.bitCount(nodes[node + 1] & upToSlot) - 1];
            }
            node = (int) bases + (Long.bitCount(children & upToSlot) - 1) * NODE_LONGS;
            consumed += STRIDE;
        }
    }

    /** Approximate retained size in bytes (array payloads plus headers). */
    long memoryBytes() {
        return 16L + direct.length * 4L + 16 + nodes.length * 8L + 16 + leaves.length * 4L + 16 + 24;
    }

    /**
     * Builds a trie. {@code keys} must already have host bits cleared; for equal (key, length)
     * pairs the entry with the highest index wins. Arrays are not modified or retained.
     */
    static StrideTrie build(long[] keys, int[] lengths, int[] payloads, int count, int directBits) {
        return new Builder(keys, lengths, payloads, count, directBits).build();
    }

    /** Clears all but the top {@code length} bits of a left-aligned key. */
    static long mask(long key, int length) {
        return length == 0 ? 0 : key & (-1L << (Long.SIZE - length));
    }

    private static final class Builder {
        private final long[] keys;
        private final int[] lengths;
        private final int[] payloads;
        private final int count;
        private final int directBits;
        private final int[][] scratch = new int[Long.SIZE / STRIDE + 2][1 << STRIDE];
        private long[] nodes = new long[NODE_LONGS * 64];
        private int nodeEnd;
        private int[] leaves = new int[256];
        private int leafEnd;

        Builder(long[] keys, int[] lengths, int[] payloads, int count, int directBits) {
            int[] order = SortedEntries.sortedUnique(keys, lengths, count);
            this.count = order.length;
            this.keys = new long[this.count];
            this.lengths = new int[this.count];
            this.payloads = new int[this.count];
            for (int i = 0; i < this.count; i++) {
                this.keys[i] = keys[order[i]];
                this.lengths[i] = lengths[order[i]];
                this.payloads[i] = payloads[order[i]];
            }
            this.directBits = directBits;
        }

        StrideTrie build() {
            int[] direct = new int[1 << directBits];
            boolean hasDefaultRoute = count > 0 && lengths[0] == 0;
            Arrays.fill(direct, hasDefaultRoute ? payloads[0] : NO_MATCH);
            long[] continues = new long[Math.max(1, direct.length >>> 6)];
            paint(0, count, 0, directBits, direct, continues);
            forEachChildRun(0, count, 0, directBits, (slot, from, to) -> {
                int node = reserveNodes(1);
                int inherited = direct[slot];
                direct[slot] = Integer.MIN_VALUE + node;
                fillNode(node, from, to, directBits, inherited, 0);
            });
            return new StrideTrie(directBits, direct, Arrays.copyOf(nodes, nodeEnd), Arrays.copyOf(leaves, leafEnd));
        }

        /**
         * Fills node {@code node} for the entries in [from, to) that are longer than {@code offset};
         * shorter ones are already folded into {@code inherited}.
         */
        private void fillNode(int node, int from, int to, int offset, int inherited, int depth) {
            int end = sharedPrefixEnd(from, to, offset);
            if (end - offset > STRIDE) {
                int next = reserveNodes(1);
                nodes[node] = StrideTrie.mask(firstLonger(from, offset), end);
                nodes[node + 1] = -1L << (Long.SIZE - end);
                nodes[node + 2] = ((long) inherited << 32) | ((Integer.MIN_VALUE + next) & 0xFFFF_FFFFL);
                fillNode(next, from, to, end, inherited, depth);
                return;
            }
            int[] slots = scratch[depth];
            Arrays.fill(slots, inherited);
            long[] continues = new long[1];
            paint(from, to, offset, STRIDE, slots, continues);
            long children = continues[0];
            long runStarts = 0;
            int leafBase = leafEnd;
            for (int slot = 0; slot < slots.length; slot++) {
                if ((children & (1L << slot)) == 0 && (leafEnd == leafBase || leaves[leafEnd - 1] != slots[slot])) {
                    runStarts |= 1L << slot;
                    appendLeaf(slots[slot]);
                }
            }
            int childBase = reserveNodes(Long.bitCount(children));
            nodes[node] = children;
            nodes[node + 1] = runStarts;
            nodes[node + 2] = ((long) leafBase << 32) | (childBase & 0xFFFF_FFFFL);
            int[] next = {childBase};
            forEachChildRun(from, to, offset, STRIDE, (slot, runFrom, runTo) -> {
                fillNode(next[0], runFrom, runTo, offset + STRIDE, slots[slot], depth + 1);
                next[0] += NODE_LONGS;
            });
        }

        /**
         * How far all entries longer than {@code offset} agree with no entry ending: the bits a
         * skip node can compare at once. Sorted keys share what the first and last share.
         */
        private int sharedPrefixEnd(int from, int to, int offset) {
            long first = firstLonger(from, offset);
            long last = 0;
            int shortest = Long.SIZE;
            for (int i = from; i < to; i++) {
                if (lengths[i] > offset) {
                    last = keys[i];
                    shortest = Math.min(shortest, lengths[i]);
                }
            }
            return Math.min(Long.numberOfLeadingZeros(first ^ last), shortest - 1);
        }

        private long firstLonger(int from, int offset) {
            int i = from;
            while (lengths[i] <= offset) {
                i++;
            }
            return keys[i];
        }

        /**
         * Writes into {@code slots} the payload of the longest entry of length in (offset, offset +
         * width] covering each slot, and marks slots that longer entries continue below. Sorted
         * order visits a prefix before every prefix it contains, so later writes are longer.
         */
        private void paint(int from, int to, int offset, int width, int[] slots, long[] continues) {
            for (int i = from; i < to; i++) {
                int length = lengths[i];
                if (length <= offset) {
                    continue;
                }
                int slot = (int) ((keys[i] << offset) >>> (Long.SIZE - width));
                if (length > offset + width) {
                    continues[slot >>> 6] |= 1L << slot;
                } else {
                    Arrays.fill(slots, slot, slot + (1 << (offset + width - length)), payloads[i]);
                }
            }
        }

        /** Calls back once per slot, in slot order, with the index range of entries continuing below it. */
        private void forEachChildRun(int from, int to, int offset, int width, ChildRun action) {
            int i = from;
            while (i < to) {
                if (lengths[i] <= offset + width) {
                    i++;
                    continue;
                }
                int slot = (int) ((keys[i] << offset) >>> (Long.SIZE - width));
                int end = i + 1;
                while (end < to && (int) ((keys[end] << offset) >>> (Long.SIZE - width)) == slot) {
                    end++;
                }
                action.accept(slot, i, end);
                i = end;
            }
        }

        private int reserveNodes(int n) {
            int start = nodeEnd;
            nodeEnd += n * NODE_LONGS;
            if (nodeEnd > nodes.length) {
                nodes = Arrays.copyOf(nodes, Math.max(nodeEnd, nodes.length * 2));
            }
            if (nodeEnd >= MIN_PAYLOAD - Integer.MIN_VALUE) {
                throw new IllegalStateException("trie too large: " + nodeEnd / NODE_LONGS + " nodes");
            }
            return start;
        }

        private void appendLeaf(int payload) {
            if (leafEnd == leaves.length) {
                leaves = Arrays.copyOf(leaves, leaves.length * 2);
            }
            leaves[leafEnd++] = payload;
        }
    }

    @FunctionalInterface
    private interface ChildRun {
        void accept(int slot, int from, int to);
    }
}
