package dev.e911.core.dialplan;

import dev.e911.api.routing.EmergencyRoutingRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The slow, obviously-right dial plan the tests compare against: the original regexes applied with
 * java.util.regex to the normalised digits, rule by rule in priority order (ties: as given), each rule
 * tried behind the outside-line prefix first and then directly.
 */
final class Oracle {

  record Expected(String ruleId, String number) {}

  private final List<EmergencyRoutingRule> rules;
  private final List<Pattern> patterns = new ArrayList<>();
  private final String prefix;

  Oracle(List<EmergencyRoutingRule> given, String prefix) {
    List<EmergencyRoutingRule> sorted = new ArrayList<>(given);
    sorted.sort(Comparator.comparingInt(EmergencyRoutingRule::priority));
    this.rules = sorted;
    for (EmergencyRoutingRule r : sorted) {
      patterns.add(Pattern.compile(r.pattern()));
    }
    this.prefix = prefix;
  }

  Optional<Expected> classify(String digits) {
    for (int i = 0; i < rules.size(); i++) {
      Pattern p = patterns.get(i);
      if (!prefix.isEmpty() && digits.startsWith(prefix) && p.matcher(digits.substring(prefix.length())).matches()) {
        return Optional.of(new Expected(rules.get(i).id(), digits.substring(prefix.length())));
      }
      if (p.matcher(digits).matches()) {
        return Optional.of(new Expected(rules.get(i).id(), digits));
      }
    }
    return Optional.empty();
  }

  /** What the plan said, in the oracle's terms. */
  static Optional<Expected> of(DialResult r) {
    return r instanceof DialResult.Match m ? Optional.of(new Expected(m.rule().id(), m.number())) : Optional.empty();
  }
}
