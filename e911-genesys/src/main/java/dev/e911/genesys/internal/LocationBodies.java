package dev.e911.genesys.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.location.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * e911 locations as Genesys location bodies (genesys-cloud.md 2.1): the civic address folded into
 * {@code street1} (number and street), {@code street2} (building, floor, unit, room, seat, additional
 * location), {@code city}, {@code state}, {@code zipcode} (ZIP+4 joined), {@code country}; the primary
 * ELIN as {@code emergencyNumber {number, type: elin}}; and the marker {@code e911:<id>} in the notes that
 * ties the Genesys location to the e911 one.
 */
public final class LocationBodies {

  static final List<String> ADDRESS_FIELDS = List.of("street1", "street2", "city", "state", "zipcode", "country");

  private LocationBodies() {}

  static String marker(Location l) {
    return "e911:" + l.id();
  }

  static ObjectNode address(DispatchableAddress a) {
    ObjectNode n = Json.object();
    put(n, "street1", join(a, " ", CivicElement.HNP, CivicElement.HNO, CivicElement.HNS, CivicElement.PRM, CivicElement.PRD,
        CivicElement.STP, CivicElement.RD, CivicElement.STS, CivicElement.POD, CivicElement.POM));
    List<String> second = new ArrayList<>();
    a.get(CivicElement.BLD).ifPresent(second::add);
    a.get(CivicElement.FLR).ifPresent(f -> second.add(f.regionMatches(true, 0, "floor", 0, 5) ? f : "Floor " + f));
    a.get(CivicElement.UNIT).ifPresent(second::add);
    a.get(CivicElement.ROOM).ifPresent(r -> second.add(r.regionMatches(true, 0, "room", 0, 4) ? r : "Room " + r));
    a.get(CivicElement.SEAT).ifPresent(s -> second.add("Seat " + s));
    a.get(CivicElement.LOC).ifPresent(second::add);
    put(n, "street2", String.join(", ", second));
    put(n, "city", a.get(CivicElement.A3).orElse(""));
    put(n, "state", a.get(CivicElement.A1).orElse(""));
    String zip = a.get(CivicElement.PC).orElse("");
    put(n, "zipcode", a.get(CivicElement.PCE).map(x -> zip + "-" + x).orElse(zip));
    put(n, "country", a.country());
    return n;
  }

  /** {@link #address} as ordered field → value pairs (empty fields left out), for callers outside the adapter. */
  public static java.util.Map<String, String> addressFields(DispatchableAddress a) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    address(a).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static String join(DispatchableAddress a, String sep, CivicElement... elements) {
    List<String> parts = new ArrayList<>();
    for (CivicElement e : elements) {
      a.get(e).ifPresent(parts::add);
    }
    return String.join(sep, parts);
  }

  private static void put(ObjectNode n, String field, String value) {
    if (!value.isEmpty()) {
      n.put(field, value);
    }
  }

  static ObjectNode emergencyNumber(Location l) {
    return l.primaryElin().map(e -> {
      ObjectNode n = Json.object();
      n.put("number", e.e164());
      n.put("type", "elin");
      return n;
    }).orElse(null);
  }

  /** Whether the Genesys location's address equals the wanted one, field by field (absent equals empty). */
  static boolean sameAddress(JsonNode current, ObjectNode wanted) {
    JsonNode a = current.path("address");
    for (String f : ADDRESS_FIELDS) {
      if (!Json.text(a, f).equals(Json.text(wanted, f))) {
        return false;
      }
    }
    return true;
  }

  /** The number of the Genesys location's emergency number, or empty. */
  static String number(JsonNode current) {
    return Json.path(current, "emergencyNumber", "number");
  }
}
