package dev.e911.core.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The RFC 6442 {@code Geolocation} header. {@link #byValue} writes the value that points at the
 * PIDF-LO body part ({@code <cid:id>}); {@link #parse} reads a received header value — one or
 * more comma-separated {@code <URI>} entries with generic parameters, quoted strings allowed — into
 * a {@link Result}, never throwing for bad input.
 */
public final class GeolocationHeader {

    /** The header name. */
    public static final String HEADER = "Geolocation";

    private GeolocationHeader() {
    }

    /** The outcome of {@link #parse}. */
    public sealed interface Result {
        /**
         * Every value, in order.
         *
         * @param values at least one value
         */
        record Parsed(List<GeolocationValue> values) implements Result {
            /** Copies the list. */
            public Parsed {
                values = List.copyOf(values);
            }
        }

        /**
         * The header value breaks the grammar.
         *
         * @param index 0-based character index of the problem
         * @param problem what is wrong, without repeating the value
         */
        record Malformed(int index, String problem) implements Result {
            /** Requires the problem. */
            public Malformed {
                Objects.requireNonNull(problem, "problem");
            }
        }
    }

    /**
     * The header value for location by value: {@code <cid:contentId>}, with every character other
     * than letters, digits, {@code - . _ ~ @} %-encoded (RFC 2392).
     *
     * @param contentId the body part's Content-ID without angle brackets, e.g. {@code loc-7f3a@example.com}
     */
    public static String byValue(String contentId) {
        return "<" + cidUri(contentId) + ">";
    }

    /** {@code cid:} + the %-encoded Content-ID. */
    public static String cidUri(String contentId) {
        Objects.requireNonNull(contentId, "contentId");
        if (contentId.isEmpty()) {
            throw new IllegalArgumentException("contentId must not be empty");
        }
        StringBuilder out = new StringBuilder("cid:");
        for (byte b : contentId.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    /** Parses a received header value (several {@code Geolocation} headers may be joined with commas first). */
    public static Result parse(String headerValue) {
        Objects.requireNonNull(headerValue, "headerValue");
        Parser p = new Parser(headerValue);
        List<GeolocationValue> values = new ArrayList<>();
        while (true) {
            p.skipSpace();
            if (!p.take('<')) {
                return p.fail("expected '<' before a location URI");
            }
            int start = p.pos;
            while (p.pos < p.s.length() && p.s.charAt(p.pos) != '>') {
                char c = p.s.charAt(p.pos);
                if (c <= ' ' || c == '<' || c == '"' || c >= 0x7F) {
                    return p.fail("character not allowed in a location URI");
                }
                p.pos++;
            }
            String uri = p.s.substring(start, p.pos);
            if (!p.take('>')) {
                return p.fail("missing '>' after the location URI");
            }
            int colon = uri.indexOf(':');
            if (colon < 1 || colon == uri.length() - 1) {
                return new Result.Malformed(start, "location URI needs a scheme and a body");
            }
            List<GeolocationValue.Parameter> params = new ArrayList<>();
            p.skipSpace();
            while (p.take(';')) {
                p.skipSpace();
                String name = p.token();
                if (name.isEmpty()) {
                    return p.fail("expected a parameter name");
                }
                p.skipSpace();
                String value = "";
                if (p.take('=')) {
                    p.skipSpace();
                    value = p.peek() == '"' ? p.quoted() : p.paramValue();
                    if (value == null || value.isEmpty()) {
                        return p.fail("expected a parameter value");
                    }
                }
                params.add(new GeolocationValue.Parameter(name, value));
                p.skipSpace();
            }
            values.add(new GeolocationValue(uri, params));
            if (p.pos == p.s.length()) {
                return new Result.Parsed(values);
            }
            if (!p.take(',')) {
                return p.fail("expected ',' or ';' after a location value");
            }
        }
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        boolean take(char c) {
            if (peek() == c && pos < s.length()) {
                pos++;
                return true;
            }
            return false;
        }

        void skipSpace() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t'
                    || s.charAt(pos) == '\r' || s.charAt(pos) == '\n')) {
                pos++;
            }
        }

        String token() {
            int start = pos;
            while (pos < s.length() && isTokenChar(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        /** token / host (incl. an IPv6 reference in brackets). */
        String paramValue() {
            int start = pos;
            while (pos < s.length() && (isTokenChar(s.charAt(pos)) || s.charAt(pos) == ':'
                    || s.charAt(pos) == '[' || s.charAt(pos) == ']')) {
                pos++;
            }
            return s.substring(start, pos);
        }

        /** A quoted string with backslash escapes, returned with its quotes; null when unterminated. */
        String quoted() {
            int start = pos;
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\\' && pos + 1 < s.length()) {
                    pos += 2;
                } else if (c == '"') {
                    pos++;
                    return s.substring(start, pos);
                } else {
                    pos++;
                }
            }
            return null;
        }

        Result fail(String problem) {
            return new Result.Malformed(pos, problem);
        }

        private static boolean isTokenChar(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-.!%*_+`'~".indexOf(c) >= 0;
        }
    }
}
