package dev.e911.core.pidf;

import dev.e911.core.pidf.internal.Rfc3339Millis;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A PIDF-LO document rendered once, for the emergency-call hot path: UTF-8 bytes with fixed-width
 * timestamp slots (the element timestamps and, when configured, the retention expiry, each 24
 * bytes {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, UTC). {@link #copyInto} copies the bytes into a caller's
 * buffer and writes the call's time into the slots without allocating; the result is byte for
 * byte what {@link PidfLoWriter#write} gives for the same inputs and instant. Thread-safe and
 * lock-free: the document is immutable; the only mutable state is a per-slot cache of the last
 * calendar date written (one atomic {@code long} each), so calls on the same UTC day skip the
 * calendar arithmetic.
 */
public final class PreRenderedPidf {

    private final byte[] template;
    private final int[] offsets;
    private final long[] deltas;
    /** For each slot, the index of an earlier slot with the same delta (copy it), or -1 (format it). */
    private final int[] sameAs;
    private final long maxDelta;
    /** Per slot, the cached calendar date of its last write (see {@link Rfc3339Millis#write(long, byte[], int, long[], int)}). */
    private final long[] dateCache;

    PreRenderedPidf(byte[] template, int[] offsets, long[] deltas) {
        this.template = template;
        this.offsets = offsets;
        this.deltas = deltas;
        this.sameAs = new int[offsets.length];
        long max = 0;
        for (int i = 0; i < offsets.length; i++) {
            sameAs[i] = -1;
            for (int j = 0; j < i; j++) {
                if (deltas[j] == deltas[i]) {
                    sameAs[i] = j;
                    break;
                }
            }
            max = Math.max(max, deltas[i]);
        }
        this.maxDelta = max;
        this.dateCache = new long[offsets.length];
    }

    /** The document length in bytes (the same for every instant). */
    public int length() {
        return template.length;
    }

    /** How many timestamp slots the document has. */
    public int slotCount() {
        return offsets.length;
    }

    /**
     * Copies the document into {@code dst} at {@code off} with every timestamp slot set from
     * {@code epochMilli}; allocation-free.
     *
     * @return the number of bytes written ({@link #length()})
     * @throws IndexOutOfBoundsException if {@code dst} has no room; nothing is written then
     * @throws IllegalArgumentException if a timestamp would fall outside years 0001–9999; nothing is written then
     */
    public int copyInto(byte[] dst, int off, long epochMilli) {
        Objects.checkFromIndexSize(off, template.length, dst.length);
        if (!Rfc3339Millis.inRange(epochMilli) || !Rfc3339Millis.inRange(epochMilli + maxDelta)) {
            throw new IllegalArgumentException("timestamp outside years 0001-9999");
        }
        System.arraycopy(template, 0, dst, off, template.length);
        writeSlots(dst, off, epochMilli);
        return template.length;
    }

    /**
     * Writes only the timestamp slots of a copy of this document already at {@code dst[off]}
     * (for example the previous call's bytes); allocation-free.
     *
     * @throws IndexOutOfBoundsException if {@code dst} has no room; nothing is written then
     * @throws IllegalArgumentException if a timestamp would fall outside years 0001–9999; nothing is written then
     */
    public void patch(byte[] dst, int off, long epochMilli) {
        Objects.checkFromIndexSize(off, template.length, dst.length);
        if (!Rfc3339Millis.inRange(epochMilli) || !Rfc3339Millis.inRange(epochMilli + maxDelta)) {
            throw new IllegalArgumentException("timestamp outside years 0001-9999");
        }
        writeSlots(dst, off, epochMilli);
    }

    private void writeSlots(byte[] dst, int off, long epochMilli) {
        for (int i = 0; i < offsets.length; i++) {
            int at = off + offsets[i];
            int same = sameAs[i];
            if (same < 0) {
                Rfc3339Millis.write(epochMilli + deltas[i], dst, at, dateCache, i);
            } else {
                Rfc3339Millis.copy(dst, off + offsets[same], at);
            }
        }
    }

    /** A new array holding the document for {@code epochMilli}. */
    public byte[] render(long epochMilli) {
        byte[] out = new byte[template.length];
        copyInto(out, 0, epochMilli);
        return out;
    }

    /** A new array holding the document for {@code instant} (truncated to the millisecond). */
    public byte[] render(Instant instant) {
        return render(instant.toEpochMilli());
    }

    /** A copy of the template bytes (slots hold zeros), for inspection. */
    byte[] template() {
        return Arrays.copyOf(template, template.length);
    }
}
