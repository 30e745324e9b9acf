package dev.e911.core.pidf;

import static dev.e911.core.pidf.PidfDocs.DEVICE_CIRCLE;
import static dev.e911.core.pidf.PidfDocs.TUPLE_CIVIC;
import static dev.e911.core.pidf.PidfDocs.lineOf;
import static dev.e911.core.pidf.PidfDocs.replaceOnce;
import static dev.e911.core.pidf.PidfDocs.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.e911.core.pidf.PidfReadException.Reason;
import dev.e911.core.pidf.PidfValidationResult.Invalid;
import dev.e911.core.pidf.PidfValidationResult.Problem;
import dev.e911.core.pidf.PidfValidationResult.Refused;
import dev.e911.core.pidf.PidfValidationResult.Valid;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("PidfSchemaValidator")
class PidfSchemaValidatorTest {

    private final PidfSchemaValidator validator = PidfSchemaValidator.standard();

    private Problem onlyProblem(String doc) {
        PidfValidationResult result = validator.validate(utf8(doc));
        assertThat(result).isInstanceOf(Invalid.class);
        assertThat(result.problems()).hasSize(1);
        return result.problems().get(0);
    }

    @Nested
    @DisplayName("accepts")
    class Accepts {

        @Test
        @DisplayName("the tuple skeleton with a civic address")
        void tupleSkeleton() {
            PidfValidationResult result = validator.validate(utf8(TUPLE_CIVIC));
            assertThat(result.problems()).isEmpty();
            assertThat(result).isInstanceOf(Valid.class);
            assertThat(result.isValid()).isTrue();
        }

        @Test
        @DisplayName("the device skeleton with a GeoShape circle")
        void deviceSkeleton() {
            assertThat(validator.validate(utf8(DEVICE_CIRCLE)).problems()).isEmpty();
        }

        @Test
        @DisplayName("a policy element in the wrong namespace, because usage-rules ends in a lax ##other wildcard")
        void wrongNamespacePolicyIsAcceptedAsPublished() {
            String doc = replaceOnce(TUPLE_CIVIC,
                    "<gbp:retransmission-allowed>true</gbp:retransmission-allowed>",
                    "<gp:retransmission-allowed>yes</gp:retransmission-allowed>");
            assertThat(validator.validate(utf8(doc)).isValid()).isTrue();
        }

        @Test
        @DisplayName("any prefixes, because it matches on namespace URIs")
        void otherPrefixes() {
            String doc = TUPLE_CIVIC.replace("ca:", "cl:").replace("xmlns:ca=", "xmlns:cl=");
            assertThat(validator.validate(utf8(doc)).isValid()).isTrue();
        }
    }

    @Nested
    @DisplayName("reports with line numbers")
    class Reports {

        @Test
        @DisplayName("civicAddress children out of schema order")
        void wrongOrder() {
            String doc = replaceOnce(TUPLE_CIVIC, "            <ca:RD>Point</ca:RD>\n", "");
            doc = replaceOnce(doc, "<ca:HNO>1200</ca:HNO>\n", "<ca:HNO>1200</ca:HNO>\n            <ca:RD>Point</ca:RD>\n");
            Problem problem = onlyProblem(doc);
            assertThat(problem.line()).isEqualTo(lineOf(doc, "<ca:RD>"));
            assertThat(problem.column()).isPositive();
            assertThat(problem.message()).startsWith("cvc-complex-type.2.4.a").contains("RD");
        }

        @Test
        @DisplayName("a country code that is not two capital letters")
        void badCountry() {
            String doc = replaceOnce(TUPLE_CIVIC, "<ca:country>US</ca:country>", "<ca:country>usa</ca:country>");
            PidfValidationResult result = validator.validate(utf8(doc));
            assertThat(result.problems()).isNotEmpty();
            assertThat(result.problems()).allSatisfy(p -> assertThat(p.line()).isEqualTo(lineOf(doc, "<ca:country>")));
            assertThat(result.problems().get(0).message()).startsWith("cvc-pattern-valid").contains("[A-Z]{2}");
        }

        @Test
        @DisplayName("an unknown element in the geopriv namespace")
        void unknownGeoprivElement() {
            String doc = replaceOnce(TUPLE_CIVIC, "<gp:method>Manual</gp:method>",
                    "<gp:method>Manual</gp:method>\n        <gp:confidence>high</gp:confidence>");
            Problem problem = onlyProblem(doc);
            assertThat(problem.line()).isEqualTo(lineOf(doc, "<gp:confidence>"));
            assertThat(problem.message()).startsWith("cvc-complex-type.2.4").contains("confidence");
        }

        @Test
        @DisplayName("a presence without entity")
        void missingEntity() {
            String doc = replaceOnce(TUPLE_CIVIC, "\n          entity=\"pres:agent417@contact.example.com\">", ">");
            Problem problem = onlyProblem(doc);
            assertThat(problem.line()).isEqualTo(lineOf(doc, "xmlns:ca="));
            assertThat(problem.message()).startsWith("cvc-complex-type.4").contains("entity");
        }

        @Test
        @DisplayName("retransmission-allowed spelled as in RFC 4119's prose")
        void yesIsNotBoolean() {
            String doc = replaceOnce(TUPLE_CIVIC, ">true</gbp:retransmission-allowed>", ">yes</gbp:retransmission-allowed>");
            PidfValidationResult result = validator.validate(utf8(doc));
            assertThat(result.isValid()).isFalse();
            assertThat(result.problems().get(0).line()).isEqualTo(lineOf(doc, "<gbp:retransmission-allowed>"));
            assertThat(result.problems().get(0).message()).contains("boolean");
        }

