package dev.e911.core.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Rule patterns expand to finite digit sets, or are refused with a reason")
class PatternExpanderTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @DisplayName("the supported subset expands to exactly the digit strings java.util.regex accepts")
  @CsvSource(delimiter = ' ', value = {
      "^911$ 911",
      "^933$ 933",
      "^(911|9911)$ 911,9911",
      "^(?:911|933)$ 911,933",
      "^9?911$ 911,9911",
      "^(?:9)?911$ 911,9911",
      "^(9|99)?911$ 911,9911,99911",
      "^93[3]$ 933",
      "^9[1-3]1$ 911,921,931",
      "^9[13-4]1$ 911,931,941",
      "^[^0-8]11$ 911",
      "^91{2}$ 911",
      "^9{0,1}911$ 911,9911",
      "^91{1,2}$ 91,911",
      "^911??$ 91,911",
      "^(\\+1)?911$ 911",
      "^[]9]11$ 911",
      "^[a-z9]11$ 911",
      "^1(12|0[12])$ 112,101,102",
  })
  void expandsSupportedPatterns(String pattern, String expected) throws Exception {
    Set<String> want = Arrays.stream(expected.split(",")).collect(Collectors.toSet());
    Set<String> got = PatternExpander.expand(pattern);
    assertThat(got).containsExactlyInAnyOrderElementsOf(want);
    Pattern p = Pattern.compile(pattern);
    assertThat(got).allMatch(n -> p.matcher(n).matches());
  }

  @Test
  void digitClassesAndDotExpandToEveryDigit() throws Exception {
    assertThat(PatternExpander.expand("^\\d{3}$")).hasSize(1000).contains("000", "911", "999");
    assertThat(PatternExpander.expand("^9.1$")).hasSize(10).contains("901", "991");
    assertThat(PatternExpander.expand("^[0-9]{4}$")).hasSize(10_000);
  }

  @ParameterizedTest(name = "{0} refused: {1}")
  @DisplayName("patterns outside the subset are refused with the reason, never ignored")
  @CsvSource(delimiter = '#', value = {
      "911 # anchored",
      "^911 # anchored",
      "911$ # anchored",
      "^911\\$ # anchored",
      "^91+$ # unbounded",
      "^9*11$ # unbounded",
      "^9{2,}$ # unbounded",
      "^(?=9)911$ # group",
      "^(?i)911$ # group",
      "^(?<n>911)$ # group",
      "^(9)\\1$ # escape",
      "^\\w11$ # escape",
      "^\\s?911$ # escape",
      "^[0-9]{10}$ # more",
      "^[0-9]{5}$ # more",
      "^9?$ # empty",
      "^\\+911$ # no string of digits",
      "^[a-z]+$ # unbounded",
      "^[a-z]{3}$ # no string of digits",
      "^9{21}$ # between",
      "^9{2}+$ # possessive",
      "^911$|^933$ # anchor",
      "^9{2}{3}$ # nothing",
      "^[[0-9]]$ # nested",
      "^[0-9&&[1]]$ # nested",
      "^(?:[0-9]{4}){5}1$ # more",
      "^(?:1{20}){1}2$ # longer",
  })
  void refusesUnsupportedPatterns(String pattern, String reasonWord) {
    Pattern.compile(pattern); // they are all valid Java regexes: the refusal is ours
    assertThatThrownBy(() -> PatternExpander.expand(pattern))
        .isInstanceOf(PatternExpander.Unsupported.class)
        .hasMessageContaining(reasonWord);
  }
}
