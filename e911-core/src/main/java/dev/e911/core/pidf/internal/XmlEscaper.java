package dev.e911.core.pidf.internal;

import dev.e911.core.pidf.IllegalXmlCharacterException;

/**
 * XML 1.0 character rules and escaping for the PIDF-LO writer. Escapes the five markup
 * characters in both contexts; also writes carriage return (and, in attributes, tab and line
 * feed) as character references so a parser's line-end and attribute-value normalisation gives
 * back exactly the original string. Characters XML 1.0 cannot carry are refused, not dropped.
 */
public final class XmlEscaper {

    private XmlEscaper() {
    }

    /** Whether {@code codePoint} matches the XML 1.0 {@code Char} production. */
    public static boolean isLegal(int codePoint) {
        return codePoint >= 0x20 && codePoint <= 0xD7FF
                || codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || codePoint >= 0xE000 && codePoint <= 0xFFFD
                || codePoint >= 0x10000 && codePoint <= 0x10FFFF;
    }

    /** UTF-16 index of the first character XML 1.0 cannot carry (an unpaired surrogate counts), or -1. */
    public static int firstIllegal(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0xD800 || c == 0x9 || c == 0xA || c == 0xD || c >= 0xE000 && c <= 0xFFFD) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /** Throws {@link IllegalXmlCharacterException} naming the first character XML 1.0 cannot carry. */
    public static void requireLegal(CharSequence s) {
        int i = firstIllegal(s);
        if (i >= 0) {
            throw new IllegalXmlCharacterException(s.charAt(i), i);
        }
    }

    /** Appends {@code s} escaped for element content; on refusal {@code out} is left unchanged. */
    public static StringBuilder appendText(StringBuilder out, CharSequence s) {
        return append(out, s, false);
    }

    /** Appends {@code s} escaped for a quoted attribute value; on refusal {@code out} is left unchanged. */
    public static StringBuilder appendAttribute(StringBuilder out, CharSequence s) {
        return append(out, s, true);
    }

    private static StringBuilder append(StringBuilder out, CharSequence s, boolean attribute) {
        int illegal = firstIllegal(s);
        if (illegal >= 0) {
            throw new IllegalXmlCharacterException(s.charAt(illegal), illegal);
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> out.append(c);
            }
        }
        return out;
    }
}
