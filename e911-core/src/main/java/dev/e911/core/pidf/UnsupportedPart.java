package dev.e911.core.pidf;

import java.util.Objects;

/**
 * A location chunk the reader did not turn into a value, with the element's namespace URI and
 * local name and why. The detail names the rule (for example {@code "srsName not supported"}) and
 * never repeats document content.
 *
 * @param namespace namespace URI of the chunk's element (empty for none)
 * @param localName local name of the chunk's element
 * @param reason why it was not used
 * @param detail a short explanation without document content
 */
public record UnsupportedPart(String namespace, String localName, Reason reason, String detail) implements LocationPart {

    /** Why a chunk was not used. */
    public enum Reason {
        /** RFC 4119's obsolete {@code civicLoc} or GML 3.0 feature namespace. */
        LEGACY_FORMAT,
        /** An element the reader does not know in {@code location-info}. */
        UNKNOWN_ELEMENT,
        /** A geometry with a CRS other than EPSG 4326 / 4979. */
        UNSUPPORTED_CRS,
        /** A length or angle in a unit other than metres, degrees or radians. */
        UNSUPPORTED_UNIT,
        /** A shape with missing or malformed coordinates or measures. */
        MALFORMED_VALUE
    }

    /** Requires every component. */
    public UnsupportedPart {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(localName, "localName");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
