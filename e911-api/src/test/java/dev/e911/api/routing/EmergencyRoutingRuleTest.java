package dev.e911.api.routing;

import static dev.e911.api.TestValues.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.e911.api.validation.Violation;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmergencyRoutingRuleTest {

  @ParameterizedTest
  @EnumSource(value = Classification.class, names = {"EMERGENCY", "EMERGENCY_TEST"})
  @DisplayName("an emergency or 933 rule with MASKED_CALLER_ID is refused")
  void maskedRefused(Classification c) {
    assertThat(violationsOf(() -> new EmergencyRoutingRule("r", "^933$", c, 1, CallbackPolicy.MASKED_CALLER_ID, false)))
        .extracting(Violation::path, Violation::rule)
        .containsExactly(tuple("callbackPolicy", "emergency.masked-caller-id"));
  }

  @ParameterizedTest
  @EnumSource(value = CallbackPolicy.class, names = {"AGENT_DID", "LOCATION_ELIN", "ELIN_POOL"})
  @DisplayName("an emergency rule with a dialable callback policy is accepted")
  void dialablePolicies(CallbackPolicy p) {
    assertThat(new EmergencyRoutingRule("911", "^911$", Classification.EMERGENCY, 0, p, true).callbackPolicy()).isEqualTo(p);
  }

  @Test
  @DisplayName("a non-emergency rule may present the masked caller ID")
  void nonEmergencyMasked() {
    assertThat(new EmergencyRoutingRule("local", "^[2-9][0-9]{6}$", Classification.NOT_EMERGENCY, 10,
        CallbackPolicy.MASKED_CALLER_ID, false).classification().isEmergency()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"^911(", "[0-9", "*911", "^9{2,1}$", "\\"})
  @DisplayName("an invalid regular expression is refused naming the pattern")
  void badRegex(String pattern) {
    assertThat(violationsOf(() -> new EmergencyRoutingRule("r", pattern, Classification.EMERGENCY, 1, CallbackPolicy.AGENT_DID, true)))
        .extracting(Violation::path, Violation::rule).containsExactly(tuple("pattern", "pattern.syntax"));
  }

  @Test
  @DisplayName("missing, over-long and negative values are all reported at once")
  void allAtOnce() {
    assertThat(violationsOf(() -> new EmergencyRoutingRule(null, " ", null, -1, null, false)))
        .extracting(Violation::path, Violation::rule).containsExactly(
            tuple("id", "required"), tuple("pattern", "required"), tuple("classification", "required"),
            tuple("priority", "range"), tuple("callbackPolicy", "required"));
    assertThat(violationsOf(() -> new EmergencyRoutingRule("r", "9".repeat(257), Classification.EMERGENCY, 1,
        CallbackPolicy.AGENT_DID, true))).extracting(Violation::rule).containsExactly("length");
    assertThat(new EmergencyRoutingRule("r", "9".repeat(256), Classification.EMERGENCY, 1, CallbackPolicy.AGENT_DID, true)
        .pattern()).hasSize(256);
  }

  @Test
  @DisplayName("the US defaults are 911 (notify) and 933 (test), both presenting the agent DID and matching only those digits")
  void usDefaults() {
    List<EmergencyRoutingRule> rules = EmergencyRoutingRule.usDefaults();
    assertThat(rules).extracting(EmergencyRoutingRule::id, EmergencyRoutingRule::classification,
        EmergencyRoutingRule::callbackPolicy, EmergencyRoutingRule::notifyOnSite)
        .containsExactly(tuple("911", Classification.EMERGENCY, CallbackPolicy.AGENT_DID, true),
            tuple("933", Classification.EMERGENCY_TEST, CallbackPolicy.AGENT_DID, false));
    assertThat(Pattern.compile(rules.get(0).pattern()).matcher("911").matches()).isTrue();
    assertThat(Pattern.compile(rules.get(0).pattern()).matcher("9911").matches()).isFalse();
    assertThat(Pattern.compile(rules.get(1).pattern()).matcher("933").matches()).isTrue();
    assertThat(rules.get(0).priority()).isLessThan(rules.get(1).priority());
  }

  @Test
  @DisplayName("classification says which classes take the emergency path")
  void classification() {
    assertThat(Classification.EMERGENCY.isEmergency()).isTrue();
    assertThat(Classification.EMERGENCY_TEST.isEmergency()).isTrue();
    assertThat(Classification.NOT_EMERGENCY.isEmergency()).isFalse();
  }
}
