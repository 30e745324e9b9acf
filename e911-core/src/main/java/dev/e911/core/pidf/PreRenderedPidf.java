package dev.e911.core.pidf;

import dev.e911.core.pidf.internal.Rfc3339Millis;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A PIDF-LO document rendered once, for the emergency-call hot path: UTF-8 bytes with fixed-width
 * timestamp slots (the element timestamps and, when configured, the retention expiry, each 24
 * bytes {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, UTC) and one variable-length slot, the agent id inside
 * the presence {@code entity} URI. {@link #copyInto} copies the bytes into a caller's buffer and
 * writes the call's time into the slots without allocating; the result is byte for byte what
 * {@link PidfLoWriter#write} gives for the same inputs and instant. The {@code agentId} variants
 * render the same document for another agent (only the entity differs), so one template can serve
 * every agent at a location. A retention expiry a whole number of days after the timestamp takes
 * the time of day from the timestamp and computes only its date. Thread-safe and lock-free: the
 * document is immutable; the only mutable state is a per-slot cache of the last calendar date
 * written (one atomic {@code long} each), so calls on the same UTC day skip the calendar arithmetic.
 */
public final class PreRenderedPidf {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final byte FORMAT = 0;
    private static final byte DAYS_AFTER = 1;
    private static final byte COPY = 2;

    private final byte[] template;
    /** Where the agent id inside the entity URI starts and ends in {@link #template}. */
    private final int idStart;
    private final int idEnd;
    private final int[] offsets;
    private final long[] deltas;
    /** The slots in the order they are written: formatted ones, then those derived from them. */
    private final int[] order;
    /** Per slot: how it is written ({@link #FORMAT}, {@link #DAYS_AFTER}, {@link #COPY}). */
    private final byte[] kind;
    /** Per slot: the slot it is derived from (same delta: copied; a whole number of days apart: its time of day), or -1. */
    private final int[] from;
    private final long maxDelta;
    /** Per slot, the cached calendar date of its last write (see {@link Rfc3339Millis#write(long, byte[], int, long[], int)}). */
    private final long[] dateCache;

    PreRenderedPidf(byte[] template, int idStart, int idEnd, int[] offsets, long[] deltas) {
        this.template = template;
        this.idStart = idStart;
        this.idEnd = idEnd;
        this.offsets = offsets;
        this.deltas = deltas;
        int n = offsets.length;
        this.kind = new byte[n];
        this.from = new int[n];
        long max = 0;
        for (int i = 0; i < n; i++) {
            from[i] = -1;
            for (int j = 0; j < i && kind[i] != COPY; j++) {
                if (deltas[j] == deltas[i]) {
                    kind[i] = COPY;
                    from[i] = kind[j] == COPY ? from[j] : j;
                }
            }
            max = Math.max(max, deltas[i]);
        }
        // a slot whose delta differs from an earlier formatted slot's by whole days takes that slot's time of day
        for (int i = 0; i < n; i++) {
            if (kind[i] != FORMAT) {
                continue;
            }
            for (int j = 0; j < i; j++) {
                if (kind[j] == FORMAT && (deltas[i] - deltas[j]) % MILLIS_PER_DAY == 0) {
                    kind[i] = DAYS_AFTER;
                    from[i] = j;
                    break;
                }
            }
        }
        this.order = new int[n];
        int k = 0;
        for (byte pass = FORMAT; pass <= COPY; pass++) {
            for (int i = 0; i < n; i++) {
                if (kind[i] == pass) {
                    order[k++] = i;
                }
            }
        }
        this.maxDelta = max;
        this.dateCache = new long[offsets.length];
    }

    /** The document length in bytes (the same for every instant). */
    public int length() {
        return template.length;
    }

    /**
     * The document length in bytes when rendered for {@code agentId}.
     *
     * @throws IllegalArgumentException if {@code agentId} is empty
     */
    public int length(String agentId) {
        return template.length - (idEnd - idStart) + encodedLength(agentId);
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
        checkRange(epochMilli);
        System.arraycopy(template, 0, dst, off, template.length);
        writeSlots(dst, off, epochMilli);
        return template.length;
    }

    /**
     * Copies the document as rendered for {@code agentId} (the entity URI is the only difference)
     * into {@code dst} at {@code off} with every timestamp slot set from {@code epochMilli};
     * allocation-free for ASCII ids.
     *
     * @return the number of bytes written ({@link #length(String)})
     * @throws IndexOutOfBoundsException if {@code dst} has no room; nothing is written then
     * @throws IllegalArgumentException if {@code agentId} is empty or a timestamp would fall outside years 0001–9999;
     *     nothing is written then
     */
    public int copyInto(byte[] dst, int off, long epochMilli, String agentId) {
        int idLength = encodedLength(agentId);
        int length = template.length - (idEnd - idStart) + idLength;
        Objects.checkFromIndexSize(off, length, dst.length);
        checkRange(epochMilli);
        System.arraycopy(template, 0, dst, off, idStart);
        writeId(agentId, idLength, dst, off + idStart);
        int shift = idLength - (idEnd - idStart);
        System.arraycopy(template, idEnd, dst, off + idEnd + shift, template.length - idEnd);
        writeSlots(dst, off + shift, epochMilli);
        return length;
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
        checkRange(epochMilli);
        writeSlots(dst, off, epochMilli);
    }

    private void checkRange(long epochMilli) {
        if (!Rfc3339Millis.inRange(epochMilli) || !Rfc3339Millis.inRange(epochMilli + maxDelta)) {
            throw new IllegalArgumentException("timestamp outside years 0001-9999");
        }
    }

    /** Slot offsets are those of {@link #template}; {@code off} is already shifted by any change in the id's length. */
    private void writeSlots(byte[] dst, int off, long epochMilli) {
        for (int i : order) {
            int at = off + offsets[i];
            switch (kind[i]) {
                case FORMAT -> Rfc3339Millis.write(epochMilli + deltas[i], dst, at, dateCache, i);
                case DAYS_AFTER -> Rfc3339Millis.writeDaysAfter(epochMilli + deltas[i], dst, off + offsets[from[i]], at, dateCache, i);
                default -> Rfc3339Millis.copy(dst, off + offsets[from[i]], at);
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

    /**
     * A new array holding the document for {@code agentId} at {@code epochMilli}; the array is the
     * only allocation for ASCII ids.
     *
     * @throws IllegalArgumentException if {@code agentId} is empty or the timestamp is out of range
     */
    public byte[] render(long epochMilli, String agentId) {
        byte[] out = new byte[length(agentId)];
        copyInto(out, 0, epochMilli, agentId);
        return out;
    }

    /** A copy of the template bytes (slots hold zeros), for inspection. */
    byte[] template() {
        return Arrays.copyOf(template, template.length);
    }

    /** Length of {@link Names#percentEncode} of the id, without allocating for ASCII ids. */
    private static int encodedLength(String id) {
        if (id.isEmpty()) {
            throw new IllegalArgumentException("agentId must not be empty");
        }
        int n = 0;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c >= 0x80) {
                return Names.percentEncode(id).length(); // UTF-8 first: rare, allocates
            }
            n += unreserved(c) ? 1 : 3;
        }
        return n;
    }

    private static void writeId(String id, int encodedLength, byte[] dst, int at) {
        if (encodedLength != id.length() && !isAscii(id)) {
            String encoded = Names.percentEncode(id);
            for (int i = 0; i < encoded.length(); i++) {
                dst[at + i] = (byte) encoded.charAt(i);
            }
            return;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (unreserved(c)) {
                dst[at++] = (byte) c;
            } else {
                dst[at] = '%';
                dst[at + 1] = HEX[c >> 4];
                dst[at + 2] = HEX[c & 0xF];
                at += 3;
            }
        }
    }

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3986 unreserved, as {@link Names#percentEncode} keeps them. */
    private static boolean unreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
