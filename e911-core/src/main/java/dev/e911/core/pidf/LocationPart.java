package dev.e911.core.pidf;

/**
 * One location chunk found inside a {@code gp:location-info}: a civic address
 * ({@link CivicLocation}), a geodetic shape ({@link GeoShape}), or something the reader recognised
 * but cannot use ({@link UnsupportedPart}: a legacy RFC 4119 format, an unknown element, an
 * unsupported CRS or unit, a malformed value). A compound location (RFC 5491 rules 5–7) is several
 * parts in one element, coarse first.
 */
public sealed interface LocationPart permits CivicLocation, GeoShape, UnsupportedPart {

    /** Whether the part is a location the caller can use (a civic address, even one breaking e911's rules, or a shape). */
    default boolean usable() {
        return !(this instanceof UnsupportedPart);
    }
}
