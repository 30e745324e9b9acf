package dev.e911.core.store.internal;

import dev.e911.api.spi.Secret;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of every message a store produces: the password itself, {@code password=}
 * style URL and connection-string parameters, and the password part of {@code user:password@} in a
 * URL. Driver exceptions are copied with scrubbed messages (stack traces kept, other causes dropped),
 * because a driver may quote the whole JDBC URL in its message.
 */
public final class Redaction {

  private static final Pattern PARAMETER = Pattern.compile(
      "(?i)\\b(password|passwd|pwd|pass|secret|token|sslpassword|sslkey)\\s*=\\s*[^;&\\s,)\"']*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@\\s:;?]*):[^@/\\s]*@");
  private static final int MAX_CHAIN = 8;

  private final Optional<Secret> password;

  public Redaction(Optional<Secret> password) {
    this.password = password;
  }

  /** {@code text} with every credential replaced by {@code ***}. */
  public String scrub(String text) {
    if (text == null) {
      return "";
    }
    String s = text;
    if (password.isPresent() && password.get().appearsIn(s)) {
      s = s.replace(password.get().reveal(), "***");
    }
    s = PARAMETER.matcher(s).replaceAll("$1=***");
    return USER_INFO.matcher(s).replaceAll("$1:***@");
  }

  /** The part of a JDBC URL that is safe to show: up to its parameters, without user information. */
  public static String describe(String url) {
    String s = url;
    for (char stop : new char[] {'?', ';', '&'}) {
      int i = s.indexOf(stop);
      if (i >= 0) {
        s = s.substring(0, i);
      }
    }
    int at = s.lastIndexOf('@');
    int slashes = s.indexOf("//");
    if (at >= 0 && slashes >= 0 && at > slashes) {
      s = s.substring(0, slashes + 2) + s.substring(at + 1);
    }
    return s;
  }

  /** A copy of {@code e} (and its SQL causes) with scrubbed messages. */
  public SQLException scrubbed(SQLException e) {
    return copy(e, 0);
  }

  private SQLException copy(SQLException e, int depth) {
    SQLException copy = new SQLException(scrub(e.getClass().getSimpleName() + ": " + e.getMessage()),
        e.getSQLState(), e.getErrorCode());
    copy.setStackTrace(e.getStackTrace());
    if (depth < MAX_CHAIN) {
      if (e.getCause() instanceof SQLException cause && cause != e) {
        copy.initCause(copy(cause, depth + 1));
      }
      SQLException next = e.getNextException();
      if (next != null && next != e) {
        copy.setNextException(copy(next, depth + 1));
      }
    }
    return copy;
  }
}
