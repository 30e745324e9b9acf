package dev.e911.core.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.routing.CallbackPolicy;
import dev.e911.api.routing.Classification;
import dev.e911.api.routing.EmergencyRoutingRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the dial plan against a slow regex oracle, for fixed and randomly generated rule sets. */
class DialPlanPropertiesTest {

  /** A plan together with what it was built from. */
  record Case(DialPlan plan, Oracle oracle, List<EmergencyRoutingRule> rules, String prefix) {
    static Case of(List<EmergencyRoutingRule> rules, String prefix, String... national) {
      DialPlan.Builder b = DialPlan.builder().rules(rules).nationalEmergencyNumbers(national);
      if (!prefix.isEmpty()) {
        b.outsideLinePrefix(prefix);
      }
      DialPlan plan = b.build();
      // the oracle gets the plan's national rules spelled out, appended after every given rule
      List<EmergencyRoutingRule> oracleRules = new ArrayList<>(rules);
      for (String n : national) {
        oracleRules.add(new EmergencyRoutingRule("national-" + n, "^" + n + "$", Classification.EMERGENCY,
            Integer.MAX_VALUE, CallbackPolicy.AGENT_DID, true));
      }
      return new Case(plan, new Oracle(oracleRules, prefix), rules, prefix);
    }

    @Override
    public String toString() {
      return rules.stream().map(r -> r.id() + "=" + r.pattern() + "/" + r.priority() + "/" + r.classification()).toList()
          + (prefix.isEmpty() ? "" : " prefix " + prefix);
    }
  }

  static EmergencyRoutingRule rule(String id, String pattern, Classification c, int priority) {
    return new EmergencyRoutingRule(id, pattern, c, priority,
        c.isEmergency() ? CallbackPolicy.AGENT_DID : CallbackPolicy.MASKED_CALLER_ID, c == Classification.EMERGENCY);
  }

  static final List<Case> FIXED = List.of(
      Case.of(EmergencyRoutingRule.usDefaults(), ""),
      Case.of(EmergencyRoutingRule.usDefaults(), "9", "112", "999"),
      Case.of(List.of(
          rule("e911", "^9?911$", Classification.EMERGENCY, 2),
          rule("test", "^(933|9?9933)$", Classification.EMERGENCY_TEST, 2),
          rule("carve", "^9(112|9911)$", Classification.NOT_EMERGENCY, 1),
          rule("eu", "^1(12|1[0-2])$", Classification.EMERGENCY, 3),
          rule("range", "^9[1-3][0-9]{2}$", Classification.NOT_EMERGENCY, 4)), "9"),
      Case.of(List.of(rule("e911", "^911$", Classification.EMERGENCY, 0)), "81"));

  // ---------------------------------------------------------------- generators

  @Provide
  Arbitrary<Case> fixedPlans() {
    return Arbitraries.of(FIXED);
  }

  @Provide
  Arbitrary<Case> randomPlans() {
    Arbitrary<EmergencyRoutingRule> rules = Combinators.combine(
        fragment(2).list().ofMinSize(1).ofMaxSize(4).map(parts -> "^" + String.join("", parts) + "$"),
        Arbitraries.of(Classification.class), Arbitraries.integers().between(0, 3))
        .as((pattern, c, priority) -> rule("r", pattern, c, priority));
    return Combinators.combine(rules.list().ofMinSize(1).ofMaxSize(4), Arbitraries.of("", "", "9", "1"))
        .as((list, prefix) -> {
          List<EmergencyRoutingRule> named = new ArrayList<>();
          for (int i = 0; i < list.size(); i++) {
            EmergencyRoutingRule r = list.get(i);
            named.add(new EmergencyRoutingRule("r" + i, r.pattern(), r.classification(), r.priority(), r.callbackPolicy(),
                r.notifyOnSite()));
          }
          try {
            return Optional.of(Case.of(named, prefix));
          } catch (DialPlanException e) {
            return Optional.<Case>empty(); // shadowed rules or oversized expansions: not a case
          }
        })
        .filter(Optional::isPresent).map(Optional::get);
  }

