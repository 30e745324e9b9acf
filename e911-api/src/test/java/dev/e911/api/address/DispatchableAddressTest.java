package dev.e911.api.address;

import static dev.e911.api.TestValues.VALIDATED;
import static dev.e911.api.TestValues.sanFrancisco;
import static dev.e911.api.TestValues.sanFranciscoBuilder;
import static dev.e911.api.TestValues.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.e911.api.address.Dispatchability.Gap;
import dev.e911.api.validation.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class DispatchableAddressTest {

  private static DispatchableAddress.Builder us() {
    return DispatchableAddress.builder("US").houseNumber("1200").streetName("Point").city("San Francisco")
        .state("CA").postalCode("94133");
  }

  @Nested
  @DisplayName("US addresses")
  class UnitedStates {

    @Test
    @DisplayName("a complete address builds and keeps every element")
    void buildsComplete() {
      DispatchableAddress a = sanFrancisco();
      assertThat(a.country()).isEqualTo("US");
      assertThat(a.houseNumber()).contains("1200");
      assertThat(a.streetName()).contains("Point");
      assertThat(a.city()).contains("San Francisco");
      assertThat(a.state()).contains("CA");
      assertThat(a.get(CivicElement.UNIT)).contains("Suite 310");
      assertThat(a.get(CivicElement.FLR)).contains("3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CA", "NY", "DC", "PR", "GU", "VI", "AS", "MP", "ca", " tx "})
    @DisplayName("USPS state and territory codes are accepted and upper-cased")
    void stateCodes(String state) {
      assertThat(us().state(state).build().state()).contains(state.strip().toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    @DisplayName("a lower-case state with an i upper-cases the same under a Turkish default locale")
    void turkishI() {
      // surefire runs with tr_TR; "il".toUpperCase() there would be "İL"
      assertThat(us().state("il").build().state()).contains("IL");
      assertThat(us().state("mi").build().state()).contains("MI");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "California", "C", "UK", "ON"})
    @DisplayName("anything but a USPS code is refused as the state")
    void badState(String state) {
      assertThat(violationsOf(() -> us().state(state).build()))
          .extracting(Violation::path, Violation::rule)
          .containsExactly(tuple("state", "us.state"));
    }

    @Test
    @DisplayName("state, city, street, house number and ZIP are each required")
    void requiredFields() {
      assertThat(violationsOf(() -> DispatchableAddress.builder("US").build()))
          .extracting(Violation::path, Violation::rule)
          .containsExactlyInAnyOrder(
              tuple("state", "required"), tuple("city", "required"), tuple("streetName", "required"),
              tuple("houseNumber", "required"), tuple("postalCode", "required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12A", "1/2", "-5", "12 3", "١٢٣", "12345678901"})
    @DisplayName("the house number must be 1 to 10 ASCII digits")
    void houseNumberDigits(String hno) {
      assertThat(violationsOf(() -> us().houseNumber(hno).build()))
          .extracting(Violation::path).containsOnly("houseNumber");
    }

    @Test
    @DisplayName("letters go to the suffix and prefix, which are accepted")
    void suffixAndPrefix() {
      DispatchableAddress a = us().houseNumber("34567").set(CivicElement.HNP, "N12W").houseNumberSuffix("A").build();
      assertThat(a.get(CivicElement.HNP)).contains("N12W");
      assertThat(a.get(CivicElement.HNS)).contains("A");
    }

    @Test
    @DisplayName("a ZIP+4 is split into the ZIP (PC) and the add-on (PCE)")
    void zipPlusFour() {
      DispatchableAddress a = us().postalCode("94133-1234").build();
      assertThat(a.postalCode()).contains("94133");
      assertThat(a.get(CivicElement.PCE)).contains("1234");
    }

    @Test
    @DisplayName("setting a new postal code on a copy drops the old ZIP+4 add-on")
    void newZipDropsOldAddOn() {
      DispatchableAddress a = us().postalCode("94133-1234").build();
      assertThat(a.toBuilder().postalCode("94107").build().get(CivicElement.PCE)).isEmpty();
      assertThat(a.toBuilder().postalCode("94107-5678").build().get(CivicElement.PCE)).contains("5678");
    }

    @Test
    @DisplayName("a five-digit ZIP has no add-on")
    void plainZip() {
      assertThat(us().build().get(CivicElement.PCE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9413", "941331", "94133-123", "94133-12345", "941331234", "94133 1234", "ABCDE", "94133-"})
    @DisplayName("anything but ZIP or ZIP+4 is refused as a US postal code")
    void badZip(String zip) {
      assertThat(violationsOf(() -> us().postalCode(zip).build()))
          .extracting(Violation::path, Violation::rule)
          .containsExactly(tuple("postalCode", "us.zip"));
    }

    @Test
    @DisplayName("an add-on given separately that agrees with the ZIP+4 is accepted")
    void agreeingPce() {
      DispatchableAddress a = us().postalCode("94133-1234").set(CivicElement.PCE, "1234").build();
      assertThat(a.get(CivicElement.PCE)).contains("1234");
    }

    @Test
    @DisplayName("an add-on given separately that contradicts the ZIP+4 is refused")
    void conflictingPce() {
      assertThat(violationsOf(() -> us().postalCode("94133-1234").set(CivicElement.PCE, "9999").build()))
          .extracting(Violation::path, Violation::rule)
          .containsExactly(tuple("postalCodeExtension", "us.zip4-conflict"));
    }

    @Test
    @DisplayName("an add-on on its own must be four digits")
    void pceDigits() {
      assertThat(us().set(CivicElement.PCE, "0001").build().get(CivicElement.PCE)).contains("0001");
      assertThat(violationsOf(() -> us().set(CivicElement.PCE, "12a4").build()))
          .extracting(Violation::path, Violation::rule)
          .containsExactly(tuple("postalCodeExtension", "us.zip4"));
    }
  }

  @Nested
  @DisplayName("other countries")
  class OtherCountries {

    @Test
    @DisplayName("an ISO 3166-1 country with a city and a street is enough")
    void lighterRules() {
      DispatchableAddress a = DispatchableAddress.builder("de").city("Berlin").streetName("Unter den Linden")
          .houseNumber("77a").postalCode("10117").build();
      assertThat(a.country()).isEqualTo("DE");
      assertThat(a.houseNumber()).contains("77a");
      assertThat(a.postalCode()).contains("10117");
    }

    @Test
    @DisplayName("a state and a landmark stand in for the city and the street")
    void stateAndLandmark() {
      DispatchableAddress a = DispatchableAddress.builder("CA").state("ON").landmark("CN Tower").build();
      assertThat(a.get(CivicElement.LMK)).contains("CN Tower");
    }

    @Test
    @DisplayName("a ZIP+4 outside the US is kept whole, not split")
    void noZipSplit() {
      DispatchableAddress a = DispatchableAddress.builder("GB").city("London").streetName("Baker Street")
          .postalCode("NW1 6XE").build();
      assertThat(a.postalCode()).contains("NW1 6XE");
      assertThat(a.get(CivicElement.PCE)).isEmpty();
    }

    @Test
    @DisplayName("without city, state, street or landmark both gaps are reported")
    void needsCityAndStreet() {
      assertThat(violationsOf(() -> DispatchableAddress.builder("FR").houseNumber("1").build()))
          .extracting(Violation::path, Violation::rule)
          .containsExactlyInAnyOrder(tuple("city", "required"), tuple("streetName", "required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "ZZ", "U1", "UK"})
    @DisplayName("a code that is not ISO 3166-1 alpha-2 is refused")
    void notIso(String country) {
      assertThat(violationsOf(() -> DispatchableAddress.builder(country).city("x").streetName("y").build()))
          .extracting(Violation::path, Violation::rule)
          .containsExactly(tuple("country", "iso3166"));
    }

    @Test
    @DisplayName("a three-letter country is refused for its length")
    void alpha3() {
      assertThat(violationsOf(() -> DispatchableAddress.builder("USA").city("x").streetName("y").build()))
          .extracting(Violation::path, Violation::rule)
          .containsExactly(tuple("country", "length"));
    }

    @Test
    @DisplayName("the country is required")
    void countryRequired() {
      assertThat(violationsOf(() -> DispatchableAddress.builder().city("x").streetName("y").build()))
          .extracting(Violation::path, Violation::rule)
          .containsExactly(tuple("country", "required"));
      assertThat(violationsOf(() -> DispatchableAddress.builder("  ").city("x").streetName("y").build()))
          .extracting(Violation::path, Violation::rule)
          .containsExactly(tuple("country", "required"));
    }
  }

  @Nested
  @DisplayName("text")
  class TextRules {

    @Test
    @DisplayName("every element is normalised like xs:token")
    void token() {
      DispatchableAddress a = us().streetName("  North \t\n Point\r\n ").city(" San   Francisco ")
          .unit("\tSuite  310 ").build();
      assertThat(a.streetName()).contains("North Point");
      assertThat(a.city()).contains("San Francisco");
      assertThat(a.get(CivicElement.UNIT)).contains("Suite 310");
    }

    @Test
    @DisplayName("non-XML whitespace such as a no-break space is kept, as xs:token keeps it")
    void nbspKept() {
      assertThat(us().streetName("North\u00A0Point").build().streetName()).contains("North\u00A0Point");
    }

    @Test
    @DisplayName("setting an element to null or blank removes it")
    void blankRemoves() {
      DispatchableAddress a = sanFranciscoBuilder().unit(null).floor("   ").build();
      assertThat(a.get(CivicElement.UNIT)).isEmpty();
      assertThat(a.get(CivicElement.FLR)).isEmpty();
    }

    @Test
    @DisplayName("an over-long value is refused naming the field and the limit")
    void overLong() {
      List<Violation> vs = violationsOf(() -> us().city("x".repeat(65)).build());
      assertThat(vs).extracting(Violation::path, Violation::rule).containsExactly(tuple("city", "length"));
      assertThat(vs.get(0).message()).contains("64");
    }

    @Test
    @DisplayName("the length limit applies after whitespace is collapsed")
    void lengthAfterToken() {
      String city = "  " + "a".repeat(30) + "          " + "b".repeat(33) + "  ";
      assertThat(us().city(city).build().city().orElseThrow()).hasSize(64);
    }

    @ParameterizedTest
    @EnumSource(CivicElement.class)
    @DisplayName("every element has a length limit that is enforced")
    void everyElementHasALimit(CivicElement e) {
      String tooLong = "1".repeat(e.maxLength() + 1);
      assertThat(violationsOf(() -> us().set(e, tooLong).build()))
          .extracting(Violation::path, Violation::rule)
          .contains(tuple(e.jsonName(), "length"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDC00"})
    @DisplayName("a character XML 1.0 cannot carry is refused naming the field, without echoing it")
    void xmlIllegal(String bad) {
      List<Violation> vs = violationsOf(() -> us().streetName("Po" + bad + "int").build());
      assertThat(vs).extracting(Violation::path, Violation::rule).containsExactly(tuple("streetName", "xml-char"));
      assertThat(vs.get(0).message()).doesNotContain(bad).contains(String.format(java.util.Locale.ROOT, "U+%04X", (int) bad.charAt(0)));
    }

    @Test
    @DisplayName("a supplementary character in a valid surrogate pair is accepted")
    void surrogatePair() {
      assertThat(us().name("Caf\u00e9 \uD83D\uDE91").build().get(CivicElement.NAM)).contains("Caf\u00e9 \uD83D\uDE91");
    }

    @Test
    @DisplayName("an optional element made only of an XML-illegal control character is refused, not dropped")
    void controlOnlyOptional() {
      assertThat(violationsOf(() -> us().unit("\u000B").build()))
          .extracting(Violation::path, Violation::rule).containsExactly(tuple("unit", "xml-char"));
    }

    @Test
    @DisplayName("every violation is reported at once, and a supplied but refused field is not also called missing")
    void allAtOnce() {
      List<Violation> vs = violationsOf(() -> DispatchableAddress.builder("US")
          .state("ZZ").houseNumber("12B").postalCode("1").streetName("x".repeat(100)).unit("a\u0000b").build());
      assertThat(vs).extracting(Violation::path, Violation::rule).containsExactlyInAnyOrder(
          tuple("streetName", "length"), tuple("unit", "xml-char"), tuple("state", "us.state"),
          tuple("city", "required"), tuple("houseNumber", "us.house-number"),
          tuple("postalCode", "us.zip"));
    }
  }

  @Nested
  @DisplayName("dispatchability")
  class DispatchabilityRules {

    @Test
    @DisplayName("a validated complete address is dispatchable")
    void dispatchable() {
      DispatchableAddress a = sanFranciscoBuilder().validation(VALIDATED).build();
      assertThat(a.dispatchability().gaps()).isEmpty();
      assertThat(a.isDispatchable()).isTrue();
    }

    @Test
    @DisplayName("an address that was never validated is NOT_VALIDATED and nothing else")
    void notValidated() {
      assertThat(sanFrancisco().dispatchability().gaps()).containsExactly(Gap.NOT_VALIDATED);
      assertThat(sanFrancisco().isDispatchable()).isFalse();
    }

    @Test
    @DisplayName("withValidation and withoutValidation flip only the validation state")
    void withAndWithout() {
      DispatchableAddress validated = sanFrancisco().withValidation(VALIDATED);
      assertThat(validated.isDispatchable()).isTrue();
      assertThat(validated.validation()).contains(VALIDATED);
      assertThat(validated.sameCivicAddress(sanFrancisco())).isTrue();
      assertThat(validated.withoutValidation()).isEqualTo(sanFrancisco());
    }

    @Test
    @DisplayName("a PO box without a street is reported as PO_BOX_ONLY with the other gaps")
    void poBoxOnly() {
      DispatchableAddress a = DispatchableAddress.builder("CA").state("ON").city("Toronto")
          .set(CivicElement.POBOX, "PO Box 15").landmark("Main post office").validation(VALIDATED).build();
      assertThat(a.dispatchability().gaps())
          .containsExactlyInAnyOrder(Gap.PO_BOX_ONLY, Gap.MISSING_STREET, Gap.MISSING_HOUSE_NUMBER);
    }

    @Test
    @DisplayName("a PO box next to a street address is not a gap")
    void poBoxWithStreet() {
      DispatchableAddress a = sanFranciscoBuilder().set(CivicElement.POBOX, "PO Box 15").validation(VALIDATED).build();
      assertThat(a.dispatchability().gaps()).isEmpty();
    }

    @Test
    @DisplayName("a multi-occupancy place without floor, unit, room, seat or building is missing in-building detail")
    void inBuildingDetail() {
      DispatchableAddress bare = us().requiresInBuildingDetail(true).validation(VALIDATED).build();
      assertThat(bare.hasInBuildingDetail()).isFalse();
      assertThat(bare.dispatchability().gaps()).containsExactly(Gap.MISSING_IN_BUILDING_DETAIL);
      for (CivicElement detail : List.of(CivicElement.BLD, CivicElement.FLR, CivicElement.UNIT, CivicElement.ROOM, CivicElement.SEAT)) {
        DispatchableAddress withDetail = bare.toBuilder().set(detail, "2").build();
        assertThat(withDetail.isDispatchable()).as(detail.name()).isTrue();
      }
    }

    @Test
    @DisplayName("a single-occupancy place needs no in-building detail")
    void singleOccupancy() {
      assertThat(us().validation(VALIDATED).build().isDispatchable()).isTrue();
    }

    @Test
    @DisplayName("a foreign address without house number or state lists those gaps")
    void foreignGaps() {
      DispatchableAddress a = DispatchableAddress.builder("GB").city("London").streetName("Baker Street").build();
      assertThat(a.dispatchability().gaps())
          .containsExactly(Gap.NOT_VALIDATED, Gap.MISSING_HOUSE_NUMBER, Gap.MISSING_STATE);
      assertThat(Gap.MISSING_STATE.description()).isNotBlank();
    }

    @Test
    @DisplayName("the gaps list cannot be modified")
    void gapsImmutable() {
      List<Gap> gaps = sanFrancisco().dispatchability().gaps();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> gaps.add(Gap.MISSING_CITY))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  @DisplayName("comparison and rendering")
  class Comparison {

    @Test
    @DisplayName("sameCivicAddress ignores case, point and validation")
    void sameIgnoresCase() {
      DispatchableAddress upper = DispatchableAddress.builder("US").houseNumber("1200").preDirectional("n")
          .streetName("POINT").streetSuffix("ST").unit("SUITE 310").floor("3").city("SAN FRANCISCO").state("ca")
          .postalCode("94133-1234").point(GeoPoint.of(37.8, -122.4)).validation(VALIDATED).build();
      assertThat(upper.sameCivicAddress(sanFrancisco())).isTrue();
      assertThat(sanFrancisco().sameCivicAddress(upper)).isTrue();
      assertThat(upper).isNotEqualTo(sanFrancisco());
    }

    @Test
    @DisplayName("sameCivicAddress sees a changed, added or removed element")
    void sameSeesDifferences() {
      DispatchableAddress a = sanFrancisco();
      assertThat(a.sameCivicAddress(a.toBuilder().floor("4").build())).isFalse();
      assertThat(a.sameCivicAddress(a.toBuilder().room("12").build())).isFalse();
      assertThat(a.toBuilder().room("12").build().sameCivicAddress(a)).isFalse();
      assertThat(a.sameCivicAddress(a.toBuilder().unit(null).build())).isFalse();
      assertThat(a.sameCivicAddress(a.toBuilder().set(CivicElement.PCE, null).postalCode("94133").build())).isFalse();
    }

    @Test
    @DisplayName("equal addresses have equal hash codes; every component takes part in equals")
    void equalsAndHashCode() {
      DispatchableAddress a = sanFrancisco();
      DispatchableAddress b = sanFranciscoBuilder().build();
      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
      assertThat(a).isNotEqualTo(a.toBuilder().floor("4").build());
      assertThat(a).isNotEqualTo(a.toBuilder().point(GeoPoint.of(1, 2)).build());
      assertThat(a).isNotEqualTo(a.withValidation(VALIDATED));
      assertThat(a).isNotEqualTo(a.toBuilder().requiresInBuildingDetail(true).build());
      assertThat(a).isNotEqualTo(null).isNotEqualTo("1200 N Point St");
    }

    @Test
    @DisplayName("toBuilder().build() gives an equal address (ZIP+4 survives the round trip)")
    void toBuilderRoundTrip() {
      DispatchableAddress a = sanFranciscoBuilder().point(new GeoPoint(37.8, -122.4, 15)).validation(VALIDATED)
          .requiresInBuildingDetail(true).build();
      assertThat(a.toBuilder().build()).isEqualTo(a);
    }

    @Test
    @DisplayName("elements come in schema order and cannot be modified")
    void elementsOrdered() {
      Map<CivicElement, String> els = sanFrancisco().elements();
      assertThat(els.keySet()).containsExactly(CivicElement.COUNTRY, CivicElement.A1, CivicElement.A3,
          CivicElement.PRD, CivicElement.RD, CivicElement.STS, CivicElement.HNO, CivicElement.FLR,
          CivicElement.PC, CivicElement.UNIT, CivicElement.PCE);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> els.put(CivicElement.ROOM, "1"))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("the builder is not shared with the built value")
    void builderNotShared() {
      DispatchableAddress.Builder b = sanFranciscoBuilder();
      DispatchableAddress a = b.build();
      b.floor("9");
      assertThat(a.get(CivicElement.FLR)).contains("3");
    }

    @Test
    @DisplayName("oneLine renders the street, in-building detail, city, state, ZIP+4 and country")
    void oneLine() {
      assertThat(sanFrancisco().oneLine())
          .isEqualTo("1200 N Point St, Floor 3, Suite 310, San Francisco, CA 94133-1234, US");
    }

    @Test
    @DisplayName("oneLine puts a grid prefix directly before the number, and labels rooms and seats once")
    void oneLineDetails() {
      DispatchableAddress a = DispatchableAddress.builder("US").set(CivicElement.HNP, "N12W").houseNumber("34567")
          .streetName("Example").streetSuffix("Rd").city("Menomonee Falls").state("WI").postalCode("53051")
          .room("Room 3-114").seat("14").building("Building B").build();
      assertThat(a.oneLine())
          .isEqualTo("N12W34567 Example Rd, Building B, Room 3-114, Seat 14, Menomonee Falls, WI 53051, US");
    }

    @Test
    @DisplayName("oneLine keeps a fractional house-number suffix apart from the number")
    void oneLineFraction() {
      assertThat(us().houseNumberSuffix("1/2").build().oneLine()).startsWith("1200 1/2 Point, ");
      assertThat(us().houseNumberSuffix("A").build().oneLine()).startsWith("1200A Point, ");
    }

    @Test
    @DisplayName("toString says whether the address is validated")
    void toStringShowsValidation() {
      assertThat(sanFrancisco().toString()).contains("unvalidated").contains("1200 N Point St");
      assertThat(sanFrancisco().withValidation(VALIDATED).toString()).contains("validated by bandwidth");
    }
  }
}
