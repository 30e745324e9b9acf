package dev.e911.core.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DigitRegexTest {

  @Test
  void writesCompactRegexes() {
    assertThat(DigitRegex.of(List.of("911"))).isEqualTo("911");
    assertThat(DigitRegex.of(List.of("911", "933"))).isEqualTo("9(?:11|33)");
    assertThat(DigitRegex.of(List.of("911", "9911"))).isEqualTo("9(?:11|911)");
    assertThat(DigitRegex.of(List.of("91", "911"))).isEqualTo("911?");
    assertThat(DigitRegex.of(List.of("9110", "9111", "9112", "9113", "9114", "9115", "9116", "9117", "9118", "9119")))
        .isEqualTo("911[0-9]");
    assertThat(DigitRegex.characterClass(0b1000000011)).isEqualTo("[019]");
    assertThat(DigitRegex.characterClass(0b0111011110)).isEqualTo("[1-46-8]");
  }

  @Property(tries = 300)
  void matchesExactlyTheGivenNumbers(@ForAll("numberSets") Set<String> numbers, @ForAll("probes") List<String> probes) {
    Pattern p = Pattern.compile("^(?:" + DigitRegex.of(numbers) + ")$");
    for (String n : numbers) {
      assertThat(p.matcher(n).matches()).as(n).isTrue();
    }
    for (String probe : probes) {
      assertThat(p.matcher(probe).matches()).as(probe).isEqualTo(numbers.contains(probe));
    }
  }

  @Provide
  Arbitrary<Set<String>> numberSets() {
    return Arbitraries.strings().withCharRange('0', '3').ofMinLength(1).ofMaxLength(4).set().ofMinSize(1).ofMaxSize(30);
  }

  @Provide
  Arbitrary<List<String>> probes() {
    return Arbitraries.strings().withCharRange('0', '3').ofMinLength(0).ofMaxLength(5).list().ofSize(40);
  }
}
