package dev.e911.carrier.manual;

import java.util.List;
import java.util.Objects;

/**
 * What importing an administrator's confirmation CSV did: rows applied as done, rows the
 * administrator rejected, rows that had been imported before (re-importing a file is harmless),
 * and every problem with its line number. A file that is not CSV at all, or lacks the
 * {@code request_id} and {@code status} columns, applies nothing and reports one problem.
 */
public record ConfirmationImport(int applied, int rejected, int alreadyApplied, List<Problem> problems) {

  public ConfirmationImport {
    problems = List.copyOf(problems);
  }

  /** A line that could not be used, and why. */
  public record Problem(int line, String message) {
    public Problem {
      Objects.requireNonNull(message, "message");
    }
  }

  /** Whether every line was used. */
  public boolean clean() {
    return problems.isEmpty();
  }
}
