package dev.e911.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.e911.api.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes every e911 domain type as JSON: the shapes the CLI prints, the configuration file
 * uses and {@code docs/domain-model.md} documents. Reading is strict: unknown fields, wrong types and
 * broken domain rules are all reported at once in a {@link JsonInputException} whose violations carry
 * JSON paths; documents are size- and depth-bounded. Writing then reading gives back an equal value.
 * All Jackson use of the library sits in this package, so a move to Jackson 3 stays local.
 * Instances are immutable and thread-safe.
 */
public final class DomainJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(JsonLimits.MAX_DEPTH)
        .maxStringLength(1 << 20)
        .maxNumberLength(64)
        .build());
  }

  private final String defaultRegion;

  private DomainJson(String defaultRegion) {
    this.defaultRegion = defaultRegion;
  }

  /** A mapper that requires phone numbers to carry their country code ({@code +1...}). */
  public static DomainJson create() {
    return new DomainJson(null);
  }

  /** A mapper that reads phone numbers without country code in {@code region} (e.g. {@code US}). */
  public static DomainJson withDefaultRegion(String region) {
    return new DomainJson(region);
  }

  /** The region numbers without country code are read in, if any. */
  public Optional<String> defaultRegion() {
    return Optional.ofNullable(defaultRegion);
  }

  /**
   * Reads a value of {@code type} from JSON text.
   *
   * @throws JsonInputException listing every problem, with JSON paths
   */
  public <T> T read(String json, Class<T> type) {
    return read(json.getBytes(StandardCharsets.UTF_8), type);
  }

  /**
   * Reads a value of {@code type} from UTF-8 JSON bytes.
   *
   * @throws JsonInputException listing every problem, with JSON paths
   */
  public <T> T read(byte[] json, Class<T> type) {
    JsonNode tree = parse(json);
    List<Violation> violations = new ArrayList<>();
    T value = new Readers(defaultRegion, violations).read(tree, "$", type);
    if (!violations.isEmpty() || value == null) {
      if (violations.isEmpty()) {
        violations.add(new Violation("$", "json.invalid", "could not be read as " + type.getSimpleName()));
      }
      if (violations.size() > JsonLimits.MAX_VIOLATIONS) {
        violations = new ArrayList<>(violations.subList(0, JsonLimits.MAX_VIOLATIONS));
        violations.add(new Violation("$", "json.too-many-problems",
            "has more than " + JsonLimits.MAX_VIOLATIONS + " problems; the first " + JsonLimits.MAX_VIOLATIONS + " are listed"));
      }
      throw new JsonInputException(violations);
    }
    return value;
  }

  /** Writes a domain value (or a list of them) as indented JSON. */
  public String write(Object value) {
    try {
      return MAPPER.writeValueAsString(Writers.write(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write JSON", e);
    }
  }

  static JsonNode parse(byte[] json) {
    if (json.length > JsonLimits.MAX_DOCUMENT_BYTES) {
      throw new JsonInputException(List.of(new Violation("$", "json.size",
          "the document is larger than " + JsonLimits.MAX_DOCUMENT_BYTES + " bytes")));
    }
    try {
      JsonNode tree = MAPPER.readTree(json);
      if (tree == null || tree.isMissingNode()) {
        throw new JsonInputException(List.of(new Violation("$", "json.syntax", "the document is empty")));
      }
      return tree;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new JsonInputException(List.of(new Violation("$", "json.syntax",
          "is not valid JSON" + where + ": " + e.getOriginalMessage())));
    } catch (java.io.IOException e) {
      throw new JsonInputException(List.of(new Violation("$", "json.syntax", "could not be read: " + e.getMessage())));
    }
  }
}
