package dev.e911.core.sip;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A composed RFC 6442 location-by-value message part: the {@code multipart/mixed} body bytes and
 * the header values that go with it — {@code Content-Type} (with the boundary),
 * {@code Content-Length} (exact byte count), {@code Geolocation} ({@code <cid:...>} matching the
 * PIDF-LO part's {@code Content-ID}) and {@code Geolocation-Routing}. Immutable; {@link #body()}
 * returns a copy.
 */
public final class SipLocationBody {

    /**
     * A header name and value, in the order a message should carry them.
     *
     * @param name header name
     * @param value header value
     */
    public record Header(String name, String value) {
        /** Requires both. */
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private final String boundary;
    private final String contentId;
    private final GeolocationRouting routing;
    private final byte[] body;

    SipLocationBody(String boundary, String contentId, GeolocationRouting routing, byte[] body) {
        this.boundary = boundary;
        this.contentId = contentId;
        this.routing = routing;
        this.body = body;
    }

    /** The multipart boundary (without the leading dashes). */
    public String boundary() {
        return boundary;
    }

    /** The PIDF-LO part's Content-ID, without angle brackets. */
    public String contentId() {
        return contentId;
    }

    /** {@code multipart/mixed;boundary=...}. */
    public String contentType() {
        return "multipart/mixed;boundary=" + boundary;
    }

    /** The exact body length in bytes. */
    public int contentLength() {
        return body.length;
    }

    /** The {@code Geolocation} header value, {@code <cid:...>}. */
    public String geolocation() {
        return GeolocationHeader.byValue(contentId);
    }

    /** The {@code Geolocation-Routing} value. */
    public GeolocationRouting routing() {
        return routing;
    }

    /** A copy of the body bytes. */
    public byte[] body() {
        return Arrays.copyOf(body, body.length);
    }

    /** {@code Geolocation}, {@code Geolocation-Routing}, {@code Content-Type}, {@code Content-Length}. */
    public List<Header> headers() {
        return List.of(new Header(GeolocationHeader.HEADER, geolocation()),
                new Header(GeolocationRouting.HEADER, routing.headerValue()),
                new Header("Content-Type", contentType()),
                new Header("Content-Length", Integer.toString(body.length)));
    }
}
