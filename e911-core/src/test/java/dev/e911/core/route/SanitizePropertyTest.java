package dev.e911.core.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The unknown-agent id sanitiser without a regex gives what the regex version gave, and keeps clean ids as they are. */
class SanitizePropertyTest {

  private static final Pattern NOT_ID_CHAR = Pattern.compile("[^A-Za-z0-9._:@-]");

  /** The previous implementation (a precompiled regex), the reference. */
  private static String byRegex(String id) {
    String s = NOT_ID_CHAR.matcher(id).replaceAll("_");
    s = s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0)) ? "x" + s : s;
    return s.length() > 128 ? s.substring(0, 128) : s;
  }

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("aZ09._:@-<&> \u00e9\u4ee3").ofMaxLength(140),
        Arbitraries.strings().all().ofMaxLength(140),
        Arbitraries.of("agent-1", "x", "-lead", "a\uD83D\uDE00b", "\uD800", "ghost<&>"));
  }

  @Property(tries = 2000)
  @Label("sanitize equals the regex reference for any id; a clean id is returned as the same instance")
  void sameAsRegex(@ForAll("ids") String id) {
    String s = EmergencyRouter.sanitize(id);
    assertThat(s).isEqualTo(byRegex(id));
    if (s.equals(id)) {
      assertThat(s).isSameAs(id);
    }
  }
}
