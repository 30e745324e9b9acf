package dev.e911.carrier.intelepeer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.phone.Elin;
import dev.e911.api.spi.Binding;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntelePeerAddressMappingTest {

  static DispatchableAddress.Builder tampa() {
    return DispatchableAddress.builder("US").houseNumber("2210").preDirectional("West").streetName("Harbour View")
        .streetSuffix("Boulevard").city("Tampa").state("FL").postalCode("33602");
  }

  static DispatchableAddress us(Map<CivicElement, String> extra) {
    DispatchableAddress.Builder b = tampa();
    extra.forEach(b::set);
    return b.build();
  }

  @Nested
  @DisplayName("address1 is {prefix}{HNO}{HNS} {PRD} {RD} {STS} {POD} in upper-case USPS abbreviations")
  class Address1 {

    static Stream<Arguments> rows() {
      return Stream.of(
          Arguments.of(Map.of(), "2210 W HARBOUR VIEW BLVD"),
          Arguments.of(Map.of(CivicElement.HNS, "A"), "2210A W HARBOUR VIEW BLVD"),
          Arguments.of(Map.of(CivicElement.HNS, "1/2"), "2210 1/2 W HARBOUR VIEW BLVD"),
          Arguments.of(Map.of(CivicElement.HNP, "N12W", CivicElement.HNO, "34567"), "N12W34567 W HARBOUR VIEW BLVD"),
          Arguments.of(Map.of(CivicElement.POD, "Southwest", CivicElement.PRD, ""), "2210 HARBOUR VIEW BLVD SW"),
          Arguments.of(Map.of(CivicElement.STS, "St.", CivicElement.PRD, "n."), "2210 N HARBOUR VIEW ST"),
          Arguments.of(Map.of(CivicElement.STS, "Wynd"), "2210 W HARBOUR VIEW WYND"),
          Arguments.of(Map.of(CivicElement.PRM, "Old", CivicElement.POM, "Extended"), "2210 OLD W HARBOUR VIEW BLVD EXTENDED"),
          Arguments.of(Map.of(CivicElement.STP, "Avenue", CivicElement.RD, "C", CivicElement.STS, "", CivicElement.PRD, ""),
              "2210 AVENUE C"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("rows")
    void maps(Map<CivicElement, String> extra, String expected) {
      assertThat(IntelePeerAddressMapping.toWire(us(extra)).address1()).isEqualTo(expected);
    }
  }

  @Nested
  @DisplayName("address2 is BLDG b FL f {unit} RM r SEAT s LOC")
  class Address2 {

    static Stream<Arguments> rows() {
      return Stream.of(
          Arguments.of(Map.of(), ""),
          Arguments.of(Map.of(CivicElement.UNIT, "Suite 410"), "STE 410"),
          Arguments.of(Map.of(CivicElement.UNIT, "410"), "UNIT 410"),
          Arguments.of(Map.of(CivicElement.UNIT, "Apt. 3B"), "APT 3B"),
          Arguments.of(Map.of(CivicElement.BLD, "Building 7", CivicElement.FLR, "Floor 4", CivicElement.UNIT, "Ste 410",
              CivicElement.ROOM, "12"), "BLDG 7 FL 4 STE 410 RM 12"),
          Arguments.of(Map.of(CivicElement.FLR, "4", CivicElement.SEAT, "A417"), "FL 4 SEAT A417"),
          Arguments.of(Map.of(CivicElement.LOC, "north wing"), "NORTH WING"));
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @MethodSource("rows")
    void maps(Map<CivicElement, String> extra, String expected) {
      assertThat(IntelePeerAddressMapping.toWire(us(extra)).address2()).isEqualTo(expected);
    }
  }

  @Test
  void cityStateAndZipAreUpperCaseAndTheZipPlus4AddOnIsNotSent() {
    WireAddress w = IntelePeerAddressMapping.toWire(tampa().postalCode("33602-1234").city("Tampa").build());
    assertThat(w.city()).isEqualTo("TAMPA");
    assertThat(w.state()).isEqualTo("FL");
    assertThat(w.zip()).isEqualTo("33602");
  }

  @Test
  void canadianAddressesKeepTheirPostalCodeInCanadaPostForm() {
    DispatchableAddress a = DispatchableAddress.builder("CA").houseNumber("80").streetName("Wellington")
        .streetSuffix("Street").city("Ottawa").state("ON").postalCode("k1a0a2").build();
    WireAddress w = IntelePeerAddressMapping.toWire(a);
    assertThat(w).isEqualTo(new WireAddress("80 WELLINGTON ST", "", "OTTAWA", "ON", "K1A 0A2"));
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(DispatchableAddress.builder("GB").streetName("Downing Street").houseNumber("10").city("London")
            .postalCode("SW1A 2AA").build(), "country", "intelepeer.country"),
        Arguments.of(DispatchableAddress.builder("CA").streetName("Wellington").city("Ottawa").state("ON")
            .postalCode("K1A 0A2").build(), "houseNumber", "intelepeer.required"),
        Arguments.of(DispatchableAddress.builder("CA").houseNumber("80").streetName("Wellington").city("Ottawa")
            .state("XX").postalCode("K1A 0A2").build(), "state", "intelepeer.province"),
        Arguments.of(DispatchableAddress.builder("CA").houseNumber("80").streetName("Wellington").city("Ottawa")
            .state("ON").postalCode("12345").build(), "postalCode", "intelepeer.postal-code"),
        Arguments.of(tampa().building("Research and Development Laboratory Complex").floor("14")
            .unit("Suite 1400").room("1401").build(), "address2", "intelepeer.length"),
        Arguments.of(tampa().streetName("A Very Long Street Name That Certainly Does Not Fit In Sixty").build(),
            "address1", "intelepeer.length"),
        Arguments.of(tampa().city("Llanfairpwllgwyngyllgogerychwyrndrobwll").build(), "city", "intelepeer.length"));
  }

  @ParameterizedTest(name = "refuses with {1} [{2}]")
  @MethodSource("refusals")
  void refusesWhatDoesNotFitNamingTheField(DispatchableAddress a, String path, String rule) {
    assertThatThrownBy(() -> IntelePeerAddressMapping.toWire(a))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
            .extracting(Violation::path, Violation::rule).contains(org.assertj.core.groups.Tuple.tuple(path, rule)));
  }

  @Test
  void aNumberBindingBecomesOneStaticRecordWithTenDigits() {
    Binding b = new Binding.NumberBinding(Elin.parse("+1 813 555 0142", null, Elin.Kind.LOCATION_ELIN),
        tampa().unit("Suite 410").build(), "Acme Support");
    E911Request r = IntelePeerAddressMapping.toRequest(b);
    assertThat(r.number10()).isEqualTo("8135550142");
    assertThat(r.dynamic()).isFalse();
    assertThat(r.locationName()).isEqualTo("2210 W HARBOUR VIEW BLVD STE 410");
    assertThat(r.callerName()).isEqualTo("ACME SUPPORT");
  }

  @Test
  void aDynamicEndpointNeedsANanpEndpointIdAndFillsTheDynamicFields() {
    Elin callback = Elin.parse("+18135550199", null, Elin.Kind.AGENT_DID);
    E911Request r = IntelePeerAddressMapping.toRequest(
        new Binding.EndpointBinding("18135550142", callback, tampa().build(), "Acme Support A417"));
    assertThat(r.dynamic()).isTrue();
    assertThat(r.number10()).isEqualTo("8135550142");
    assertThat(r.callbackNumber10()).isEqualTo("8135550199");
    assertThat(r.callerName()).isEqualTo("ACME SUPPORT A417");

    assertThatThrownBy(() -> IntelePeerAddressMapping.toRequest(
        new Binding.EndpointBinding("softphone-17", callback, tampa().build(), "A very long caller name beyond 32 chars")))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
            .extracting(Violation::path).containsExactly("endpointId", "callerName"));
  }

  @Test
  void nonNanpNumbersAreRefused() {
    Binding b = new Binding.NumberBinding(Elin.parse("+44 20 7946 0958", null, Elin.Kind.LOCATION_ELIN),
        tampa().build(), "Acme");
    assertThatThrownBy(() -> IntelePeerAddressMapping.toRequest(b))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
            .extracting(Violation::path, Violation::rule)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("number", "intelepeer.nanp")));
  }

  static Stream<DispatchableAddress> roundTrips() {
    return Stream.of(tampa().build(), tampa().houseNumberSuffix("A").postDirectional("NE").build(),
        tampa().set(CivicElement.HNP, "N12W").build(),
        tampa().building("7").floor("4").unit("Suite 410").room("12").seat("A417").build(),
        tampa().unit("#12").additionalLocation("rear entrance").build());
  }

  @ParameterizedTest
  @MethodSource("roundTrips")
  @DisplayName("reading the carrier's fields back gives the same wire form (the carrier's standardised spelling)")
  void readsBack(DispatchableAddress a) {
    WireAddress w = IntelePeerAddressMapping.toWire(a);
    DispatchableAddress back = IntelePeerAddressMapping.fromWire(w);
    assertThat(IntelePeerAddressMapping.toWire(back)).isEqualTo(w);
  }

  @Test
  void aStandardisedAddressReadsBackAsTheSameCivicAddress() {
    DispatchableAddress a = DispatchableAddress.builder("US").houseNumber("2210").preDirectional("W")
        .streetName("Harbour View").streetSuffix("Blvd").city("Tampa").state("FL").postalCode("33602")
        .floor("4").unit("STE 410").build();
    assertThat(IntelePeerAddressMapping.fromWire(IntelePeerAddressMapping.toWire(a)).sameCivicAddress(a)).isTrue();
  }
}
