package dev.e911.core.audit;

import dev.e911.api.spi.ConfigurationFix;
import java.util.List;
import java.util.Objects;

/**
 * One trap the {@link ComplianceAuditor} found: its stable {@link FindingCode}, severity, the object it
 * concerns, what is wrong in this case, what to do, and the platform fixes that would remove it
 * (empty when it must be fixed by hand). {@code docs/audit.md} lists every code.
 */
public record Finding(FindingCode code, Severity severity, Subject subject, String message, String fix,
    List<ConfigurationFix> platformFixes) {

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    message = message == null ? "" : message;
    fix = fix == null || fix.isEmpty() ? code.fix() : fix;
    platformFixes = List.copyOf(platformFixes);
  }

  /** A finding with the code's own severity and fix text. */
  static Finding of(FindingCode code, Subject subject, String message, ConfigurationFix... fixes) {
    return new Finding(code, code.severity(), subject, message, code.fix(), List.of(fixes));
  }
}
