package dev.e911.core.pidf.internal;

import dev.e911.core.pidf.PidfReadException;
import dev.e911.core.pidf.PidfReadLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small namespace-aware element tree read through {@link SecureXml#open}, so every limit and
 * refusal of the hardened reader applies (the tree can never be larger than
 * {@link PidfReadLimits#maxElements()} elements). Names are namespace URI + local name; prefixes
 * are not kept. Comments and processing instructions are dropped; text is kept per element.
 */
public final class XmlTree {

    private XmlTree() {
    }

    /** One element: its name, attributes, child elements and the text directly inside it. */
    public static final class Element {
        private final String namespace;
        private final String localName;
        private final List<String[]> attributes;
        private final List<Element> children = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        Element(String namespace, String localName, List<String[]> attributes) {
            this.namespace = namespace;
            this.localName = localName;
            this.attributes = attributes;
        }

        /** The namespace URI, empty for none. */
        public String namespace() {
            return namespace;
        }

        /** The local name. */
        public String localName() {
            return localName;
        }

        /** Whether this element has the given namespace URI and local name. */
        public boolean is(String ns, String local) {
            return namespace.equals(ns) && localName.equals(local);
        }

        /** The child elements in document order. */
        public List<Element> children() {
            return children;
        }

        /** The first child with this name. */
        public Optional<Element> child(String ns, String local) {
            for (Element c : children) {
                if (c.is(ns, local)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }

        /** Every child with this name, in document order. */
        public List<Element> childrenNamed(String ns, String local) {
            List<Element> out = new ArrayList<>();
            for (Element c : children) {
                if (c.is(ns, local)) {
                    out.add(c);
                }
            }
            return out;
        }

        /** The value of the attribute with this namespace URI (empty for none) and local name. */
        public Optional<String> attribute(String ns, String local) {
            for (String[] a : attributes) {
                if (a[0].equals(ns) && a[1].equals(local)) {
                    return Optional.of(a[2]);
                }
            }
            return Optional.empty();
        }

        /** The character data directly inside this element (not its descendants), as parsed. */
        public String text() {
            return text.toString();
        }

        /** The character data of this element and all its descendants, in document order. */
        public String deepText() {
            StringBuilder out = new StringBuilder();
            appendDeep(out);
            return out.toString();
        }

        private void appendDeep(StringBuilder out) {
            out.append(text);
            for (Element c : children) {
                c.appendDeep(out);
            }
        }
    }

    /**
     * Parses a document into a tree.
     *
     * @throws PidfReadException for anything the hardened reader refuses
     */
    public static Element parse(byte[] document, PidfReadLimits limits) {
        XMLStreamReader r = SecureXml.open(document, limits);
        List<Element> stack = new ArrayList<>();
        Element root = null;
        while (hasNext(r)) {
            int event = next(r);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    int n = r.getAttributeCount();
                    List<String[]> attrs = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        String ns = r.getAttributeNamespace(i);
                        attrs.add(new String[] {ns == null ? "" : ns, r.getAttributeLocalName(i), r.getAttributeValue(i)});
                    }
                    String ns = r.getNamespaceURI();
                    Element e = new Element(ns == null ? "" : ns, r.getLocalName(), attrs);
                    if (stack.isEmpty()) {
                        root = e;
                    } else {
                        stack.get(stack.size() - 1).children.add(e);
                    }
                    stack.add(e);
                }
                case XMLStreamConstants.END_ELEMENT -> stack.remove(stack.size() - 1);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!stack.isEmpty()) {
                        Element top = stack.get(stack.size() - 1);
                        top.text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                }
                default -> {
                    // document, comment and PI events carry nothing we keep
                }
            }
        }
        if (root == null) {
            throw new PidfReadException(PidfReadException.Reason.MALFORMED, "no root element", 0, 0);
        }
        return root;
    }

    // the reader from SecureXml.open translates every parser error into a PidfReadException itself
    private static boolean hasNext(XMLStreamReader r) {
        try {
            return r.hasNext();
        } catch (XMLStreamException e) {
            throw new PidfReadException(PidfReadException.Reason.MALFORMED, "not well-formed", 0, 0);
        }
    }

    private static int next(XMLStreamReader r) {
        try {
            return r.next();
        } catch (XMLStreamException e) {
            throw new PidfReadException(PidfReadException.Reason.MALFORMED, "not well-formed", 0, 0);
        }
    }

    /** Collapses whitespace as {@code xs:token} does: trimmed, inner runs of space/tab/CR/LF become one space. */
    public static String collapse(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean pending = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pending = out.length() > 0;
            } else {
                if (pending) {
                    out.append(' ');
                    pending = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
