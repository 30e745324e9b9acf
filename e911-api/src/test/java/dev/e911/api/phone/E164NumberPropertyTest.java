package dev.e911.api.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every valid number, in every form we accept, parses to the same canonical value. */
class E164NumberPropertyTest {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /** libphonenumber's example number of every type, for every region it supports (valid ones only). */
  private static final List<PhoneNumber> EXAMPLES = examples();

  private static List<PhoneNumber> examples() {
    List<PhoneNumber> out = new ArrayList<>();
    for (String region : new TreeSet<>(UTIL.getSupportedRegions())) {
      for (PhoneNumberType type : PhoneNumberType.values()) {
        PhoneNumber n = UTIL.getExampleNumberForType(region, type);
        if (n != null && UTIL.isValidNumber(n)) {
          out.add(n);
        }
      }
    }
    return List.copyOf(out);
  }

  @Provide
  Arbitrary<PhoneNumber> examplesOfEveryRegionAndType() {
    return Arbitraries.of(EXAMPLES);
  }

  @Provide
  Arbitrary<PhoneNumber> validNanpNumbers() {
    return Arbitraries.longs().between(2_002_000_000L, 9_999_999_999L)
        .map(national -> new PhoneNumber().setCountryCode(1).setNationalNumber(national))
        .filter(UTIL::isValidNumber);
  }

  @Example
  @Label("there are example numbers for a large number of regions")
  void manyExamples() {
    assertThat(EXAMPLES).hasSizeGreaterThan(1000);
    assertThat(EXAMPLES.stream().map(UTIL::getRegionCodeForNumber).distinct().count()).isGreaterThan(200);
  }

  @Property
  @Label("example numbers of every region and type round-trip through every accepted form")
  void examplesRoundTrip(@ForAll("examplesOfEveryRegionAndType") PhoneNumber n) {
    assertEveryFormParses(n);
  }

  @Property
  @Label("valid NANP numbers round-trip through every accepted form")
  void nanpRoundTrip(@ForAll("validNanpNumbers") PhoneNumber n) {
    assertEveryFormParses(n);
  }

  @Property(tries = 100)
  @Label("a geographic NANP number is a callback number whatever form it comes in")
  void nanpElin(@ForAll("validNanpNumbers") PhoneNumber n) {
    PhoneNumberType type = UTIL.getNumberType(n);
    String e164 = UTIL.format(n, PhoneNumberFormat.E164);
    if (type == PhoneNumberType.FIXED_LINE_OR_MOBILE) {
      assertThat(Elin.parse(UTIL.format(n, PhoneNumberFormat.NATIONAL), "US", Elin.Kind.AGENT_DID).e164()).isEqualTo(e164);
    }
  }

  private static void assertEveryFormParses(PhoneNumber n) {
    String canonical = UTIL.format(n, PhoneNumberFormat.E164);
    String region = UTIL.getRegionCodeForNumber(n);
    assertThat(new E164Number(canonical).value()).isEqualTo(canonical);
    assertThat(E164Number.parse(canonical).value()).as("E.164").isEqualTo(canonical);
    assertThat(E164Number.parse(UTIL.format(n, PhoneNumberFormat.INTERNATIONAL)).value()).as("international")
        .isEqualTo(canonical);
    assertThat(E164Number.parse(UTIL.format(n, PhoneNumberFormat.INTERNATIONAL), "US").value())
        .as("international, other default region").isEqualTo(canonical);
    assertThat(E164Number.parse(UTIL.format(n, PhoneNumberFormat.NATIONAL), region).value())
        .as("national in %s: %s", region, UTIL.format(n, PhoneNumberFormat.NATIONAL)).isEqualTo(canonical);
    assertThat(E164Number.parse(UTIL.format(n, PhoneNumberFormat.RFC3966)).value()).as("tel: URI").isEqualTo(canonical);
    assertThat(E164Number.parse("sip:" + canonical + "@sbc.example.com;user=phone").value()).as("sip: URI")
        .isEqualTo(canonical);
    assertThat(new E164Number(canonical).region()).isEqualTo(region);
  }
}
