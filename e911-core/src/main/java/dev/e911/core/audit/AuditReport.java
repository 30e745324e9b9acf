package dev.e911.core.audit;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The result of an audit: the findings (errors first, then by code and subject), notes on what could not
 * be checked (a setting the platform does not expose, numbers the carrier was not asked about), and when
 * it ran. Renders itself as text for people ({@link #toText()}) and as JSON for tools
 * ({@link #toJson()}).
 */
public record AuditReport(List<Finding> findings, List<String> notes, Instant auditedAt) {

  static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
      .thenComparing(f -> f.code().name())
      .thenComparing(f -> f.subject().type())
      .thenComparing(f -> f.subject().id());

  public AuditReport {
    findings = findings.stream().sorted(ORDER).toList();
    notes = List.copyOf(notes);
    Objects.requireNonNull(auditedAt, "auditedAt");
  }

  /** Whether any finding is an {@link Severity#ERROR}. */
  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  /** How many findings have this severity. */
  public long count(Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  /** The findings with this code. */
  public List<Finding> findings(FindingCode code) {
    return findings.stream().filter(f -> f.code() == code).toList();
  }

  /** A plain-text report, one finding per block, then the notes. */
  public String toText() {
    StringBuilder sb = new StringBuilder("e911 compliance audit at ").append(auditedAt).append(": ")
        .append(count(Severity.ERROR)).append(" error(s), ").append(count(Severity.WARNING)).append(" warning(s), ")
        .append(count(Severity.INFO)).append(" info\n");
    if (findings.isEmpty()) {
      sb.append("no traps found\n");
    }
    for (Finding f : findings) {
      sb.append(String.format(java.util.Locale.ROOT, "%-7s %s  %s%n", f.severity(), f.code(), f.subject().describe()));
      sb.append("        ").append(f.message()).append('\n');
      sb.append("        fix: ").append(f.fix()).append('\n');
      f.platformFixes().forEach(x -> sb.append("        platform fix: ").append(x.kind()).append(" on ").append(x.targetId()).append('\n'));
    }
    if (!notes.isEmpty()) {
      sb.append("not checked:\n");
      notes.forEach(n -> sb.append("  - ").append(n).append('\n'));
    }
    return sb.toString();
  }

  /** A JSON object: {@code auditedAt}, {@code counts}, {@code findings[]} and {@code notes[]}. */
  public String toJson() {
    StringBuilder sb = new StringBuilder("{\"auditedAt\":").append(str(auditedAt.toString()))
        .append(",\"counts\":{\"ERROR\":").append(count(Severity.ERROR)).append(",\"WARNING\":")
        .append(count(Severity.WARNING)).append(",\"INFO\":").append(count(Severity.INFO)).append("},\"findings\":[");
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      sb.append(i == 0 ? "" : ",").append("{\"code\":").append(str(f.code().name()))
          .append(",\"severity\":").append(str(f.severity().name()))
          .append(",\"subject\":{\"type\":").append(str(f.subject().type().label())).append(",\"id\":").append(str(f.subject().id()))
          .append(",\"name\":").append(str(f.subject().name())).append("}")
          .append(",\"title\":").append(str(f.code().title()))
          .append(",\"message\":").append(str(f.message()))
          .append(",\"fix\":").append(str(f.fix()))
          .append(",\"platformFixes\":[");
      for (int j = 0; j < f.platformFixes().size(); j++) {
        sb.append(j == 0 ? "" : ",").append("{\"kind\":").append(str(f.platformFixes().get(j).kind().name()))
            .append(",\"targetId\":").append(str(f.platformFixes().get(j).targetId())).append("}");
      }
      sb.append("]}");
    }
    sb.append("],\"notes\":[");
    for (int i = 0; i < notes.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(str(notes.get(i)));
    }
    return sb.append("]}").toString();
  }

  static String str(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
