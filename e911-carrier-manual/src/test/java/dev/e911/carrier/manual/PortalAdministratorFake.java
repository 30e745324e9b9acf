package dev.e911.carrier.manual;

import dev.e911.api.address.CivicElement;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.spi.BindingKey;
import dev.e911.testkit.carrier.CarrierFake;
import dev.e911.testkit.carrier.Fault;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The administrator and the portal, simulated: {@link #settlePendingWork()} reads the adapter's
 * worksheet CSV column by column (as a person would), enters each row in a fake portal that keeps
 * a list of 911 records per number (so a duplicated ADD shows up as two records), rejects rows
 * whose address the portal does not know, and imports a confirmation CSV back.
 */
final class PortalAdministratorFake implements CarrierFake {

  private final List<DispatchableAddress> portalAddresses = new CopyOnWriteArrayList<>();
  private final List<String> rowsRead = new CopyOnWriteArrayList<>();
  private final Map<BindingKey, List<DispatchableAddress>> portal = new HashMap<>();
  private ManualCarrier carrier;
  private int entries;
  private int references;

  /** Connects the administrator to the adapter whose worksheet they work through. */
  void attach(ManualCarrier carrier) {
    this.carrier = carrier;
  }

  @Override
  public void knowAddress(DispatchableAddress address) {
    portalAddresses.add(address);
  }

  @Override
  public void correct(DispatchableAddress input, DispatchableAddress suggestion) {
    // the portal suggests nothing
  }

  @Override
  public Set<Fault> supportedFaults() {
    return Set.of();
  }

  @Override
  public void failNext(Fault fault, int times) {
    throw new UnsupportedOperationException("a manual carrier has no remote to fail");
  }

  @Override
  public synchronized Optional<DispatchableAddress> provisioned(BindingKey key) {
    List<DispatchableAddress> records = portal.getOrDefault(key, List.of());
    return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
  }

  @Override
  public synchronized int bindingCount(BindingKey key) {
    return portal.getOrDefault(key, List.of()).size();
  }

  @Override
  public synchronized int writeOrders() {
    return entries;
  }

  @Override
  public List<String> receivedRequests() {
    return List.copyOf(rowsRead);
  }

  @Override
  public Set<String> secrets() {
    return Set.of();
  }

  @Override
  public synchronized void settlePendingWork() {
    List<List<String>> records;
    try {
      records = Csv.parse(carrier.worksheetCsv());
    } catch (Csv.SyntaxException e) {
      throw new AssertionError("the worksheet is not CSV: " + e.getMessage(), e);
    }
    List<String> header = records.get(0);
    StringBuilder confirmation = new StringBuilder("request_id,status,portal_reference,note\r\n");
    for (List<String> row : records.subList(1, records.size())) {
      rowsRead.add(String.join(",", row));
      Map<String, String> cells = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        cells.put(header.get(i), Csv.unguard(row.get(i)));
      }
      BindingKey key = BindingKey.number("+" + cells.get("telephone_number"));
      DispatchableAddress typed = typeIn(cells);
      entries++;
      String requestId = cells.get("request_id");
      switch (cells.get("action")) {
        case "ADD", "UPDATE" -> {
          if (portalAddresses.stream().noneMatch(a -> a.sameCivicAddress(typed))) {
            confirmation.append(requestId).append(",REJECTED,,address not found in the portal\r\n");
            continue;
          }
          List<DispatchableAddress> list = portal.computeIfAbsent(key, k -> new ArrayList<>());
          if (cells.get("action").equals("UPDATE")) {
            list.clear();
          }
          list.add(typed);
        }
        case "DELETE" -> portal.remove(key);
        default -> throw new AssertionError("unknown action " + cells.get("action"));
      }
      confirmation.append(requestId).append(",DONE,PPU-").append(++references).append(",\r\n");
    }
    ConfirmationImport result = carrier.importConfirmations(confirmation.toString());
    if (!result.clean()) {
      throw new AssertionError("the confirmation import reported problems: " + result.problems());
    }
  }

  /** What an administrator types into the portal's address form, column by column. */
  private static DispatchableAddress typeIn(Map<String, String> cells) {
    DispatchableAddress.Builder b = DispatchableAddress.builder();
    b.set(CivicElement.COUNTRY, cells.get("country"));
    b.houseNumber(cells.get("house_number")).houseNumberSuffix(cells.get("house_number_suffix"))
        .set(CivicElement.HNP, cells.get("house_number_prefix"))
        .set(CivicElement.PRM, cells.get("street_pre_modifier"))
        .preDirectional(cells.get("pre_directional")).set(CivicElement.STP, cells.get("street_pre_type"))
        .streetName(cells.get("street_name")).streetSuffix(cells.get("street_suffix"))
        .postDirectional(cells.get("post_directional")).set(CivicElement.POM, cells.get("street_post_modifier"))
        .building(cells.get("building")).floor(cells.get("floor")).unit(cells.get("unit")).room(cells.get("room"))
        .seat(cells.get("seat")).additionalLocation(cells.get("additional_location")).city(cells.get("city"))
        .county(cells.get("county")).state(cells.get("state")).postalCode(cells.get("postal_code"))
        .set(CivicElement.PCE, cells.get("postal_code_extension"));
    return b.build();
  }

  @Override
  public void close() {}
}
