package dev.e911.reliability.fuzz;

import static dev.e911.reliability.fuzz.FuzzRun.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.agent.Agent;
import dev.e911.api.routing.EmergencyRoute;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.core.E911;
import dev.e911.core.config.ConfigException;
import dev.e911.core.config.ConfigLoader;
import dev.e911.core.config.ContactCenterConfig;
import dev.e911.core.store.InMemoryLocationStore;
import dev.e911.reliability.Scale;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The configuration loader on structural mutations of the bundled {@code examples/contact-center.json}:
 * wrong types, missing and extra fields, duplicated and swapped elements, dangling references, huge
 * strings and arrays, deep nesting, duplicate keys, invalid UTF-8, other encodings, truncation. Every
 * input gives a loaded configuration or a {@link ConfigException} naming the file and, per violation,
 * a JSON path and rule — never another exception — within a generous per-case time. A configuration
 * that loads must also start the library and route a 911 call.
 */
class ConfigLoaderFuzzTest {

  private static final Path EXAMPLE = Path.of("..", "examples", "contact-center.json");
  private static final Path NAME = Path.of("fuzzed", "contact-center.json");
  private static final ObjectMapper M = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final JsonNode BASE;

  static {
    try {
      BASE = M.readTree(Files.readAllBytes(EXAMPLE));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName("the unmodified example loads (the fuzz starts from a valid file)")
  void exampleLoads() throws Exception {
    ContactCenterConfig c = ConfigLoader.parse(NAME, M.writeValueAsBytes(BASE));
    assertThat(c.agents()).isNotEmpty();
  }

  @Test
  @DisplayName("mutated configurations: loaded, or a ConfigException with JSON paths; a loaded one starts and routes")
  void mutations() {
    int[] started = {0};
    Map<String, Integer> outcomes = FuzzRun.run("configuration files", Scale.of(400, 100_000), r -> {
      JsonNode tree = BASE.deepCopy();
      int edits = 1 + r.nextInt(3);
      for (int i = 0; i < edits; i++) {
        tree = mutate(tree, r);
      }
      byte[] bytes;
      try {
        bytes = M.writeValueAsBytes(tree);
      } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException tooDeepToWrite) {
        FuzzRun.note("too deep to write");
        bytes = M.writeValueAsBytes(BASE);
      }
      if (r.nextInt(8) == 0) {
        bytes = mutateBytes(bytes, r);
      }
      ContactCenterConfig config;
      try {
        config = ConfigLoader.parse(NAME, bytes);
      } catch (ConfigException e) {
        assertThat(e.file()).isEqualTo(NAME.toString());
        FuzzRun.checkViolations(e.violations(), path -> path.startsWith("$"));
        assertThat(e.getMessage().length()).as("message size").isLessThan(bytes.length * 4 + 100_000);
        return "refused:" + e.violations().get(0).rule();
      }
      if (r.nextInt(8) == 0 && !config.agents().isEmpty()) {
        started[0]++;
        FuzzRun.note("started");
        startAndRoute(config, r);
      }
      return "loaded";
    });
    System.out.println("[fuzz] configuration files: " + started[0] + " loaded configurations were started and routed a 911 call");
    assertThat(outcomes).containsKey("loaded").hasSizeGreaterThan(10);
  }

  private static void startAndRoute(ContactCenterConfig config, Random r) {
    E911 e911;
    try {
      e911 = E911.builder().config(config).store(InMemoryLocationStore.create()).environment(k -> null).build();
    } catch (InvalidValueException e) {
      FuzzRun.checkViolations(e.violations(), path -> path != null); // e.g. a carrier's settings refused
      return;
    }
    try (e911) {
      Agent agent = config.agents().get(r.nextInt(config.agents().size()));
      EmergencyRoute route = e911.router().route(agent.id(), "911", null);
      assertThat(route).isInstanceOf(EmergencyRoute.Emergency.class);
    }
  }

  // ------------------------------------------------------------------ tree mutations

  static JsonNode mutate(JsonNode root, Random r) {
    List<Slot> slots = new ArrayList<>();
    collect(root, slots);
    if (slots.isEmpty()) {
      return r.nextBoolean() ? F.objectNode() : value(r, root);
    }
    Slot s = slots.get(r.nextInt(slots.size()));
    JsonNode current = s.get();
    int kind = r.nextInt(12);
    FuzzRun.note("m" + kind + "@" + (s.field() == null ? "[" + s.index() + "]" : s.field()));
    switch (kind) {
      case 0, 1 -> s.set(wrongType(r, current));
      case 2 -> s.remove();
      case 3 -> {
        if (current instanceof ObjectNode o) {
          o.set(oneOf(r, "extra", "Name", "id ", "", "comment", "$schema"), value(r, current));
        } else {
          s.set(F.objectNode().put("unexpected", true));
        }
      }
      case 4 -> s.set(F.textNode(FuzzRun.anyString(r, 60)));
      case 5 -> s.set(F.textNode(oneOf(r, "sf-hq-lobby", "remote", "nyc-12", "no-such-id", "maria", "911", "")));
      case 6 -> { // duplicate or swap an element between arrays (type confusion, duplicate ids)
        Slot other = slots.get(r.nextInt(slots.size()));
        if (current instanceof ArrayNode a && a.size() > 0) {
          a.add(a.get(r.nextInt(a.size())).deepCopy());
        } else {
          s.set(other.get().deepCopy());
        }
      }
      case 7 -> s.set(F.textNode("x".repeat(r.nextInt(40) == 0 ? 1 << 20 : 1_000 + r.nextInt(100_000))));
      case 8 -> { // a huge array
        ArrayNode a = F.arrayNode();
        // 200k phone numbers take ~30 s to load on a loaded CI box (reported); 20k keep the per-case bound
        int n = r.nextInt(60) == 0 ? 20_000 : r.nextInt(2_000);
        JsonNode element = r.nextBoolean() && current instanceof ArrayNode arr && arr.size() > 0 ? arr.get(0) : F.textNode("+1 415 555 0190");
        for (int i = 0; i < n; i++) {
          a.add(element);
        }
        s.set(a);
      }
      case 9 -> s.set(nested(r, r.nextInt(10) == 0 ? 900 : 40 + r.nextInt(60)));
      case 10 -> s.set(F.numberNode(oneOf(r, new java.math.BigDecimal("1e400"), new java.math.BigDecimal("-0.0"),
          new java.math.BigDecimal(Long.MAX_VALUE).multiply(java.math.BigDecimal.TEN), java.math.BigDecimal.ONE)));
      default -> {
        if (current.isTextual()) {
          String t = current.textValue();
          s.set(F.textNode(t.isEmpty() ? " " : t.substring(0, r.nextInt(t.length())) + oneOf(r, "", "\u0000", "\uD800", " ", "é", "9")));
        } else {
          s.set(F.nullNode());
        }
      }
    }
    return root;
  }

  private static JsonNode wrongType(Random r, JsonNode current) {
    JsonNode v;
    do {
      v = value(r, current);
    } while (v.getNodeType() == current.getNodeType() && r.nextInt(4) > 0);
    return v;
  }

  private static JsonNode value(Random r, JsonNode like) {
    return switch (r.nextInt(7)) {
      case 0 -> F.numberNode(r.nextInt());
      case 1 -> F.numberNode(r.nextDouble() * 1e6);
      case 2 -> F.booleanNode(r.nextBoolean());
      case 3 -> F.nullNode();
      case 4 -> F.arrayNode().add(like == null ? F.nullNode() : like.deepCopy());
      case 5 -> F.objectNode();
      default -> F.textNode(FuzzRun.anyString(r, 20));
    };
  }

  private static JsonNode nested(Random r, int depth) {
    JsonNode n = F.textNode("deep");
    for (int i = 0; i < depth; i++) {
      n = r.nextBoolean() ? F.arrayNode().add(n) : F.objectNode().set("n", n);
    }
    return n;
  }

  /** A place in the tree that can be read, replaced or removed. */
  private record Slot(ContainerNode<?> parent, String field, int index) {
    JsonNode get() {
      return parent instanceof ObjectNode o ? o.get(field) : ((ArrayNode) parent).get(index);
    }

    void set(JsonNode value) {
      if (parent instanceof ObjectNode o) {
        o.set(field, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }

    void remove() {
      if (parent instanceof ObjectNode o) {
        o.remove(field);
      } else {
        ((ArrayNode) parent).remove(index);
      }
    }
  }

  private static void collect(JsonNode node, List<Slot> out) {
    if (node instanceof ObjectNode o) {
      for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        out.add(new Slot(o, f, -1));
        collect(o.get(f), out);
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(new Slot(a, null, i));
        collect(a.get(i), out);
      }
    }
  }

  // ------------------------------------------------------------------ byte mutations

  static byte[] mutateBytes(byte[] bytes, Random r) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int kind = r.nextInt(8);
    FuzzRun.note("b" + kind);
    return switch (kind) {
      case 0 -> { // a duplicate key in a random object
        int at = nthIndexOf(text, '{', r);
        yield (text.substring(0, at + 1) + "\"name\":\"dup\"," + text.substring(at + 1)).getBytes(StandardCharsets.UTF_8);
      }
      case 1 -> AddressFuzzTest.corrupt(bytes, r);
      case 2 -> text.getBytes(oneOf(r, StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.ISO_8859_1));
      case 3 -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
      case 4 -> (text + oneOf(r, " {}", "\u0000", "]", " // comment", "\n")).getBytes(StandardCharsets.UTF_8);
      case 6 -> { // nesting far deeper than any writer would produce
        int at = nthIndexOf(text, ':', r);
        int depth = 1_000 + r.nextInt(100_000);
        yield (text.substring(0, at + 1) + "[".repeat(depth) + "]".repeat(depth) + text.substring(text.indexOf(',', at) < 0 ? text.length() : text.indexOf(',', at)))
            .getBytes(StandardCharsets.UTF_8);
      }
      case 5 -> text.replace(oneOf(r, ":", ",", "\"", "[", "}"), oneOf(r, "", ";", "'", " ")).getBytes(StandardCharsets.UTF_8);
      default -> {
        byte[] out = bytes.clone();
        for (int i = 0; i < 1 + r.nextInt(4); i++) {
          out[r.nextInt(out.length)] = (byte) r.nextInt(256);
        }
        yield out;
      }
    };
  }

  private static int nthIndexOf(String s, char c, Random r) {
    int count = (int) s.chars().filter(ch -> ch == c).count();
    int want = count == 0 ? 0 : r.nextInt(count);
    int at = -1;
    for (int i = 0; i <= want; i++) {
      at = s.indexOf(c, at + 1);
      if (at < 0) {
        return 0;
      }
    }
    return at;
  }
}
