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

    /** The whole document in one array when nothing is shared (one copy per call); null when in parts. */
    private final byte[] whole;
    /** Where the id starts and ends in {@link #whole} (0 when in parts). */
    private final int idStart;
    private final int idEnd;
    /** Up to the agent id in the entity URI (parts only). */
    private final byte[] head;
    /** The percent-encoded agent id this document was rendered for. */
    private final byte[] id;
    /** From the id up to the civic address (empty when the document is not split there, see {@link #tail}). */
    private final byte[] mid;
    /** The {@code ca:civicAddress} element: the only part unique to a home address. */
    private final byte[] civic;
    /** The rest; every timestamp slot is in it (when a slot comes before the civic address, mid and civic are empty). */
    private final byte[] tail;
    private final int fixedLength;
    private final Slots slots;

    /**
     * Where the timestamps go in a {@link #tail} and how each is written; shared by every document with the
     * same tail. {@code offsets} are relative to the tail's start.
     */
    private static final class Slots {
        final int[] offsets;
        final long[] deltas;
        /** The slots in the order they are written: formatted ones, then those derived from them. */
        final int[] order;
        /** Per slot: how it is written ({@link #FORMAT}, {@link #DAYS_AFTER}, {@link #COPY}). */
        final byte[] kind;
        /** Per slot: the slot it is derived from (same delta: copied; a whole number of days apart: its time of day), or -1. */
        final int[] from;
        final long maxDelta;
        /** Per slot, the cached calendar date of its last write (see {@link Rfc3339Millis#write(long, byte[], int, long[], int)}). */
        final long[] dateCache;

        Slots(int[] offsets, long[] deltas) {
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
            this.dateCache = new long[n];
        }
    }

    /**
     * @param document the rendered bytes, slots zeroed
     * @param idStart where the agent id starts in the entity URI; {@code idEnd} where it ends
     * @param civicStart where the civic address element starts (or -1); {@code civicEnd} where it ends
     * @param offsets the timestamp slots' offsets in {@code document}, in document order
     */
    PreRenderedPidf(byte[] document, int idStart, int idEnd, int civicStart, int civicEnd, int[] offsets, long[] deltas,
            Interner interner) {
        boolean split = interner.shares() && civicStart >= idEnd && (offsets.length == 0 || offsets[0] >= civicEnd);
        int tailStart = split ? civicEnd : idEnd;
        this.fixedLength = document.length - (idEnd - idStart);
        int[] relative = new int[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            relative[i] = offsets[i] - tailStart;
        }
        if (!interner.shares()) {
            this.whole = document;
            this.idStart = idStart;
            this.idEnd = idEnd;
            this.head = this.id = this.mid = this.civic = this.tail = null;
            this.slots = new Slots(relative, deltas);
            return;
        }
        this.whole = null;
        this.idStart = 0;
        this.idEnd = 0;
        this.head = interner.segment(Arrays.copyOfRange(document, 0, idStart));
        this.id = Arrays.copyOfRange(document, idStart, idEnd);
        this.mid = split ? interner.segment(Arrays.copyOfRange(document, idEnd, civicStart)) : EMPTY;
        this.civic = split ? Arrays.copyOfRange(document, civicStart, civicEnd) : EMPTY; // the address's own (not interned)
        this.tail = interner.segment(Arrays.copyOfRange(document, tailStart, document.length));
        this.slots = interner.slots(tail, relative, deltas);
    }

    private static final byte[] EMPTY = new byte[0];

    /**
     * Shares the parts of pre-rendered documents that are equal (the XML skeleton around the entity and
     * the civic address, and the slot layout) among the documents rendered with it, so that a document
     * costs little more than its own civic address. Thread-safe; holds at most {@code capacity} distinct
     * parts (beyond that, parts are simply not shared). Use one per configuration generation.
     */
    public static final class Interner {
        private final java.util.concurrent.ConcurrentHashMap<Bytes, byte[]> segments = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.ConcurrentHashMap<SlotsKey, Slots> layouts = new java.util.concurrent.ConcurrentHashMap<>();
        private final int capacity;

        /** An interner sharing at most {@code capacity} distinct parts. */
        public Interner(int capacity) {
            this.capacity = capacity;
        }

        /** An interner that shares nothing: documents stay in one piece. */
        static Interner none() {
            return new Interner(0);
        }

        boolean shares() {
            return capacity > 0;
        }

        byte[] segment(byte[] b) {
            if (b.length == 0) {
                return EMPTY;
            }
            if (segments.size() >= capacity) {
                byte[] known = segments.get(new Bytes(b));
                return known == null ? b : known;
            }
            return segments.computeIfAbsent(new Bytes(b), k -> k.bytes);
        }

        Slots slots(byte[] tail, int[] offsets, long[] deltas) {
            SlotsKey key = new SlotsKey(tail, offsets, deltas);
            if (layouts.size() >= capacity) {
                Slots known = layouts.get(key);
                return known == null ? new Slots(offsets, deltas) : known;
            }
            return layouts.computeIfAbsent(key, k -> new Slots(offsets, deltas));
        }
    }

    private record Bytes(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    /** Same tail (the interned instance), same slots. */
    private record SlotsKey(byte[] tail, int[] offsets, long[] deltas) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SlotsKey k && tail == k.tail && Arrays.equals(offsets, k.offsets) && Arrays.equals(deltas, k.deltas);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(tail) * 31 + Arrays.hashCode(offsets) * 17 + Arrays.hashCode(deltas);
        }
    }

    /** The document length in bytes (the same for every instant). */
    public int length() {
        return fixedLength + (whole != null ? idEnd - idStart : id.length);
    }

    /**
     * The document length in bytes when rendered for {@code agentId}.
     *
     * @throws IllegalArgumentException if {@code agentId} is empty
     */
    public int length(String agentId) {
        return fixedLength + encodedLength(agentId);
    }

    /** How many timestamp slots the document has. */
    public int slotCount() {
        return slots.offsets.length;
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
        int length = length();
        Objects.checkFromIndexSize(off, length, dst.length);
        checkRange(epochMilli);
        if (whole != null) {
            System.arraycopy(whole, 0, dst, off, length);
            writeSlots(dst, off + idEnd, epochMilli);
            return length;
        }
        System.arraycopy(head, 0, dst, off, head.length);
        System.arraycopy(id, 0, dst, off + head.length, id.length);
        copyRest(dst, off + head.length + id.length, epochMilli);
        return length;
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
        return copyInto(dst, off, epochMilli, agentId, encodedLength(agentId));
    }

    private int copyInto(byte[] dst, int off, long epochMilli, String agentId, int idLength) {
        int length = fixedLength + idLength;
        Objects.checkFromIndexSize(off, length, dst.length);
        checkRange(epochMilli);
        if (whole != null) {
            System.arraycopy(whole, 0, dst, off, idStart);
            writeId(agentId, idLength, dst, off + idStart);
            int at = off + idStart + idLength;
            System.arraycopy(whole, idEnd, dst, at, whole.length - idEnd);
            writeSlots(dst, at, epochMilli);
            return length;
        }
        System.arraycopy(head, 0, dst, off, head.length);
        writeId(agentId, idLength, dst, off + head.length);
        copyRest(dst, off + head.length + idLength, epochMilli);
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
        Objects.checkFromIndexSize(off, length(), dst.length);
        checkRange(epochMilli);
        writeSlots(dst, off + (whole != null ? idEnd : length() - tail.length), epochMilli);
    }

    /** Copies mid, civic and tail from {@code at} and writes the slots. */
    private void copyRest(byte[] dst, int at, long epochMilli) {
        System.arraycopy(mid, 0, dst, at, mid.length);
        at += mid.length;
        System.arraycopy(civic, 0, dst, at, civic.length);
        at += civic.length;
        System.arraycopy(tail, 0, dst, at, tail.length);
        writeSlots(dst, at, epochMilli);
    }

    private void checkRange(long epochMilli) {
        if (!Rfc3339Millis.inRange(epochMilli) || !Rfc3339Millis.inRange(epochMilli + slots.maxDelta)) {
            throw new IllegalArgumentException("timestamp outside years 0001-9999");
        }
    }

    /** Writes the slots of the tail copied at {@code dst[off]}. */
    private void writeSlots(byte[] dst, int off, long epochMilli) {
        Slots s = slots;
        int[] offsets = s.offsets;
        for (int i : s.order) {
            int at = off + offsets[i];
            switch (s.kind[i]) {
                case FORMAT -> Rfc3339Millis.write(epochMilli + s.deltas[i], dst, at, s.dateCache, i);
                case DAYS_AFTER -> Rfc3339Millis.writeDaysAfter(epochMilli + s.deltas[i], dst, off + offsets[s.from[i]], at, s.dateCache, i);
                default -> Rfc3339Millis.copy(dst, off + offsets[s.from[i]], at);
            }
        }
    }

    /** A new array holding the document for {@code epochMilli}. */
    public byte[] render(long epochMilli) {
        byte[] out = new byte[length()];
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
        int idLength = encodedLength(agentId);
        byte[] out = new byte[fixedLength + idLength];
        copyInto(out, 0, epochMilli, agentId, idLength);
        return out;
    }

    /** The document bytes with zeros in the slots, for inspection. */
    byte[] template() {
        if (whole != null) {
            return whole.clone();
        }
        byte[] out = new byte[length()];
        int at = 0;
        for (byte[] part : new byte[][] {head, id, mid, civic, tail}) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
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
