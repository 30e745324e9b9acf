package dev.e911.core.pidf;

/**
 * A WGS 84 position from a {@code gml:pos} or {@code gml:posList}: latitude and longitude in
 * decimal degrees (RFC 5491 axis order) and, for the 3-D CRS {@code EPSG::4979}, the height in
 * metres. For a 2-D position {@link #threeD()} is false and {@link #altitude()} is 0.
 *
 * @param latitude degrees north
 * @param longitude degrees east
 * @param altitude metres above the WGS 84 ellipsoid, 0 for a 2-D position
 * @param threeD whether the position has a height
 */
public record Position(double latitude, double longitude, double altitude, boolean threeD) {

    /** A 2-D position. */
    public static Position of(double latitude, double longitude) {
        return new Position(latitude, longitude, 0, false);
    }

    /** A 3-D position. */
    public static Position of(double latitude, double longitude, double altitude) {
        return new Position(latitude, longitude, altitude, true);
    }
}
