package dev.e911.benchmarks.network;

import java.util.SplittableRandom;

/**
 * Deterministic synthetic prefix sets and probe addresses. IPv4: networks anywhere in the space,
 * lengths shaped like a routing table (half /24, then /16-/23, /25-/32, /8-/15). IPv6: enterprise
 * shape under 2000::/3 (/48, /56, /64 dominate, some /32-/47 and /128). Probes: 7 in 8 drawn
 * inside a random prefix, the rest uniformly random, in a power-of-two array.
 */
final class PrefixData {

    static final int PROBES = 1 << 16;
    static final int PROBE_MASK = PROBES - 1;

    final long[] highs;
    final long[] lows;
    final int[] lengths;
    final int[] values;
    final long[] probeHighs = new long[PROBES];
    final long[] probeLows = new long[PROBES];

    private PrefixData(int size) {
        highs = new long[size];
        lows = new long[size];
        lengths = new int[size];
        values = new int[size];
    }

    static PrefixData ipv4(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PrefixData data = new PrefixData(size);
        for (int i = 0; i < size; i++) {
            int roll = random.nextInt(100);
            int length = roll < 50 ? 24 : roll < 80 ? 16 + random.nextInt(8) : roll < 95 ? 25 + random.nextInt(8) : 8 + random.nextInt(8);
            data.highs[i] = (long) random.nextInt() << 32;
            data.lengths[i] = length;
            data.values[i] = i;
        }
        data.fillProbes(random, 32);
        return data;
    }

    static PrefixData ipv6(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PrefixData data = new PrefixData(size);
        for (int i = 0; i < size; i++) {
            int roll = random.nextInt(100);
            int length = roll < 25 ? 48 : roll < 50 ? 56 : roll < 85 ? 64 : roll < 90 ? 32 + random.nextInt(16) : 128;
            data.highs[i] = 0x2000_0000_0000_0000L | (random.nextLong() >>> 3);
            data.lows[i] = random.nextLong();
            data.lengths[i] = length;
            data.values[i] = i;
        }
        data.fillProbes(random, 128);
        return data;
    }

    private void fillProbes(SplittableRandom random, int bits) {
        for (int i = 0; i < PROBES; i++) {
            if (random.nextInt(8) == 0) {
                probeHighs[i] = bits == 32 ? (long) random.nextInt() << 32 : random.nextLong();
                probeLows[i] = bits == 32 ? 0 : random.nextLong();
                continue;
            }
            int p = random.nextInt(highs.length);
            int length = lengths[p];
            long highHost = length >= 64 ? 0 : -1L >>> length;
            long lowHost = length <= 64 ? -1L : length == 128 ? 0 : -1L >>> (length - 64);
            probeHighs[i] = (highs[p] & ~highHost) | (random.nextLong() & highHost);
            probeLows[i] = (lows[p] & ~lowHost) | (random.nextLong() & lowHost);
            if (bits == 32) {
                probeHighs[i] &= 0xFFFF_FFFF_0000_0000L;
                probeLows[i] = 0;
            }
        }
    }
}
