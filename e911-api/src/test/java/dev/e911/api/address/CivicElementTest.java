package dev.e911.api.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CivicElementTest {

  @ParameterizedTest
  @EnumSource(CivicElement.class)
  @DisplayName("every element is found again by its JSON name and by its namespace and XML name")
  void lookups(CivicElement e) {
    assertThat(CivicElement.fromJsonName(e.jsonName())).contains(e);
    assertThat(CivicElement.fromXml(e.namespace().uri(), e.xmlName())).contains(e);
    assertThat(e.maxLength()).isPositive();
  }

  @Test
  @DisplayName("unknown names and a known name in the wrong namespace are not found")
  void unknown() {
    assertThat(CivicElement.fromJsonName("street")).isEmpty();
    assertThat(CivicElement.fromXml(CivicElement.Namespace.RFC6848.uri(), "RD")).isEmpty();
    assertThat(CivicElement.fromXml(CivicElement.Namespace.RFC5139.uri(), "PCE")).isEmpty();
  }

  @Test
  @DisplayName("RFC 5139 elements come in schema order, before the extension elements")
  void schemaOrder() {
    List<String> rfc5139 = Arrays.stream(CivicElement.values())
        .filter(e -> e.namespace() == CivicElement.Namespace.RFC5139).map(CivicElement::xmlName).toList();
    List<String> schema = List.of("country", "A1", "A2", "A3", "A4", "A5", "A6", "PRM", "PRD", "RD", "STS", "POD", "POM",
        "RDSEC", "RDBR", "RDSUBBR", "HNO", "HNS", "LMK", "LOC", "FLR", "NAM", "PC", "BLD", "UNIT", "ROOM", "SEAT", "PLC",
        "PCN", "POBOX", "ADDCODE");
    assertThat(rfc5139).isSubsetOf(schema);
    assertThat(rfc5139).isSortedAccordingTo((a, b) -> Integer.compare(schema.indexOf(a), schema.indexOf(b)));
    int lastRfc5139 = Arrays.stream(CivicElement.values()).filter(e -> e.namespace() == CivicElement.Namespace.RFC5139)
        .mapToInt(Enum::ordinal).max().orElseThrow();
    assertThat(Arrays.stream(CivicElement.values()).filter(e -> e.namespace() != CivicElement.Namespace.RFC5139))
        .allMatch(e -> e.ordinal() > lastRfc5139);
  }

  @Test
  @DisplayName("JSON names are unique")
  void uniqueJsonNames() {
    assertThat(Arrays.stream(CivicElement.values()).map(CivicElement::jsonName)).doesNotHaveDuplicates();
  }
}
