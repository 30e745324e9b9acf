package dev.e911.core.http.stubcopy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fails when this temporary copy drifts from the test kit's StubHttpServer (see the note atop each file). */
class StubCopyIsCurrentTest {

    @ParameterizedTest
    @ValueSource(strings = {"StubHttpServer", "StubRoute", "StubResponse", "RecordedRequest"})
    void the_copy_matches_the_test_kit_source(String type) throws Exception {
        Path original = Path.of("..", "e911-testkit", "src", "main", "java", "dev", "e911", "testkit", "http", type + ".java");
        Path copy = Path.of("src", "test", "java", "dev", "e911", "core", "http", "stubcopy", type + ".java");
        assumeTrue(Files.exists(original) && Files.exists(copy), "sources not reachable from the working directory");

        List<String> expected = Files.readAllLines(original, StandardCharsets.UTF_8).stream()
                .map(l -> l.equals("package dev.e911.testkit.http;") ? "package dev.e911.core.http.stubcopy;" : l)
                .toList();
        List<String> actual = Files.readAllLines(copy, StandardCharsets.UTF_8);

        assertThat(actual.subList(3, actual.size())).isEqualTo(expected);
    }
}
