package dev.e911.core.pidf;

import dev.e911.core.pidf.internal.Ns;
import dev.e911.core.pidf.internal.XmlEscaper;
import java.util.Objects;

/**
 * The content of a PIDF-LO {@code gp:provided-by} element: one element from a namespace other
 * than geopriv's (RFC 4119 registered a NENA data-provider schema for it) with a text value, e.g.
 * the carrier-assigned provider id. The writer renders it as
 * {@code <gp:provided-by><pb:localName xmlns:pb="namespace">value</pb:localName></gp:provided-by>};
 * the reader returns the first element inside {@code provided-by} with its whitespace-collapsed
 * text (nested children's text concatenated).
 *
 * @param namespace namespace URI of the element; not the geopriv namespace, which the schema forbids here
 * @param localName local name of the element, an XML NCName
 * @param value its text
 */
public record ProvidedBy(String namespace, String localName, String value) {

    /** Checks the namespace, the name and that the value is XML 1.0 text. */
    public ProvidedBy {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(localName, "localName");
        Objects.requireNonNull(value, "value");
        if (namespace.isEmpty() || namespace.equals(Ns.GP)) {
            throw new IllegalArgumentException("provided-by content needs a namespace other than geopriv's");
        }
        if (!Names.isNcName(localName)) {
            throw new IllegalArgumentException("provided-by element name must be an XML NCName");
        }
        XmlEscaper.requireLegal(namespace);
        XmlEscaper.requireLegal(value);
    }
}
