package dev.e911.core.pidf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test documents: the pidf-lo.md §1 skeletons (filled in) and helpers to break them precisely. */
final class PidfDocs {

    static final String TUPLE_CIVIC = load("tuple-civic.xml");
    static final String DEVICE_CIRCLE = load("device-circle.xml");

    private PidfDocs() {
    }

    static String load(String name) {
        try (InputStream in = PidfDocs.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the single occurrence of {@code target}; fails the test if it is absent or repeated. */
    static String replaceOnce(String doc, String target, String replacement) {
        int at = doc.indexOf(target);
        assertThat(at).as("occurrence of %s", target).isNotNegative();
        assertThat(doc.indexOf(target, at + 1)).as("second occurrence of %s", target).isNegative();
        return doc.substring(0, at) + replacement + doc.substring(at + target.length());
    }

    /** 1-based line on which {@code needle} first occurs. */
    static int lineOf(String doc, String needle) {
        int at = doc.indexOf(needle);
        assertThat(at).as("occurrence of %s", needle).isNotNegative();
        return (int) doc.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    static byte[] utf8(String doc) {
        return doc.getBytes(StandardCharsets.UTF_8);
    }
}
