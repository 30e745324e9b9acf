package dev.e911.core.pidf;

import static dev.e911.core.pidf.PidfDocs.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.core.pidf.PidfReadResult.Located;
import dev.e911.core.pidf.PidfReadResult.Refused;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The hardened reader reuses one stream reader per thread: a refusal in the middle of a document
 * must not leave state behind for the next read, and threads must not see each other's documents.
 */
@DisplayName("PIDF-LO reader reuse")
class PidfReaderReuseTest {

    private static final PidfLoReader READER = PidfLoReader.standard();

    private static String civic(String house) {
        return PidfDocs.replaceOnce(PidfDocs.TUPLE_CIVIC, "<ca:HNO>1200</ca:HNO>", "<ca:HNO>" + house + "</ca:HNO>");
    }

    private static String houseNumber(PidfReadResult result) {
        assertThat(result).isInstanceOf(Located.class);
        return ((Located) result).address().orElseThrow().houseNumber().orElseThrow();
    }

    @Test
    @DisplayName("after each kind of refusal mid-document, the same thread reads the next document exactly as a fresh thread does")
    void refusalLeavesNothingBehind() {
        String valid = civic("1200");
        PidfReadResult reference = READER.read(utf8(valid));
        List<String> hostile = List.of(
                "<r>" + "<a>".repeat(100) + "</a>".repeat(100) + "</r>",
                "<r><a></b></r>",
                "<r>" + "x".repeat(20_000) + "</r>",
                "<!DOCTYPE r [<!ENTITY e \"x\">]><r>&e;</r>",
                "<r><p:a xmlns:p=\"u\"><q:b/></p:a></r>",
                "<r><a>",
                "<?xml version=\"1.1\"?><r/>",
                "<r a=\"1\" a=\"2\"/>");
        for (String doc : hostile) {
            assertThat(READER.read(utf8(doc))).as(doc).isInstanceOf(Refused.class);
            assertThat(READER.read(utf8(valid))).as("after " + doc).usingRecursiveComparison().isEqualTo(reference);
        }
    }

    @Test
    @DisplayName("documents read one after another on one thread each read as themselves, across the reuse budget")
    void sequentialReadsDoNotMix() {
        // ~1.6 KB per document: 400 documents cross the 256 K-character reuse budget more than once
        for (int i = 0; i < 400; i++) {
            assertThat(houseNumber(READER.read(utf8(civic(Integer.toString(i + 1)))))).isEqualTo(Integer.toString(i + 1));
        }
    }

    @Test
    @DisplayName("four threads reading different documents at once each get their own document back")
    void threadsDoNotShareReaders() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String house = Integer.toString(1000 + t);
                byte[] doc = utf8(civic(house));
                byte[] bad = utf8("<r>" + "<a>".repeat(40) + "</r>");
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 300; i++) {
                        if (i % 7 == 0) {
                            assertThat(READER.read(bad)).isInstanceOf(Refused.class);
                        }
                        assertThat(houseNumber(READER.read(doc))).isEqualTo(house);
                        ok++;
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(300);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