        @Test
        @DisplayName("a circle without radius, proving the GML profile is loaded strictly")
        void circleWithoutRadius() {
            String doc = replaceOnce(DEVICE_CIRCLE,
                    "          <gs:radius uom=\"urn:ogc:def:uom:EPSG::9001\">35</gs:radius>\n", "");
            Problem problem = onlyProblem(doc);
            assertThat(problem.line()).isEqualTo(lineOf(doc, "</gs:Circle>"));
            assertThat(problem.message()).contains("radius");
        }

        @Test
        @DisplayName("a device without deviceID")
        void deviceWithoutDeviceId() {
            String doc = replaceOnce(DEVICE_CIRCLE,
                    "    <dm:deviceID>urn:uuid:6f1c0b7e-9a1d-4c7e-8a55-2f6e1f6d2b10</dm:deviceID>\n", "");
            Problem problem = onlyProblem(doc);
            assertThat(problem.line()).isEqualTo(lineOf(doc, "<dm:timestamp>"));
            assertThat(problem.message()).contains("deviceID");
        }

        @Test
        @DisplayName("every violation, in document order")
        void severalProblems() {
            String doc = replaceOnce(TUPLE_CIVIC, "<ca:country>US</ca:country>", "<ca:country>us</ca:country>");
            doc = replaceOnce(doc, "<timestamp>2026-11-25T15:04:05Z</timestamp>", "<timestamp>2026-11-25 15:04</timestamp>");
            List<Problem> problems = validator.validate(utf8(doc)).problems();
            assertThat(problems).extracting(Problem::line).isSorted()
                    .contains(lineOf(doc, "<ca:country>"), lineOf(doc, "<timestamp>"));
        }

        @Test
        @DisplayName("schema messages in English whatever the default locale")
        void messagesIgnoreDefaultLocale() {
            Locale saved = Locale.getDefault();
            Locale.setDefault(Locale.GERMANY);
            try {
                String doc = replaceOnce(TUPLE_CIVIC, "<ca:country>US</ca:country>", "<ca:country>usa</ca:country>");
                assertThat(validator.validate(utf8(doc)).problems().get(0).message()).contains("is not facet-valid");
            } finally {
                Locale.setDefault(saved);
            }
        }
    }

    @Nested
    @DisplayName("refuses, without throwing,")
    class Refuses {

        @Test
        @DisplayName("a document with a DOCTYPE")
        void doctype() {
            String doc = TUPLE_CIVIC.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE presence [<!ENTITY e \"x\">]>\n");
            PidfValidationResult result = validator.validate(utf8(doc));
            assertThat(result).isInstanceOfSatisfying(Refused.class, r -> {
                assertThat(r.reason()).isEqualTo(Reason.DOCTYPE_REFUSED);
                assertThat(r.problem().line()).isEqualTo(2);
                assertThat(r.problem().message()).contains("DOCTYPE_REFUSED");
            });
            assertThat(result.problems()).hasSize(1);
            assertThat(result.isValid()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "not xml", "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='a'>"})
        @DisplayName("input that is not well-formed")
        void malformed(String doc) {
            assertThat(validator.validate(utf8(doc))).isInstanceOfSatisfying(Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(Reason.MALFORMED));
        }

        @Test
        @DisplayName("input over its configured size limit")
        void tooLarge() {
            PidfSchemaValidator small = PidfSchemaValidator.withLimits(PidfReadLimits.defaults().withMaxBytes(512));
            assertThat(small.limits().maxBytes()).isEqualTo(512);
            assertThat(small.validate(utf8(TUPLE_CIVIC))).isInstanceOfSatisfying(Refused.class,
                    r -> assertThat(r.reason()).isEqualTo(Reason.TOO_LARGE));
        }
    }

    @Test
    @DisplayName("never follows xsi:schemaLocation in the instance document")
    void ignoresInstanceSchemaLocation() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/evil.xsd";
            String doc = replaceOnce(TUPLE_CIVIC, "entity=\"pres:agent417@contact.example.com\">",
                    "entity=\"pres:agent417@contact.example.com\"\n"
                            + "          xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                            + "          xsi:schemaLocation=\"urn:ietf:params:xml:ns:pidf " + url
                            + " urn:example:other " + url + "\">");
            doc = replaceOnce(doc, "<gp:method>Manual</gp:method>",
                    "<gp:method>Manual</gp:method>\n        <x:ext xmlns:x=\"urn:example:other\"/>");
            assertThat(validator.validate(utf8(doc)).isValid()).isTrue();
            server.setSoTimeout(200);
            boolean connected;
            try (var ignored = server.accept()) {
                connected = true;
            } catch (SocketTimeoutException expected) {
                connected = false;
            }
            assertThat(connected).as("validator connected to the instance's schemaLocation").isFalse();
        }
    }

    @Test
    @DisplayName("is safe to share between threads")
    void concurrentUse() throws Exception {
        byte[] good = utf8(TUPLE_CIVIC);
        byte[] bad = utf8(replaceOnce(TUPLE_CIVIC, "<ca:country>US</ca:country>", "<ca:country>usa</ca:country>"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                byte[] doc = i % 2 == 0 ? good : bad;
                boolean expected = i % 2 == 0;
                results.add(pool.submit(() -> validator.validate(doc).isValid() == expected));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("results are immutable")
    void immutableResults() {
        List<Problem> problems = new ArrayList<>(List.of(new Problem(1, 1, "x")));
        Invalid invalid = new Invalid(problems);
        problems.clear();
        assertThat(invalid.problems()).hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> invalid.problems().add(new Problem(2, 2, "y")))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Invalid(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
