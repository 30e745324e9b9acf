package dev.e911.carrier.bandwidth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.validation.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BandwidthAddressMappingTest {

  private static DispatchableAddress.Builder base() {
    return DispatchableAddress.builder("US").houseNumber("1200").streetName("Point").city("San Francisco")
        .state("CA").postalCode("94133");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"North,N", "north,N", "N,N", "N.,N", "South,S", "East,E", "West,W", "Northeast,NE", "North East,NE",
      "north-west,NW", "Southeast,SE", "SW,SW", "southwest,SW"})
  @DisplayName("directionals are normalised to the 1-2 letter USPS abbreviations")
  void directionals(String given, String expected) {
    assertThat(BandwidthAddressMapping.directional(given)).contains(expected);
    assertThat(BandwidthAddressMapping.toDashboard(base().preDirectional(given).build())).containsEntry("PreDirectional", expected);
    assertThat(BandwidthAddressMapping.toDashboard(base().postDirectional(given).build())).containsEntry("PostDirectional", expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"Street,ST", "St,ST", "st.,ST", "Avenue,AVE", "Av,AVE", "Boulevard,BLVD", "Drive,DR", "Court,CT",
      "Lane,LN", "Road,RD", "Highway,HWY", "Parkway,PKWY", "Place,PL", "Circle,CIR", "Terrace,TER", "Way,WAY",
      "Crossing,XING", "Harbour,HBR", "Trail,TRL", "Square,SQ", "Esplanade,ESPLANADE"})
  @DisplayName("street suffixes follow the USPS table; unknown ones pass upper-cased")
  void suffixes(String given, String expected) {
    assertThat(BandwidthAddressMapping.toDashboard(base().streetSuffix(given).build())).containsEntry("StreetSuffix", expected);
  }

  static Stream<Arguments> line2() {
    return Stream.of(
        Arguments.of(base().building("2").floor("3").unit("Suite 310").build(), "BLDG 2 FL 3 STE 310"),
        Arguments.of(base().building("Building C").floor("Floor 12").unit("310").build(), "BLDG C FL 12 UNIT 310"),
        Arguments.of(base().floor("3rd Floor").build(), "FL 3"),
        Arguments.of(base().unit("Apartment 4B").build(), "APT 4B"),
        Arguments.of(base().unit("#12").build(), "# 12"),
        Arguments.of(base().unit("Dept. 7").room("Room 201").build(), "DEPT 7 RM 201"),
        Arguments.of(base().building("North Tower").seat("D-14").build(), "BLDG NORTH TOWER SEAT D-14"),
        Arguments.of(base().floor("2").additionalLocation("east wing, reception").build(), "EAST WING, RECEPTION FL 2"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource
  @DisplayName("building, floor, unit, room, seat and LOC compose AddressLine2 with USPS designators")
  void line2(DispatchableAddress address, String expected) {
    assertThat(BandwidthAddressMapping.toDashboard(address)).containsEntry("AddressLine2", expected);
  }

  @Test
  void the_full_dashboard_field_table_in_bandwidths_order() {
    DispatchableAddress a = DispatchableAddress.builder("US").set(CivicElement.HNP, "N12").houseNumber("1200")
        .houseNumberSuffix("1/2").preDirectional("North").set(CivicElement.PRM, "Old").streetName("Mill")
        .streetSuffix("Road").postDirectional("SW").building("2").city("Springfield").state("il").county("Sangamon")
        .postalCode("62701-1234").build();
    Map<String, String> f = BandwidthAddressMapping.toDashboard(a);
    assertThat(f).containsExactly(Map.entry("HousePrefix", "N12"), Map.entry("HouseNumber", "1200"),
        Map.entry("HouseSuffix", "1/2"), Map.entry("PreDirectional", "N"), Map.entry("StreetName", "OLD MILL"),
        Map.entry("StreetSuffix", "RD"), Map.entry("PostDirectional", "SW"), Map.entry("AddressLine2", "BLDG 2"),
        Map.entry("City", "SPRINGFIELD"), Map.entry("StateCode", "IL"), Map.entry("Zip", "62701"),
        Map.entry("PlusFour", "1234"), Map.entry("County", "SANGAMON"), Map.entry("Country", "US"));
  }

  @Test
  void a_canadian_address_keeps_the_canada_post_postal_code_form() {
    DispatchableAddress a = DispatchableAddress.builder("CA").houseNumber("80").streetName("Wellington")
        .streetSuffix("Street").city("Ottawa").state("ON").postalCode("k1a0a2").build();
    assertThat(BandwidthAddressMapping.toDashboard(a)).containsEntry("Zip", "K1A 0A2").containsEntry("Country", "CA");
  }

  static Stream<Arguments> refusals() {
    String longLoc = "x".repeat(55);
    return Stream.of(
        Arguments.of(base().floor("3").unit("Suite 310").additionalLocation(longLoc).build(), "AddressLine2", "bandwidth.line2-length"),
        Arguments.of(DispatchableAddress.builder("GB").streetName("Downing").houseNumber("10").city("London").build(),
            "Country", "bandwidth.country"),
        Arguments.of(base().preDirectional("Northbound").build(), "PreDirectional", "bandwidth.directional"),
        Arguments.of(base().postDirectional("Up").build(), "PostDirectional", "bandwidth.directional"),
        Arguments.of(base().set(CivicElement.POM, "Extended").build(), "StreetName", "bandwidth.post-modifier"),
        Arguments.of(DispatchableAddress.builder("CA").houseNumber("1").streetName("Main").city("Ottawa").state("Ontario")
            .postalCode("K1A 0A2").build(), "StateCode", "bandwidth.state"),
        Arguments.of(DispatchableAddress.builder("CA").houseNumber("1").streetName("Main").city("Ottawa").state("ON")
            .postalCode("12345").build(), "Zip", "bandwidth.ca-postal"),
        Arguments.of(DispatchableAddress.builder("CA").landmark("Parliament Hill").city("Ottawa").state("ON").build(),
            "HouseNumber", "required"));
  }

  @ParameterizedTest(name = "{1} [{2}]")
  @MethodSource
  @DisplayName("what does not fit is a typed error naming the Bandwidth field, never a silent truncation")
  void refusals(DispatchableAddress address, String field, String rule) {
    assertThatThrownBy(() -> BandwidthAddressMapping.toDashboard(address))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations())
            .anySatisfy(v -> {
              assertThat(v.path()).isEqualTo(field);
              assertThat(v.rule()).isEqualTo(rule);
            }));
  }

  @Test
  void a_refusal_lists_every_field_at_once_and_never_echoes_the_value() {
    DispatchableAddress a = DispatchableAddress.builder("MX").houseNumber("5").streetName("Reforma")
        .preDirectional("Norteish").additionalLocation("SECRET-LOOKING-TEXT " + "y".repeat(60)).city("CDMX").build();
    assertThatThrownBy(() -> BandwidthAddressMapping.toDashboard(a))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> {
          assertThat(e.violations()).extracting(v -> v.path()).contains("Country", "PreDirectional", "AddressLine2");
          assertThat(e.getMessage()).doesNotContain("Norteish").doesNotContain("SECRET-LOOKING-TEXT");
        });
  }

  @Test
  void the_carriers_geocoded_form_comes_back_with_the_users_in_building_detail() {
    DispatchableAddress sent = base().preDirectional("North").streetSuffix("Street").building("2").floor("3")
        .unit("Suite 310").name("ACME Support").requiresInBuildingDetail(true).build();
    JsonNode geo = xml("<GeocodedAddress><HouseNumber>1200</HouseNumber><PreDirectional>N</PreDirectional>"
        + "<StreetName>POINT</StreetName><StreetSuffix>ST</StreetSuffix><HouseSuffix/><AddressLine2>BLDG 2 FL 3 STE 310</AddressLine2>"
        + "<City>SAN FRANCISCO</City><StateCode>CA</StateCode><Zip>94133</Zip><PlusFour>1234</PlusFour>"
        + "<Country>United States</Country></GeocodedAddress>");
    DispatchableAddress back = BandwidthAddressMapping.fromDashboard(geo, Optional.of(sent));
    assertThat(back.streetName()).contains("POINT");
    assertThat(back.get(CivicElement.STS)).contains("ST");
    assertThat(back.get(CivicElement.HNS)).isEmpty();
    assertThat(back.get(CivicElement.PCE)).contains("1234");
    assertThat(back.get(CivicElement.UNIT)).contains("STE 310");
    assertThat(back.get(CivicElement.BLD)).contains("2");
    assertThat(back.get(CivicElement.FLR)).contains("3");
    assertThat(back.get(CivicElement.NAM)).contains("ACME Support");
    assertThat(back.requiresInBuildingDetail()).isTrue();
    assertThat(back.country()).isEqualTo("US");
  }

  @Test
  void a_carrier_line2_that_differs_is_parsed_by_designator() {
    JsonNode geo = xml("<Address><houseNumber>17</houseNumber><streetName>ELM</streetName><AddressLine2>REAR DOOR BLDG A FL 2 APT 4B RM 9"
        + "</AddressLine2><City>SPRINGFIELD</City><StateCode>IL</StateCode><Zip>62701</Zip><Country>US</Country></Address>");
    DispatchableAddress back = BandwidthAddressMapping.fromDashboard(geo, Optional.empty());
    assertThat(back.get(CivicElement.BLD)).contains("A");
    assertThat(back.get(CivicElement.FLR)).contains("2");
    assertThat(back.get(CivicElement.UNIT)).contains("APT 4B");
    assertThat(back.get(CivicElement.ROOM)).contains("9");
    assertThat(back.get(CivicElement.LOC)).contains("REAR DOOR");
    assertThat(BandwidthAddressMapping.addressLine2(back)).contains("REAR DOOR BLDG A FL 2 APT 4B RM 9");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"BLDG 2 FL 3 STE 310", "BLDG NORTH TOWER FL 12 UNIT 4B RM 201 SEAT D-14", "EAST WING FL 2", "# 12",
      "LOBBY DESK", "BLDG C", "APT 4B RM 9", "DEPT 7 RM 201"})
  @DisplayName("reading a line 2 back and composing it again gives the same line")
  void line2_round_trip(String line2) {
    DispatchableAddress.Builder b = base();
    BandwidthAddressMapping.parseLine2(line2).forEach(b::set);
    assertThat(BandwidthAddressMapping.addressLine2(b.build())).contains(line2);
  }

  @Test
  void a_carrier_address_that_is_not_an_address_is_a_malformed_payload() {
    JsonNode geo = xml("<Address><HouseNumber>12-14</HouseNumber><City>X</City><StateCode>FL</StateCode><Zip>33602</Zip></Address>");
    assertThatThrownBy(() -> BandwidthAddressMapping.fromDashboard(geo, Optional.empty()))
        .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("houseNumber");
  }

  @Test
  void es_fields_fold_the_street_into_addressLine1() {
    Map<String, String> es = BandwidthAddressMapping.toEs(base().preDirectional("North").streetSuffix("Street").floor("3").build(), false);
    assertThat(es).containsExactly(Map.entry("addressLine1", "1200 N POINT ST"), Map.entry("addressLine2", "FL 3"),
        Map.entry("city", "SAN FRANCISCO"), Map.entry("state", "CA"), Map.entry("postalCode", "94133"), Map.entry("country", "US"));
    assertThatThrownBy(() -> BandwidthAddressMapping.toEs(base().build(), true))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.violations().get(0).path()).isEqualTo("country"));
  }

  @Test
  void the_location_id_is_32_letters_and_digits_and_ignores_case_and_spacing() {
    String a = BandwidthAddressMapping.locationId(BandwidthAddressMapping.toDashboard(base().unit("Suite 310").build()));
    String b = BandwidthAddressMapping.locationId(BandwidthAddressMapping.toDashboard(
        DispatchableAddress.builder("US").houseNumber("1200").streetName("  point ").city("san  francisco").state("ca")
            .postalCode("94133").unit("suite   310").build()));
    String other = BandwidthAddressMapping.locationId(BandwidthAddressMapping.toDashboard(base().unit("Suite 311").build()));
    assertThat(a).matches("[A-Za-z0-9]{32}").isEqualTo(b).isNotEqualTo(other);
  }

  @Property(tries = 200)
  void location_ids_are_stable_alphanumeric_and_at_most_32(@ForAll @AlphaChars @StringLength(min = 1, max = 40) String street,
      @ForAll @AlphaChars @StringLength(min = 1, max = 30) String city) {
    DispatchableAddress a = DispatchableAddress.builder("US").houseNumber("1").streetName(street).city(city).state("TX")
        .postalCode("75001").build();
    String id = BandwidthAddressMapping.locationId(BandwidthAddressMapping.toDashboard(a));
    assertThat(id).matches("[A-Za-z0-9]{1,32}")
        .isEqualTo(BandwidthAddressMapping.locationId(BandwidthAddressMapping.toDashboard(a.toBuilder()
            .streetName(street.toLowerCase(java.util.Locale.ROOT)).build())));
  }

  private static JsonNode xml(String s) {
    return new Payloads(1 << 16).readXml(s.getBytes(StandardCharsets.UTF_8));
  }
}
