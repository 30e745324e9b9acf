package dev.e911.carrier.manual;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.BindingKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mapping table between a binding and a worksheet row. Each civic element the worksheet
 * carries has exactly one column; an element without a column is refused by {@link #unmappable},
 * naming the field, so nothing is dropped silently. The point (coordinates) is not carried: the
 * portal locates by civic address.
 */
final class Worksheet {

  /** Civic element columns, in the order an address is read. */
  static final Map<String, CivicElement> ADDRESS_COLUMNS = addressColumns();

  /** Every column of the worksheet, in order. */
  static final List<String> COLUMNS = columns();

  private Worksheet() {}

  private static Map<String, CivicElement> addressColumns() {
    Map<String, CivicElement> m = new LinkedHashMap<>();
    m.put("house_number_prefix", CivicElement.HNP);
    m.put("house_number", CivicElement.HNO);
    m.put("house_number_suffix", CivicElement.HNS);
    m.put("street_pre_modifier", CivicElement.PRM);
    m.put("pre_directional", CivicElement.PRD);
    m.put("street_pre_type", CivicElement.STP);
    m.put("street_name", CivicElement.RD);
    m.put("street_suffix", CivicElement.STS);
    m.put("post_directional", CivicElement.POD);
    m.put("street_post_modifier", CivicElement.POM);
    m.put("building", CivicElement.BLD);
    m.put("floor", CivicElement.FLR);
    m.put("unit", CivicElement.UNIT);
    m.put("room", CivicElement.ROOM);
    m.put("seat", CivicElement.SEAT);
    m.put("additional_location", CivicElement.LOC);
    m.put("city", CivicElement.A3);
    m.put("county", CivicElement.A2);
    m.put("state", CivicElement.A1);
    m.put("postal_code", CivicElement.PC);
    m.put("postal_code_extension", CivicElement.PCE);
    m.put("country", CivicElement.COUNTRY);
    return java.util.Collections.unmodifiableMap(m);
  }

  private static List<String> columns() {
    List<String> c = new ArrayList<>(List.of("request_id", "action", "telephone_number", "caller_name"));
    c.addAll(ADDRESS_COLUMNS.keySet());
    c.add("address_one_line");
    c.add("queued_at");
    return List.copyOf(c);
  }

  /** One reason per civic element of {@code address} that has no column, naming it. */
  static List<String> unmappable(DispatchableAddress address) {
    Set<CivicElement> carried = EnumSet.copyOf(ADDRESS_COLUMNS.values());
    List<String> reasons = new ArrayList<>();
    for (CivicElement e : address.elements().keySet()) {
      if (!carried.contains(e)) {
        reasons.add("address." + e.jsonName() + " (" + e.xmlName() + ") has no column in the portal worksheet;"
            + " move it into additionalLocation or remove it");
      }
    }
    return reasons;
  }

  /** The telephone number column: E.164 digits without the plus, so no spreadsheet reads it as a formula. */
  static String telephoneNumber(BindingKey key) {
    return key.value().startsWith("+") ? key.value().substring(1) : key.value();
  }

  /** The cells of one row, in {@link #COLUMNS} order. */
  static List<String> cells(WorksheetRow row) {
    List<String> cells = new ArrayList<>(COLUMNS.size());
    cells.add(row.requestId());
    cells.add(row.action().name());
    cells.add(telephoneNumber(row.key()));
    cells.add(row.callerName());
    for (CivicElement e : ADDRESS_COLUMNS.values()) {
      cells.add(row.address().get(e).orElse(""));
    }
    cells.add(row.address().oneLine());
    cells.add(row.queuedAt().toString());
    return cells;
  }
}
