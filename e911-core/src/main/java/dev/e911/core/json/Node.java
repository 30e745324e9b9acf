package dev.e911.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A cursor over one JSON object while reading it: typed field access that records violations (with
 * the JSON path) instead of throwing, and a final check that no unknown field was present.
 */
final class Node {

  private final JsonNode node;
  private final String path;
  private final List<Violation> violations;
  private final Set<String> read = new HashSet<>();

  Node(JsonNode node, String path, List<Violation> violations) {
    this.node = node;
    this.path = path;
    this.violations = violations;
  }

  static boolean expectObject(JsonNode node, String path, List<Violation> violations) {
    if (node == null || !node.isObject()) {
      violations.add(new Violation(path, "json.type", "must be a JSON object"));
      return false;
    }
    return true;
  }

  String path() {
    return path;
  }

  String child(String field) {
    return path + "." + field;
  }

  void violation(String field, String rule, String message) {
    violations.add(new Violation(field.isEmpty() ? path : child(field), rule, message));
  }

  /** Records the domain violations of a value built from this object, under this object's path. */
  void domain(InvalidValueException e) {
    Set<String> alreadyReported = new HashSet<>();
    violations.forEach(v -> alreadyReported.add(v.path()));
    for (Violation v : e.violations()) {
      String at = v.path().isEmpty() ? path : path + "." + v.path();
      if (!alreadyReported.contains(at)) {
        violations.add(new Violation(at, v.rule(), v.message()));
      }
    }
  }

  /** Runs a factory whose violations belong to {@code field}; returns null on failure. */
  <T> T at(String field, java.util.function.Supplier<T> factory) {
    try {
      return factory.get();
    } catch (InvalidValueException e) {
      String base = child(field);
      for (Violation v : e.violations()) {
        violations.add(new Violation(v.path().isEmpty() ? base : base + "." + v.path(), v.rule(), v.message()));
      }
      return null;
    }
  }

  boolean has(String field) {
    JsonNode n = node.get(field);
    return n != null && !n.isNull();
  }

  JsonNode raw(String field) {
    read.add(field);
    return node.get(field);
  }

  String text(String field, boolean required) {
    JsonNode n = raw(field);
    if (n == null || n.isNull()) {
      if (required) {
        violation(field, "required", "is required");
      }
      return null;
    }
    if (!n.isTextual()) {
      violation(field, "json.type", "must be a string");
      return null;
    }
    return n.textValue();
  }

  boolean bool(String field, boolean defaultValue) {
    JsonNode n = raw(field);
    if (n == null || n.isNull()) {
      return defaultValue;
    }
    if (!n.isBoolean()) {
      violation(field, "json.type", "must be true or false");
      return defaultValue;
    }
    return n.booleanValue();
  }

  Integer integer(String field, boolean required) {
    JsonNode n = raw(field);
    if (n == null || n.isNull()) {
      if (required) {
        violation(field, "required", "is required");
      }
      return null;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      violation(field, "json.type", "must be a whole number");
      return null;
    }
    return n.intValue();
  }

  Double number(String field, boolean required) {
    JsonNode n = raw(field);
    if (n == null || n.isNull()) {
      if (required) {
        violation(field, "required", "is required");
      }
      return null;
    }
    if (!n.isNumber()) {
      violation(field, "json.type", "must be a number");
      return null;
    }
    return n.doubleValue();
  }

  Instant instant(String field, boolean required) {
    String s = text(field, required);
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      violation(field, "json.instant", "must be an RFC 3339 / ISO-8601 instant such as 2026-11-25T16:00:00Z");
      return null;
    }
  }

  <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
    String s = text(field, required);
    if (s == null) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    violation(field, "json.enum", "must be one of " + Arrays.toString(type.getEnumConstants()));
    return null;
  }

  Node object(String field, boolean required) {
    JsonNode n = raw(field);
    if (n == null || n.isNull()) {
      if (required) {
        violation(field, "required", "is required");
      }
      return null;
    }
    if (!n.isObject()) {
      violation(field, "json.type", "must be a JSON object");
      return null;
    }
    return new Node(n, child(field), violations);
  }

  /** Reads an array; {@code element} gets each element node and its path and returns null on failure. */
  <T> List<T> list(String field, BiFunction<JsonNode, String, T> element) {
    JsonNode n = raw(field);
    List<T> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      violation(field, "json.type", "must be a JSON array");
      return out;
    }
    int max = JsonLimits.MAX_ARRAY;
    if (n.size() > max) {
      violation(field, "json.size", "must hold at most " + max + " elements");
      return out;
    }
    for (int i = 0; i < n.size(); i++) {
      if (violations.size() >= JsonLimits.MAX_VIOLATIONS) {
        violation(field, "json.too-many-problems", "was not read past element " + i);
        break; // a hopeless document: DomainJson lists the first problems only
      }
      T t = element.apply(n.get(i), child(field) + "[" + i + "]");
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  /** Records every field that was not read as unknown. */
  void done() {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!read.contains(name)) {
        violations.add(new Violation(child(name), "json.unknown-field", "is not a known field"));
      }
    }
  }

  java.time.Duration duration(String field, java.time.Duration defaultValue) {
    String s = text(field, false);
    if (s == null) {
      return defaultValue;
    }
    try {
      return java.time.Duration.parse(s);
    } catch (DateTimeParseException e) {
      violation(field, "json.duration", "must be an ISO-8601 duration such as PT12H");
      return defaultValue;
    }
  }

  /** Reads an object of string values; returns an empty map when absent. */
  java.util.Map<String, String> stringMap(String field) {
    JsonNode n = raw(field);
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isObject()) {
      violation(field, "json.type", "must be a JSON object of strings");
      return out;
    }
    n.fields().forEachRemaining(e -> {
      if (e.getValue().isTextual()) {
        out.put(e.getKey(), e.getValue().textValue());
      } else {
        violations.add(new Violation(child(field) + "." + e.getKey(), "json.type", "must be a string"));
      }
    });
    return out;
  }

  JsonNode json() {
    return node;
  }
}
