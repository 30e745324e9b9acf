package dev.e911.core.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.api.routing.CallbackPolicy;
import dev.e911.api.routing.Classification;
import dev.e911.api.routing.EmergencyRoutingRule;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("DialPlan")
class DialPlanTest {

  static final DialPlan US_WITH_PREFIX =
      DialPlan.builder().rules(EmergencyRoutingRule.usDefaults()).outsideLinePrefix("9").build();
  static final DialPlan US = DialPlan.of(EmergencyRoutingRule.usDefaults());

  static EmergencyRoutingRule rule(String id, String pattern, Classification c, int priority) {
    CallbackPolicy policy = c.isEmergency() ? CallbackPolicy.AGENT_DID : CallbackPolicy.MASKED_CALLER_ID;
    return new EmergencyRoutingRule(id, pattern, c, priority, policy, c == Classification.EMERGENCY);
  }

  @Nested
  @DisplayName("classifies every dial-string form a softphone produces")
  class InputForms {

    @ParameterizedTest(name = "[{0}] -> {1} by rule {2}, digits {3}, number {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "911                                | EMERGENCY      | 911 | 911  | 911",
        "9911                               | EMERGENCY      | 911 | 9911 | 911",
        "933                                | EMERGENCY_TEST | 933 | 933  | 933",
        "9933                               | EMERGENCY_TEST | 933 | 9933 | 933",
        "tel:911                            | EMERGENCY      | 911 | 911  | 911",
        "TEL:911                            | EMERGENCY      | 911 | 911  | 911",
        "tel:911;phone-context=+1           | EMERGENCY      | 911 | 911  | 911",
        "tel:911;phone-context=example.com  | EMERGENCY      | 911 | 911  | 911",
        "tel:9-1-1                          | EMERGENCY      | 911 | 911  | 911",
        "tel:9911                           | EMERGENCY      | 911 | 9911 | 911",
        "tel:933;phone-context=+1           | EMERGENCY_TEST | 933 | 933  | 933",
        "sip:911@host;user=phone            | EMERGENCY      | 911 | 911  | 911",
        "sip:911@sbc.example.com            | EMERGENCY      | 911 | 911  | 911",
        "SIP:911@HOST;USER=PHONE            | EMERGENCY      | 911 | 911  | 911",
        "sips:911@host;user=phone           | EMERGENCY      | 911 | 911  | 911",
        "Sips:9911@host                     | EMERGENCY      | 911 | 9911 | 911",
        "sip:911;phone-context=+1@host;user=phone | EMERGENCY | 911 | 911 | 911",
        "sip:933@host;user=phone            | EMERGENCY_TEST | 933 | 933  | 933",
        "sip:911                            | EMERGENCY      | 911 | 911  | 911",
        "9 1 1                              | EMERGENCY      | 911 | 911  | 911",
        "9-911                              | EMERGENCY      | 911 | 9911 | 911",
        "9.1.1                              | EMERGENCY      | 911 | 911  | 911",
        "(911)                              | EMERGENCY      | 911 | 911  | 911",
        "(9) 911                            | EMERGENCY      | 911 | 9911 | 911",
        "\"  911  \"                        | EMERGENCY      | 911 | 911  | 911",
        "\"  tel:911\"                      | EMERGENCY      | 911 | 911  | 911",
    })
    void emergencyForms(String dialled, Classification expected, String ruleId, String digits, String number) {
      DialResult result = US_WITH_PREFIX.classify(dialled);
      assertThat(result.classification()).isEqualTo(expected);
      assertThat(result).isInstanceOfSatisfying(DialResult.Match.class, m -> {
        assertThat(m.rule().id()).isEqualTo(ruleId);
        assertThat(m.digits()).isEqualTo(digits);
        assertThat(m.number()).isEqualTo(number);
        assertThat(m.viaOutsideLinePrefix()).isEqualTo(!digits.equals(number));
      });
    }

