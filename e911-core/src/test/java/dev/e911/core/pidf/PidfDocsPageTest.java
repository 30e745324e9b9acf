package dev.e911.core.pidf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.address.GeoPoint;
import dev.e911.core.sip.SipLocationBody;
import dev.e911.core.sip.SipLocationConveyance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The samples in docs/pidf-lo.md are produced here, so the page cannot drift from the code. */
class PidfDocsPageTest {

    static final Path PAGE = Path.of("../docs/pidf-lo.md");

    static PidfLoWriter writer() {
        return PidfLoWriter.builder("contact.example.com")
                .deviceForm("urn:uuid:6f1c0b7e-9a1d-4c7e-8a55-2f6e1f6d2b10")
                .retention(Duration.ofHours(24))
                .language("en-US")
                .build();
    }

    static DispatchableAddress address() {
        return DispatchableAddress.builder("US").state("CA").city("San Francisco").preDirectional("North")
                .streetName("Point").streetSuffix("Street").houseNumber("1200").floor("3").unit("Suite 310")
                .postalCode("94133-1234").point(new GeoPoint(37.80508, -122.4172, 35)).build();
    }

    static byte[] sample() {
        // docs:writer-start
        PidfLoWriter writer = PidfLoWriter.builder("contact.example.com")
                .deviceForm("urn:uuid:6f1c0b7e-9a1d-4c7e-8a55-2f6e1f6d2b10")
                .retention(Duration.ofHours(24))
                .language("en-US")
                .build();
        PreRenderedPidf template = writer.preRender("agent417", address(), LocationMethod.MANUAL); // once per location change
        byte[] pidfLo = template.render(Instant.parse("2026-11-25T16:00:00Z").toEpochMilli());      // per call
        // docs:writer-end
        return pidfLo;
    }

    /** Writes what the page must contain to target/docs-samples/, so the page is easy to update. */
    static String expect(String name, String block) throws IOException {
        Path dir = Path.of("target", "docs-samples");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), block, StandardCharsets.UTF_8);
        return block;
    }

    static String page() throws IOException {
        return Files.readString(PAGE, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("the page shows the document the writer produces, byte for byte")
    void sampleDocument() throws IOException {
        byte[] doc = sample();
        assertThat(doc).isEqualTo(writer().write("agent417", address(), LocationMethod.MANUAL, Instant.parse("2026-11-25T16:00:00Z")));
        assertThat(PidfSchemaValidator.standard().validate(doc).isValid()).isTrue();
        assertThat(page()).contains(expect("document.md", "```xml\n" + new String(doc, StandardCharsets.UTF_8) + "```\n"));
    }

    @Test
    @DisplayName("the page shows the headers and multipart body the conveyance composes")
    void sampleMessage() throws IOException {
        SipLocationBody body = SipLocationConveyance.builder("contact.example.com")
                .random(() -> new SplittableRandom(911)).build()
                .compose("v=0\r\n...\r\n".getBytes(StandardCharsets.US_ASCII), "<?xml ...>\n<presence ...>...</presence>\n"
                        .getBytes(StandardCharsets.US_ASCII));
        StringBuilder headers = new StringBuilder();
        body.headers().forEach(h -> headers.append(h.name()).append(": ").append(h.value()).append('\n'));
        String shown = headers + "\n" + new String(body.body(), StandardCharsets.US_ASCII).replace("\r\n", "\n");
        assertThat(page()).contains(expect("message.md", "```text\n" + shown + "```\n"));
    }

    @Test
    @DisplayName("the page quotes the writer snippet exactly as compiled here")
    void snippet() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/e911/core/pidf/PidfDocsPageTest.java"), StandardCharsets.UTF_8);
        String snippet = source.substring(source.indexOf("// docs:writer-start\n") + 21, source.indexOf("        // docs:writer-end"))
                .replaceAll("(?m)^ {8}", "");
        assertThat(page()).contains(expect("snippet.md", "```java\n" + snippet + "```\n"));
    }
}
