package dev.e911.cli;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.location.Location;
import dev.e911.api.spi.PlatformInventory;
import dev.e911.genesys.GenesysPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code genesys sync} compares: an e911 location in the form Genesys holds it (the six address fields and the
 * emergency number), and the field-by-field difference between two such forms.
 *
 * <p>The address comes from {@link GenesysPlatform#locationAddress}, the folding {@code upsertLocation} itself writes. It
 * only predicts a dry run: a real sync reports the difference between the org as read before and after, and
 * {@code GenesysCommandTest} checks that the two agree.
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
    return GenesysPlatform.locationAddress(a);
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