    @ParameterizedTest(name = "[{0}] is not an emergency")
    @ValueSource(strings = {
        "", " ", "-", "()", "tel:", "sip:", "sip:@host", "tel:;phone-context=+1",
        "+911", "+1911", "+1 911", "tel:+911", "tel:+1-911", "sip:+911@host;user=phone",
        "911#", "*911", "#911", "911*", "911a", "a911", "abc", "emergency", "sip:alice@example.com",
        "911\n", "911\t", "\u0669\u0661\u0661", "\uFF19\uFF11\uFF11", "%39%31%31", "sip:%39%31%31@host",
        "<sip:911@host>", "\"Agent\" <sip:911@host>", "911@host", "911;ext=1", "tel:911@host",
        "sipx:911", "tel;911", "tel911", "te:911", "sip 911", "911 x", "9/11", "9_11", "9,11",
        "tel:911,", "sip:911,@host",
    })
    void garbageIsNotEmergency(String dialled) {
      assertThat(US_WITH_PREFIX.classify(dialled)).isSameAs(DialResult.NOT_EMERGENCY);
    }

    @Test
    void nullIsNotEmergency() {
      assertThat(US_WITH_PREFIX.classify(null)).isSameAs(DialResult.NOT_EMERGENCY);
    }

    @Test
    void hugeInputsAreNotEmergencyAndDoNotHang() {
      assertThat(US_WITH_PREFIX.classify("9".repeat(1_000_000))).isSameAs(DialResult.NOT_EMERGENCY);
      assertThat(US_WITH_PREFIX.classify(" ".repeat(1_000_000) + "911")).isSameAs(DialResult.NOT_EMERGENCY);
      assertThat(US_WITH_PREFIX.classify("-".repeat(1_000_000) + "911")).isSameAs(DialResult.NOT_EMERGENCY);
      assertThat(US_WITH_PREFIX.classify("x".repeat(1_000_000))).isSameAs(DialResult.NOT_EMERGENCY);
    }

    @Test
    void theNumberPartIsReadUpToItsLimitAndTheHostIsNotRead() {
      String pad = "-".repeat(DialPlan.MAX_DIAL_PART - 3);
      assertThat(US.classify(pad + "911").classification()).isEqualTo(Classification.EMERGENCY);
      assertThat(US.classify(pad + "-911")).isSameAs(DialResult.NOT_EMERGENCY);
      assertThat(US.classify("sip:911@" + "h".repeat(10_000) + ";user=phone").classification())
          .isEqualTo(Classification.EMERGENCY);
    }

