package dev.e911.core.pidf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

@DisplayName("VendoredSchemas")
class VendoredSchemasTest {

    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    @Test
    @DisplayName("maps the W3C xml.xsd URL, a namespace-only import and a relative GML include to vendored files")
    void resolvesByLocationAndNamespace() {
        assertThat(VendoredSchemas.resolve(XMLConstants.XML_NS_URI, "http://www.w3.org/2001/xml.xsd")).hasValue("xml.xsd");
        assertThat(VendoredSchemas.resolve("urn:ietf:params:xml:ns:pidf:geopriv10:basicPolicy", null))
                .hasValue("basicPolicy.xsd");
        assertThat(VendoredSchemas.resolve("http://www.opengis.net/gml", "measures.xsd")).hasValue("geoshape/measures.xsd");
        assertThat(VendoredSchemas.resolve("http://www.opengis.net/gml", "")).hasValue("geoshape/geometryPrimitives.xsd");
    }

    @Test
    @DisplayName("refuses a reference outside the set instead of letting the loader fetch it")
    void refusesUnknown() {
        assertThat(VendoredSchemas.resolve("urn:example", "http://evil.example/x.xsd")).isEmpty();
        assertThat(VendoredSchemas.resolve("urn:example", null)).isEmpty();
        LSResourceResolver resolver = VendoredSchemas.resolver();
        assertThatThrownBy(() -> resolver.resolveResource(XSD, "urn:example", null, "http://evil.example/x.xsd", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside the vendored set");
    }

    @Test
    @DisplayName("answers with the vendored bytes and a class-path system id")
    void answersFromClassPath() throws Exception {
        LSInput input = VendoredSchemas.resolver()
                .resolveResource(XSD, XMLConstants.XML_NS_URI, null, "http://www.w3.org/2001/xml.xsd", null);
        assertThat(input.getSystemId()).endsWith("/dev/e911/core/pidf/schemas/xml.xsd").doesNotStartWith("http");
        assertThat(new String(input.getByteStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("targetNamespace=\"http://www.w3.org/XML/1998/namespace\"");
    }

    @Test
    @DisplayName("compiles the set with every import and include answered by the resolver")
    void everyReferenceGoesThroughTheResolver() throws Exception {
        Set<String> resolved = ConcurrentHashMap.newKeySet();
        LSResourceResolver delegate = VendoredSchemas.resolver();
        LSResourceResolver recording = (type, ns, publicId, location, base) -> {
            resolved.add(VendoredSchemas.resolve(ns, location).orElseThrow());
            return delegate.resolveResource(type, ns, publicId, location, base);
        };
        assertThat(VendoredSchemas.compile(recording)).isNotNull();
        assertThat(resolved).contains("xml.xsd", "common-schema.xsd", "geoshape/geometryPrimitives.xsd",
                "geoshape/geometryBasic2d.xsd", "geoshape/geometryBasic0d1d.xsd", "geoshape/measures.xsd",
                "geoshape/gmlBase.xsd", "geoshape/basicTypes.xsd");
    }

    @Test
    @DisplayName("ships exactly the files SOURCES.md lists, with the SHA-256 it records, plus NOTICE")
    void filesMatchSourcesMd() throws Exception {
        Path root = Path.of(URI.create(VendoredSchemas.systemId("pidf.xsd"))).getParent();
        String sources = Files.readString(root.resolve("SOURCES.md"), StandardCharsets.UTF_8);
        Map<String, String> recorded = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^([0-9a-f]{64})  (\\S+\\.xsd)$").matcher(sources);
        while (m.find()) {
            recorded.put(m.group(2), m.group(1));
        }
        Map<String, String> shipped;
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> xsds = files.filter(p -> p.toString().endsWith(".xsd")).collect(Collectors.toList());
            shipped = new HashMap<>();
            for (Path p : xsds) {
                try (InputStream in = Files.newInputStream(p)) {
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
                    shipped.put(root.relativize(p).toString().replace('\\', '/'), HexFormat.of().formatHex(digest));
                }
            }
        }
        assertThat(recorded).hasSize(16);
        assertThat(shipped).isEqualTo(recorded);
        assertThat(shipped.keySet()).allSatisfy(path -> assertThat(
                VendoredSchemas.resolve(null, path.substring(path.lastIndexOf('/') + 1))).hasValue(path));
        assertThat(Files.readString(root.resolve("NOTICE"), StandardCharsets.UTF_8))
                .contains("IETF Trust", "Open Geospatial Consortium", "World Wide Web Consortium");
    }
}
