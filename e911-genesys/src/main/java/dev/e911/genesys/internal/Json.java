package dev.e911.genesys.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The adapter's JSON: one tolerant mapper (unknown fields ignored, bounded nesting), reads that never throw. */
public final class Json {

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
  }

  private Json() {}

  /** A new empty object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** A new empty array. */
  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** The parsed body, or empty when it is not JSON. */
  public static Optional<JsonNode> parse(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(MAPPER.readTree(body)).filter(n -> !n.isMissingNode());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Compact JSON text of a tree. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** A text (or number, as text) field, or empty text when absent, null or a container. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return "";
    }
    return v.asText().strip();
  }

  /** {@code node.a.b...} as text, empty when any step is missing. */
  public static String path(JsonNode node, String... fields) {
    JsonNode n = node;
    for (int i = 0; i < fields.length - 1 && n != null; i++) {
      n = n.get(fields[i]);
    }
    return text(n, fields[fields.length - 1]);
  }

  /** The elements of an array field (or of the node itself when it is an array); empty otherwise. */
  public static List<JsonNode> elements(JsonNode node, String field) {
    JsonNode v = field == null ? node : (node == null ? null : node.get(field));
    List<JsonNode> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      v.forEach(out::add);
    }
    return out;
  }

  /** A boolean field; {@code fallback} when absent or not a boolean. */
  public static boolean bool(JsonNode node, String field, boolean fallback) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isBoolean() ? v.booleanValue() : fallback;
  }
}
