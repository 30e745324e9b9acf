package dev.e911.core.network.internal;

import java.util.Arrays;

/**
 * Growable, primitive-array accumulator of (left-aligned key, prefix length, payload) entries
 * used by the table builders. It masks off host bits and validates lengths and values as entries
 * arrive, so a bad entry is reported at the call that added it.
 */
final class PrefixEntries {

    private final int maxLength;
    private long[] keys = new long[16];
    private int[] lengths = new int[16];
    private int[] payloads = new int[16];
    private int count;

    PrefixEntries(int maxLength) {
        this.maxLength = maxLength;
    }

    void add(long key, int length, int value) {
        if (length < 0 || length > maxLength) {
            throw new IllegalArgumentException("prefix length " + length + " outside 0.." + maxLength);
        }
        requireValue(value);
        addPayload(StrideTrie.mask(key, length), length, value);
    }

    /** Adds an entry whose payload is not a user value (e.g. an internal marker); key must be masked. */
    void addPayload(long maskedKey, int length, int payload) {
        if (count == keys.length) {
            int capacity = count * 2;
            keys = Arrays.copyOf(keys, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
            payloads = Arrays.copyOf(payloads, capacity);
        }
        keys[count] = maskedKey;
        lengths[count] = length;
        payloads[count] = payload;
        count++;
    }

    PrefixEntries copy() {
        PrefixEntries copy = new PrefixEntries(maxLength);
        copy.keys = keys.clone();
        copy.lengths = lengths.clone();
        copy.payloads = payloads.clone();
        copy.count = count;
        return copy;
    }

    static void requireValue(int value) {
        if (value < 0 || value >= StrideTrie.PAYLOAD_LIMIT) {
            throw new IllegalArgumentException("value " + value + " outside 0.." + (StrideTrie.PAYLOAD_LIMIT - 1));
        }
    }

    StrideTrie build(int directBits) {
        return StrideTrie.build(keys, lengths, payloads, count, directBits);
    }

    int count() {
        return count;
    }

}
