package dev.e911.core.pidf;

import java.util.Locale;
import java.util.Objects;

/**
 * A PIDF-LO document was refused before or while it was read: the {@link Reason} says what was
 * refused (a DOCTYPE, a size or nesting limit, malformed XML, ...), {@link #line()} and
 * {@link #column()} say where (1-based; {@code 0} when unknown). The message names the rule and
 * never echoes document content beyond a single character code point or XML name, because a
 * location document is personal data.
 */
public final class PidfReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What was refused. */
    public enum Reason {
        /** The input is larger than {@link PidfReadLimits#maxBytes()}. */
        TOO_LARGE,
        /** The input is not UTF-8 (RFC 3863 requires UTF-8): a UTF-16/32 byte order mark, another declared encoding, or malformed UTF-8 bytes. */
        ENCODING_REFUSED,
        /** The XML declaration names a version other than 1.0 (RFC 3863 requires XML 1.0). */
        XML_VERSION_REFUSED,
        /** A character XML 1.0 does not allow, raw or as a character reference. */
        ILLEGAL_CHARACTER,
        /** A document type declaration; no valid PIDF-LO has one, and refusing it closes XXE and entity expansion attacks. */
        DOCTYPE_REFUSED,
        /** Elements nested deeper than {@link PidfReadLimits#maxDepth()}. */
        TOO_DEEP,
        /** More elements than {@link PidfReadLimits#maxElements()}. */
        TOO_MANY_ELEMENTS,
        /** An element with more attributes and namespace declarations than {@link PidfReadLimits#maxAttributes()}. */
        TOO_MANY_ATTRIBUTES,
        /** An attribute value or namespace URI longer than {@link PidfReadLimits#maxAttributeLength()}. */
        ATTRIBUTE_TOO_LONG,
        /** A text, comment or processing-instruction run longer than {@link PidfReadLimits#maxTextLength()}. */
        TEXT_TOO_LONG,
        /** One of the JDK parser's own secure-processing limits ({@code jdk.xml.*}, e.g. name length) was exceeded. */
        PARSER_LIMIT,
        /** The input is not well-formed XML (or not namespace-well-formed). */
        MALFORMED
    }

    private final Reason reason;
    private final int line;
    private final int column;

    /**
     * @param reason what was refused
     * @param detail a short description without document content
     * @param line 1-based line, {@code 0} when unknown
     * @param column 1-based column, {@code 0} when unknown
     */
    public PidfReadException(Reason reason, String detail, int line, int column) {
        super(format(reason, detail, line, column));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.line = Math.max(0, line);
        this.column = Math.max(0, column);
    }

    private static String format(Reason reason, String detail, int line, int column) {
        String where = line > 0 ? String.format(Locale.ROOT, " at line %d, column %d", line, Math.max(0, column)) : "";
        return Objects.requireNonNull(reason, "reason") + where + ": " + Objects.requireNonNull(detail, "detail");
    }

    /** What was refused. */
    public Reason reason() {
        return reason;
    }

    /** 1-based line of the refusal, {@code 0} when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the refusal, {@code 0} when unknown. */
    public int column() {
        return column;
    }
}
