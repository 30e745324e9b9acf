package dev.e911.core.audit;

import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.phone.Elin;
import dev.e911.api.spi.PlatformInventory;
import dev.e911.api.spi.ReadBackResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the callback numbers that should be in the carrier's 911 database with its read-back: every
 * platform location's ELIN (against the platform address), every configured location ELIN (against the
 * configured address) and the DID of every agent with a verified location (against that address).
 */
final class CarrierAudit {

  private final AuditRequest request;
  private final List<Finding> findings;
  private final List<String> notes;

  /** A number the carrier should hold, and the address to compare with (platform map or domain address). */
  private record Expected(String number, Subject subject, Map<String, String> platformAddress, DispatchableAddress address) {}

  CarrierAudit(AuditRequest request, List<Finding> findings, List<String> notes) {
    this.request = request;
    this.findings = findings;
    this.notes = notes;
  }

  void run() {
    Map<String, Expected> expected = new LinkedHashMap<>();
    request.config().ifPresent(c -> {
      c.locations().forEach(l -> l.elins().forEach(e -> expected.put(e.e164(), new Expected(e.e164(),
          new Subject(Subject.Type.LOCATION, l.id(), l.name()), Map.of(), l.address()))));
      for (AgentLocation al : c.agentLocations()) {
        if (al.isVerified()) {
          c.agent(al.agentId()).flatMap(a -> a.did()).map(Elin::e164).ifPresent(n -> expected.putIfAbsent(n,
              new Expected(n, new Subject(Subject.Type.AGENT, al.agentId(), ""), Map.of(), al.address())));
        }
      }
    });
    request.inventory().ifPresent(inv -> {
      for (PlatformInventory.Location l : inv.locations()) {
        if (!l.emergencyNumber().isEmpty()) {
          expected.putIfAbsent(l.emergencyNumber(), new Expected(l.emergencyNumber(),
              new Subject(Subject.Type.LOCATION, l.id(), l.name()), l.address(), null));
        }
      }
    });
    if (expected.isEmpty()) {
      return;
    }
    if (request.carrierReadBack().isEmpty()) {
      notes.add("no carrier read-back was given: whether the carrier holds the " + expected.size()
          + " callback number(s) for the right address was not checked");
      return;
    }
    Map<String, ReadBackResult> results = new HashMap<>();
    for (ReadBackResult r : request.carrierReadBack().get()) {
      results.put(keyOf(r), r);
    }
    List<String> unchecked = new ArrayList<>();
    for (Expected e : expected.values()) {
      ReadBackResult r = results.get(e.number());
      if (r == null) {
        unchecked.add(e.number() + " (not in the read-back)");
      } else if (r instanceof ReadBackResult.NotFound) {
        findings.add(Finding.of(FindingCode.ELIN_NOT_PROVISIONED, new Subject(Subject.Type.NUMBER, e.number(), ""),
            "the carrier holds no 911 record for " + e.number() + " of " + e.subject().describe()));
      } else if (r instanceof ReadBackResult.Found f) {
        DispatchableAddress held = f.binding().address();
        List<String> diffs = e.address() != null ? Addresses.differences(e.address(), held)
            : Addresses.differences(e.platformAddress(), held);
        if (!diffs.isEmpty()) {
          findings.add(Finding.of(FindingCode.ELIN_ADDRESS_MISMATCH, new Subject(Subject.Type.NUMBER, e.number(), ""),
              "the carrier holds " + e.number() + " of " + e.subject().describe() + " at " + held.oneLine() + ": "
                  + String.join(", ", diffs)));
        }
      } else if (r instanceof ReadBackResult.Failed fl) {
        unchecked.add(e.number() + " (read-back failed: " + fl.failure().kind() + ")");
      } else if (r instanceof ReadBackResult.Unsupported u) {
        unchecked.add(e.number() + " (" + u.reason() + ")");
      }
    }
    if (!unchecked.isEmpty()) {
      notes.add("carrier provisioning not checked for " + unchecked.size() + " number(s): " + String.join("; ", unchecked));
    }
  }

  private static String keyOf(ReadBackResult r) {
    if (r instanceof ReadBackResult.Found f) {
      return f.binding().key().value();
    }
    if (r instanceof ReadBackResult.NotFound n) {
      return n.key().value();
    }
    if (r instanceof ReadBackResult.Failed f) {
      return f.key().value();
    }
    return ((ReadBackResult.Unsupported) r).key().value();
  }
}
