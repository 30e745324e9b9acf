package dev.e911.core.pidf;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code gp:geopriv} found in a PIDF-LO document, with the element that holds it (a
 * {@code tuple}, {@code dm:device} or {@code dm:person}), its location parts in document order,
 * the usage rules, method, provided-by and the holding element's timestamp. Absent values are
 * empty; {@code retransmission-allowed} defaults to {@code false} when absent or not an
 * {@code xs:boolean} true value, as RFC 4119 says. Policy elements count only in the basicPolicy
 * namespace.
 */
public final class LocationElement {

    /** The kind of element holding the geopriv. */
    public enum Kind {
        /** {@code dm:device} (RFC 4479); preferred by RFC 5491 rule 8. */
        DEVICE,
        /** PIDF {@code tuple}; second choice. */
        TUPLE,
        /** {@code dm:person}; last resort. */
        PERSON
    }

    private final Kind kind;
    private final String id;
    private final int documentIndex;
    private final List<LocationPart> parts;
    private final boolean retransmissionAllowed;
    private final OffsetDateTime retentionExpiry;
    private final String method;
    private final ProvidedBy providedBy;
    private final OffsetDateTime timestamp;
    private final String deviceId;

    LocationElement(Kind kind, String id, int documentIndex, List<LocationPart> parts, boolean retransmissionAllowed,
            OffsetDateTime retentionExpiry, String method, ProvidedBy providedBy, OffsetDateTime timestamp,
            String deviceId) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.id = Objects.requireNonNull(id, "id");
        this.documentIndex = documentIndex;
        this.parts = List.copyOf(parts);
        this.retransmissionAllowed = retransmissionAllowed;
        this.retentionExpiry = retentionExpiry;
        this.method = method;
        this.providedBy = providedBy;
        this.timestamp = timestamp;
        this.deviceId = deviceId;
    }

    /** Device, tuple or person. */
    public Kind kind() {
        return kind;
    }

    /** The holding element's {@code id} attribute (empty if the document omitted it). */
    public String id() {
        return id;
    }

    /** 0-based position of this geopriv among all geoprivs of the document, in document order. */
    public int documentIndex() {
        return documentIndex;
    }

    /** The location parts in document order (several for a compound location). */
    public List<LocationPart> parts() {
        return parts;
    }

    /** Whether any part is usable (civic or geodetic). */
    public boolean hasLocation() {
        return parts.stream().anyMatch(LocationPart::usable);
    }

    /** {@code gbp:retransmission-allowed}; {@code false} when absent, as RFC 4119 defaults. */
    public boolean retransmissionAllowed() {
        return retransmissionAllowed;
    }

    /** {@code gbp:retention-expiry}, when present and a valid {@code xs:dateTime} with a zone. */
    public Optional<OffsetDateTime> retentionExpiry() {
        return Optional.ofNullable(retentionExpiry);
    }

    /** The {@code gp:method} token, whitespace-collapsed. */
    public Optional<String> method() {
        return Optional.ofNullable(method);
    }

    /** The method as one of e911's known tokens. */
    public Optional<LocationMethod> knownMethod() {
        return method().flatMap(LocationMethod::fromToken);
    }

    /** The first element inside {@code gp:provided-by}. */
    public Optional<ProvidedBy> providedBy() {
        return Optional.ofNullable(providedBy);
    }

    /** The holding element's timestamp ({@code timestamp} or {@code dm:timestamp}), when valid. */
    public Optional<OffsetDateTime> timestamp() {
        return Optional.ofNullable(timestamp);
    }

    /** The {@code dm:deviceID} of a device element. */
    public Optional<String> deviceId() {
        return Optional.ofNullable(deviceId);
    }

    @Override
    public String toString() {
        return "LocationElement[" + kind + " " + id + ", parts=" + parts.size() + ", method=" + method + "]";
    }
}
