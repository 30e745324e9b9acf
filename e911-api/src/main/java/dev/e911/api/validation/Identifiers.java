package dev.e911.api.validation;

import java.util.regex.Pattern;

/**
 * The rule for identifiers of agents, sites, locations and rules: 1 to 128 characters, starting
 * with a letter or digit, then letters, digits and {@code . _ : @ -}. Keeps ids safe to put in
 * URLs, file names, log lines and XML attributes without escaping surprises.
 */
public final class Identifiers {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

  private Identifiers() {}

  /** Whether {@code id} follows the rule. */
  public static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** Records a violation at {@code path} unless {@code id} follows the rule. */
  public static void check(Violations v, String path, String id) {
    if (id == null || id.isEmpty()) {
      v.add(path, "required", "is required");
    } else if (!isValid(id)) {
      v.add(path, "id.syntax", "must be 1-128 characters: letters, digits and . _ : @ -, starting with a letter or digit");
    }
  }
}
