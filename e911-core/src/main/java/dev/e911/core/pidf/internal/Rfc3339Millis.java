package dev.e911.core.pidf.internal;

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

    private Rfc3339Millis() {
    }

    /** Whether {@code epochMilli} has a four-digit year. */
    public static boolean inRange(long epochMilli) {
        return epochMilli >= MIN_EPOCH_MILLI && epochMilli <= MAX_EPOCH_MILLI;
    }

    /**
     * Writes the 24 bytes of {@code epochMilli} at {@code dst[off]}.
     *
     * @throws IllegalArgumentException if the year is outside 0001–9999
     */
    public static void write(long epochMilli, byte[] dst, int off) {
        if (!inRange(epochMilli)) {
            throw new IllegalArgumentException("instant outside years 0001-9999: " + epochMilli + " ms");
        }
        long days = Math.floorDiv(epochMilli, MILLIS_PER_DAY);
        int msOfDay = (int) Math.floorMod(epochMilli, MILLIS_PER_DAY);
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        int doe = (int) (z - era * 146_097);
        int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        int mp = (5 * doy + 2) / 153;
        int day = doy - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        int year = (int) (yoe + era * 400) + (month <= 2 ? 1 : 0);
        int ms = msOfDay % 1000;
        int secOfDay = msOfDay / 1000;
        digits4(year, dst, off);
        dst[off + 4] = '-';
        digits2(month, dst, off + 5);
        dst[off + 7] = '-';
        digits2(day, dst, off + 8);
        dst[off + 10] = 'T';
        digits2(secOfDay / 3600, dst, off + 11);
        dst[off + 13] = ':';
        digits2(secOfDay / 60 % 60, dst, off + 14);
        dst[off + 16] = ':';
        digits2(secOfDay % 60, dst, off + 17);
        dst[off + 19] = '.';
        dst[off + 20] = (byte) ('0' + ms / 100);
        dst[off + 21] = (byte) ('0' + ms / 10 % 10);
        dst[off + 22] = (byte) ('0' + ms % 10);
        dst[off + 23] = 'Z';
    }

    private static void digits2(int v, byte[] dst, int off) {
        dst[off] = (byte) ('0' + v / 10);
        dst[off + 1] = (byte) ('0' + v % 10);
    }

    private static void digits4(int v, byte[] dst, int off) {
        dst[off] = (byte) ('0' + v / 1000);
        dst[off + 1] = (byte) ('0' + v / 100 % 10);
        dst[off + 2] = (byte) ('0' + v / 10 % 10);
        dst[off + 3] = (byte) ('0' + v % 10);
    }
}
