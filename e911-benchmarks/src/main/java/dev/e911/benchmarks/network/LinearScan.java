package dev.e911.benchmarks.network;

/**
 * The simplest correct longest-prefix match: test every prefix and keep the longest that
 * contains the address. 128-bit keys as two longs; IPv4 uses the top 32 bits of {@code high}.
 */
final class LinearScan {

    private final long[] highs;
    private final long[] lows;
    private final long[] highMasks;
    private final long[] lowMasks;
    private final int[] lengths;
    private final int[] values;

    LinearScan(long[] highs, long[] lows, int[] lengths, int[] values) {
        int n = highs.length;
        this.lengths = lengths.clone();
        this.values = values.clone();
        this.highMasks = new long[n];
        this.lowMasks = new long[n];
        this.highs = new long[n];
        this.lows = new long[n];
        for (int i = 0; i < n; i++) {
            highMasks[i] = lengths[i] == 0 ? 0 : -1L << (64 - Math.min(64, lengths[i]));
            lowMasks[i] = lengths[i] <= 64 ? 0 : -1L << (128 - lengths[i]);
            this.highs[i] = highs[i] & highMasks[i];
            this.lows[i] = lows[i] & lowMasks[i];
        }
    }

    int lookup(long high, long low) {
        int best = -1;
        int bestLength = -1;
        for (int i = 0; i < highs.length; i++) {
            if ((high & highMasks[i]) == highs[i] && (low & lowMasks[i]) == lows[i] && lengths[i] > bestLength) {
                best = values[i];
                bestLength = lengths[i];
            }
        }
        return best;
    }
}
