package dev.e911.core.pidf;

import dev.e911.core.pidf.PidfValidationResult.Problem;
import dev.e911.core.pidf.internal.SecureXml;
import dev.e911.core.pidf.internal.VendoredSchemas;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;

/**
 * Validates a PIDF-LO document against the official schema set (RFC 3863, 4119, 4479, 5139, 6848,
 * 7459 and the OGC GeoShape profile) shipped inside this library, with the JDK's W3C XML Schema
 * 1.0 processor. The set is compiled once, from the class path only, and shared; instances are
 * immutable and thread-safe. The document is first read through the hardened reader (no DOCTYPE,
 * {@link PidfReadLimits}), so {@link #validate(byte[])} never throws for bad input: it returns
 * {@link PidfValidationResult.Refused} for a document it will not read and
 * {@link PidfValidationResult.Invalid} with every schema violation (up to 50) otherwise.
 */
public final class PidfSchemaValidator {

    private static final int MAX_PROBLEMS = 50;
    private static final String LOCALE_PROPERTY = "http://apache.org/xml/properties/locale";

    private final Schema schema;
    private final PidfReadLimits limits;

    private PidfSchemaValidator(Schema schema, PidfReadLimits limits) {
        this.schema = schema;
        this.limits = limits;
    }

    /** The shared validator with {@link PidfReadLimits#defaults()}. */
    public static PidfSchemaValidator standard() {
        return Holder.STANDARD;
    }

    /** A validator sharing the compiled schema set but reading with other limits. */
    public static PidfSchemaValidator withLimits(PidfReadLimits limits) {
        return new PidfSchemaValidator(Holder.SCHEMA, Objects.requireNonNull(limits, "limits"));
    }

    /** The input limits this validator reads with. */
    public PidfReadLimits limits() {
        return limits;
    }

    /** Validates a UTF-8 PIDF-LO document; never throws for a bad document. */
    public PidfValidationResult validate(byte[] document) {
        Objects.requireNonNull(document, "document");
        String text;
        try {
            text = SecureXml.check(document, limits);
        } catch (PidfReadException e) {
            return new PidfValidationResult.Refused(e.reason(), new Problem(e.line(), e.column(), e.getMessage()));
        }
        Collector collector = new Collector();
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            setRootLocale(validator);
            validator.setErrorHandler(collector);
            var reader = SecureXml.newSaxParserFactory().newSAXParser().getXMLReader();
            validator.validate(new SAXSource(reader, new InputSource(new StringReader(text))));
        } catch (SAXParseException e) {
            if (collector.problems.isEmpty()) {
                collector.add(e);
            }
        } catch (SAXException | IOException | ParserConfigurationException e) {
            collector.problems.add(new Problem(0, 0, String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            // the JDK's parsers do not always keep to their checked exceptions (see SecureXml.parserFailure)
            collector.problems.add(new Problem(0, 0, "the XML parser failed on this input (" + e.getClass().getSimpleName() + ")"));
        }
        return collector.problems.isEmpty()
                ? new PidfValidationResult.Valid()
                : new PidfValidationResult.Invalid(collector.problems);
    }

    /** Schema messages in the processor's base language, whatever the default locale. */
    private static void setRootLocale(Validator validator) {
        try {
            validator.setProperty(LOCALE_PROPERTY, Locale.ROOT);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            // another processor: its messages follow the default locale
        }
    }

    private static final class Collector implements ErrorHandler {
        private final List<Problem> problems = new ArrayList<>();

        void add(SAXParseException e) {
            problems.add(new Problem(Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()),
                    String.valueOf(e.getMessage())));
        }

        @Override
        public void warning(SAXParseException e) {
            // the JDK validator reports nothing a PIDF-LO producer can act on as a warning
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            add(e);
            if (problems.size() >= MAX_PROBLEMS) {
                throw e;
            }
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            add(e);
            throw e;
        }
    }

    private static final class Holder {
        static final Schema SCHEMA = compile();
        static final PidfSchemaValidator STANDARD = new PidfSchemaValidator(SCHEMA, PidfReadLimits.defaults());

        private static Schema compile() {
            try {
                return VendoredSchemas.compile();
            } catch (SAXException e) {
                throw new IllegalStateException("the vendored PIDF-LO schema set does not compile", e);
            }
        }
    }
}
