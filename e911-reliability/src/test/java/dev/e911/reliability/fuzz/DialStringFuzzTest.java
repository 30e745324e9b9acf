package dev.e911.reliability.fuzz;

import static dev.e911.reliability.fuzz.FuzzRun.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.routing.Classification;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.dialplan.DialPlan;
import dev.e911.core.dialplan.DialResult;
import dev.e911.reliability.Scale;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hostile dial strings through {@link DialPlan#classify}: it never throws; near misses of the
 * emergency numbers are never EMERGENCY; a string whose digits contain no emergency number form
 * classifies NOT_EMERGENCY; a match is only ever reported for digits the string holds; and every
 * documented form of an emergency number (separators, tel:/sip: URIs, leading spaces) does match.
 */
class DialStringFuzzTest {

  /** The plan the router compiles from the bundled example: 911 and 933, outside-line prefix 9. */
  static final DialPlan PLAN;
  static final Set<String> FORMS;

  static {
    ContactCenterConfig c = ConfigLoader.load(Path.of("..", "examples", "contact-center.json"));
    PLAN = DialPlan.builder().rules(c.rules()).outsideLinePrefix(c.outsideLinePrefix()).build();
    FORMS = PLAN.matches().stream().map(DialResult.Match::digits).collect(Collectors.toUnmodifiableSet());
  }

  private static final String DIALISH = "0123456789 -.()+*#;@:<>%telsipTELSIP\t\u0660\u0669\uFF19";
  private static final List<String> NEAR_MISSES = List.of("9110", "91", "1911", "9333", "99111", "0911", "9119", "91 1 1",
      "+911", "+1911", "*911", "911#", "#911", "9 1", "93", "9933 3", "tel:9110", "sip:1911@pbx", "911x", "٩١١", "９１１",
      "911\u0000", "9-1-1-0", "sip:911.0@host", "tel:+911", "<sip:911@host>", "sip:911%40@host", "1 911", "99 9 11");

  @Test
  @DisplayName("near misses of 911 and 933 are never EMERGENCY")
  void nearMisses() {
    for (String s : NEAR_MISSES) {
      assertThat(PLAN.classify(s).classification()).as("'%s'", s).isNotEqualTo(Classification.EMERGENCY);
      assertThat(PLAN.classify(s).isEmergency()).as("'%s'", s).isFalse();
    }
    assertThat(PLAN.classify("9911").classification()).isEqualTo(Classification.EMERGENCY); // the guard is live
  }

  @Test
  @DisplayName("any dial string: never throws, no match without an emergency number form in its digits")
  void anyString() {
    var outcomes = FuzzRun.run("dial strings", Scale.of(2_000, 200_000), r -> {
      String s = switch (r.nextInt(4)) {
        case 0 -> FuzzRun.anyString(r, 100);
        case 1 -> FuzzRun.string(r, DIALISH, 80);
        case 2 -> mutate(dressed(oneOf(r, FORMS.toArray(String[]::new)), r), r);
        default -> oneOf(r, NEAR_MISSES.toArray(String[]::new)) + FuzzRun.string(r, DIALISH, 2);
      };
      DialResult result = PLAN.classify(s);
      String digits = s.chars().filter(ch -> ch >= '0' && ch <= '9')
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
      if (FORMS.stream().noneMatch(digits::contains)) {
        assertThat(result).as("'%s' holds no emergency form", s).isSameAs(DialResult.NOT_EMERGENCY);
      }
      if (result instanceof DialResult.Match m) {
        assertThat(digits).as("'%s' matched %s", s, m.digits()).contains(m.digits());
        assertThat(s.strip()).as("an E.164 '+' number is never a short code").doesNotStartWith("+");
      }
      return result.classification().name();
    });
    assertThat(outcomes).containsKeys("EMERGENCY", "NOT_EMERGENCY");
  }

  @Test
  @DisplayName("every documented form of an emergency number matches it")
  void documentedFormsMatch() {
    FuzzRun.run("dial strings (documented forms)", Scale.of(1_000, 100_000), r -> {
      String number = oneOf(r, FORMS.toArray(String[]::new));
      String s = dressed(number, r);
      DialResult result = PLAN.classify(s);
      assertThat(result).as("'%s'", s).isInstanceOf(DialResult.Match.class);
      assertThat(((DialResult.Match) result).digits()).isEqualTo(number);
      return result.classification().name();
    });
  }

  /** The number in one of the accepted dress forms: separators, tel:/sip:/sips: in any case, parameters, host. */
  static String dressed(String number, Random r) {
    StringBuilder b = new StringBuilder(" ".repeat(r.nextInt(3)));
    int mode = r.nextInt(4);
    b.append(switch (mode) {
      case 1 -> oneOf(r, "tel:", "TEL:", "Tel:");
      case 2 -> oneOf(r, "sip:", "SIP:", "sips:", "SiPs:");
      default -> "";
    });
    for (int i = 0; i < number.length(); i++) {
      if (i > 0 && r.nextInt(3) == 0) {
        b.append(oneOf(r, " ", "-", ".", "(", ")"));
      }
      b.append(number.charAt(i));
    }
    if (mode == 1 && r.nextBoolean()) {
      b.append(oneOf(r, ";phone-context=+1", ";x=y"));
    }
    if (mode == 2 && r.nextBoolean()) {
      b.append(oneOf(r, "@pbx.example.com", ";user=phone@host", "@10.0.0.1;transport=tls"));
    }
    return b.toString();
  }

  /** One random edit: insert, delete or replace a character. */
  static String mutate(String s, Random r) {
    StringBuilder b = new StringBuilder(s);
    int at = r.nextInt(b.length() + 1);
    char c = oneOf(r, '0', '1', '9', '3', ' ', '+', '*', '#', ';', '@', 'x', '\u0669');
    switch (r.nextInt(3)) {
      case 0 -> b.insert(at, c);
      case 1 -> {
        if (at < b.length()) {
          b.deleteCharAt(at);
        }
      }
      default -> {
        if (at < b.length()) {
          b.setCharAt(at, c);
        }
      }
    }
    return b.toString();
  }
}
