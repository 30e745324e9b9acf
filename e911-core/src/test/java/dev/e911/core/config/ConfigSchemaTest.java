package dev.e911.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.e911.core.json.DomainJson;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The JSON Schema in docs/schema agrees with the loader: both accept the example and what the writer writes; both refuse an unknown field. */
class ConfigSchemaTest {

  private static final Path SCHEMA = Path.of("..", "docs", "schema", "contact-center.schema.json");
  private final ObjectMapper mapper = new ObjectMapper();

  private Schema schema() throws Exception {
    try (InputStream in = Files.newInputStream(SCHEMA)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
  }

  @Test
  @DisplayName("the bundled example and the writer's output validate against the published schema")
  void exampleValidates() throws Exception {
    Schema schema = schema();
    JsonNode example = mapper.readTree(Files.readAllBytes(ConfigLoaderTest.EXAMPLE));
    assertThat(schema.validate(example)).isEmpty();
    String written = DomainJson.create().write(ConfigLoader.load(ConfigLoaderTest.EXAMPLE));
    assertThat(schema.validate(mapper.readTree(written))).isEmpty();
  }

  @Test
  @DisplayName("the schema refuses what the loader refuses: an unknown field and a bad enum")
  void schemaRefuses() throws Exception {
    ObjectNode example = (ObjectNode) mapper.readTree(Files.readAllBytes(ConfigLoaderTest.EXAMPLE));
    ((ObjectNode) example.get("sites").get(0)).put("colour", "blue");
    ((ObjectNode) example.get("rules").get(0)).put("classification", "URGENT");
    List<Error> errors = schema().validate(example);
    assertThat(errors).extracting(e -> e.getInstanceLocation().toString()).anyMatch(p -> p.contains("sites") && p.contains("0"));
    assertThat(errors).extracting(e -> e.getInstanceLocation().toString()).anyMatch(p -> p.contains("classification"));
  }
}
