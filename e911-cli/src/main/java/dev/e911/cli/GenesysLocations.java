package dev.e911.cli;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.location.Location;
import dev.e911.api.spi.PlatformInventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code genesys sync} compares: an e911 location in the form Genesys holds it (the six address fields and the
 * emergency number), and the field-by-field difference between two such forms.
 *
 * <p>The folding of the civic address into {@code street1}/{@code street2} mirrors what {@code GenesysPlatform#upsertLocation}
 * sends (its internal {@code LocationBodies}, which the CLI may not use). It only predicts a dry run: a real sync reports the
 * difference between the org as read before and after, and {@code GenesysCommandTest} checks that the two agree.
 */
final class GenesysLocations {

  /** The address fields of a Genesys location, in the order they are shown. */
  static final List<String> ADDRESS_FIELDS = List.of("street1", "street2", "city", "state", "zipcode", "country");

  private GenesysLocations() {}

  /** The Genesys form {@code upsertLocation} gives {@code l}, with the Genesys id {@code id} (empty when not created yet). */
  static PlatformInventory.Location wanted(String id, Location l) {
    return new PlatformInventory.Location(id, l.name(), address(l.address()), false,
        l.primaryElin().map(e -> e.e164()).orElse(""));
  }

  static Map<String, String> address(DispatchableAddress a) {
    Map<String, String> n = new LinkedHashMap<>();
    put(n, "street1", join(a, CivicElement.HNP, CivicElement.HNO, CivicElement.HNS, CivicElement.PRM, CivicElement.PRD,
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

  private static String join(DispatchableAddress a, CivicElement... elements) {
    List<String> parts = new ArrayList<>();
    for (CivicElement e : elements) {
      a.get(e).ifPresent(parts::add);
    }
    return String.join(" ", parts);
  }

  private static void put(Map<String, String> n, String field, String value) {
    if (!value.isEmpty()) {
      n.put(field, value);
    }
  }

  /**
   * The changes from {@code before} (null: the location does not exist) to {@code after}: {@code + field: 'value'} for a
   * new location, {@code ~ field: 'old' -> 'new'} for a changed one; empty when nothing differs. The address fields and the
   * emergency number are compared as the adapter compares them (absent equals empty).
   */
  static List<String> diff(PlatformInventory.Location before, PlatformInventory.Location after) {
    List<String> out = new ArrayList<>();
    if (before == null) {
      out.add("+ name: '" + after.name() + "'");
      for (String f : ADDRESS_FIELDS) {
        String v = after.address().getOrDefault(f, "");
        if (!v.isEmpty()) {
          out.add("+ address." + f + ": '" + v + "'");
        }
      }
      if (!after.emergencyNumber().isEmpty()) {
        out.add("+ emergencyNumber: '" + after.emergencyNumber() + "'");
      }
      return out;
    }
    change(out, "name", before.name(), after.name());
    for (String f : ADDRESS_FIELDS) {
      change(out, "address." + f, before.address().getOrDefault(f, ""), after.address().getOrDefault(f, ""));
    }
    change(out, "emergencyNumber", before.emergencyNumber(), after.emergencyNumber());
    return out;
  }

  private static void change(List<String> out, String field, String before, String after) {
    if (!before.equals(after)) {
      out.add("~ " + field + ": '" + before + "' -> '" + after + "'");
    }
  }
}
