package dev.e911.core.dialplan;

import dev.e911.api.routing.CallbackPolicy;
import dev.e911.api.routing.Classification;
import dev.e911.api.routing.EmergencyRoutingRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The emergency dial plan, compiled once from {@link EmergencyRoutingRule}s and options into a digit
 * trie so that {@link #classify(CharSequence)} answers on the call's hot path with no regex and no
 * allocation. Each rule's pattern (an anchored regex in the Genesys style, e.g. {@code ^911$},
 * {@code ^(911|9911)$}, {@code ^9?911$}, {@code ^93[3]$}) is expanded at compile time to the finite set
 * of digit strings it matches; a pattern that cannot be expanded makes {@link Builder#build()} throw a
 * {@link DialPlanException} naming the rule, never a silent skip. Rules are tried by ascending
 * {@code priority} (ties: the order given); with an outside-line prefix configured, every number is
 * also matched behind the prefix, so {@code 911} and {@code 9911} both route (Kari's Law: the bare
 * number always works, the prefixed form only in addition). The same plan can be exported as Genesys
 * number-plan entries with {@link #genesysNumberPlans()}. Instances are immutable and thread-safe.
 */
public final class DialPlan {

  /** Most characters (digits and separators) read from the number part of a dial string. */
  public static final int MAX_DIAL_PART = 64;

  /** Most numbers (after prefix expansion) one plan may hold. */
  public static final int MAX_NUMBERS = 20_000;

  private static final int BARE = 0;
  private static final int TEL = 1;
  private static final int SIP = 2;

  private final List<EmergencyRoutingRule> rules;
  private final String prefix;
  private final List<DialResult.Match> matches;
  private final List<DialPlanException.Problem> shadowed;
  /** Transition table: {@code next[state * 10 + digit]} is the next state, or -1. State 0 is the root. */
  private final int[] next;
  /** The preallocated answer for each state; null where no number ends. */
  private final DialResult.Match[] accept;

  private DialPlan(List<EmergencyRoutingRule> rules, String prefix, List<DialResult.Match> matches,
      List<DialPlanException.Problem> shadowed) {
    this.rules = List.copyOf(rules);
    this.shadowed = List.copyOf(shadowed);
    this.prefix = prefix;
    this.matches = List.copyOf(matches);
    List<int[]> rows = new ArrayList<>();
    List<DialResult.Match> ends = new ArrayList<>();
    rows.add(emptyRow());
    ends.add(null);
    for (DialResult.Match m : matches) {
      int state = 0;
      String digits = m.digits();
      for (int i = 0; i < digits.length(); i++) {
        int d = digits.charAt(i) - '0';
        int to = rows.get(state)[d];
        if (to < 0) {
          to = rows.size();
          rows.add(emptyRow());
          ends.add(null);
          rows.get(state)[d] = to;
        }
        state = to;
      }
      ends.set(state, m);
    }
    this.next = new int[rows.size() * 10];
    for (int s = 0; s < rows.size(); s++) {
      System.arraycopy(rows.get(s), 0, next, s * 10, 10);
    }
    this.accept = ends.toArray(new DialResult.Match[0]);
  }

  private static int[] emptyRow() {
    int[] row = new int[10];
    Arrays.fill(row, -1);
    return row;
  }

  /** A plan of {@code rules} with no outside-line prefix and no extra national numbers. */
  public static DialPlan of(Collection<EmergencyRoutingRule> rules) {
    return builder().rules(rules).build();
  }

  /** Starts a plan. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Classifies a dial string. Hot path: no allocation, no regex, no locks, never throws; the answer is
   * one of the plan's preallocated {@link DialResult.Match}es or {@link DialResult#NOT_EMERGENCY}.
   *
   * <p>Accepted dial strings: bare digits; {@code tel:} URIs (parameters after {@code ;} ignored);
   * {@code sip:} and {@code sips:} URIs (the user part before {@code ;} or {@code @} is read, the host and
   * parameters are ignored; schemes in any case); the visual separators space, {@code - . ( )} anywhere
   * among the digits; at most {@value #MAX_DIAL_PART} characters of digits and separators (and as many
   * leading spaces), so a huge input is rejected after a bounded scan. A {@code +}
   * marks an international E.164 number ({@code +911...} is India), never an emergency short code, so
   * it classifies as not emergency. So does anything else: letters, {@code * #}, percent-escapes,
   * non-ASCII digits, display names or angle brackets, the empty string and {@code null}.
   */
  public DialResult classify(CharSequence dialled) {
    if (dialled == null) {
      return DialResult.NOT_EMERGENCY;
    }
    int start = 0; // the usual case: the first character is a digit
    if (dialled.length() == 0 || dialled.charAt(0) < '0' || dialled.charAt(0) > '9') {
      start = start(dialled);
      if (start < 0) {
        return DialResult.NOT_EMERGENCY;
      }
    }
    return walk(dialled, start >>> 2, start & 3);
  }

  /**
   * Skips leading spaces and a {@code tel:}, {@code sip:} or {@code sips:} scheme; returns
   * {@code index << 2 | mode} where the number part starts, or -1 when the string cannot be a number.
   */
  private static int start(CharSequence dialled) {
    final int len = dialled.length();
    final int spaces = Math.min(len, MAX_DIAL_PART);
    int i = 0;
    while (i < spaces && dialled.charAt(i) == ' ') {
      i++;
    }
    if (i == len || dialled.charAt(i) <= '9') {
      return i << 2 | BARE;
    }
    if (scheme(dialled, i, 't', 'e', 'l')) {
      return (i + 4) << 2 | TEL;
    }
    if (scheme(dialled, i, 's', 'i', 'p')) {
      return (i + 4) << 2 | SIP;
    }
    if (scheme(dialled, i, 's', 'i', 'p', 's')) {
      return (i + 5) << 2 | SIP;
    }
    return -1;
  }

  /** Walks the trie over the number part starting at {@code i}. */
  private DialResult walk(CharSequence dialled, int i, int mode) {
    final int len = dialled.length();
    final int end = Math.min(len, i + MAX_DIAL_PART);
    final int[] next = this.next;
    int state = 0;
    for (; i < end; i++) {
      char c = dialled.charAt(i);
      if (c >= '0' && c <= '9') {
        state = next[state * 10 + (c - '0')];
        if (state < 0) {
          return DialResult.NOT_EMERGENCY;
        }
      } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') {
        continue;
      } else if (mode != BARE && (c == ';' || (mode == SIP && c == '@'))) {
        break;
      } else {
        return DialResult.NOT_EMERGENCY;
      }
    }
    if (i == end && end < len) {
      return DialResult.NOT_EMERGENCY; // number part longer than MAX_DIAL_PART
    }
    DialResult.Match m = accept[state];
    return m == null ? DialResult.NOT_EMERGENCY : m;
  }

  /** Whether {@code s} has {@code a b c :} (letters in any case) at {@code i}. */
  private static boolean scheme(CharSequence s, int i, char a, char b, char c) {
    return i + 4 <= s.length() && lower(s.charAt(i)) == a && lower(s.charAt(i + 1)) == b
        && lower(s.charAt(i + 2)) == c && s.charAt(i + 3) == ':';
  }

  /** Whether {@code s} has {@code a b c d :} (letters in any case) at {@code i}. */
  private static boolean scheme(CharSequence s, int i, char a, char b, char c, char d) {
    return i + 5 <= s.length() && lower(s.charAt(i)) == a && lower(s.charAt(i + 1)) == b
        && lower(s.charAt(i + 2)) == c && lower(s.charAt(i + 3)) == d && s.charAt(i + 4) == ':';
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /**
   * The rules that never match, each with the rules that take its numbers; empty unless the plan was
   * built with {@link Builder#allowShadowedRules()} (otherwise such a plan is refused).
   */
  public List<DialPlanException.Problem> shadowedRules() {
    return shadowed;
  }

  /** The rules in the order they are tried (by priority, then as given), national numbers last. */
  public List<EmergencyRoutingRule> rules() {
    return rules;
  }

  /** The outside-line prefix, when one is configured. */
  public Optional<String> outsideLinePrefix() {
    return prefix.isEmpty() ? Optional.empty() : Optional.of(prefix);
  }

  /** Every number the plan knows and the answer for it, in rule order; what {@link #classify} can return. */
  public List<DialResult.Match> matches() {
    return matches;
  }

  /**
   * The Genesys number-plan entries implementing the emergency part of this plan (rules classified
   * EMERGENCY or EMERGENCY_TEST; both map to Genesys' {@code Emergency}), in rule order with
   * priorities 0, 1, ... Each entry covers exactly the numbers its rule wins here, so entries never
   * overlap and numbers carved out by higher-priority NOT_EMERGENCY rules are left out. Numbers reached
   * through the outside-line prefix are normalised to the number without it (e.g. {@code 9911 -> 911}).
   */
  public List<GenesysNumberPlanEntry> genesysNumberPlans() {
    List<GenesysNumberPlanEntry> out = new ArrayList<>();
    for (EmergencyRoutingRule rule : rules) {
      if (!rule.classification().isEmergency()) {
        continue;
      }
      Set<String> direct = new LinkedHashSet<>();
      Set<String> viaPrefix = new LinkedHashSet<>();
      for (DialResult.Match m : matches) {
        if (m.rule() == rule) {
          (m.viaOutsideLinePrefix() ? viaPrefix : direct).add(m.number());
        }
      }
      String name = "E911 " + rule.id();
      if (!viaPrefix.isEmpty() && direct.equals(viaPrefix)) {
        String optionalPrefix = prefix.length() == 1 ? prefix + "?" : "(?:" + prefix + ")?";
        out.add(entry(name, optionalPrefix, direct, out.size()));
        continue;
      }
      if (!direct.isEmpty()) {
        out.add(entry(name, "", direct, out.size()));
      }
      if (!viaPrefix.isEmpty()) {
        out.add(entry(name + " via outside line " + prefix, prefix, viaPrefix, out.size()));
      }
    }
    return List.copyOf(out);
  }

  private static GenesysNumberPlanEntry entry(String name, String before, Set<String> numbers, int priority) {
    String match;
    String normalized;
    if (numbers.size() == 1) {
      normalized = numbers.iterator().next();
      match = "^" + before + normalized + "$";
    } else {
      normalized = "$1";
      match = "^" + before + "(" + DigitRegex.of(numbers) + ")$";
    }
    return new GenesysNumberPlanEntry(name, GenesysNumberPlanEntry.STATE_ACTIVE,
        GenesysNumberPlanEntry.CLASSIFICATION_EMERGENCY, GenesysNumberPlanEntry.MATCH_TYPE_REGEX, match, normalized,
        priority);
  }

  @Override
  public String toString() {
    return "DialPlan[" + rules.size() + " rules, " + matches.size() + " numbers"
        + (prefix.isEmpty() ? "" : ", outside-line prefix " + prefix) + "]";
  }

  /**
   * Collects the rules and options of a {@link DialPlan}. Options are checked as they are set; the
   * rules are checked together in {@link #build()}, which reports every problem at once.
   */
  public static final class Builder {
    private final List<EmergencyRoutingRule> rules = new ArrayList<>();
    private final List<String> nationalNumbers = new ArrayList<>();
    private String prefix = "";
    private boolean allowShadowed;

    private Builder() {}

    /**
     * Compiles a rule that never matches (every number it matches is taken by a higher-priority rule)
     * instead of refusing the plan; such rules are listed by {@link DialPlan#shadowedRules()}. For the
     * router, which must start on any loadable configuration (the auditor reports shadowed rules).
     */
    public Builder allowShadowedRules() {
      this.allowShadowed = true;
      return this;
    }

    /** Adds one rule. */
    public Builder rule(EmergencyRoutingRule rule) {
      rules.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** Adds rules (e.g. {@link EmergencyRoutingRule#usDefaults()}). */
    public Builder rules(Collection<EmergencyRoutingRule> more) {
      for (EmergencyRoutingRule r : Objects.requireNonNull(more, "rules")) {
        rule(r);
      }
      return this;
    }

    /**
     * The outside-line (trunk access) digits, e.g. {@code 9}: every rule then also matches behind them
     * ({@code 9911}, {@code 9933}). 1 to 4 ASCII digits.
     */
    public Builder outsideLinePrefix(String digits) {
      if (!isDigits(digits, 1, 4)) {
        throw new IllegalArgumentException("outside-line prefix must be 1 to 4 ASCII digits");
      }
      this.prefix = digits;
      return this;
    }

    /**
     * Extra national emergency numbers for non-US sites, e.g. {@code 112}, {@code 999} (2 to 15 ASCII
     * digits each). Each becomes an EMERGENCY rule {@code national-<number>} tried after every given
     * rule, with the callback policy and notification of the highest-priority EMERGENCY rule (agent
     * DID and notify, when there is none).
     */
    public Builder nationalEmergencyNumbers(String... numbers) {
      for (String n : numbers) {
        if (!isDigits(n, 2, 15)) {
          throw new IllegalArgumentException("a national emergency number must be 2 to 15 ASCII digits");
        }
        nationalNumbers.add(n);
      }
      return this;
    }

    private static boolean isDigits(String s, int min, int max) {
      if (s == null || s.length() < min || s.length() > max) {
        return false;
      }
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) < '0' || s.charAt(i) > '9') {
          return false;
        }
      }
      return true;
    }

    /** Compiles the plan (cold path). */
    public DialPlan build() {
      List<EmergencyRoutingRule> ordered = new ArrayList<>(rules);
      ordered.sort(Comparator.comparingInt(EmergencyRoutingRule::priority)); // stable: ties keep the given order
      EmergencyRoutingRule template = ordered.stream()
          .filter(r -> r.classification() == Classification.EMERGENCY).findFirst().orElse(null);
      for (String n : nationalNumbers) {
        ordered.add(new EmergencyRoutingRule("national-" + n, "^" + n + "$", Classification.EMERGENCY,
            Integer.MAX_VALUE, template == null ? CallbackPolicy.AGENT_DID : template.callbackPolicy(),
            template == null || template.notifyOnSite()));
      }
      return compile(ordered, prefix, allowShadowed);
    }
  }

  private static DialPlan compile(List<EmergencyRoutingRule> ordered, String prefix, boolean allowShadowed) {
    List<DialPlanException.Problem> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<Set<String>> expanded = new ArrayList<>(ordered.size());
    for (EmergencyRoutingRule rule : ordered) {
      if (!ids.add(rule.id())) {
        problems.add(new DialPlanException.Problem(rule.id(), "duplicate rule id"));
      }
      try {
        expanded.add(PatternExpander.expand(rule.pattern()));
      } catch (PatternExpander.Unsupported e) {
        problems.add(new DialPlanException.Problem(rule.id(), "pattern " + rule.pattern() + " " + e.getMessage()));
        expanded.add(Set.of());
      }
    }
    if (!problems.isEmpty()) {
      throw new DialPlanException(problems);
    }
    Map<String, DialResult.Match> winners = new LinkedHashMap<>();
    List<DialPlanException.Problem> shadowed = new ArrayList<>();
    for (int r = 0; r < ordered.size(); r++) {
      EmergencyRoutingRule rule = ordered.get(r);
      boolean won = false;
      Set<String> takenBy = new LinkedHashSet<>();
      // behind the prefix first, so that when one rule yields a number both ways (^9?911$ with prefix 9
      // gives 9911 directly and as 9+911), the prefix reading wins and 911 is what gets sent on
      if (!prefix.isEmpty()) {
        for (String number : expanded.get(r)) {
          won |= claim(winners, takenBy, rule, prefix + number, number);
        }
      }
      for (String number : expanded.get(r)) {
        won |= claim(winners, takenBy, rule, number, number);
      }
      if (!won) {
        DialPlanException.Problem p = new DialPlanException.Problem(rule.id(),
            "never matches: every number it matches is taken by higher-priority rule(s) " + String.join(", ", takenBy));
        (allowShadowed ? shadowed : problems).add(p);
      }
      if (winners.size() > MAX_NUMBERS) {
        problems.add(new DialPlanException.Problem(rule.id(), "the plan exceeds " + MAX_NUMBERS + " numbers"));
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new DialPlanException(problems);
    }
    return new DialPlan(ordered, prefix, new ArrayList<>(winners.values()), shadowed);
  }

  private static boolean claim(Map<String, DialResult.Match> winners, Set<String> takenBy, EmergencyRoutingRule rule,
      String digits, String number) {
    DialResult.Match held = winners.get(digits);
    if (held == null) {
      winners.put(digits, new DialResult.Match(rule, digits, number));
      return true;
    }
    if (held.rule() != rule) {
      takenBy.add(held.rule().id());
      return false;
    }
    return true;
  }
}
