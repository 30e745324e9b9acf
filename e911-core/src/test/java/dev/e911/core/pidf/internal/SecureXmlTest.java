package dev.e911.core.pidf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.core.pidf.PidfReadException;
import dev.e911.core.pidf.PidfReadException.Reason;
import dev.e911.core.pidf.PidfReadLimits;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attack and limit suite. Inputs are sized so that a parser that expanded entities or
 * buffered without limits would need gigabytes or minutes; the refusal itself is the assertion.
 */
@DisplayName("SecureXml")
class SecureXmlTest {

    private static final PidfReadLimits DEFAULTS = PidfReadLimits.defaults();

    private static PidfReadException refusal(String doc) {
        return refusal(doc.getBytes(StandardCharsets.UTF_8), DEFAULTS);
    }

    private static PidfReadException refusal(byte[] doc, PidfReadLimits limits) {
        ThrowingCallable read = () -> SecureXml.check(doc, limits);
        assertThatThrownBy(read).isInstanceOf(PidfReadException.class);
        try {
            SecureXml.check(doc, limits);
        } catch (PidfReadException e) {
            return e;
        }
        throw new AssertionError("unreachable");
    }

    private static boolean anyConnection(ServerSocket server) throws Exception {
        server.setSoTimeout(200);
        try (var ignored = server.accept()) {
            return true;
        } catch (SocketTimeoutException expected) {
            return false;
        }
    }

    @Nested
    @DisplayName("refuses DTD attacks as DOCTYPE_REFUSED")
    class DtdAttacks {

        @Test
        @DisplayName("an external entity reading a local file, without leaking its content")
        void xxeFile(@TempDir Path dir) throws Exception {
            Path secret = dir.resolve("secret.txt");
            Files.writeString(secret, "TOP-SECRET-e911", StandardCharsets.UTF_8);
            String doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n<r>&x;</r>";
            PidfReadException e = refusal(doc);
            assertThat(e.reason()).isEqualTo(Reason.DOCTYPE_REFUSED);
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.getMessage()).doesNotContain("TOP-SECRET");
        }

