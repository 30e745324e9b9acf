package dev.e911.core.pidf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.core.pidf.PidfReadException.Reason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Found by the reliability suite's PIDF-LO fuzz (case 27 196 of a heavy run): a supplementary
 * character inside a DOCTYPE's internal subset makes the JDK 17 parser report an error whose message
 * key ({@code InvalidCharInDTD}) is missing from its resource bundle, so it throws
 * {@code MissingResourceException} instead of an {@code XMLStreamException}. The reader must still
 * answer with a typed refusal, and the schema validator with a result.
 */
@DisplayName("a parser crash inside the JDK becomes a typed refusal")
class PidfParserCrashRegressionTest {

    private static final byte[] DOC = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE presence [<!ENTI\uD800\uDC00TY x \"xx\">]>"
            + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:a@example.com\"/>").getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("reader: Refused(MALFORMED) naming the parser failure, not a MissingResourceException")
    void reader() {
        PidfReadResult result = PidfLoReader.standard().read(DOC);
        assertThat(result).isInstanceOf(PidfReadResult.Refused.class);
        PidfReadException refusal = ((PidfReadResult.Refused) result).refusal();
        assertThat(refusal.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(refusal.getMessage()).startsWith("MALFORMED").contains("parser failed");
    }

    @Test
    @DisplayName("schema validator: Refused(MALFORMED)")
    void validator() {
        PidfValidationResult result = PidfSchemaValidator.standard().validate(DOC);
        assertThat(result).isInstanceOf(PidfValidationResult.Refused.class);
        assertThat(((PidfValidationResult.Refused) result).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    @DisplayName("the same thread reads a valid document right after it")
    void readerRecovers() {
        PidfLoReader.standard().read(DOC);
        byte[] valid = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:a@example.com\"/>".getBytes(StandardCharsets.UTF_8);
        assertThat(PidfLoReader.standard().read(valid)).isInstanceOf(PidfReadResult.NoLocation.class);
    }
}
