package dev.e911.reliability;

/**
 * How big the reliability suite runs: {@code small} in every {@code mvn verify}, {@code heavy} under
 * {@code -Preliability} (system property {@code e911.reliability.scale}, set by the POM).
 */
public final class Scale {
  private Scale() {}

  /** True under {@code -Preliability}. */
  public static boolean heavy() {
    return "heavy".equals(System.getProperty("e911.reliability.scale", "small"));
  }

  /** {@code small} in a normal build, {@code heavy} in the profile run. */
  public static int of(int small, int heavy) {
    return heavy() ? heavy : small;
  }
}
