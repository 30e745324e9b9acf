package dev.e911.carrier.manual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@DisplayName("The worksheet CSV")
class CsvTest {

  @ParameterizedTest(name = "guards a cell starting with {0}")
  @ValueSource(strings = {"=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"})
  void guardsFormulas(String value) {
    String cell = Csv.cell(value);
    assertThat(cell.startsWith("'") || cell.startsWith("\"'")).as(cell).isTrue();
  }

  @ParameterizedTest(name = "round-trips {0}")
  @ValueSource(strings = {"plain", "a,b", "say \"hi\"", "two\r\nlines", "=1+1", "-", "'quoted already", ""})
  void roundTrips(String value) throws Exception {
    String text = Csv.record(List.of(value, "x"));
    List<List<String>> parsed = Csv.parse(text);
    assertThat(parsed).hasSize(1);
    assertThat(Csv.unguard(parsed.get(0).get(0))).isEqualTo(value);
    assertThat(parsed.get(0).get(1)).isEqualTo("x");
  }

  @Test
  @DisplayName("quotes per RFC 4180 and ends records with CRLF")
  void rfc4180() {
    assertThat(Csv.record(List.of("a,b", "say \"hi\"", "plain"))).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",plain\r\n");
  }

  @Test
  @DisplayName("reports the line of an unterminated quote and of a stray quote")
  void syntaxErrors() {
    assertThatThrownBy(() -> Csv.parse("a,b\r\nc,\"open\r\nmore")).isInstanceOfSatisfying(Csv.SyntaxException.class,
        e -> assertThat(e.line()).isEqualTo(2));
    assertThatThrownBy(() -> Csv.parse("a,b\nc,d\"e\n")).isInstanceOfSatisfying(Csv.SyntaxException.class,
        e -> assertThat(e.line()).isEqualTo(2));
  }
}
