package dev.e911.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'a'|'a'", "'  a  '|'a'", "'a  b'|'a b'", "'\ta\r\nb\n'|'a b'", "'   '|''", "''|''",
      "'a\u00A0 b'|'a\u00A0 b'", "'a \u2003 b'|'a \u2003 b'"})
  @DisplayName("token trims and collapses exactly the four XML whitespace characters")
  void token(String in, String out) {
    assertThat(Text.token(in)).isEqualTo(out);
  }

  @Test
  @DisplayName("firstIllegalXmlChar finds C0 controls, U+FFFE/U+FFFF and unpaired surrogates, and nothing else")
  void illegal() {
    assertThat(Text.firstIllegalXmlChar("plain \t\r\n text \uD83D\uDE91 \uE000 \uFFFD")).isEqualTo(-1);
    assertThat(Text.firstIllegalXmlChar("a\u0001")).isEqualTo(1);
    assertThat(Text.firstIllegalXmlChar("a\uFFFE")).isEqualTo(0xFFFE);
    assertThat(Text.firstIllegalXmlChar("\uD83D")).isEqualTo(0xD83D);
    assertThat(Text.firstIllegalXmlChar("\uDE91x")).isEqualTo(0xDE91);
    assertThat(Text.firstIllegalXmlChar("\uD83Dx")).isEqualTo(0xD83D);
    assertThat(Text.firstIllegalXmlChar("\u007F\u0085")).isEqualTo(-1);
  }

  @Test
  @DisplayName("identifiers: letters, digits and . _ : @ -, 1 to 128, starting with a letter or digit")
  void identifiers() {
    assertThat(Identifiers.isValid("a.b_c:d@e-f")).isTrue();
    assertThat(Identifiers.isValid("x".repeat(128))).isTrue();
    assertThat(Identifiers.isValid("x".repeat(129))).isFalse();
    assertThat(Identifiers.isValid("_a")).isFalse();
    assertThat(Identifiers.isValid("")).isFalse();
    assertThat(Identifiers.isValid(null)).isFalse();
    assertThat(Identifiers.isValid("ı")).isFalse();
  }
}
