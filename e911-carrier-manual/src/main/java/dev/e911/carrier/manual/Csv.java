package dev.e911.carrier.manual;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, written defensively: CRLF line ends, a field is quoted when it holds a comma, a
 * quote, CR or LF (quotes doubled), and a field that a spreadsheet would run as a formula (starting
 * with {@code = + - @}, TAB or CR) gets a leading apostrophe (OWASP "CSV injection"). Reading
 * accepts CRLF or LF, quoted fields across lines, and reports the line of the first syntax error.
 */
final class Csv {

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private Csv() {}

  /** Thrown for text that is not RFC 4180 CSV; {@link #line()} is 1-based. */
  static final class SyntaxException extends Exception {
    private final int line;

    SyntaxException(int line, String message) {
      super("line " + line + ": " + message);
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  /** One record, cells guarded and quoted as needed, ending in CRLF. */
  static String record(List<String> cells) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    return out.append("\r\n").toString();
  }

  /** One cell: formula guard first, then RFC 4180 quoting. */
  static String cell(String value) {
    String guarded = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote = guarded.indexOf(',') >= 0 || guarded.indexOf('"') >= 0 || guarded.indexOf('\r') >= 0
        || guarded.indexOf('\n') >= 0;
    return quote ? '"' + guarded.replace("\"", "\"\"") + '"' : guarded;
  }

  /** Removes the formula guard {@link #cell} adds (an apostrophe before {@code = + - @}, TAB or CR). */
  static String unguard(String value) {
    if (value.length() >= 2 && value.charAt(0) == '\'' && FORMULA_STARTS.indexOf(value.charAt(1)) >= 0) {
      return value.substring(1);
    }
    return value;
  }

  /** Parses CSV text into records of raw cells (no trimming, no unguarding); a final line end is optional. */
  static List<List<String>> parse(String text) throws SyntaxException {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    int i = 0;
    int n = text.length();
    boolean quoted = false;
    boolean afterQuote = false;
    while (i < n) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            cell.append('"');
            i += 2;
            continue;
          }
          quoted = false;
          afterQuote = true;
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
        i++;
        continue;
      }
      if (c == ',') {
        record.add(cell.toString());
        cell.setLength(0);
        afterQuote = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(cell.toString());
        cell.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        afterQuote = false;
        line++;
        recordLine = line;
      } else if (afterQuote) {
        throw new SyntaxException(line, "text after a closing quote");
      } else if (c == '"') {
        if (cell.length() > 0) {
          throw new SyntaxException(line, "a quote inside an unquoted field");
        }
        quoted = true;
      } else {
        cell.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new SyntaxException(recordLine, "a quoted field is never closed");
    }
    if (cell.length() > 0 || !record.isEmpty() || afterQuote) {
      record.add(cell.toString());
      records.add(record);
    }
    return records;
  }
}
