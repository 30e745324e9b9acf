package dev.e911.carrier.bandwidth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tolerant navigation of payload trees as Bandwidth's documents need it: element names are matched
 * ignoring case ({@code OrderId} and {@code orderId} both occur), a list of alternative names is
 * accepted ({@code GeocodedAddress} / {@code GeocodeAddress}), empty elements ({@code <HouseSuffix/>})
 * and JSON nulls count as absent, and a single element and a repeated one both read as a list.
 */
public final class Nodes {

  private Nodes() {}

  /** The first child with any of {@code names} (case-insensitive), if present and not empty. */
  public static Optional<JsonNode> child(JsonNode node, String... names) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    for (String name : names) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equalsIgnoreCase(name) && !isEmpty(e.getValue())) {
          return Optional.of(e.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /** Every child element named {@code name}: one, repeated, or none. Repeated elements read as an array. */
  public static List<JsonNode> children(JsonNode node, String name) {
    List<JsonNode> out = new ArrayList<>();
    child(node, name).ifPresent(c -> {
      if (c.isArray()) {
        c.forEach(x -> {
          if (!isEmpty(x)) {
            out.add(x);
          }
        });
      } else {
        out.add(c);
      }
    });
    return out;
  }

  /** The text of the first child with any of {@code names}, trimmed; absent when missing or blank. */
  public static Optional<String> text(JsonNode node, String... names) {
    return child(node, names).flatMap(Nodes::scalar);
  }

  /** A scalar node's text, trimmed; absent for objects, arrays and blank text. */
  public static Optional<String> scalar(JsonNode n) {
    if (n == null || n.isNull() || n.isContainerNode()) {
      return Optional.empty();
    }
    String t = n.asText().strip();
    return t.isEmpty() ? Optional.empty() : Optional.of(t);
  }

  /** Follows a path of element names (each matched like {@link #child}). */
  public static Optional<JsonNode> path(JsonNode node, String... names) {
    Optional<JsonNode> cur = Optional.ofNullable(node);
    for (String n : names) {
      cur = cur.flatMap(c -> child(c, n));
    }
    return cur;
  }

  private static boolean isEmpty(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() || (n.isTextual() && n.asText().isBlank())
        || (n.isContainerNode() && n.isEmpty());
  }
}
