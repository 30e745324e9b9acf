package dev.e911.core.sip;

import dev.e911.api.validation.Violations;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Composes the RFC 6442 location-by-value parts of a SIP request: a {@code multipart/mixed} body
 * (RFC 2046) with the SDP first and the {@code application/pidf+xml} PIDF-LO second, the PIDF-LO
 * part labelled with a {@code Content-ID} that the {@code Geolocation} header points at
 * ({@code <cid:...>}), plus the {@code Geolocation-Routing} value. Lines are CRLF, each part's
 * headers end with a blank line (RFC 6442 erratum 5027), the boundary is random and checked not to
 * occur in either part, and {@link SipLocationBody#contentLength()} is the exact byte count. Part
 * contents are copied byte for byte. Immutable and thread-safe; configure with {@link #builder}.
 */
public final class SipLocationConveyance {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final int MAX_BOUNDARY_ATTEMPTS = 64;

    private final String contentIdDomain;
    private final GeolocationRouting routing;
    private final boolean renderOptional;
    private final Supplier<RandomGenerator> random;

    private SipLocationConveyance(Builder b) {
        this.contentIdDomain = b.contentIdDomain;
        this.routing = b.routing;
        this.renderOptional = b.renderOptional;
        this.random = b.random;
    }

    /** Starts a configuration; Content-IDs will be {@code loc-<random>@contentIdDomain}. */
    public static Builder builder(String contentIdDomain) {
        return new Builder(contentIdDomain);
    }

    /** The routing signal written with every body. */
    public GeolocationRouting routing() {
        return routing;
    }

    /** Composes the body with a fresh random Content-ID. */
    public SipLocationBody compose(byte[] sdp, byte[] pidfLo) {
        RandomGenerator r = random.get();
        return compose(sdp, pidfLo, "loc-" + hex(r, 8) + "@" + contentIdDomain, r);
    }

    /**
     * Composes the body with a given Content-ID ({@code id-left@id-right}, RFC 5322 dot-atoms).
     *
     * @throws IllegalArgumentException if the Content-ID is not a dot-atom {@code @} dot-atom
     * @throws IllegalStateException if no non-colliding boundary was found (only with a broken random source)
     */
    public SipLocationBody compose(byte[] sdp, byte[] pidfLo, String contentId) {
        return compose(sdp, pidfLo, contentId, random.get());
    }

    private SipLocationBody compose(byte[] sdp, byte[] pidfLo, String contentId, RandomGenerator r) {
        Objects.requireNonNull(sdp, "sdp");
        Objects.requireNonNull(pidfLo, "pidfLo");
        if (!isMsgId(contentId)) {
            throw new IllegalArgumentException("contentId must be dot-atom@dot-atom");
        }
        String boundary = null;
        for (int attempt = 0; attempt < MAX_BOUNDARY_ATTEMPTS && boundary == null; attempt++) {
            String candidate = "e911-" + hex(r, 12);
            byte[] b = candidate.getBytes(StandardCharsets.US_ASCII);
            if (indexOf(sdp, b) < 0 && indexOf(pidfLo, b) < 0) {
                boundary = candidate;
            }
        }
        if (boundary == null) {
            throw new IllegalStateException("no multipart boundary absent from the content was found");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(sdp.length + pidfLo.length + 256);
        ascii(out, "--" + boundary);
        out.writeBytes(CRLF);
        ascii(out, "Content-Type: application/sdp");
        out.writeBytes(CRLF);
        out.writeBytes(CRLF);
        out.writeBytes(sdp);
        out.writeBytes(CRLF);
        ascii(out, "--" + boundary);
        out.writeBytes(CRLF);
        ascii(out, "Content-Type: application/pidf+xml");
        out.writeBytes(CRLF);
        ascii(out, "Content-ID: <" + contentId + ">");
        out.writeBytes(CRLF);
        if (renderOptional) {
            ascii(out, "Content-Disposition: render;handling=optional");
            out.writeBytes(CRLF);
        }
        out.writeBytes(CRLF);
        out.writeBytes(pidfLo);
        out.writeBytes(CRLF);
        ascii(out, "--" + boundary + "--");
        out.writeBytes(CRLF);
        return new SipLocationBody(boundary, contentId, routing, out.toByteArray());
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hex(RandomGenerator r, int bytes) {
        byte[] b = new byte[bytes];
        r.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** RFC 5322 msg-id content without brackets: dot-atom-text "@" dot-atom-text. */
    static boolean isMsgId(String id) {
        if (id == null) {
            return false;
        }
        int at = id.indexOf('@');
        return at > 0 && at == id.lastIndexOf('@') && isDotAtom(id.substring(0, at)) && isDotAtom(id.substring(at + 1));
    }

    private static boolean isDotAtom(String s) {
        if (s.isEmpty() || s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+/=?^_`{|}~-.".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Collects a configuration. Defaults: {@code Geolocation-Routing: yes} (emergency calls are
     * routed on location), no {@code Content-Disposition} on the PIDF-LO part, randomness from
     * {@link ThreadLocalRandom}.
     */
    public static final class Builder {
        private final String contentIdDomain;
        private GeolocationRouting routing = GeolocationRouting.YES;
        private boolean renderOptional;
        private Supplier<RandomGenerator> random = ThreadLocalRandom::current;

        private Builder(String contentIdDomain) {
            this.contentIdDomain = contentIdDomain;
        }

        /** The {@code Geolocation-Routing} value. */
        public Builder routing(GeolocationRouting routing) {
            this.routing = routing;
            return this;
        }

        /** Adds {@code Content-Disposition: render;handling=optional} to the PIDF-LO part (some carriers ask for it). */
        public Builder renderOptionalDisposition(boolean add) {
            this.renderOptional = add;
            return this;
        }

        /** The source of boundaries and Content-IDs (a supplier, so a thread-local generator can be used). */
        public Builder random(Supplier<RandomGenerator> random) {
            this.random = random;
            return this;
        }

        /**
         * Checks and builds.
         *
         * @throws dev.e911.api.validation.InvalidValueException listing every problem
         */
        public SipLocationConveyance build() {
            Violations v = Violations.forType("SipLocationConveyance");
            v.check(contentIdDomain == null || !isDotAtom(contentIdDomain), "contentIdDomain", "dot-atom",
                    "must be a domain such as contact.example.com");
            v.check(routing == null, "routing", "required", "is required");
            v.check(random == null, "random", "required", "is required");
            v.throwIfAny();
            return new SipLocationConveyance(this);
        }
    }
}
