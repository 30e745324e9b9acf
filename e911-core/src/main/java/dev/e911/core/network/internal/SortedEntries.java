package dev.e911.core.network.internal;

import java.util.Arrays;

/**
 * Build-time helper that orders prefix entries by (key as unsigned, length) and drops duplicates,
 * keeping the one added last. Sorting indices with a primitive merge sort avoids boxing 100k
 * entries; the order it produces is the one {@link StrideTrie} relies on, in which a prefix always
 * comes before every longer prefix it contains.
 */
final class SortedEntries {

    private SortedEntries() {
    }

    /** Indices of the distinct (key, length) entries in sorted order; for duplicates, the highest index. */
    static int[] sortedUnique(long[] keys, int[] lengths, int count) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        int[] buffer = new int[count];
        for (int width = 1; width < count; width *= 2) {
            for (int lo = 0; lo < count - width; lo += 2 * width) {
                merge(order, buffer, lo, lo + width, Math.min(lo + 2 * width, count), keys, lengths);
            }
        }
        int unique = 0;
        for (int i = 0; i < count; i++) {
            boolean sameAsNext = i + 1 < count
                    && keys[order[i]] == keys[order[i + 1]] && lengths[order[i]] == lengths[order[i + 1]];
            if (!sameAsNext) {
                order[unique++] = order[i];
            }
        }
        return Arrays.copyOf(order, unique);
    }

    private static void merge(int[] order, int[] buffer, int lo, int mid, int hi, long[] keys, int[] lengths) {
        System.arraycopy(order, lo, buffer, lo, hi - lo);
        int left = lo;
        int right = mid;
        for (int out = lo; out < hi; out++) {
            if (right >= hi || (left < mid && compare(buffer[left], buffer[right], keys, lengths) <= 0)) {
                order[out] = buffer[left++];
            } else {
                order[out] = buffer[right++];
            }
        }
    }

    private static int compare(int a, int b, long[] keys, int[] lengths) {
        int byKey = Long.compareUnsigned(keys[a], keys[b]);
        return byKey != 0 ? byKey : Integer.compare(lengths[a], lengths[b]);
    }
}
