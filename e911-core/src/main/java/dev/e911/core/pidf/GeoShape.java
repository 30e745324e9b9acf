package dev.e911.core.pidf;

import java.util.List;
import java.util.Objects;

/**
 * A geodetic location as RFC 5491 defines the eight shapes every implementation must understand:
 * {@link Point}, {@link Circle}, {@link Ellipse}, {@link ArcBand}, {@link Polygon} (2-D),
 * {@link Sphere}, {@link Ellipsoid}, {@link Prism} (3-D; Point and Polygon may also be 3-D).
 * Lengths are in metres and angles in degrees clockwise from true north, whatever unit the document
 * used (radians are converted); {@link #crs()} is the URN of the {@code srsName} given or implied.
 */
public sealed interface GeoShape extends LocationPart {

    /** {@code urn:ogc:def:crs:EPSG::4326} or {@code urn:ogc:def:crs:EPSG::4979}. */
    String crs();

    /** A point without uncertainty. */
    record Point(String crs, Position position) implements GeoShape {
        /** Requires every component. */
        public Point {
            Objects.requireNonNull(crs, "crs");
            Objects.requireNonNull(position, "position");
        }
    }

    /** A centre and a horizontal radius (2-D). */
    record Circle(String crs, Position center, double radiusMeters) implements GeoShape {
        /** Requires every component. */
        public Circle {
            Objects.requireNonNull(crs, "crs");
            Objects.requireNonNull(center, "center");
        }
    }

    /** A centre, semi-major and semi-minor axes, and the orientation of the semi-major axis. */
    record Ellipse(String crs, Position center, double semiMajorAxisMeters, double semiMinorAxisMeters,
            double orientationDegrees) implements GeoShape {
        /** Requires every component. */
        public Ellipse {
            Objects.requireNonNull(crs, "crs");
            Objects.requireNonNull(center, "center");
        }
    }

    /** The area between two radii and two bearings around a centre. */
    record ArcBand(String crs, Position center, double innerRadiusMeters, double outerRadiusMeters,
            double startAngleDegrees, double openingAngleDegrees) implements GeoShape {
        /** Requires every component. */
        public ArcBand {
            Objects.requireNonNull(crs, "crs");
            Objects.requireNonNull(center, "center");
        }
    }

    /** A closed exterior ring (the first position repeated last, as the document gave it). */
    record Polygon(String crs, List<Position> exterior) implements GeoShape {
        /** Copies the ring. */
        public Polygon {
            Objects.requireNonNull(crs, "crs");
            exterior = List.copyOf(exterior);
        }
    }

    /** A 3-D centre and a radius. */
    record Sphere(String crs, Position center, double radiusMeters) implements GeoShape {
        /** Requires every component. */
        public Sphere {
            Objects.requireNonNull(crs, "crs");
            Objects.requireNonNull(center, "center");
        }
    }

    /** A 3-D centre, three semi-axes and the orientation of the semi-major axis. */
    record Ellipsoid(String crs, Position center, double semiMajorAxisMeters, double semiMinorAxisMeters,
            double verticalAxisMeters, double orientationDegrees) implements GeoShape {
        /** Requires every component. */
        public Ellipsoid {
            Objects.requireNonNull(crs, "crs");
            Objects.requireNonNull(center, "center");
        }
    }

    /** A 3-D polygon base (all at one height) extruded upwards by a height. */
    record Prism(String crs, List<Position> base, double heightMeters) implements GeoShape {
        /** Copies the base ring. */
        public Prism {
            Objects.requireNonNull(crs, "crs");
            base = List.copyOf(base);
        }
    }
}