    @Test
    void answersArePreallocatedAndShared() {
      DialResult first = US_WITH_PREFIX.classify("911");
      assertThat(US_WITH_PREFIX.classify(new StringBuilder("tel:911"))).isSameAs(first);
      assertThat(US_WITH_PREFIX.classify("sip:911@host;user=phone")).isSameAs(first);
      assertThat(US_WITH_PREFIX.matches()).contains((DialResult.Match) first);
      assertThat(US_WITH_PREFIX.classify("9911")).isNotSameAs(first).isSameAs(US_WITH_PREFIX.classify("tel:9-911"));
    }
  }

  @Nested
  @DisplayName("never calls a near miss an emergency")
  class NearMisses {

    @ParameterizedTest(name = "[{0}] is not an emergency")
    @ValueSource(strings = {
        "9110", "91", "9", "1911", "9333", "99111", "9111", "9112", "911911", "91100", "19911", "99911",
        "99933", "9934", "934", "932", "93", "922", "811", "0911", "00911", "1", "11", "112", "999",
        "2125551234", "12125551234", "9112125551234", "sip:9110@host", "tel:1911", "9-1-1-0",
    })
    void nearMisses(String dialled) {
      assertThat(US_WITH_PREFIX.classify(dialled)).isSameAs(DialResult.NOT_EMERGENCY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9911", "9933", "tel:9911", "sip:9911@host;user=phone"})
    void withoutAPrefixTheNineFormIsNotAnEmergency(String dialled) {
      assertThat(US.classify(dialled)).isSameAs(DialResult.NOT_EMERGENCY);
    }

    @Test
    void bare911AlwaysWorksWhateverThePrefix() {
      for (String prefix : List.of("9", "8", "0", "99", "1234")) {
        DialPlan plan = DialPlan.builder().rules(EmergencyRoutingRule.usDefaults()).outsideLinePrefix(prefix).build();
        assertThat(plan.classify("911").classification()).as(prefix).isEqualTo(Classification.EMERGENCY);
        assertThat(plan.classify(prefix + "911").classification()).as(prefix).isEqualTo(Classification.EMERGENCY);
        assertThat(plan.classify(prefix + "933").classification()).as(prefix).isEqualTo(Classification.EMERGENCY_TEST);
        assertThat(plan.classify(prefix + prefix + "911")).as(prefix).isSameAs(DialResult.NOT_EMERGENCY);
      }
    }
  }

  @Nested
  @DisplayName("lets priority decide overlaps")
  class Priorities {

    @Test
    void aHigherPriorityCarveOutWins() {
      DialPlan plan = DialPlan.builder()
          .rule(rule("e911", "^9?911$", Classification.EMERGENCY, 5))
          .rule(rule("not-9911", "^9911$", Classification.NOT_EMERGENCY, 1))
          .build();
      assertThat(plan.classify("911").classification()).isEqualTo(Classification.EMERGENCY);
      assertThat(plan.classify("9911")).isInstanceOfSatisfying(DialResult.Match.class, m -> {
        assertThat(m.rule().id()).isEqualTo("not-9911");
        assertThat(m.classification()).isEqualTo(Classification.NOT_EMERGENCY);
        assertThat(m.isEmergency()).isFalse();
      });
      assertThat(plan.rules()).extracting(EmergencyRoutingRule::id).containsExactly("not-9911", "e911");
    }

    @Test
    void aLowerPriorityOverlapLoses() {
      DialPlan plan = DialPlan.builder()
          .rule(rule("e911", "^9?911$", Classification.EMERGENCY, 1))
          .rule(rule("not-9911", "^(9911|411)$", Classification.NOT_EMERGENCY, 5))
          .build();
      assertThat(plan.classify("9911").classification()).isEqualTo(Classification.EMERGENCY);
      assertThat(plan.classify("411")).isInstanceOfSatisfying(DialResult.Match.class,
          m -> assertThat(m.rule().id()).isEqualTo("not-9911"));
    }

    @Test
    void tiesGoToTheRuleGivenFirst() {
      DialPlan plan = DialPlan.builder()
          .rule(rule("first", "^(911|912)$", Classification.EMERGENCY, 3))
          .rule(rule("second", "^(911|913)$", Classification.EMERGENCY_TEST, 3))
          .build();
      assertThat(plan.classify("911")).isInstanceOfSatisfying(DialResult.Match.class,
          m -> assertThat(m.rule().id()).isEqualTo("first"));
      assertThat(plan.classify("913").classification()).isEqualTo(Classification.EMERGENCY_TEST);
    }

    @Test
    void theOutsideLineReadingOfANumberTakesTheRulesPriority() {
      // 9933 is 9 + 933 (test, priority 2) and would also be matched directly by 'x' (priority 3)
      DialPlan plan = DialPlan.builder().rules(EmergencyRoutingRule.usDefaults())
          .rule(rule("x", "^99[0-9]{2}$", Classification.NOT_EMERGENCY, 3))
          .outsideLinePrefix("9").build();
      assertThat(plan.classify("9933").classification()).isEqualTo(Classification.EMERGENCY_TEST);
      assertThat(plan.classify("9934").classification()).isEqualTo(Classification.NOT_EMERGENCY);
      assertThat(plan.classify("9934")).isInstanceOf(DialResult.Match.class);
    }
  }

  @Nested
  @DisplayName("adds national emergency numbers for non-US sites")
  class NationalNumbers {

    @Test
    void nationalNumbersRouteDirectlyAndBehindThePrefix() {
      DialPlan plan = DialPlan.builder().rules(EmergencyRoutingRule.usDefaults()).outsideLinePrefix("9")
          .nationalEmergencyNumbers("112", "999").build();
      for (String dialled : List.of("112", "9112", "999", "9999", "tel:112", "sip:999@host")) {
        assertThat(plan.classify(dialled).classification()).as(dialled).isEqualTo(Classification.EMERGENCY);
      }
      assertThat(plan.classify("99999")).isSameAs(DialResult.NOT_EMERGENCY);
      DialResult.Match m = (DialResult.Match) plan.classify("9112");
      assertThat(m.rule().id()).isEqualTo("national-112");
      assertThat(m.number()).isEqualTo("112");
      assertThat(m.rule().callbackPolicy()).isEqualTo(CallbackPolicy.AGENT_DID);
      assertThat(m.rule().notifyOnSite()).isTrue();
      assertThat(plan.rules()).extracting(EmergencyRoutingRule::id).containsExactly("911", "933", "national-112", "national-999");
    }

    @Test
    void nationalNumbersCopyTheFirstEmergencyRulesPolicy() {
      DialPlan plan = DialPlan.builder()
          .rule(new EmergencyRoutingRule("e", "^911$", Classification.EMERGENCY, 0, CallbackPolicy.LOCATION_ELIN, false))
          .nationalEmergencyNumbers("112").build();
      EmergencyRoutingRule national = ((DialResult.Match) plan.classify("112")).rule();
      assertThat(national.callbackPolicy()).isEqualTo(CallbackPolicy.LOCATION_ELIN);
      assertThat(national.notifyOnSite()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1a2", "+112", "1234567890123456"})
    void rejectsMalformedNationalNumbers(String number) {
      assertThatThrownBy(() -> DialPlan.builder().nationalEmergencyNumbers(number))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "+9", "12345", "٩"})
    void rejectsMalformedPrefixes(String prefix) {
      assertThatThrownBy(() -> DialPlan.builder().outsideLinePrefix(prefix)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  @DisplayName("refuses what it cannot compile, naming every rule at once")
  class Refusals {

    @Test
    void reportsEveryBadRuleAtOnce() {
      assertThatThrownBy(() -> DialPlan.builder()
          .rule(rule("ok", "^911$", Classification.EMERGENCY, 1))
          .rule(rule("star", "^9*11$", Classification.EMERGENCY, 2))
          .rule(rule("unanchored", "933", Classification.EMERGENCY_TEST, 3))
          .rule(rule("ok", "^912$", Classification.EMERGENCY, 4))
          .build())
          .isInstanceOfSatisfying(DialPlanException.class, e -> {
            assertThat(e.problems()).extracting(DialPlanException.Problem::ruleId).containsExactly("star", "unanchored", "ok");
            assertThat(e.problems().get(0).reason()).contains("^9*11$").contains("unbounded");
            assertThat(e.problems().get(1).reason()).contains("anchored");
            assertThat(e.problems().get(2).reason()).contains("duplicate");
            assertThat(e.getMessage()).contains("rule star:").contains("rule unanchored:");
          });
    }

    @Test
    void refusesARuleThatCanNeverWin() {
      assertThatThrownBy(() -> DialPlan.builder().rules(EmergencyRoutingRule.usDefaults())
          .rule(rule("again", "^(911|933)$", Classification.EMERGENCY, 9)).build())
          .isInstanceOfSatisfying(DialPlanException.class, e -> assertThat(e.problems()).singleElement()
              .satisfies(p -> {
                assertThat(p.ruleId()).isEqualTo("again");
                assertThat(p.reason()).contains("never matches").contains("911, 933");
              }));
    }

    @Test
    void compilesAShadowedRuleWhenAskedAndListsIt() {
      DialPlan plan = DialPlan.builder().allowShadowedRules().rules(EmergencyRoutingRule.usDefaults())
          .rule(rule("again", "^(911|933)$", Classification.EMERGENCY, 9)).build();
      assertThat(plan.shadowedRules()).singleElement().satisfies(p -> {
        assertThat(p.ruleId()).isEqualTo("again");
        assertThat(p.reason()).contains("never matches");
      });
      assertThat(plan.classify("911")).isInstanceOfSatisfying(DialResult.Match.class,
          m -> assertThat(m.rule().id()).isNotEqualTo("again"));
      assertThat(plan.classify("933")).isInstanceOfSatisfying(DialResult.Match.class,
          m -> assertThat(m.classification()).isEqualTo(Classification.EMERGENCY_TEST));
      assertThat(DialPlan.builder().rules(EmergencyRoutingRule.usDefaults()).build().shadowedRules()).isEmpty();
    }

    @Test
    void refusesANationalNumberAlreadyCovered() {
      assertThatThrownBy(() -> DialPlan.builder().rules(EmergencyRoutingRule.usDefaults())
          .nationalEmergencyNumbers("911").build())
          .isInstanceOfSatisfying(DialPlanException.class,
              e -> assertThat(e.problems()).extracting(DialPlanException.Problem::ruleId).containsExactly("national-911"));
    }

    @Test
    void anEmptyPlanClassifiesNothing() {
      DialPlan plan = DialPlan.of(List.of());
      assertThat(plan.classify("911")).isSameAs(DialResult.NOT_EMERGENCY);
      assertThat(plan.genesysNumberPlans()).isEmpty();
    }
  }
}
