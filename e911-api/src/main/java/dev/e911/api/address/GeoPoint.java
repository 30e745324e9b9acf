package dev.e911.api.address;

import dev.e911.api.validation.Violations;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * A WGS 84 position (EPSG:4326, latitude then longitude, decimal degrees) with an optional
 * horizontal uncertainty radius in metres. Rendered in PIDF-LO as a GML {@code Point} when the
 * uncertainty is zero and as an RFC 5491 {@code Circle} otherwise.
 */
public record GeoPoint(
    @DecimalMin("-90") @DecimalMax("90") double latitude,
    @DecimalMin("-180") @DecimalMax("180") double longitude,
    @DecimalMin("0") @DecimalMax("100000") double uncertaintyMeters) {

  /** Largest uncertainty radius accepted (a location vaguer than this is not worth sending). */
  public static final double MAX_UNCERTAINTY_METERS = 100_000;

  public GeoPoint {
    Violations v = Violations.forType("GeoPoint");
    v.check(!(latitude >= -90 && latitude <= 90), "latitude", "geo.latitude", "must be a number in [-90, 90]");
    v.check(!(longitude >= -180 && longitude <= 180), "longitude", "geo.longitude", "must be a number in [-180, 180]");
    v.check(!(uncertaintyMeters >= 0 && uncertaintyMeters <= MAX_UNCERTAINTY_METERS), "uncertaintyMeters",
        "geo.uncertainty", "must be a number in [0, " + (long) MAX_UNCERTAINTY_METERS + "] metres");
    v.throwIfAny();
    latitude = latitude + 0.0; // normalise -0.0
    longitude = longitude + 0.0;
    uncertaintyMeters = uncertaintyMeters + 0.0;
  }

  /** A point with no stated uncertainty. */
  public static GeoPoint of(double latitude, double longitude) {
    return new GeoPoint(latitude, longitude, 0);
  }

  /** Whether an uncertainty radius is stated (then the shape is a circle). */
  public boolean hasUncertainty() {
    return uncertaintyMeters > 0;
  }
}
