package dev.e911.core.pidf.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official PIDF-LO schema set shipped under {@code dev/e911/core/pidf/schemas/} and its
 * compilation. Every {@code import}/{@code include} is answered from the class path — by the
 * file name of its {@code schemaLocation}, or by namespace when it has none (RFC 4119's
 * basicPolicy import) — and any other reference is an error, so compiling never reaches for
 * the network even though {@code ACCESS_EXTERNAL_SCHEMA} is also closed.
 */
public final class VendoredSchemas {

    /** Class-path folder of the schema set. */
    public static final String ROOT = "/dev/e911/core/pidf/schemas/";

    /** The schema documents handed to the factory; the rest arrive through imports and includes. */
    public static final List<String> ENTRY_POINTS = List.of("pidf.xsd", "data-model.xsd", "geopriv10.xsd",
            "basicPolicy.xsd", "civicAddr.xsd", "civicAddr-ext.xsd", "confidence.xsd",
            "geoshape/GML-pidf-lo-shape.xsd");

    private static final Map<String, String> BY_FILE_NAME = Map.ofEntries(
            Map.entry("pidf.xsd", "pidf.xsd"),
            Map.entry("common-schema.xsd", "common-schema.xsd"),
            Map.entry("data-model.xsd", "data-model.xsd"),
            Map.entry("geopriv10.xsd", "geopriv10.xsd"),
            Map.entry("basicPolicy.xsd", "basicPolicy.xsd"),
            Map.entry("civicAddr.xsd", "civicAddr.xsd"),
            Map.entry("civicAddr-ext.xsd", "civicAddr-ext.xsd"),
            Map.entry("confidence.xsd", "confidence.xsd"),
            Map.entry("xml.xsd", "xml.xsd"),
            Map.entry("GML-pidf-lo-shape.xsd", "geoshape/GML-pidf-lo-shape.xsd"),
            Map.entry("geometryPrimitives.xsd", "geoshape/geometryPrimitives.xsd"),
            Map.entry("geometryBasic2d.xsd", "geoshape/geometryBasic2d.xsd"),
            Map.entry("geometryBasic0d1d.xsd", "geoshape/geometryBasic0d1d.xsd"),
            Map.entry("measures.xsd", "geoshape/measures.xsd"),
            Map.entry("gmlBase.xsd", "geoshape/gmlBase.xsd"),
            Map.entry("basicTypes.xsd", "geoshape/basicTypes.xsd"));

    private static final Map<String, String> BY_NAMESPACE = Map.of(
            "urn:ietf:params:xml:ns:pidf", "pidf.xsd",
            "urn:ietf:params:xml:ns:pidf:data-model", "data-model.xsd",
            "urn:ietf:params:xml:ns:pidf:geopriv10", "geopriv10.xsd",
            "urn:ietf:params:xml:ns:pidf:geopriv10:basicPolicy", "basicPolicy.xsd",
            "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr", "civicAddr.xsd",
            "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr:ext", "civicAddr-ext.xsd",
            "urn:ietf:params:xml:ns:geopriv:conf", "confidence.xsd",
            XMLConstants.XML_NS_URI, "xml.xsd",
            "http://www.opengis.net/pidflo/1.0", "geoshape/GML-pidf-lo-shape.xsd",
            "http://www.opengis.net/gml", "geoshape/geometryPrimitives.xsd");

    private VendoredSchemas() {
    }

    /** Compiles the whole set (GML strict) with a fail-fast handler: any error or warning aborts. */
    public static Schema compile() throws SAXException {
        return compile(resolver());
    }

    static Schema compile(LSResourceResolver resolver) throws SAXException {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setResourceResolver(resolver);
        factory.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        Source[] sources = ENTRY_POINTS.stream()
                .map(path -> new StreamSource(new ByteArrayInputStream(bytes(path)), systemId(path)))
                .toArray(Source[]::new);
        return factory.newSchema(sources);
    }

    /**
     * The vendored path (relative to {@link #ROOT}) for a reference: by the last segment of
     * {@code schemaLocation} when there is one, else by namespace; empty when neither is known.
     */
    public static Optional<String> resolve(String namespace, String schemaLocation) {
        if (schemaLocation != null && !schemaLocation.isEmpty()) {
            String name = schemaLocation.substring(schemaLocation.lastIndexOf('/') + 1);
            return Optional.ofNullable(BY_FILE_NAME.get(name));
        }
        return Optional.ofNullable(namespace == null ? null : BY_NAMESPACE.get(namespace));
    }

    /** A resolver that answers from the class path and throws for anything it does not ship. */
    public static LSResourceResolver resolver() {
        return (type, namespace, publicId, schemaLocation, baseUri) -> {
            String path = resolve(namespace, schemaLocation).orElseThrow(() -> new IllegalStateException(
                    "schema reference outside the vendored set: namespace=" + namespace
                            + " schemaLocation=" + schemaLocation));
            return new ClassPathInput(publicId, systemId(path), baseUri, bytes(path));
        };
    }

    /** The URL of a vendored schema, used as its system id so relative locations and de-duplication work. */
    public static String systemId(String path) {
        URL url = VendoredSchemas.class.getResource(ROOT + path);
        if (url == null) {
            throw new IllegalStateException("vendored schema missing from the class path: " + ROOT + path);
        }
        return url.toExternalForm();
    }

    private static byte[] bytes(String path) {
        try (InputStream in = VendoredSchemas.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("vendored schema missing from the class path: " + ROOT + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The minimal {@link LSInput} the JDK schema loader needs: a byte stream plus ids. */
    private static final class ClassPathInput implements LSInput {
        private String publicId;
        private String systemId;
        private String baseUri;
        private InputStream byteStream;

        ClassPathInput(String publicId, String systemId, String baseUri, byte[] bytes) {
            this.publicId = publicId;
            this.systemId = systemId;
            this.baseUri = baseUri;
            this.byteStream = new ByteArrayInputStream(bytes);
        }

        @Override
        public Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(Reader characterStream) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream getByteStream() {
            return byteStream;
        }

        @Override
        public void setByteStream(InputStream byteStream) {
            this.byteStream = byteStream;
        }

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String stringData) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public void setSystemId(String systemId) {
            this.systemId = systemId;
        }

        @Override
        public String getPublicId() {
            return publicId;
        }

        @Override
        public void setPublicId(String publicId) {
            this.publicId = publicId;
        }

        @Override
        public String getBaseURI() {
            return baseUri;
        }

        @Override
        public void setBaseURI(String baseUri) {
            this.baseUri = baseUri;
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
            throw new UnsupportedOperationException();
        }
    }
}
