package dev.e911.benchmarks.dialplan;

import dev.e911.api.routing.Classification;
import dev.e911.api.routing.EmergencyRoutingRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The obvious implementation the trie is measured against: normalise the dial string into a new
 * String, then try each rule's regex in priority order (behind the outside-line prefix first). Either
 * compiling every pattern on every call (what a careless hot path does) or with precompiled patterns.
 */
final class NaiveDialPlan {

  private final List<EmergencyRoutingRule> rules;
  private final Pattern[] compiled;
  private final String prefix;

  NaiveDialPlan(List<EmergencyRoutingRule> given, String prefix) {
    List<EmergencyRoutingRule> sorted = new ArrayList<>(given);
    sorted.sort(Comparator.comparingInt(EmergencyRoutingRule::priority));
    this.rules = List.copyOf(sorted);
    this.compiled = sorted.stream().map(r -> Pattern.compile(r.pattern())).toArray(Pattern[]::new);
    this.prefix = prefix;
  }

  /** Classifies, compiling each rule's regex on every call. */
  Classification classifyCompilingPerCall(CharSequence dialled) {
    String digits = normalise(dialled);
    if (digits == null) {
      return Classification.NOT_EMERGENCY;
    }
    for (EmergencyRoutingRule rule : rules) {
      Pattern p = Pattern.compile(rule.pattern());
      if (matches(p, digits)) {
        return rule.classification();
      }
    }
    return Classification.NOT_EMERGENCY;
  }

  /** Classifies with the patterns compiled once. */
  Classification classifyPrecompiled(CharSequence dialled) {
    String digits = normalise(dialled);
    if (digits == null) {
      return Classification.NOT_EMERGENCY;
    }
    for (int i = 0; i < compiled.length; i++) {
      if (matches(compiled[i], digits)) {
        return rules.get(i).classification();
      }
    }
    return Classification.NOT_EMERGENCY;
  }

  private boolean matches(Pattern p, String digits) {
    return (!prefix.isEmpty() && digits.startsWith(prefix) && p.matcher(digits.substring(prefix.length())).matches())
        || p.matcher(digits).matches();
  }

  /** The digits of a dial string, or null when it is not a plain number, tel: or sip: URI. */
  static String normalise(CharSequence dialled) {
    String s = dialled.toString().trim();
    if (s.regionMatches(true, 0, "tel:", 0, 4)) {
      s = cut(s.substring(4), ';');
    } else if (s.regionMatches(true, 0, "sip:", 0, 4)) {
      s = cut(cut(s.substring(4), '@'), ';');
    } else if (s.regionMatches(true, 0, "sips:", 0, 5)) {
      s = cut(cut(s.substring(5), '@'), ';');
    }
    StringBuilder digits = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (" -.()".indexOf(c) < 0) {
        return null;
      }
    }
    return digits.length() == 0 ? null : digits.toString();
  }

  private static String cut(String s, char at) {
    int i = s.indexOf(at);
    return i < 0 ? s : s.substring(0, i);
  }
}
