package dev.e911.benchmarks.network;

import java.util.Arrays;

/**
 * The naive comparison: a one-bit-per-level binary trie over 128-bit keys (IPv4 uses the top 32
 * bits of {@code high}) in parallel int arrays, remembering the last value seen on the way down.
 * What a first implementation would look like; the benchmarks measure our tables against it.
 */
final class BinaryTrie {

    private int[] zero = new int[1024];
    private int[] one = new int[1024];
    private int[] value = new int[1024];
    private int nodes = 1;

    BinaryTrie() {
        value[0] = -1;
    }

    void add(long high, long low, int length, int v) {
        int node = 0;
        for (int depth = 0; depth < length; depth++) {
            boolean right = bit(high, low, depth) == 1;
            int child = right ? one[node] : zero[node];
            if (child == 0) {
                child = newNode();
                if (right) {
                    one[node] = child;
                } else {
                    zero[node] = child;
                }
            }
            node = child;
        }
        value[node] = v;
    }

    int lookup(long high, long low) {
        int best = value[0];
        int node = 0;
        for (int depth = 0; depth < 128; depth++) {
            node = bit(high, low, depth) == 0 ? zero[node] : one[node];
            if (node == 0) {
                return best;
            }
            if (value[node] >= 0) {
                best = value[node];
            }
        }
        return best;
    }

    long memoryBytes() {
        return 3 * (16L + 4L * zero.length);
    }

    private int newNode() {
        if (nodes == zero.length) {
            zero = Arrays.copyOf(zero, nodes * 2);
            one = Arrays.copyOf(one, nodes * 2);
            value = Arrays.copyOf(value, nodes * 2);
        }
        value[nodes] = -1;
        return nodes++;
    }

    private static int bit(long high, long low, int depth) {
        return (int) (depth < 64 ? high >>> (63 - depth) : low >>> (127 - depth)) & 1;
    }
}
