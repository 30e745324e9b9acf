package dev.e911.api.address;

import static dev.e911.api.TestValues.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.e911.api.validation.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoPointTest {

  @Test
  @DisplayName("the corners of the valid range are accepted")
  void bounds() {
    assertThat(new GeoPoint(90, 180, GeoPoint.MAX_UNCERTAINTY_METERS).latitude()).isEqualTo(90);
    assertThat(new GeoPoint(-90, -180, 0).longitude()).isEqualTo(-180);
  }

  @ParameterizedTest
  @CsvSource({
      "90.0000001, 0, 0, latitude, geo.latitude",
      "-90.5, 0, 0, latitude, geo.latitude",
      "NaN, 0, 0, latitude, geo.latitude",
      "0, 180.0001, 0, longitude, geo.longitude",
      "0, -Infinity, 0, longitude, geo.longitude",
      "0, NaN, 0, longitude, geo.longitude",
      "0, 0, -1, uncertaintyMeters, geo.uncertainty",
      "0, 0, 100000.5, uncertaintyMeters, geo.uncertainty",
      "0, 0, NaN, uncertaintyMeters, geo.uncertainty",
      "0, 0, Infinity, uncertaintyMeters, geo.uncertainty"})
  @DisplayName("out-of-range and non-finite numbers are refused naming the field")
  void refused(double lat, double lon, double unc, String path, String rule) {
    assertThat(violationsOf(() -> new GeoPoint(lat, lon, unc)))
        .extracting(Violation::path, Violation::rule).containsExactly(tuple(path, rule));
  }

  @Test
  @DisplayName("all three problems are reported at once")
  void allAtOnce() {
    assertThat(violationsOf(() -> new GeoPoint(91, 181, -1))).extracting(Violation::path)
        .containsExactly("latitude", "longitude", "uncertaintyMeters");
  }

  @Test
  @DisplayName("negative zero is normalised so equal points are equal")
  void negativeZero() {
    GeoPoint a = new GeoPoint(-0.0, -0.0, -0.0);
    GeoPoint b = GeoPoint.of(0, 0);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(Double.doubleToRawLongBits(a.latitude())).isZero();
  }

  @Test
  @DisplayName("a point has uncertainty only when the radius is above zero")
  void uncertainty() {
    assertThat(GeoPoint.of(37.8, -122.4).hasUncertainty()).isFalse();
    assertThat(new GeoPoint(37.8, -122.4, 0.5).hasUncertainty()).isTrue();
  }
}
