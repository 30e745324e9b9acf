package dev.e911.core.dialplan;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Thrown when a {@link DialPlan} cannot be compiled. It lists every problem found at once, each
 * naming the rule id and saying why (a pattern outside the supported subset, a pattern that matches
 * infinitely many numbers, a rule that can never win, a duplicate id), so an operator can fix the
 * whole configuration in one pass. A rule is never silently dropped.
 */
public final class DialPlanException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** One thing wrong with one rule. */
  public record Problem(String ruleId, String reason) {
    public Problem {
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
      return "rule " + ruleId + ": " + reason;
    }
  }

  private final transient List<Problem> problems;

  DialPlanException(List<Problem> problems) {
    super("cannot compile the dial plan: "
        + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a DialPlanException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in rule order; never empty. */
  public List<Problem> problems() {
    return problems;
  }
}
