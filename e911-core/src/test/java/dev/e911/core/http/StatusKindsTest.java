package dev.e911.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.spi.RemoteFailure.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusKindsTest {

  @ParameterizedTest
  @CsvSource({"400, INVALID_REQUEST", "422, INVALID_REQUEST", "418, INVALID_REQUEST", "401, AUTHENTICATION", "403, PERMISSION",
      "404, NOT_FOUND", "410, NOT_FOUND", "409, CONFLICT", "429, RATE_LIMITED", "500, TRANSIENT", "503, TRANSIENT",
      "200, MALFORMED_RESPONSE", "302, MALFORMED_RESPONSE"})
  void mapsEveryStatusClass(int status, Kind kind) {
    assertThat(StatusKinds.of(status)).isEqualTo(kind);
  }
}
