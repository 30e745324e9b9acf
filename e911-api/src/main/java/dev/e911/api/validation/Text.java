package dev.e911.api.validation;

/**
 * Text rules shared by the domain model. Every free-text field is normalised the way XML Schema
 * normalises {@code xs:token} (trimmed, inner whitespace runs collapsed to one space), so what we
 * store is exactly what a PIDF-LO round trip gives back, and must be representable in XML 1.0.
 */
public final class Text {

  private Text() {}

  /**
   * Trims and collapses whitespace runs (space, tab, CR, LF) to a single space, as
   * {@code xs:token} does. Returns the empty string for blank input.
   */
  public static String token(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    boolean pendingSpace = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The first code point XML 1.0 cannot carry (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF;
   * unpaired surrogates), or -1 if every character is legal.
   */
  public static int firstIllegalXmlChar(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return c;
      }
      if (Character.isLowSurrogate(c)) {
        return c;
      }
      boolean legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
      if (!legal) {
        return c;
      }
    }
    return -1;
  }
}