        @Test
        @DisplayName("an external entity, parameter entity or DTD over http, without connecting")
        void xxeHttp() throws Exception {
            try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                String base = "http://127.0.0.1:" + server.getLocalPort();
                for (String doc : new String[] {
                    "<!DOCTYPE r [<!ENTITY x SYSTEM \"" + base + "/entity\">]><r>&x;</r>",
                    "<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + base + "/param\"> %p;]><r/>",
                    "<!DOCTYPE r SYSTEM \"" + base + "/external.dtd\"><r/>",
                    "<!DOCTYPE r PUBLIC \"-//e911//x\" \"" + base + "/public.dtd\"><r>&x;</r>",
                }) {
                    assertThat(refusal(doc).reason()).as(doc).isEqualTo(Reason.DOCTYPE_REFUSED);
                }
                assertThat(anyConnection(server)).as("parser connected out").isFalse();
            }
        }

        @Test
        @DisplayName("billion laughs (10^9 expansions from under 1 KB)")
        void billionLaughs() {
            StringBuilder doc = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
            for (int i = 1; i <= 9; i++) {
                doc.append("<!ENTITY lol").append(i).append(" \"")
                        .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
            }
            doc.append("]><lolz>&lol9;</lolz>");
            assertThat(refusal(doc.toString()).reason()).isEqualTo(Reason.DOCTYPE_REFUSED);
        }

        @Test
        @DisplayName("quadratic blowup (a 50 000-char entity referenced 4 000 times: 200 M chars)")
        void quadraticBlowup() {
            String doc = "<!DOCTYPE r [<!ENTITY a \"" + "x".repeat(50_000) + "\">]><r>" + "&a;".repeat(4_000) + "</r>";
            assertThat(doc.length()).isLessThan(DEFAULTS.maxBytes());
            assertThat(refusal(doc).reason()).isEqualTo(Reason.DOCTYPE_REFUSED);
        }
    }

    @Nested
    @DisplayName("enforces limits")
    class Limits {

        @Test
        @DisplayName("TOO_DEEP for 10 000 nested elements, at the first element past the limit")
        void deepNesting() {
            PidfReadException e = refusal("<a>".repeat(10_000));
            assertThat(e.reason()).isEqualTo(Reason.TOO_DEEP);
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(3 * (DEFAULTS.maxDepth() + 1) + 1);
        }

        @Test
        @DisplayName("TOO_DEEP for 100 000 levels even when the size limit is raised")
        void deepNestingLargeInput() {
            byte[] doc = ("<a>".repeat(100_000) + "</a>".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
            PidfReadLimits roomy = DEFAULTS.withMaxBytes(1 << 20);
            assertThat(refusal(doc, roomy).reason()).isEqualTo(Reason.TOO_DEEP);
        }

        @Test
        @DisplayName("nesting up to the limit is fine")
        void depthAtLimit() {
            String doc = "<a>".repeat(DEFAULTS.maxDepth()) + "</a>".repeat(DEFAULTS.maxDepth());
            assertThat(SecureXml.check(doc.getBytes(StandardCharsets.US_ASCII), DEFAULTS)).isEqualTo(doc);
        }

        @Test
        @DisplayName("ATTRIBUTE_TOO_LONG for a 60 000-char attribute")
        void hugeAttribute() {
            assertThat(refusal("<r a=\"" + "x".repeat(60_000) + "\"/>").reason()).isEqualTo(Reason.ATTRIBUTE_TOO_LONG);
        }

        @Test
        @DisplayName("ATTRIBUTE_TOO_LONG for a namespace URI over the configured length")
        void longNamespace() {
            PidfReadLimits small = new PidfReadLimits(1 << 16, 8, 64, 8, 100, 100);
            byte[] doc = ("<r xmlns=\"urn:" + "x".repeat(500) + "\"/>").getBytes(StandardCharsets.US_ASCII);
            assertThat(refusal(doc, small).reason()).isEqualTo(Reason.ATTRIBUTE_TOO_LONG);
        }

        @ParameterizedTest
        @ValueSource(strings = {"<r xmlns=\"urn:%s\"/>", "<r%s/>", "<r a%s='1'/>"})
        @DisplayName("PARSER_LIMIT when the JDK's own name limits refuse a 5 000-char namespace URI or a 60 000-char name first")
        void jdkLimits(String template) {
            String filler = "x".repeat(template.contains("xmlns") ? 5_000 : 60_000);
            assertThat(refusal(String.format(java.util.Locale.ROOT, template, filler)).reason()).isEqualTo(Reason.PARSER_LIMIT);
        }

        @Test
        @DisplayName("ATTRIBUTE_TOO_LONG from the pre-scan for a namespace URI whose source is over 8× the attribute limit")
        void hugeNamespaceUri() {
            assertThat(refusal("<r xmlns=\"urn:" + "x".repeat(60_000) + "\"/>").reason()).isEqualTo(Reason.ATTRIBUTE_TOO_LONG);
        }

        @Test
        @DisplayName("TOO_MANY_ATTRIBUTES for 40 attributes and namespace declarations on one element")
        void manyAttributes() {
            StringBuilder doc = new StringBuilder("<r");
            for (int i = 0; i < 20; i++) {
                doc.append(" a").append(i).append("='v' xmlns:p").append(i).append("='urn:x:").append(i).append('\'');
            }
            assertThat(refusal(doc.append("/>").toString()).reason()).isEqualTo(Reason.TOO_MANY_ATTRIBUTES);
        }

        @Test
        @DisplayName("TOO_MANY_ELEMENTS for 5 000 siblings")
        void manyElements() {
            assertThat(refusal("<r>" + "<a/>".repeat(5_000) + "</r>").reason()).isEqualTo(Reason.TOO_MANY_ELEMENTS);
        }

        @ParameterizedTest
        @ValueSource(strings = {"<r>%s</r>", "<r><![CDATA[%s]]></r>", "<r><!--%s--></r>", "<r><?pi %s?></r>"})
        @DisplayName("TEXT_TOO_LONG for 60 000 chars of text, CDATA, comment or PI data")
        void longText(String template) {
            assertThat(refusal(String.format(java.util.Locale.ROOT, template, "x".repeat(60_000))).reason())
                    .isEqualTo(Reason.TEXT_TOO_LONG);
        }

        @Test
        @DisplayName("TEXT_TOO_LONG when many small text chunks add up inside getElementText")
        void longCoalescedElementText() throws Exception {
            PidfReadLimits small = new PidfReadLimits(1 << 16, 8, 64, 8, 64, 100);
            XMLStreamReader reader = SecureXml.open(("<r>" + "x".repeat(60) + "<!-- c -->" + "y".repeat(60) + "</r>")
                    .getBytes(StandardCharsets.US_ASCII), small);
            reader.nextTag();
            assertThatThrownBy(reader::getElementText).isInstanceOfSatisfying(PidfReadException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.TEXT_TOO_LONG));
        }

        @Test
        @DisplayName("TOO_LARGE one byte over the limit, before parsing anything")
        void oversize() {
            byte[] doc = new byte[DEFAULTS.maxBytes() + 1];
            java.util.Arrays.fill(doc, (byte) '<');
            PidfReadException e = refusal(doc, DEFAULTS);
            assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(e.getMessage()).contains(String.valueOf(DEFAULTS.maxBytes() + 1));
        }

        @Test
        @DisplayName("exactly at the size limit is read")
        void atSizeLimit() {
            byte[] doc = ("<r/>" + " ".repeat(DEFAULTS.maxBytes() - 4)).getBytes(StandardCharsets.US_ASCII);
            assertThat(doc).hasSize(DEFAULTS.maxBytes());
            assertThat(SecureXml.check(doc, DEFAULTS)).startsWith("<r/>");
        }

        @Test
        @DisplayName("limits must be positive")
        void limitsArePositive() {
            assertThatThrownBy(() -> DEFAULTS.withMaxBytes(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxBytes");
            assertThatThrownBy(() -> DEFAULTS.withMaxDepth(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxDepth");
        }
    }

    @Nested
    @DisplayName("refuses bad characters and encodings")
    class Characters {

        @Test
        @DisplayName("ILLEGAL_CHARACTER for a raw control character, naming it and where")
        void rawControl() {
            PidfReadException e = refusal("<r>\n  ok\u0001</r>");
            assertThat(e.reason()).isEqualTo(Reason.ILLEGAL_CHARACTER);
            assertThat(e.getMessage()).contains("U+0001");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(5);
        }

        @ParameterizedTest
        @ValueSource(strings = {"<r>&#1;</r>", "<r>&#x1F;</r>", "<r a='&#xFFFE;'/>", "<r>&#xD800;</r>",
            "<r>&#0;</r>", "<r>&#x110000;</r>"})
        @DisplayName("ILLEGAL_CHARACTER for a character reference to a character XML 1.0 forbids")
        void illegalReference(String doc) {
            PidfReadException e = refusal(doc);
            assertThat(e.reason()).isEqualTo(Reason.ILLEGAL_CHARACTER);
            assertThat(e.getMessage()).contains("character reference");
        }

        @Test
        @DisplayName("ILLEGAL_CHARACTER for U+FFFF encoded in UTF-8")
        void nonCharacter() {
            assertThat(refusal("<r>\uFFFF</r>").getMessage()).contains("U+FFFF");
        }

        @Test
        @DisplayName("ENCODING_REFUSED for malformed UTF-8 and for UTF-8-encoded surrogates")
        void malformedUtf8() {
            byte[] bad = {'<', 'r', '>', (byte) 0xC3, '(', '<', '/', 'r', '>'};
            assertThat(refusal(bad, DEFAULTS).reason()).isEqualTo(Reason.ENCODING_REFUSED);
            byte[] cesu = {'<', 'r', '>', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '<', '/', 'r', '>'};
            assertThat(refusal(cesu, DEFAULTS).reason()).isEqualTo(Reason.ENCODING_REFUSED);
        }

        @Test
        @DisplayName("ENCODING_REFUSED for UTF-16 and for a declared non-UTF-8 encoding")
        void notUtf8() {
            assertThat(refusal("<r/>".getBytes(StandardCharsets.UTF_16), DEFAULTS).reason())
                    .isEqualTo(Reason.ENCODING_REFUSED);
            assertThat(refusal("<r/>".getBytes(StandardCharsets.UTF_16LE), DEFAULTS).reason())
                    .isEqualTo(Reason.ENCODING_REFUSED);
            assertThat(refusal("<?xml version='1.0' encoding='ISO-8859-1'?><r/>").reason())
                    .isEqualTo(Reason.ENCODING_REFUSED);
        }

        @Test
        @DisplayName("XML_VERSION_REFUSED for XML 1.1, which would admit control characters")
        void xml11() {
            assertThat(refusal("<?xml version='1.1'?><r>&#1;</r>").reason()).isEqualTo(Reason.XML_VERSION_REFUSED);
        }

        @Test
        @DisplayName("accepts a UTF-8 byte order mark, a declared utf-8 and supplementary characters")
        void utf8Variants() throws Exception {
            byte[] body = "<?xml version='1.0' encoding='utf-8'?><r>\uD83D\uDE91 caf\u00E9</r>".getBytes(StandardCharsets.UTF_8);
            byte[] doc = new byte[body.length + 3];
            doc[0] = (byte) 0xEF;
            doc[1] = (byte) 0xBB;
            doc[2] = (byte) 0xBF;
            System.arraycopy(body, 0, doc, 3, body.length);
            XMLStreamReader reader = SecureXml.open(doc, DEFAULTS);
            reader.nextTag();
            assertThat(reader.getElementText()).isEqualTo("\uD83D\uDE91 caf\u00E9");
        }
    }

    @Nested
    @DisplayName("refuses malformed XML as MALFORMED")
    class Malformed {

        @ParameterizedTest
        @ValueSource(strings = {"", "<r>", "<r></s>", "<r/><r/>", "text", "<p:r/>", "<r>&undeclared;</r>",
            "<r a='1' a='2'/>", "<r xmlns:p='urn:x' p:a='1' p:a='2'/>", "<r>\n<a>\n</r>"})
        void malformed(String doc) {
            PidfReadException e = refusal(doc);
            assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
            assertThat(e.getMessage()).startsWith("MALFORMED").doesNotContain("ParseError at");
        }

        @Test
        @DisplayName("with the line of the error")
        void lineOfError() {
            assertThat(refusal("<r>\n<a>\n</r>").line()).isEqualTo(3);
        }
    }

    @Nested
    @DisplayName("reads well-formed documents")
    class Reads {

        @Test
        @DisplayName("namespace-aware, coalescing text, CDATA and references, skipping comments in nextTag")
        void namespaceAwareAndCoalescing() throws Exception {
            String doc = "<x:r xmlns:x='urn:ietf:params:xml:ns:pidf'><!-- c --><?pi d?>\n"
                    + "  <x:a b='&amp;&#x41;'>one &lt;<![CDATA[two <]]> &#x1F691;</x:a></x:r>";
            XMLStreamReader reader = SecureXml.open(doc.getBytes(StandardCharsets.UTF_8), DEFAULTS);
            assertThat(reader.nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
            assertThat(reader.getNamespaceURI()).isEqualTo("urn:ietf:params:xml:ns:pidf");
            assertThat(reader.nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
            assertThat(reader.getLocalName()).isEqualTo("a");
            assertThat(reader.getAttributeValue(null, "b")).isEqualTo("&A");
            assertThat(reader.getElementText()).isEqualTo("one <two < \uD83D\uDE91");
            assertThat(reader.nextTag()).isEqualTo(XMLStreamConstants.END_ELEMENT);
        }

        @Test
        @DisplayName("nextTag refuses non-whitespace text")
        void nextTagRejectsText() throws Exception {
            XMLStreamReader reader = SecureXml.open("<r>text<a/></r>".getBytes(StandardCharsets.UTF_8), DEFAULTS);
            reader.nextTag();
            assertThatThrownBy(reader::nextTag).isInstanceOf(javax.xml.stream.XMLStreamException.class);
        }

        @Test
        @DisplayName("getElementText refuses a child element")
        void elementTextRejectsChild() throws Exception {
            XMLStreamReader reader = SecureXml.open("<r>a<b/></r>".getBytes(StandardCharsets.UTF_8), DEFAULTS);
            reader.nextTag();
            assertThatThrownBy(reader::getElementText).isInstanceOf(javax.xml.stream.XMLStreamException.class);
        }
    }
}
