package dev.e911.core.pidf.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Allocation-free writer of the fixed-width UTC timestamp used in e911's PIDF-LO documents:
 * {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, always 24 ASCII bytes, for instants in years 0001 to 9999.
 * Milliseconds are always written so successive documents of one presentity differ (RFC 3863)
 * and the width never changes, so the bytes can be patched in place. The date arithmetic is the
 * proleptic Gregorian days-to-civil algorithm, as {@code java.time} uses.
 */
public final class Rfc3339Millis {

    /** Width of every timestamp written, in bytes. */
    public static final int WIDTH = 24;
    /** {@code 0001-01-01T00:00:00.000Z}. */
    public static final long MIN_EPOCH_MILLI = -62_135_596_800_000L;
    /** {@code 9999-12-31T23:59:59.999Z}. */
    public static final long MAX_EPOCH_MILLI = 253_402_300_799_999L;

    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** Days from 0000-03-01 to 1970-01-01. */
    private static final int EPOCH_DAY_SHIFT = 719_468;

    private Rfc3339Millis() {
    }

    /** Whether {@code epochMilli} has a four-digit year. */
    public static boolean inRange(long epochMilli) {
        return epochMilli >= MIN_EPOCH_MILLI && epochMilli <= MAX_EPOCH_MILLI;
    }

    /** Two ASCII digits for 0–99, first digit in the low byte. */
    private static final short[] PAIRS = new short[100];
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle CACHE = MethodHandles.arrayElementVarHandle(long[].class);

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[i] = (short) (('0' + i / 10) | ('0' + i % 10) << 8);
        }
    }

    /**
     * Writes the 24 bytes of {@code epochMilli} at {@code dst[off]}, as three 8-byte stores.
     *
     * @throws IllegalArgumentException if the year is outside 0001–9999
     * @throws IndexOutOfBoundsException if the 24 bytes do not fit
     */
    public static void write(long epochMilli, byte[] dst, int off) {
        write(epochMilli, dst, off, null, 0);
    }

    /**
     * Like {@link #write(long, byte[], int)}, reusing the calendar date cached in
     * {@code dateCache[slot]} when {@code epochMilli} falls on the same UTC day, and caching it
     * otherwise. The cache entry is one packed {@code long} (day number, year, month, day) read
     * and written with opaque access: atomic, lock-free and allocation-free, so threads sharing
     * a cache at worst recompute a date. A {@code null} cache computes every time.
     */
    public static void write(long epochMilli, byte[] dst, int off, long[] dateCache, int slot) {
        if (!inRange(epochMilli)) {
            throw new IllegalArgumentException("instant outside years 0001-9999: " + epochMilli + " ms");
        }
        int ymd;
        int msOfDay;
        long cached = dateCache == null ? 0 : (long) CACHE.getOpaque(dateCache, slot);
        // a hit needs no 64-bit division: the cached day's start is a multiplication away
        long sinceCachedDay = epochMilli - ((cached >>> 32) - EPOCH_DAY_SHIFT) * MILLIS_PER_DAY;
        if (cached != 0 && sinceCachedDay >= 0 && sinceCachedDay < MILLIS_PER_DAY) {
            ymd = (int) cached;
            msOfDay = (int) sinceCachedDay;
        } else {
            long daysSinceEpoch = Math.floorDiv(epochMilli, MILLIS_PER_DAY);
            msOfDay = (int) (epochMilli - daysSinceEpoch * MILLIS_PER_DAY);
            // days since 0000-03-01: non-negative and below 2^22 for years 0001-9999
            int z = (int) daysSinceEpoch + EPOCH_DAY_SHIFT;
            ymd = civil(z);
            if (dateCache != null) {
                CACHE.setOpaque(dateCache, slot, (long) z << 32 | ymd);
            }
        }
        int year = ymd >>> 9;
        int month = ymd >>> 5 & 0xF;
        int day = ymd & 0x1F;
        int ms = msOfDay % 1000;
        int sec = msOfDay / 1000;
        int hour = sec / 3600;
        int minute = sec / 60 % 60;
        int second = sec % 60;
        // little-endian: the first character is the lowest byte
        long w0 = pair(year / 100) | pair(year % 100) << 16 | (long) '-' << 32 | pair(month) << 40 | (long) '-' << 56;
        long w1 = pair(day) | (long) 'T' << 16 | pair(hour) << 24 | (long) ':' << 40 | pair(minute) << 48;
        long w2 = ':' | pair(second) << 8 | (long) '.' << 24 | (long) ('0' + ms / 100) << 32 | pair(ms % 100) << 40
                | (long) 'Z' << 56;
        LONG_LE.set(dst, off, w0);
        LONG_LE.set(dst, off + 8, w1);
        LONG_LE.set(dst, off + 16, w2);
    }

    /**
     * Writes the timestamp of {@code epochMilli} at {@code to} by taking the time of day from the
     * timestamp already written at {@code from} and computing only the date: for a slot a whole
     * number of days after another (a retention expiry of {@code PT24H}), this skips the time-of-day
     * arithmetic. The caller guarantees that the instant at {@code from} has the same time of day as
     * {@code epochMilli}. Uses and fills {@code dateCache[slot]} like {@link #write(long, byte[], int, long[], int)}.
     *
     * @throws IllegalArgumentException if the year is outside 0001–9999
     */
    public static void writeDaysAfter(long epochMilli, byte[] dst, int from, int to, long[] dateCache, int slot) {
        if (!inRange(epochMilli)) {
            throw new IllegalArgumentException("instant outside years 0001-9999: " + epochMilli + " ms");
        }
        long cached = (long) CACHE.getOpaque(dateCache, slot);
        long sinceCachedDay = epochMilli - ((cached >>> 32) - EPOCH_DAY_SHIFT) * MILLIS_PER_DAY;
        int ymd;
        if (cached != 0 && sinceCachedDay >= 0 && sinceCachedDay < MILLIS_PER_DAY) {
            ymd = (int) cached;
        } else {
            int z = (int) Math.floorDiv(epochMilli, MILLIS_PER_DAY) + EPOCH_DAY_SHIFT;
            ymd = civil(z);
            CACHE.setOpaque(dateCache, slot, (long) z << 32 | ymd);
        }
        int year = ymd >>> 9;
        long w0 = pair(year / 100) | pair(year % 100) << 16 | (long) '-' << 32 | pair(ymd >>> 5 & 0xF) << 40 | (long) '-' << 56;
        long w1 = (long) LONG_LE.get(dst, from + 8) & ~0xFFFFL | pair(ymd & 0x1F);
        LONG_LE.set(dst, to, w0);
        LONG_LE.set(dst, to + 8, w1);
        LONG_LE.set(dst, to + 16, (long) LONG_LE.get(dst, from + 16));
    }

    /** Proleptic Gregorian date of day {@code z} (days since 0000-03-01), packed as year << 9 | month << 5 | day. */
    private static int civil(int z) {
        int era = z / 146_097;
        int doe = z - era * 146_097;
        int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        int mp = (5 * doy + 2) / 153;
        int day = doy - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        int year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        return year << 9 | month << 5 | day;
    }

    /** Copies a 24-byte timestamp already written at {@code from} to {@code to} in the same array. */
    public static void copy(byte[] dst, int from, int to) {
        LONG_LE.set(dst, to, (long) LONG_LE.get(dst, from));
        LONG_LE.set(dst, to + 8, (long) LONG_LE.get(dst, from + 8));
        LONG_LE.set(dst, to + 16, (long) LONG_LE.get(dst, from + 16));
    }

    private static long pair(int v) {
        return PAIRS[v] & 0xFFFFL;
    }
}
