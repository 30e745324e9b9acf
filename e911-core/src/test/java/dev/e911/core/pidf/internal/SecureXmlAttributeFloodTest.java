package dev.e911.core.pidf.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.e911.core.pidf.PidfReadException;
import dev.e911.core.pidf.PidfReadException.Reason;
import dev.e911.core.pidf.PidfReadLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The JDK parser binds namespace declarations in quadratic time (found by the reliability suite's
 * hostile catalogue: 5 000 declarations on one tag took tens of milliseconds), so a flood of
 * attributes is refused by a linear pre-scan before the parser reads the tag. Observable without
 * timing: the refusal points at the tag's {@code <}, and comes even when the tag is never closed.
 */
@DisplayName("SecureXml attribute-flood pre-scan")
class SecureXmlAttributeFloodTest {

    private static final PidfReadLimits DEFAULTS = PidfReadLimits.defaults();

    private static String namespaceFlood(int count) {
        StringBuilder tag = new StringBuilder("<a");
        for (int i = 0; i < count; i++) {
            tag.append(" xmlns:p").append(i).append("=\"u\"");
        }
        return tag.toString();
    }

    private static PidfReadException refusal(String doc) {
        return catchThrowableOfType(PidfReadException.class,
                () -> SecureXml.check(doc.getBytes(StandardCharsets.UTF_8), DEFAULTS));
    }

    @Test
    @DisplayName("4 000 namespace declarations (~60 KB): TOO_MANY_ATTRIBUTES at the tag's '<' (line 2, column 3), before the parser reads the tag")
    void namespaceFloodRefusedAtTheTag() {
        PidfReadException e = refusal("<r>\n  " + namespaceFlood(4_000) + "/>\n</r>");
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ATTRIBUTES);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
    }

    @Test
    @DisplayName("the flood is refused as TOO_MANY_ATTRIBUTES even when the tag is never closed (the parser would say MALFORMED)")
    void refusedBeforeTheParserSeesTheEnd() {
        PidfReadException e = refusal("<r>" + namespaceFlood(40));
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ATTRIBUTES);
        assertThat(e.column()).isEqualTo(4);
    }

    @Test
    @DisplayName("'=' in text, comments, CDATA, processing instructions and quoted values is not counted")
    void noFalsePositives() {
        String many = "=".repeat(100);
        String doc = "<?xml version=\"1.0\"?><?pi " + many + "?><!-- " + many + " --><r a=\"" + many + "\" b='>" + many
                + "'>" + many + "<![CDATA[" + many + "]]><s c=\"1\" d=\"2\"/>" + many + "</r>";
        assertThat(SecureXml.check(doc.getBytes(StandardCharsets.UTF_8), DEFAULTS)).isEqualTo(doc);
    }

    @Test
    @DisplayName("exactly the limit passes, one more is refused")
    void boundary() {
        PidfReadLimits limits = DEFAULTS;
        String atLimit = namespaceFlood(limits.maxAttributes()) + "/>";
        assertThat(SecureXml.check(atLimit.getBytes(StandardCharsets.UTF_8), limits)).isEqualTo(atLimit);
        assertThat(refusal(namespaceFlood(limits.maxAttributes() + 1) + "/>").reason()).isEqualTo(Reason.TOO_MANY_ATTRIBUTES);
    }

    @Test
    @DisplayName("an attribute whose source text is over 8× the value limit (12 000 '&lt;') is ATTRIBUTE_TOO_LONG from the pre-scan, even unclosed; 2 048 '&amp;' still reads")
    void hugeAttributeSourceRefusedBeforeTheParser() {
        // unclosed tag: only the pre-scan can say ATTRIBUTE_TOO_LONG here (the parser would say MALFORMED)
        PidfReadException e = refusal("<r>\n<a x=\"" + "&lt;".repeat(12_000) + "\"");
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.ATTRIBUTE_TOO_LONG);
        assertThat(e.line()).isEqualTo(2);
        assertThat(refusal("<r a=\"" + "&amp;".repeat(DEFAULTS.maxAttributeLength()) + "\"/>")).isNull();
    }
}