  /** A fragment of a pattern in the supported subset, over a small alphabet so rules overlap. */
  static Arbitrary<String> fragment(int depth) {
    Arbitrary<String> leaf = Arbitraries.oneOf(
        Arbitraries.of("1", "9", "3", "0"),
        Arbitraries.of("[13]", "[0-3]", "[^0-8]", "[19]", "\\d"));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<String> inner = fragment(depth - 1);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, leaf),
        net.jqwik.api.Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(3).map(l -> String.join("", l))),
        net.jqwik.api.Tuple.of(2, Combinators.combine(inner, inner).as((a, b) -> "(" + a + "|" + b + ")")),
        net.jqwik.api.Tuple.of(2, inner.map(a -> "(?:" + a + ")?")),
        net.jqwik.api.Tuple.of(1, inner.map(a -> "(?:" + a + "){0,2}")),
        net.jqwik.api.Tuple.of(1, inner.map(a -> "(?:" + a + "){2}")));
  }

  @Provide
  Arbitrary<String> digitStrings() {
    return Arbitraries.strings().withChars("01239").ofMinLength(1).ofMaxLength(8);
  }

  /** Probes near the plan's own numbers: each number, and each with one digit added, dropped or changed. */
  static List<String> nearMisses(DialPlan plan, Random random) {
    List<String> probes = new ArrayList<>();
    for (DialResult.Match m : plan.matches()) {
      String d = m.digits();
      probes.add(d);
      int at = random.nextInt(d.length() + 1);
      char x = (char) ('0' + random.nextInt(10));
      probes.add(d.substring(0, at) + x + d.substring(at));
      probes.add(d + x);
      probes.add(x + d);
      if (d.length() > 1) {
        int drop = random.nextInt(d.length());
        probes.add(d.substring(0, drop) + d.substring(drop + 1));
        probes.add(d.substring(0, drop) + x + d.substring(drop + 1));
      }
      if (probes.size() > 2_000) {
        break;
      }
    }
    return probes;
  }

  // ---------------------------------------------------------------- (a) agreement with the oracle

  @Property(tries = 200)
  @Label("random digit strings: classify agrees with the regex oracle (fixed plans)")
  void agreesWithOracleOnFixedPlans(@ForAll("fixedPlans") Case c, @ForAll("digitStrings") String digits) {
    assertThat(Oracle.of(c.plan().classify(digits))).as(digits).isEqualTo(c.oracle().classify(digits));
  }

  @Property(tries = 300)
  @Label("random rule sets: classify agrees with the regex oracle on random digits and near misses")
  void agreesWithOracleOnRandomPlans(@ForAll("randomPlans") Case c, @ForAll("digitStrings") String digits,
      @ForAll Random random) {
    assertThat(Oracle.of(c.plan().classify(digits))).as(digits).isEqualTo(c.oracle().classify(digits));
    for (String probe : nearMisses(c.plan(), random)) {
      assertThat(Oracle.of(c.plan().classify(probe))).as(probe).isEqualTo(c.oracle().classify(probe));
    }
  }

  @Property(tries = 50)
  @Label("near misses of the fixed plans agree with the oracle")
  void nearMissesAgreeOnFixedPlans(@ForAll("fixedPlans") Case c, @ForAll Random random) {
    for (String probe : nearMisses(c.plan(), random)) {
      assertThat(Oracle.of(c.plan().classify(probe))).as(probe).isEqualTo(c.oracle().classify(probe));
    }
  }

  // ---------------------------------------------------------------- (b) never throws

  @Provide
  Arbitrary<String> dialish() {
    return Arbitraries.strings().withChars("0123456789 -.()+;@:telsipTELSIP#*%<>\t\n,=_/\u0669\uFF19")
        .ofMinLength(0).ofMaxLength(90);
  }

  @Property(tries = 1000)
  @Label("arbitrary strings never throw, and a match is always the input's leading digits")
  void neverThrows(@ForAll("fixedPlans") Case c, @ForAll String any, @ForAll("dialish") String dialish) {
    for (String s : List.of(any, dialish, "tel:" + dialish, "sip:" + dialish)) {
      DialResult r = c.plan().classify(s);
      assertThat(r).isNotNull();
      if (r instanceof DialResult.Match m) {
        assertThat(asciiDigits(s)).as(s).startsWith(m.digits());
        int firstDigit = 0;
        while (s.charAt(firstDigit) < '0' || s.charAt(firstDigit) > '9') {
          firstDigit++;
        }
        assertThat(s.substring(0, firstDigit)).as("no '+' before the digits of %s", s).doesNotContain("+");
      }
    }
  }

  private static String asciiDigits(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        sb.append(s.charAt(i));
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- (c) decoration does not change the class

  static String decorate(String digits, Random random) {
    StringBuilder number = new StringBuilder();
    String[] separators = {"", "", "", " ", "-", ".", "(", ")"};
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0) {
        number.append(separators[random.nextInt(separators.length)]);
      }
      number.append(digits.charAt(i));
    }
    String[] hosts = {"host", "sbc.example.com", "10.0.0.1:5060", "[2001:db8::1]", "pbx-9.example.com"};
    String host = hosts[random.nextInt(hosts.length)];
    String lead = " ".repeat(random.nextInt(3));
    return switch (random.nextInt(8)) {
      case 0 -> lead + number;
      case 1 -> lead + "tel:" + number;
      case 2 -> "TEL:" + number + ";phone-context=+1";
      case 3 -> "tel:" + number + ";phone-context=example.com;ext=22";
      case 4 -> "sip:" + number + "@" + host;
      case 5 -> "sip:" + number + "@" + host + ";user=phone";
      case 6 -> "SiPs:" + number + "@" + host + ";user=phone;transport=tls";
      default -> "sip:" + number + ";phone-context=+1@" + host + ";user=phone";
    };
  }

  @Property(tries = 300)
  @Label("decorating a number with URI and separator forms does not change its answer")
  void decorationDoesNotChangeTheAnswer(@ForAll("fixedPlans") Case c, @ForAll("digitStrings") String digits,
      @ForAll Random random) {
    List<String> numbers = new ArrayList<>(List.of(digits));
    c.plan().matches().forEach(m -> numbers.add(m.digits()));
    for (String n : numbers) {
      String decorated = decorate(n, random);
      assertThat(c.plan().classify(decorated)).as(decorated).isSameAs(c.plan().classify(n));
    }
  }

  // ---------------------------------------------------------------- the Genesys export implements the same plan

  @Property(tries = 200)
  @Label("the exported Genesys entries, applied first-match by priority, agree with classify")
  void genesysExportAgrees(@ForAll("randomOrFixedPlans") Case c, @ForAll("digitStrings") String digits,
      @ForAll Random random) {
    List<GenesysNumberPlanEntry> entries = c.plan().genesysNumberPlans();
    List<Pattern> compiled = entries.stream().map(e -> Pattern.compile(e.match())).toList();
    assertThat(entries).extracting(GenesysNumberPlanEntry::priority)
        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, entries.size()).boxed().toList());
    List<String> probes = new ArrayList<>(nearMisses(c.plan(), random));
    probes.add(digits);
    for (String probe : probes) {
      DialResult r = c.plan().classify(probe);
      int hits = 0;
      String normalized = null;
      String name = null;
      for (int i = 0; i < entries.size(); i++) {
        Matcher m = compiled.get(i).matcher(probe);
        if (m.matches()) {
          hits++;
          normalized = m.replaceFirst(entries.get(i).normalizedFormat());
          name = entries.get(i).name();
        }
      }
      assertThat(hits).as("entries matching %s (they must be disjoint)", probe).isLessThanOrEqualTo(1);
      if (r instanceof DialResult.Match m && m.isEmergency()) {
        assertThat(hits).as(probe).isEqualTo(1);
        assertThat(normalized).as(probe).isEqualTo(m.number());
        assertThat(name).as(probe).matches("E911 \\Q" + m.rule().id() + "\\E( via outside line \\d+)?");
      } else {
        assertThat(hits).as(probe).isZero();
      }
    }
  }

  @Provide
  Arbitrary<Case> randomOrFixedPlans() {
    return Arbitraries.oneOf(fixedPlans(), randomPlans());
  }

  @Property(tries = 20)
  @Label("random plan generation is not mostly rejected")
  void generatorSanity(@ForAll("randomPlans") Case c) {
    Assume.that(true);
    assertThat(c.plan().matches()).isNotEmpty();
  }
}
