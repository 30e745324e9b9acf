package dev.e911.core.pidf;

/** Small lexical checks shared by the writer's configuration and values. */
final class Names {

    private Names() {
    }

    /** A conservative XML NCName: an ASCII letter or {@code _}, then letters, digits, {@code . _ -}. */
    static boolean isNcName(String s) {
        if (s.isEmpty() || !(isAsciiLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** {@code xs:language}: {@code [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*}. */
    static boolean isLanguage(String s) {
        String[] parts = s.split("-", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 8) {
                return false;
            }
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                if (!(isAsciiLetter(c) || i > 0 && c >= '0' && c <= '9')) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A DNS host name: dot-separated labels of letters, digits and inner hyphens, at most 253 characters. */
    static boolean isHostName(String s) {
        if (s.isEmpty() || s.length() > 253) {
            return false;
        }
        for (String label : s.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    /** An absolute URI as far as a writer must care: {@code scheme:} then at least one character, no whitespace or {@code <>"}. */
    static boolean isAbsoluteUri(String s) {
        int colon = s.indexOf(':');
        if (colon < 1 || colon == s.length() - 1 || !isAsciiLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = s.charAt(i);
            if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        for (int i = colon + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    /**
     * Percent-encodes (UTF-8) everything but RFC 3986 unreserved characters, so any agent id can be
     * the user part of a {@code pres:}/{@code sip:} URI.
     */
    static String percentEncode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isAsciiLetter((char) c) || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
