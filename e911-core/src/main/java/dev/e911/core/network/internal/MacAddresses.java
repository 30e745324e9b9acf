package dev.e911.core.network.internal;

import dev.e911.core.network.internal.MacFormatException.Problem;

/**
 * Parses and formats 48-bit MAC addresses (Wi-Fi BSSIDs) held as the low 48 bits of a long.
 * {@link #parseMac} accepts, with surrounding whitespace and in either case: six colon- or
 * dash-separated groups of one or two hex digits ({@code 00:11:22:33:44:55}, {@code 0:1b:2:..}
 * as macOS prints them, {@code 00-11-22-33-44-55}), Cisco's three dot-separated groups of four
 * ({@code 0011.2233.4455}) and twelve bare digits ({@code 001122334455}). {@link #parsePattern}
 * accepts an exact address or any of those notations cut short at a nibble and ended by
 * {@code *}, optionally followed by further {@code <separator>*} groups: {@code 00-11-22-33-44-*}
 * (/40), {@code 00:11:22:33:44:5*} (/44), {@code 00-11-22-*-*-*} (/24), {@code 0011.22*} (/24),
 * {@code 0011223*} (/28), {@code *} (everything). In a pattern every group before the one holding
 * {@code *} must be written in full, since {@code 0:1*} would be ambiguous. CIDR-style
 * {@code /len} suffixes and {@code ?} wildcards are not supported. Successful parses allocate
 * nothing; failures throw {@link MacFormatException} naming the problem.
 */
public final class MacAddresses {

    static final int BITS = 48;
    static final long MAX = (1L << BITS) - 1;

    private MacAddresses() {
    }

    /** Parses an exact MAC address. */
    public static long parseMac(CharSequence text) {
        int start = firstNonBlank(text);
        int end = lastNonBlank(text) + 1;
        if (start >= end) {
            throw new MacFormatException(text, Problem.EMPTY, "it is empty");
        }
        char separator = 0;
        int groups = 0;
        int groupDigits = 0;
        long group = 0;
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            int hex = hexValue(c);
            if (hex >= 0) {
                if (++groupDigits > 12) {
                    throw new MacFormatException(text, Problem.BAD_DIGIT_COUNT, "more than 12 hex digits");
                }
                group = (group << 4) | hex;
                continue;
            }
            separator = checkSeparator(text, i, separator);
            checkExactGroup(text, separator, groups, groupDigits);
            value = (value << groupBits(separator)) | group;
            groups++;
            groupDigits = 0;
            group = 0;
        }
        if (separator == 0) {
            if (groupDigits != 12) {
                throw new MacFormatException(text, Problem.BAD_DIGIT_COUNT, groupDigits + " hex digits, expected 12");
            }
            return group;
        }
        checkExactGroup(text, separator, groups, groupDigits);
        value = (value << groupBits(separator)) | group;
        groups++;
        int expected = BITS / groupBits(separator);
        if (groups != expected) {
            throw new MacFormatException(text, Problem.BAD_GROUP_COUNT,
                    groups + " groups separated by '" + separator + "', expected " + expected);
        }
        return value;
    }

    /** Parses an exact address (length 48) or a wildcard pattern as described on the class. */
    public static MacPattern parsePattern(CharSequence text) {
        int start = firstNonBlank(text);
        int end = lastNonBlank(text) + 1;
        int star = start;
        while (star < end && text.charAt(star) != '*') {
            star++;
        }
        if (star == end) {
            return new MacPattern(parseMac(text), BITS);
        }
        char separator = 0;
        int digits = 0;
        int groupDigits = 0;
        long value = 0;
        for (int i = start; i < star; i++) {
            char c = text.charAt(i);
            int hex = hexValue(c);
            if (hex >= 0) {
                value = (value << 4) | hex;
                digits++;
                groupDigits++;
                continue;
            }
            separator = checkSeparator(text, i, separator);
            if (groupDigits != fullGroupDigits(separator)) {
                throw new MacFormatException(text, Problem.BAD_GROUP_LENGTH, "group ending at index " + i + " has "
                        + groupDigits + " hex digits; before '*' every group needs " + fullGroupDigits(separator));
            }
            groupDigits = 0;
        }
        if (digits >= 12 || (separator != 0 && groupDigits > fullGroupDigits(separator))) {
            throw new MacFormatException(text, Problem.BAD_WILDCARD, "'*' must replace at least the last hex digit");
        }
        for (int i = star + 1; i < end; i += 2) {
            char c = text.charAt(i);
            if (separator == 0 && (c == ':' || c == '-' || c == '.')) {
                separator = c;
            }
            if (c != separator || i + 1 >= end || text.charAt(i + 1) != '*') {
                throw new MacFormatException(text, Problem.BAD_WILDCARD,
                        "after '*' only further '" + separator + "*' groups may follow (index " + i + ")");
            }
        }
        int length = 4 * digits;
        return new MacPattern(length == 0 ? 0 : value << (BITS - length), length);
    }

    /** Formats the low 48 bits as lower-case, colon-separated pairs. */
    public static String format(long mac) {
        StringBuilder out = new StringBuilder(17);
        for (int shift = BITS - 4; shift >= 0; shift -= 4) {
            out.append(Character.forDigit((int) (mac >>> shift) & 0xF, 16));
            if (shift % 8 == 0 && shift > 0) {
                out.append(':');
            }
        }
        return out.toString();
    }

    private static char checkSeparator(CharSequence text, int index, char separator) {
        char c = text.charAt(index);
        if (c != ':' && c != '-' && c != '.') {
            throw new MacFormatException(text, Problem.INVALID_CHARACTER, "invalid character '" + c + "' at index " + index);
        }
        if (separator != 0 && c != separator) {
            throw new MacFormatException(text, Problem.MIXED_SEPARATORS,
                    "separator '" + c + "' at index " + index + " after '" + separator + "'");
        }
        return c;
    }

    private static void checkExactGroup(CharSequence text, char separator, int groups, int groupDigits) {
        int max = fullGroupDigits(separator);
        int min = separator == '.' ? max : 1;
        if (groupDigits < min || groupDigits > max) {
            throw new MacFormatException(text, Problem.BAD_GROUP_LENGTH, "group " + (groups + 1) + " has " + groupDigits
                    + " hex digits, expected " + (min == max ? String.valueOf(max) : min + " to " + max));
        }
    }

    private static int fullGroupDigits(char separator) {
        return separator == '.' ? 4 : 2;
    }

    private static int groupBits(char separator) {
        return 4 * fullGroupDigits(separator);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    private static int firstNonBlank(CharSequence text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lastNonBlank(CharSequence text) {
        int i = text.length() - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i;
    }
}
