package dev.e911.core.pidf.internal;

import dev.e911.core.pidf.IllegalXmlCharacterException;
import dev.e911.core.pidf.PidfReadException;
import dev.e911.core.pidf.PidfReadException.Reason;
import dev.e911.core.pidf.PidfReadLimits;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.xml.sax.SAXException;

/**
 * Hardened XML reading for PIDF-LO, which arrives from the network. Every read goes through
 * {@link #decode} (size limit, strict UTF-8, XML 1.0 characters) and a namespace-aware StAX
 * reader from the JDK's own implementation (never a provider found on the class path) with DTD
 * support, external entities and resolution off, wrapped so that a DOCTYPE, the
 * {@link PidfReadLimits} and every parser error surface as a {@link PidfReadException}.
 *
 * <p>Each thread keeps one hardened factory configured with the JDK's {@code reuse-instance}
 * property, so a read reuses that thread's stream reader (and its buffers) instead of building a
 * new one: the JDK factory and its readers are not thread-safe, hence one per thread. A reader is
 * only reused after it read a document to its end; any refusal drops the thread's factory, and the
 * factory is replaced after {@value #REUSE_BUDGET_CHARS} input characters, which bounds the reader's
 * symbol table (it keeps every distinct name it has seen).
 */
public final class SecureXml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    /** Input characters one cached factory may read before it is replaced. */
    static final int REUSE_BUDGET_CHARS = 256 * 1024;
    private static final String REUSE_INSTANCE = "reuse-instance";
    private static final ThreadLocal<Cached> CACHED = new ThreadLocal<>();

    /** This thread's reusing factory and the characters read through it. */
    private static final class Cached {
        final XMLInputFactory factory = newReusingFactory();
        long chars;
    }

    private SecureXml() {
    }

    /**
     * Opens a limit-enforcing, namespace-aware, coalescing reader positioned on START_DOCUMENT.
     * Refusals are thrown as {@link PidfReadException}, here or from {@code next()}.
     */
    public static XMLStreamReader open(byte[] document, PidfReadLimits limits) {
        return openChecked(decode(document, limits), limits);
    }

    /** Reads the whole document through the checks of {@link #open}; returns its decoded text. */
    public static String check(byte[] document, PidfReadLimits limits) {
        String text = decode(document, limits);
        LimitingStreamReader reader = openChecked(text, limits);
        while (reader.hasNext()) {
            reader.next();
        }
        return text;
    }

    /**
     * Checks the size, decodes strict UTF-8 (dropping a UTF-8 byte order mark) and refuses
     * characters XML 1.0 does not allow.
     */
    public static String decode(byte[] document, PidfReadLimits limits) {
        if (document.length > limits.maxBytes()) {
            throw new PidfReadException(Reason.TOO_LARGE,
                    "document is " + document.length + " bytes, limit is " + limits.maxBytes(), 0, 0);
        }
        int start = 0;
        if (startsWith(document, 0xEF, 0xBB, 0xBF)) {
            start = 3;
        } else if (startsWith(document, 0xFE, 0xFF) || startsWith(document, 0xFF, 0xFE)
                || startsWith(document, 0x00, 0x00) || startsWith(document, 0x00, 0x3C)
                || startsWith(document, 0x3C, 0x00)) {
            throw new PidfReadException(Reason.ENCODING_REFUSED, "UTF-16 or UTF-32 input; PIDF-LO must be UTF-8", 0, 0);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(document, start, document.length - start);
        CharBuffer out = CharBuffer.allocate(document.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new PidfReadException(Reason.ENCODING_REFUSED, "malformed UTF-8 at byte offset " + in.position(), 0, 0);
        }
        String text = out.flip().toString();
        int illegal = XmlEscaper.firstIllegal(text);
        if (illegal >= 0) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < illegal; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new PidfReadException(Reason.ILLEGAL_CHARACTER, IllegalXmlCharacterException.describe(text.charAt(illegal))
                    + " is not allowed in XML 1.0", line, illegal - lineStart + 1);
        }
        return text;
    }

    /** Opens a checked reader over text that went through {@link #decode}. */
    private static LimitingStreamReader openChecked(String text, PidfReadLimits limits) {
        checkAttributeCounts(text, limits);
        Cached cached = CACHED.get();
        if (cached == null || cached.chars > REUSE_BUDGET_CHARS) {
            cached = new Cached();
            CACHED.set(cached);
        }
        cached.chars += text.length();
        XMLStreamReader reader;
        try {
            reader = cached.factory.createXMLStreamReader(new StringReader(text));
        } catch (XMLStreamException e) {
            dropCachedReader();
            throw translate(e, text);
        } catch (RuntimeException e) {
            dropCachedReader();
            throw parserFailure(e);
        }
        String version = reader.getVersion();
        if (version != null && !version.equals("1.0")) {
            dropCachedReader();
            throw new PidfReadException(Reason.XML_VERSION_REFUSED, "XML version " + version
                    + " is not supported; PIDF-LO must be XML 1.0", 1, 1);
        }
        String encoding = reader.getCharacterEncodingScheme();
        if (encoding != null && !encoding.equalsIgnoreCase("UTF-8")) {
            dropCachedReader();
            throw new PidfReadException(Reason.ENCODING_REFUSED, "declared encoding " + encoding
                    + " is not supported; PIDF-LO must be UTF-8", 1, 1);
        }
        return new LimitingStreamReader(reader, text, limits);
    }

    /**
     * A refusal for an unchecked exception out of the JDK parser, which should only ever throw
     * {@code XMLStreamException} but does not always (JDK 17 throws {@code MissingResourceException}
     * for a supplementary character in a DOCTYPE's internal subset). Names only the exception type.
     */
    static PidfReadException parserFailure(RuntimeException e) {
        return new PidfReadException(Reason.MALFORMED,
                "the XML parser failed on this input (" + e.getClass().getSimpleName() + ")", 0, 0);
    }

    /** Forgets this thread's factory and reader, so a reader left mid-document by a refusal is never reused. */
    static void dropCachedReader() {
        CACHED.remove();
    }

    /** {@link #newInputFactory()} that reuses its last reader once that reader was closed (JDK-specific, ignored elsewhere). */
    private static XMLInputFactory newReusingFactory() {
        XMLInputFactory factory = newInputFactory();
        try {
            factory.setProperty(REUSE_INSTANCE, true);
        } catch (IllegalArgumentException unsupported) {
            // not the JDK's implementation: every read gets a new reader, which is only slower
        }
        return factory;
    }

    /**
     * A new JDK StAX factory: namespace-aware, coalescing, no DTD support, no external entities,
     * no external access, and a resolver that refuses everything.
     */
    public static XMLInputFactory newInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resolution is disabled");
        });
        return factory;
    }

    /**
     * A new JDK SAX parser factory for the schema validator: namespace-aware, DOCTYPE refused,
     * no external entities or DTDs, no XInclude, secure processing on.
     */
    public static SAXParserFactory newSaxParserFactory() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL, false);
            factory.setFeature(EXTERNAL_PARAMETER, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK SAX parser lacks a required security feature", e);
        }
        return factory;
    }

    /**
     * Refuses a start tag with more attributes and namespace declarations than the limit before the
     * JDK parser reads it: the parser binds namespace declarations in time quadratic in their number
     * (5 000 on one tag take tens of milliseconds), so the count cannot wait for START_ELEMENT. One
     * linear pass counts the {@code =} signs outside quoted values in each start tag — exactly one per
     * attribute in a well-formed tag — skipping comments, CDATA sections and processing
     * instructions; it stops at a DOCTYPE, which the parser refuses. The same pass refuses a quoted
     * value whose source text is over 8× the attribute limit (ATTRIBUTE_TOO_LONG), before the parser
     * spends milliseconds normalising its references.
     */
    static void checkAttributeCounts(String text, PidfReadLimits limits) {
        // a value's source may be longer than the value (references): 8 characters of source per character
        // of value covers every reference to a character ("&amp;", "&#x10FFFF;" for two UTF-16 chars) and
        // stops a 48 KB run of "&lt;" that the JDK parser takes ~12 ms to normalise
        long maxSource = Math.min(Integer.MAX_VALUE, 8L * limits.maxAttributeLength());
        int n = text.length();
        int i = text.indexOf('<');
        while (i >= 0 && i < n - 1) {
            char next = text.charAt(i + 1);
            int resume;
            if (text.startsWith("<!--", i)) {
                resume = skipPast(text, "-->", i + 4);
            } else if (text.startsWith("<![CDATA[", i)) {
                resume = skipPast(text, "]]>", i + 9);
            } else if (next == '?') {
                resume = skipPast(text, "?>", i + 2);
            } else if (next == '!') {
                return;
            } else if (next == '/') {
                resume = i + 2;
            } else {
                int start = i;
                int count = 0;
                char quote = 0;
                int valueStart = 0;
                int j = i + 1;
                for (; j < n; j++) {
                    char c = text.charAt(j);
                    if (quote != 0) {
                        if (c == quote) {
                            quote = 0;
                        } else if (j - valueStart >= maxSource) {
                            throw new PidfReadException(Reason.ATTRIBUTE_TOO_LONG, "an attribute value of more than " + maxSource
                                    + " characters of source text (the value limit is " + limits.maxAttributeLength() + ")",
                                    lineOf(text, start), start - text.lastIndexOf('\n', start - 1));
                        }
                    } else if (c == '"' || c == '\'') {
                        quote = c;
                        valueStart = j + 1;
                    } else if (c == '=') {
                        count++;
                    } else if (c == '>' || c == '<') {
                        break;
                    }
                }
                if (count > limits.maxAttributes()) {
                    throw new PidfReadException(Reason.TOO_MANY_ATTRIBUTES, "more than " + limits.maxAttributes()
                            + " attributes and namespace declarations on one element", lineOf(text, start),
                            start - text.lastIndexOf('\n', start - 1));
                }
                resume = j;
            }
            if (resume < 0) {
                return;
            }
            i = text.indexOf('<', resume);
        }
    }

    private static int skipPast(String text, String end, int from) {
        int at = text.indexOf(end, from);
        return at < 0 ? -1 : at + end.length();
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Maps a parser error to a refusal; a reference to an illegal character is told apart from other malformation. */
    static PidfReadException translate(XMLStreamException e, String text) {
        Location at = e.getLocation();
        int line = at == null ? 0 : at.getLineNumber();
        int column = at == null ? 0 : at.getColumnNumber();
        int offset = at == null ? -1 : at.getCharacterOffset();
        if (offset >= 0) {
            long referenced = illegalCharacterReferenceNear(text, Math.min(offset, text.length()));
            if (referenced >= 0) {
                String what = referenced > 0x10FFFF ? "a code point beyond U+10FFFF"
                        : IllegalXmlCharacterException.describe((int) referenced);
                return new PidfReadException(Reason.ILLEGAL_CHARACTER,
                        "character reference to " + what + " is not allowed in XML 1.0", line, column);
            }
        }
        String message = e.getMessage() == null ? "not well-formed" : e.getMessage();
        int cut = message.indexOf("Message: ");
        String detail = cut >= 0 ? message.substring(cut + 9) : message;
        // JDK security-limit messages carry a locale-independent JAXP0001nnnn code
        Reason reason = detail.startsWith("JAXP0001") ? Reason.PARSER_LIMIT : Reason.MALFORMED;
        return new PidfReadException(reason, detail, line, column);
    }

    /** The value of an illegal {@code &#...;} reference ending at or just before {@code end}, or -1. */
    private static long illegalCharacterReferenceNear(String text, int end) {
        int from = text.lastIndexOf("&#", end);
        if (from < 0 || end - from > 16) {
            return -1;
        }
        boolean hex = from + 2 < text.length() && text.charAt(from + 2) == 'x';
        long value = 0;
        int digits = 0;
        for (int i = from + (hex ? 3 : 2); i < text.length() && digits < 9; i++, digits++) {
            int d = Character.digit(text.charAt(i), hex ? 16 : 10);
            if (d < 0) {
                break;
            }
            value = value * (hex ? 16 : 10) + d;
        }
        if (digits == 0) {
            return -1;
        }
        return value > 0x10FFFF || !XmlEscaper.isLegal((int) value) ? value : -1;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
