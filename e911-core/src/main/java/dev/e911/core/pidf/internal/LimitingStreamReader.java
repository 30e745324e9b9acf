package dev.e911.core.pidf.internal;

import dev.e911.core.pidf.PidfReadException;
import dev.e911.core.pidf.PidfReadException.Reason;
import dev.e911.core.pidf.PidfReadLimits;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Enforces {@link PidfReadLimits} and refuses DOCTYPEs event by event, and turns every parser
 * error into a {@link PidfReadException}. {@code nextTag} and {@code getElementText} are
 * re-implemented on top of {@link #next()} so no event escapes the checks. At END_DOCUMENT the
 * underlying reader is closed, which lets {@link SecureXml}'s per-thread factory reuse it; every
 * refusal makes {@link SecureXml} drop that factory instead.
 */
final class LimitingStreamReader extends StreamReaderDelegate {

    private final String text;
    private final PidfReadLimits limits;
    private int depth;
    private int elements;

    LimitingStreamReader(XMLStreamReader reader, String text, PidfReadLimits limits) {
        super(reader);
        this.text = text;
        this.limits = limits;
    }

    @Override
    public int next() {
        int event;
        try {
            event = super.next();
        } catch (XMLStreamException e) {
            SecureXml.dropCachedReader();
            throw SecureXml.translate(e, text);
        } catch (PidfReadException e) {
            SecureXml.dropCachedReader();
            throw e;
        } catch (RuntimeException e) {
            SecureXml.dropCachedReader();
            throw SecureXml.parserFailure(e);
        }
        switch (event) {
            case XMLStreamConstants.DTD -> throw refuse(Reason.DOCTYPE_REFUSED,
                    "a document type declaration is not allowed in a PIDF-LO document");
            case XMLStreamConstants.ENTITY_REFERENCE -> throw refuse(Reason.MALFORMED,
                    "entity reference '" + getLocalName() + "' is not allowed");
            case XMLStreamConstants.START_ELEMENT -> checkStartElement();
            case XMLStreamConstants.END_ELEMENT -> depth--;
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                    XMLStreamConstants.COMMENT -> checkText(getTextLength());
            case XMLStreamConstants.PROCESSING_INSTRUCTION -> checkText(getPIData() == null ? 0 : getPIData().length());
            case XMLStreamConstants.END_DOCUMENT -> release();
            default -> {
                // START_DOCUMENT, END_DOCUMENT, ATTRIBUTE, NAMESPACE: nothing to bound
            }
        }
        return event;
    }

    @Override
    public boolean hasNext() {
        try {
            return super.hasNext();
        } catch (XMLStreamException e) {
            SecureXml.dropCachedReader();
            throw SecureXml.translate(e, text);
        } catch (RuntimeException e) {
            SecureXml.dropCachedReader();
            throw SecureXml.parserFailure(e);
        }
    }

    /** Marks the underlying reader reusable; its events stay readable until the thread's next read. */
    private void release() {
        try {
            super.close();
        } catch (XMLStreamException e) {
            SecureXml.dropCachedReader();
        }
    }

    private void checkStartElement() {
        if (++depth > limits.maxDepth()) {
            throw refuse(Reason.TOO_DEEP, "elements nested deeper than " + limits.maxDepth());
        }
        if (++elements > limits.maxElements()) {
            throw refuse(Reason.TOO_MANY_ELEMENTS, "more than " + limits.maxElements() + " elements");
        }
        int attributes = getAttributeCount();
        int namespaces = getNamespaceCount();
        if (attributes + namespaces > limits.maxAttributes()) {
            throw refuse(Reason.TOO_MANY_ATTRIBUTES,
                    "more than " + limits.maxAttributes() + " attributes and namespace declarations on one element");
        }
        for (int i = 0; i < attributes; i++) {
            if (getAttributeValue(i).length() > limits.maxAttributeLength()) {
                throw refuse(Reason.ATTRIBUTE_TOO_LONG, "attribute '" + getAttributeLocalName(i)
                        + "' is longer than " + limits.maxAttributeLength() + " characters");
            }
        }
        for (int i = 0; i < namespaces; i++) {
            String uri = getNamespaceURI(i);
            if (uri != null && uri.length() > limits.maxAttributeLength()) {
                throw refuse(Reason.ATTRIBUTE_TOO_LONG,
                        "namespace URI is longer than " + limits.maxAttributeLength() + " characters");
            }
        }
    }

    private void checkText(int length) {
        if (length > limits.maxTextLength()) {
            throw refuse(Reason.TEXT_TOO_LONG, "character data longer than " + limits.maxTextLength() + " characters");
        }
    }

    private PidfReadException refuse(Reason reason, String detail) {
        SecureXml.dropCachedReader();
        Location at = getLocation();
        return new PidfReadException(reason, detail, at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber());
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == XMLStreamConstants.CHARACTERS && isWhiteSpace()
                || event == XMLStreamConstants.CDATA && isWhiteSpace()
                || event == XMLStreamConstants.SPACE
                || event == XMLStreamConstants.COMMENT
                || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new XMLStreamException("expected a start or end tag", getLocation());
        }
        return event;
    }

    @Override
    public String getElementText() throws XMLStreamException {
        if (getEventType() != XMLStreamConstants.START_ELEMENT) {
            throw new XMLStreamException("not positioned on a start tag", getLocation());
        }
        StringBuilder content = new StringBuilder();
        for (int event = next(); event != XMLStreamConstants.END_ELEMENT; event = next()) {
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    content.append(getTextCharacters(), getTextStart(), getTextLength());
                    if (content.length() > limits.maxTextLength()) {
                        throw refuse(Reason.TEXT_TOO_LONG,
                                "character data longer than " + limits.maxTextLength() + " characters");
                    }
                }
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    // skipped, as the StAX contract says
                }
                default -> throw new XMLStreamException("expected text only inside the element", getLocation());
            }
        }
        return content.toString();
    }
}
