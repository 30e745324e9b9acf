package dev.e911.reliability.fuzz;

import static dev.e911.reliability.fuzz.FuzzRun.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.address.GeoPoint;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.core.json.DomainJson;
import dev.e911.core.json.JsonInputException;
import dev.e911.reliability.Scale;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Dispatchable addresses from hostile JSON ({@link DomainJson}) and through the domain builder:
 * a value (which then writes and reads back equal) or a typed error whose violations carry a JSON
 * path or field — never another exception.
 */
class AddressFuzzTest {

  private static final ObjectMapper M = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final DomainJson JSON = DomainJson.create();
  private static final String[] EXTRA = {"point", "validation", "requiresInBuildingDetail", "Country", "zip", "", "$", "A1", "__proto__"};

  @Test
  @DisplayName("address JSON: an address that round-trips, or violations with JSON paths")
  void addressJson() {
    FuzzRun.run("address JSON", Scale.of(1_000, 100_000), r -> {
      ObjectNode o = F.objectNode();
      if (r.nextInt(3) > 0) { // mostly a plausible base, then hostile edits
        o.put("country", "US").put("state", "CA").put("city", "San Francisco").put("houseNumber", "1200")
            .put("streetName", "Point").put("postalCode", "94133");
      }
      int edits = 1 + r.nextInt(6);
      for (int i = 0; i < edits; i++) {
        String field = r.nextInt(5) == 0 ? oneOf(r, EXTRA) : oneOf(r, CivicElement.values()).jsonName();
        if (r.nextInt(6) == 0) {
          o.remove(field);
        } else {
          o.set(field, value(r, field));
        }
      }
      byte[] bytes = M.writeValueAsBytes(o);
      if (r.nextInt(10) == 0) {
        bytes = corrupt(bytes, r);
      }
      try {
        DispatchableAddress a = JSON.read(bytes, DispatchableAddress.class);
        assertThat(JSON.read(JSON.write(a), DispatchableAddress.class)).isEqualTo(a);
        a.dispatchability();
        a.oneLine();
        return a.isDispatchable() ? "dispatchable" : "not-dispatchable";
      } catch (JsonInputException e) {
        FuzzRun.checkViolations(e.violations(), path -> path.startsWith("$"));
        return "invalid:" + e.violations().get(0).rule();
      }
    });
  }

  @Test
  @DisplayName("domain builder: an address or an InvalidValueException with violations")
  void builder() {
    FuzzRun.run("address builder", Scale.of(1_000, 100_000), r -> {
      try {
        DispatchableAddress.Builder b = DispatchableAddress.builder(r.nextInt(4) == 0 ? FuzzRun.anyString(r, 3) : "US");
        if (r.nextInt(3) > 0) {
          b.state("CA").city("San Francisco").houseNumber("1200").streetName("Point").postalCode("94133");
        }
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
          b.set(oneOf(r, CivicElement.values()), r.nextInt(8) == 0 ? null : text(r));
        }
        if (r.nextInt(4) == 0) {
          b.point(new GeoPoint(number(r), number(r), Math.abs(number(r))));
        }
        if (r.nextInt(4) == 0) {
          b.validation(new AddressValidation(r.nextInt(5) == 0 ? null : text(r), r.nextInt(5) == 0 ? null : Instant.ofEpochMilli(r.nextLong() >> 12)));
        }
        b.requiresInBuildingDetail(r.nextBoolean());
        DispatchableAddress a = b.build();
        assertThat(JSON.read(JSON.write(a), DispatchableAddress.class)).isEqualTo(a);
        assertThat(a.withoutValidation().toBuilder().build()).isEqualTo(a.withoutValidation());
        return "built";
      } catch (InvalidValueException e) {
        FuzzRun.checkViolations(e.violations(), path -> path != null);
        return "invalid:" + e.violations().get(0).rule();
      }
    });
  }

  private static JsonNode value(Random r, String field) {
    return switch (r.nextInt(16)) {
      case 0 -> F.numberNode(r.nextInt(10) == 0 ? Double.MAX_VALUE : r.nextGaussian() * 1000);
      case 1 -> F.booleanNode(r.nextBoolean());
      case 2 -> F.nullNode();
      case 3 -> F.arrayNode().add(text(r));
      case 4 -> field.equals("point")
          ? F.objectNode().put("latitude", number(r)).put("longitude", number(r)).put("uncertaintyMeters", number(r))
          : F.objectNode().put("validatedBy", text(r)).put("validatedAt", oneOf(r, "2026-11-20T15:04:05Z", "yesterday", "", "2026-13-40T99:00:00Z", "+999999999-12-31T23:59:59Z"));
      default -> F.textNode(text(r));
    };
  }

  static String text(Random r) {
    return switch (r.nextInt(6)) {
      case 0, 1, 2 -> oneOf(r, "CA", "ca", "California", "94133", "94133-1234", "9413", "N", "Point", "St", "1200", "1/2", " ", "",
          "Suite 200", "Floor 3", "Méndez", "O'Brien", "  padded  ", "A&B <Co>");
      case 3 -> "x".repeat(r.nextInt(20) == 0 ? 1 << 16 : r.nextInt(200));
      default -> FuzzRun.anyString(r, 40);
    };
  }

  private static double number(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> oneOf(r, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 90.0, -180.0, 100_000.0, 1e300);
      default -> (r.nextDouble() - 0.5) * 400;
    };
  }

  /** Breaks the UTF-8: a stray continuation byte, an overlong form, a truncated sequence, a NUL or a cut. */
  static byte[] corrupt(byte[] bytes, Random r) {
    byte[] out = bytes.clone();
    int at = r.nextInt(out.length);
    switch (r.nextInt(4)) {
      case 0 -> out[at] = (byte) 0x80;
      case 1 -> out[at] = (byte) 0xC0;
      case 2 -> out[at] = (byte) 0xF8;
      default -> out = java.util.Arrays.copyOf(out, at);
    }
    return out;
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
