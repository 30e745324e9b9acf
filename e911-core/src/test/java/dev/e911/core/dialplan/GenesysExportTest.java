package dev.e911.core.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.e911.api.routing.CallbackPolicy;
import dev.e911.api.routing.Classification;
import dev.e911.api.routing.EmergencyRoutingRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Genesys number-plan export")
class GenesysExportTest {

  /** The reference's example element for the 933 test plan (genesys-cloud.md §3.3), minus its name. */
  static final String REFERENCE_933 = """
      { "name": "E911 Test 933", "state": "active", "classification": "Emergency",
        "matchType": "regex", "match": "^933$", "normalizedFormat": "933" }""";

  final ObjectMapper json = new ObjectMapper();

  @Test
  void usDefaultsExportAsTwoRegexEmergencyPlans() {
    List<GenesysNumberPlanEntry> entries = DialPlan.of(EmergencyRoutingRule.usDefaults()).genesysNumberPlans();
    assertThat(entries).containsExactly(
        new GenesysNumberPlanEntry("E911 911", "active", "Emergency", "regex", "^911$", "911", 0),
        new GenesysNumberPlanEntry("E911 933", "active", "Emergency", "regex", "^933$", "933", 1));
  }

  @Test
  void withAPrefixBothFormsAreOneEntryThatSendsTheBareNumber() {
    List<GenesysNumberPlanEntry> entries = DialPlan.builder().rules(EmergencyRoutingRule.usDefaults())
        .outsideLinePrefix("9").build().genesysNumberPlans();
    assertThat(entries).extracting(GenesysNumberPlanEntry::match, GenesysNumberPlanEntry::normalizedFormat)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("^9?911$", "911"),
            org.assertj.core.groups.Tuple.tuple("^9?933$", "933"));
    assertThat("9911".replaceFirst(entries.get(0).match(), entries.get(0).normalizedFormat())).isEqualTo("911");
  }

  @Test
  void multiDigitPrefixesAndMultiNumberRulesUseACaptureGroup() {
    List<GenesysNumberPlanEntry> entries = DialPlan.builder()
        .rule(new EmergencyRoutingRule("eu", "^(112|999)$", Classification.EMERGENCY, 0, CallbackPolicy.AGENT_DID, true))
        .outsideLinePrefix("81").build().genesysNumberPlans();
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.match()).isEqualTo("^(?:81)?((?:112|999))$");
      assertThat(e.normalizedFormat()).isEqualTo("$1");
      assertThat("81999".replaceFirst(e.match(), e.normalizedFormat())).isEqualTo("999");
      assertThat("112".replaceFirst(e.match(), e.normalizedFormat())).isEqualTo("112");
    });
  }

  @Test
  void carveOutsAreLeftOutAndNotEmergencyRulesAreNotExported() {
    List<GenesysNumberPlanEntry> entries = DialPlan.builder()
        .rule(new EmergencyRoutingRule("not-9911", "^9911$", Classification.NOT_EMERGENCY, 0,
            CallbackPolicy.MASKED_CALLER_ID, false))
        .rules(EmergencyRoutingRule.usDefaults()).outsideLinePrefix("9").build().genesysNumberPlans();
    assertThat(entries).extracting(GenesysNumberPlanEntry::name, GenesysNumberPlanEntry::match)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("E911 911", "^911$"),
            org.assertj.core.groups.Tuple.tuple("E911 933", "^9?933$"));
    assertThat(entries).extracting(GenesysNumberPlanEntry::priority).containsExactly(0, 1);
  }

  @Test
  void aRuleWhosePrefixedFormsDifferGetsASecondEntry() {
    List<GenesysNumberPlanEntry> entries = DialPlan.builder()
        .rule(new EmergencyRoutingRule("not-9933", "^9933$", Classification.NOT_EMERGENCY, 0,
            CallbackPolicy.MASKED_CALLER_ID, false))
        .rule(new EmergencyRoutingRule("e", "^9(11|33)$", Classification.EMERGENCY, 1, CallbackPolicy.AGENT_DID, true))
        .outsideLinePrefix("9").build().genesysNumberPlans();
    assertThat(entries).containsExactly(
        new GenesysNumberPlanEntry("E911 e", "active", "Emergency", "regex", "^(9(?:11|33))$", "$1", 0),
        new GenesysNumberPlanEntry("E911 e via outside line 9", "active", "Emergency", "regex", "^9911$", "911", 1));
  }

  @Test
  void wireFieldNamesAreTheReferencesNumberPlanFields() throws Exception {
    GenesysNumberPlanEntry e933 = DialPlan.of(EmergencyRoutingRule.usDefaults()).genesysNumberPlans().get(1);
    JsonNode ours = json.valueToTree(e933);
    JsonNode reference = json.readTree(REFERENCE_933);
    List<String> ourFields = new ArrayList<>();
    ours.fieldNames().forEachRemaining(ourFields::add);
    assertThat(ourFields).containsExactlyInAnyOrder("name", "state", "classification", "matchType", "match",
        "normalizedFormat", "priority");
    reference.fieldNames().forEachRemaining(field -> {
      assertThat(ours.has(field)).as(field).isTrue();
      if (!field.equals("name")) {
        assertThat(ours.get(field)).as(field).isEqualTo(reference.get(field));
      }
    });
    assertThat(ours.get("priority").asInt()).isEqualTo(1);
  }
}
