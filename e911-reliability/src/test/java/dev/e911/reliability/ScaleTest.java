package dev.e911.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScaleTest {
  @Test
  void theBuildTellsTheSuiteItsScale() {
    assertThat(System.getProperty("e911.reliability.scale")).isIn("small", "heavy");
    assertThat(Scale.of(1, 2)).isEqualTo(Scale.heavy() ? 2 : 1);
  }
}
