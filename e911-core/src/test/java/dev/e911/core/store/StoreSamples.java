package dev.e911.core.store;

import dev.e911.api.address.AddressValidation;
import dev.e911.api.address.DispatchableAddress;
import dev.e911.api.location.AgentLocation;
import dev.e911.api.location.LocationSource;
import dev.e911.api.location.VerificationState;
import dev.e911.api.network.NetworkFingerprint;
import dev.e911.api.spi.LocationChange;
import dev.e911.api.spi.OutboxEntry;
import java.time.Instant;

/** Values the store tests save. */
final class StoreSamples {

  static final Instant T0 = Instant.parse("2026-11-25T16:00:00Z");

  private StoreSamples() {}

  static DispatchableAddress home() {
    return DispatchableAddress.builder("US").houseNumber("742").streetName("Evergreen").streetSuffix("Terrace")
        .city("Springfield").state("OR").postalCode("97477").build();
  }

  static DispatchableAddress office() {
    return DispatchableAddress.builder("US").houseNumber("1200").preDirectional("N").streetName("Point")
        .streetSuffix("St").unit("Suite 310").floor("3").city("San Francisco").state("CA").postalCode("94133")
        .validation(new AddressValidation("carrier", T0)).build();
  }

  /** An unverified home claim, without location id or fingerprint. */
  static AgentLocation atHome(String agentId, Instant since) {
    return AgentLocation.builder(agentId).address(home()).source(LocationSource.USER_CONFIRMED)
        .verification(VerificationState.UNVERIFIED).since(since).build();
  }

  /** A verified office claim with every optional field set. */
  static AgentLocation atOffice(String agentId, Instant since) {
    return AgentLocation.builder(agentId).address(office()).locationId("hq-3").source(LocationSource.NETWORK_MATCH)
        .verification(VerificationState.REMOTE_VERIFIED).since(since)
        .fingerprint(new NetworkFingerprint("lldp=sw1/Gi1/0/24")).build();
  }

  static LocationChange changeFor(AgentLocation location, String evidence) {
    return new LocationChange(location.agentId(), location.since(), "agent:" + location.agentId(), location.source(),
        location.verification(), location.locationId().orElse(""), location.address().oneLine(), evidence);
  }

  static OutboxEntry entry(String id, Instant due) {
    return new OutboxEntry(id, "carrier.provision", "maria", "{\"id\":\"" + id + "\"}", 0, due, "");
  }
}
