package dev.e911.core.config;

import dev.e911.api.validation.Violation;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file that could not be loaded: it names the file and lists every violation with
 * its JSON path and rule. Nothing of the file was applied.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String file;
  private final transient List<Violation> violations;

  public ConfigException(Path file, List<Violation> violations) {
    super(file + ": " + violations.size() + " problem(s): "
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    this.file = file.toString();
    this.violations = List.copyOf(violations);
  }

  /** The file that was refused. */
  public String file() {
    return file;
  }

  /** Every violation found; never empty. */
  public List<Violation> violations() {
    return violations;
  }
}
