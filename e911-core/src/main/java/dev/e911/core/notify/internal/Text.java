package dev.e911.core.notify.internal;

/** Escaping for the two text forms notifiers write: JSON strings and quoted log-line values. */
final class Text {

  private Text() {
  }

  /** {@code s} as a JSON string literal, quotes included (RFC 8259: quote, backslash and controls escaped). */
  static void jsonString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** {@code s} quoted for a one-line log record: quote and backslash escaped, every control character (newlines!) escaped. */
  static void logValue(StringBuilder out, String s) {
    jsonString(out, s);
  }
}
