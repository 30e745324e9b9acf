package dev.e911.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretTest {

  private static final String VALUE = "s3cr3t-Passw0rd";

  @Test
  @DisplayName("toString never reveals the value, also inside collections and string concatenation")
  void neverShown() {
    Secret s = Secret.of(VALUE);
    assertThat(s.toString()).isEqualTo("***").doesNotContain(VALUE);
    assertThat(String.valueOf(Map.of("password", s))).doesNotContain(VALUE);
    assertThat("token=" + s).isEqualTo("token=***");
    assertThat(String.format(java.util.Locale.ROOT, "%s", s)).doesNotContain(VALUE);
  }

  @Test
  @DisplayName("reveal gives the value back for the wire")
  void reveal() {
    assertThat(Secret.of(VALUE).reveal()).isEqualTo(VALUE);
  }

  @Test
  @DisplayName("appearsIn finds the secret in text, for log scrubbers")
  void appearsIn() {
    Secret s = Secret.of(VALUE);
    assertThat(s.appearsIn("Authorization: Basic " + VALUE)).isTrue();
    assertThat(s.appearsIn("Authorization: ***")).isFalse();
    assertThat(s.appearsIn(null)).isFalse();
  }

  @Test
  @DisplayName("secrets compare by value and share a hash code that says nothing")
  void equality() {
    assertThat(Secret.of(VALUE)).isEqualTo(Secret.of(VALUE)).hasSameHashCodeAs(Secret.of("other"));
    assertThat(Secret.of(VALUE)).isNotEqualTo(Secret.of(VALUE + "x")).isNotEqualTo(VALUE);
  }

  @Test
  @DisplayName("null and blank secrets are refused without echoing them")
  void refused() {
    assertThatNullPointerException().isThrownBy(() -> Secret.of(null));
    assertThatIllegalArgumentException().isThrownBy(() -> Secret.of(" \t")).withMessageNotContaining("\t");
  }
}
