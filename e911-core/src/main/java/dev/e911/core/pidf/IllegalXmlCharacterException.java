package dev.e911.core.pidf;

import java.util.Locale;

/**
 * A value meant for a PIDF-LO document holds a character that XML 1.0 cannot carry — a C0
 * control other than tab, line feed and carriage return, U+FFFE/U+FFFF, or an unpaired UTF-16
 * surrogate — so it cannot be written even escaped. {@link #codePoint()} names the offending code
 * point (for an unpaired surrogate, the surrogate itself) and {@link #index()} its UTF-16 index in
 * the value; the value itself is not repeated, because it may be personal data.
 */
public final class IllegalXmlCharacterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int codePoint;
    private final int index;

    /**
     * @param codePoint the offending code point (or lone surrogate)
     * @param index its UTF-16 index in the value
     */
    public IllegalXmlCharacterException(int codePoint, int index) {
        super(String.format(Locale.ROOT, "%s at index %d is not allowed in XML 1.0", describe(codePoint), index));
        this.codePoint = codePoint;
        this.index = index;
    }

    /** The offending code point, e.g. {@code 0x7} for BEL or {@code 0xD800} for a lone high surrogate. */
    public int codePoint() {
        return codePoint;
    }

    /** UTF-16 index of the offending character in the value. */
    public int index() {
        return index;
    }

    /** {@code U+0007}, {@code U+D800 (unpaired surrogate)}. */
    public static String describe(int codePoint) {
        String hex = String.format(Locale.ROOT, "U+%04X", codePoint);
        return Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF ? hex + " (unpaired surrogate)" : hex;
    }
}
