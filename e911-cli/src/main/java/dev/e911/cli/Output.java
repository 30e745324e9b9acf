package dev.e911.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.validation.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Shared helpers for subcommands: JSON output documents and reading input files with typed errors. */
final class Output {

  static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** Largest input file the CLI reads. */
  static final long MAX_INPUT_BYTES = 32L * 1024 * 1024;

  private Output() {}

  static String json(Object tree) {
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses a JSON text produced by {@code DomainJson} into a tree, to embed it in a larger document. */
  static com.fasterxml.jackson.databind.JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode violation(Violation v) {
    ObjectNode n = F.objectNode();
    n.put("path", v.path());
    n.put("rule", v.rule());
    n.put("message", v.message());
    return n;
  }

  /** A file's bytes, or a {@link BadInput} naming the file and the problem. */
  static byte[] readFile(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new BadInput(file + ": no such file");
      }
      if (Files.size(file) > MAX_INPUT_BYTES) {
        throw new BadInput(file + ": larger than " + MAX_INPUT_BYTES + " bytes");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read", e);
    }
  }

  /** Input the CLI refuses, with a message for stderr; exit code 1. */
  static final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient List<Violation> violations;

    BadInput(String message) {
      this(message, List.of());
    }

    BadInput(String message, List<Violation> violations) {
      super(message);
      this.violations = List.copyOf(violations);
    }
  }
}
