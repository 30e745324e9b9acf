package dev.e911.core.pidf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.e911.core.pidf.IllegalXmlCharacterException;
import dev.e911.core.pidf.PidfReadLimits;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

@Label("XmlEscaper")
class XmlEscaperTest {

    /** The XML 1.0 Char production, written independently of the code under test. */
    private static int firstIllegalByOracle(String s) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD
                    || (0x20 <= cp && cp <= 0xD7FF) || (0xE000 <= cp && cp <= 0xFFFD) || (0x10000 <= cp && cp <= 0x10FFFF);
            if (!legal) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    /** Escapes into a text node and an attribute, parses with the hardened reader, returns {text, attribute}. */
    private static String[] roundTrip(String s) throws Exception {
        StringBuilder doc = new StringBuilder("<r a=\"");
        XmlEscaper.appendAttribute(doc, s).append("\">");
        XmlEscaper.appendText(doc, s).append("</r>");
        XMLStreamReader reader = SecureXml.open(doc.toString().getBytes(StandardCharsets.UTF_8), PidfReadLimits.defaults());
        reader.nextTag();
        String attribute = reader.getAttributeValue(null, "a");
        return new String[] {reader.getElementText(), attribute};
    }

    @Provide
    Arbitrary<String> anyStrings() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("&", "<", ">", "\"", "'", "\r", "\n", "\t", "\r\n", " ", "  ", "]]>",
                        "&amp;", "&#x1;", "<![CDATA[", "-->", "\u00A0", "\u0085", "\u2028")),
                Tuple.of(4, Arbitraries.strings().alpha().numeric().ofMaxLength(4)),
                Tuple.of(3, Arbitraries.chars().range('\u0000', '\uFFFF').map(String::valueOf)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF).map(cp -> new String(Character.toChars(cp)))),
                Tuple.of(1, Arbitraries.of("\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u001F", "\uFFFE", "\uFFFF",
                        "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800")));
        return piece.list().ofMaxSize(16).map(parts -> String.join("", parts));
    }

    @Property
    @Label("escape, embed, parse with the hardened reader: the same text back, or a typed refusal naming the code point")
    void roundTripOrRefusal(@ForAll("anyStrings") String s) throws Exception {
        int illegal = firstIllegalByOracle(s);
        Statistics.label("legal").collect(illegal < 0);
        Statistics.label("legal").coverage(c -> {
            c.check(true).percentage(p -> p > 20);
            c.check(false).percentage(p -> p > 10);
        });
        if (illegal < 0) {
            String[] back = roundTrip(s);
            assertThat(back[0]).as("text").isEqualTo(s);
            assertThat(back[1]).as("attribute").isEqualTo(s);
        } else {
            StringBuilder out = new StringBuilder("<r>");
            assertThatThrownBy(() -> XmlEscaper.appendText(out, s))
                    .isInstanceOfSatisfying(IllegalXmlCharacterException.class, e -> {
                        assertThat(e.index()).isEqualTo(illegal);
                        assertThat(e.codePoint()).isEqualTo((int) s.charAt(illegal));
                        assertThat(e.getMessage()).contains(String.format(java.util.Locale.ROOT, "U+%04X", (int) s.charAt(illegal)));
                    });
            assertThat(out).as("output untouched on refusal").hasToString("<r>");
            assertThatThrownBy(() -> XmlEscaper.appendAttribute(new StringBuilder(), s))
                    .isInstanceOf(IllegalXmlCharacterException.class);
        }
    }

    @Property
    @Label("every legal BMP or supplementary code point survives the round trip")
    void everyLegalCodePoint(@ForAll("legalCodePoints") int cp) throws Exception {
        String s = "a" + new String(Character.toChars(cp)) + "b";
        assertThat(roundTrip(s)).containsExactly(s, s);
    }

    @Provide
    Arbitrary<Integer> legalCodePoints() {
        return Arbitraries.oneOf(Arbitraries.of(0x9, 0xA, 0xD, 0x20, 0xD7FF, 0xE000, 0xFFFD, 0x10000, 0x10FFFF),
                Arbitraries.integers().between(0x20, 0x10FFFF).filter(cp -> firstIllegalByOracle(new String(Character.toChars(cp))) < 0));
    }

    @Example
    @Label("escapes the five markup characters in both contexts")
    void fiveCharacters() {
        assertThat(XmlEscaper.appendText(new StringBuilder(), "a&b<c>d\"e'f]]>")).hasToString(
                "a&amp;b&lt;c&gt;d&quot;e&apos;f]]&gt;");
        assertThat(XmlEscaper.appendAttribute(new StringBuilder(), "a&b<c>d\"e'f")).hasToString(
                "a&amp;b&lt;c&gt;d&quot;e&apos;f");
    }

    @Example
    @Label("keeps tab and line feed in text but references them in attributes; always references carriage return")
    void whitespace() {
        assertThat(XmlEscaper.appendText(new StringBuilder(), "a\tb\nc\r\nd")).hasToString("a\tb\nc&#13;\nd");
        assertThat(XmlEscaper.appendAttribute(new StringBuilder(), "a\tb\nc\rd")).hasToString("a&#9;b&#10;c&#13;d");
    }

    @Example
    @Label("names the offending code point: controls, non-characters and unpaired surrogates")
    void refusals() {
        assertRefused("ok\u0007", 0x7, 2);
        assertRefused("\u0000", 0x0, 0);
        assertRefused("x\uFFFE", 0xFFFE, 1);
        assertRefused("\uFFFF", 0xFFFF, 0);
        assertRefused("ab\uD83D", 0xD83D, 2);
        assertRefused("\uDE91\uD83D", 0xDE91, 0);
        assertThatThrownBy(() -> XmlEscaper.requireLegal("\uD800x"))
                .hasMessage("U+D800 (unpaired surrogate) at index 0 is not allowed in XML 1.0");
        XmlEscaper.requireLegal("tab\tok \uD83D\uDE91");
    }

    private static void assertRefused(String s, int codePoint, int index) {
        assertThatThrownBy(() -> XmlEscaper.appendText(new StringBuilder(), s))
                .isInstanceOfSatisfying(IllegalXmlCharacterException.class, e -> {
                    assertThat(e.codePoint()).isEqualTo(codePoint);
                    assertThat(e.index()).isEqualTo(index);
                });
    }
}
